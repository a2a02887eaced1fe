package org.zhengtong.approval.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.approval.ApprovalProblem;
import org.zhengtong.approval.CaseItem;
import org.zhengtong.approval.CaseItems;
import org.zhengtong.approval.CaseStatus;
import org.zhengtong.approval.Cases;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.OwnData;
import org.zhengtong.directory.Applicant;
import org.zhengtong.directory.ApplicantKind;
import org.zhengtong.directory.Applicants;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.licence.Licence;
import org.zhengtong.licence.LicenceStatus;
import org.zhengtong.licence.Licences;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * The applicant's side of one-stop approval (外网): the application form generated from the item, pre-filled with what
 * the base databases know and offering the applicant's own e-licences in place of paper; the list of their cases;
 * and each case with its deadlines, the window's supplement notice and the answer.
 */
@Controller
class ServicesController {

    private final Cases cases;
    private final CaseItems caseItems;
    private final Applicants applicants;
    private final OwnData ownData;
    private final Licences licences;
    private final CaseClocks clocks;
    private final DirectoryManagement directory;
    private final Problems problems;
    private final long maxMegabytes;

    ServicesController(Cases cases, CaseItems caseItems, Applicants applicants, OwnData ownData, Licences licences, CaseClocks clocks,
            DirectoryManagement directory, Problems problems,
            @org.springframework.beans.factory.annotation.Value("${zt.approval.max-upload-megabytes:10}") long maxMegabytes) {
        this.maxMegabytes = maxMegabytes;
        this.cases = cases;
        this.caseItems = caseItems;
        this.applicants = applicants;
        this.ownData = ownData;
        this.licences = licences;
        this.clocks = clocks;
        this.directory = directory;
        this.problems = problems;
    }

    @GetMapping("/services/{code}/apply")
    @PreAuthorize("hasAuthority('APPLY')")
    String applyForm(@PathVariable String code, Model model) {
        Applicant me = me();
        CaseItem item = caseItems.published(code);
        Map<String, String> record = ownRecord(me);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Boolean> prefilled = new LinkedHashMap<>();
        for (CaseItem.Field f : item.fields()) {
            String v = Prefill.value(f.prefill(), me.holderId(), record);
            values.put(f.name(), v == null ? "" : v);
            prefilled.put(f.name(), v != null);
        }
        return showForm(item, me, record, values, prefilled, Map.of(), UUID.randomUUID().toString(), model);
    }

    @PostMapping("/services/{code}/apply")
    @PreAuthorize("hasAuthority('APPLY')")
    String apply(@PathVariable String code, @RequestParam(name = "submissionKey", required = false) @Nullable String key,
            HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response, Model model, RedirectAttributes redirect) {
        String submissionKey = key == null || key.isBlank() ? UUID.randomUUID().toString() : key;
        Applicant me = me();
        CaseItem item = caseItems.published(code);
        Locale locale = problems.locale(request);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, List<String>> errors = new LinkedHashMap<>();
        for (CaseItem.Field f : item.fields()) {
            String v = request.getParameter("f_" + f.name());
            values.put(f.name(), v == null ? "" : v.strip());
            if (f.required() && (v == null || v.isBlank())) {
                errors.put("f_" + f.name(), List.of(problems.message("problem.approval.missing-field", new Object[] {f.label()}, locale)));
            }
        }
        Map<String, String> record = ownRecord(me);
        List<Cases.MaterialInput> handedIn = new ArrayList<>();
        for (CaseItem.RequiredMaterial m : item.materials()) {
            Cases.MaterialInput in = material(m, request);
            if (in != null && in.fromBaseData() && Prefill.value(m.baseField(), me.holderId(), record) == null) {
                in = null; // the government holds no such data for this applicant after all: the material must be handed in
            }
            if (in != null) {
                handedIn.add(in);
            } else if (m.required()) {
                errors.put("m_" + m.code(), List.of(problems.message("problem.approval.missing-material", new Object[] {m.name()}, locale)));
            }
        }
        if (errors.isEmpty()) {
            try {
                Cases.Case c = cases.submit(item, applicantOf(me), values, handedIn, submissionKey);
                redirect.addFlashAttribute("submitted", true);
                return "redirect:/services/mine/" + c.number();
            } catch (ApprovalProblem e) {
                if (e.code().equals("approval.duplicate-submission")) {
                    return "redirect:/services/mine/" + e.args()[0];
                }
                errors.put(e.code().equals("approval.missing-field") ? "form" : "materials", List.of(problems.describe(e, locale)));
                if (e.status() == HttpStatus.PAYLOAD_TOO_LARGE) {
                    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
                }
            }
        }
        Map<String, Boolean> prefilled = new LinkedHashMap<>();
        item.fields().forEach(f -> prefilled.put(f.name(), false));
        if (response.getStatus() != HttpStatus.PAYLOAD_TOO_LARGE.value()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        return showForm(item, me, record, values, prefilled, errors, submissionKey, model);
    }

    /** The applicant's cases: a whole page, or just the list when the account page asks for it with htmx. */
    @GetMapping("/services/mine/cases")
    @PreAuthorize("hasAuthority('APPLICANT_SELF')")
    String myCases(@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
        Applicant me = me();
        model.addAttribute("cases", cases.ofApplicant(me.loginName(), 200));
        return htmx != null ? "approval/services/cases :: list" : "approval/services/cases";
    }

    @GetMapping("/services/mine/{number:\\d{14}}")
    @PreAuthorize("hasAuthority('APPLICANT_SELF')")
    String myCase(@PathVariable String number, Model model) {
        Cases.Case c = own(number);
        model.addAttribute("c", c);
        model.addAttribute("deadline", clocks.deadline(number).orElse(null));
        model.addAttribute("timeline", cases.timeline(number, true));
        model.addAttribute("materials", cases.materialsOf(number));
        model.addAttribute("department", departmentName(c.department()));
        model.addAttribute("asked", c.status() == CaseStatus.SUPPLEMENT_REQUESTED ? askedMaterials(c) : List.of());
        return "approval/services/case";
    }

    @PostMapping("/services/mine/{number:\\d{14}}/supplement")
    @PreAuthorize("hasAuthority('APPLICANT_SELF')")
    String supplement(@PathVariable String number, HttpServletRequest request, RedirectAttributes redirect) {
        Cases.Case c = own(number);
        Applicant me = me();
        List<Cases.MaterialInput> handedIn = new ArrayList<>();
        for (CaseItem.RequiredMaterial m : askedMaterials(c)) {
            Cases.MaterialInput in = material(m, request);
            if (in != null) {
                handedIn.add(in);
            }
        }
        try {
            cases.supplement(number, applicantOf(me), Map.of(), handedIn);
            redirect.addFlashAttribute("supplemented", true);
        } catch (PlatformException e) {
            if (e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("failure", problems.describe(e, problems.locale(request)));
        }
        return "redirect:/services/mine/" + number;
    }

    // helpers

    private String showForm(CaseItem item, Applicant me, Map<String, String> record, Map<String, String> values,
            Map<String, Boolean> prefilled, Map<String, List<String>> errors, String submissionKey, Model model) {
        Map<String, List<Licence>> held = new LinkedHashMap<>();
        List<Licence> mine = licences.heldBy(me.holderId()).stream().filter(l -> l.status() == LicenceStatus.VALID).toList();
        Map<String, Boolean> fromBase = new LinkedHashMap<>();
        for (CaseItem.RequiredMaterial m : item.materials()) {
            if (m.licenceType() != null) {
                held.put(m.code(), mine.stream().filter(l -> l.typeCode().equals(m.licenceType())).toList());
            }
            fromBase.put(m.code(), m.baseField() != null && Prefill.value(m.baseField(), me.holderId(), record) != null);
        }
        model.addAttribute("item", item);
        model.addAttribute("department", departmentName(item.department()));
        model.addAttribute("me", me);
        model.addAttribute("values", values);
        model.addAttribute("prefilled", prefilled);
        model.addAttribute("held", held);
        model.addAttribute("fromBase", fromBase);
        model.addAttribute("errors", errors);
        model.addAttribute("submissionKey", submissionKey);
        model.addAttribute("maxMegabytes", maxMegabytes);
        return "approval/services/apply";
    }

    /** What the applicant chose for one material: a licence, the base data, or an uploaded file; null when nothing. */
    private static Cases.@Nullable MaterialInput material(CaseItem.RequiredMaterial m, HttpServletRequest request) {
        String use = request.getParameter("use_" + m.code());
        if (use != null && use.startsWith("licence:") && m.licenceType() != null) {
            return Cases.MaterialInput.licence(m.code(), use.substring("licence:".length()));
        }
        if ("basedata".equals(use) && m.baseField() != null) {
            return Cases.MaterialInput.baseData(m.code());
        }
        MultipartFile file = request instanceof MultipartHttpServletRequest multipart ? multipart.getFile("file_" + m.code()) : null;
        if (file == null || file.isEmpty()) {
            return null;
        }
        try {
            String name = file.getOriginalFilename() == null ? "file" : file.getOriginalFilename();
            return Cases.MaterialInput.upload(m.code(), name, String.valueOf(file.getContentType()), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<CaseItem.RequiredMaterial> askedMaterials(Cases.Case c) {
        return caseItems.version(c.itemCode(), c.itemVersion()).materials();
    }

    private Cases.Case own(String number) {
        Cases.Case c = cases.find(number).orElseThrow(() -> ApprovalProblem.unknownCase(number));
        if (!c.applicant().equals(me().loginName())) {
            throw ApprovalProblem.notYourCase(number);
        }
        return c;
    }

    private Applicant me() {
        return applicants.current().orElseThrow(() -> ApprovalProblem.notAnApplicant());
    }

    private Map<String, String> ownRecord(Applicant me) {
        Base base = me.kind() == ApplicantKind.PERSON ? Base.PERSON : Base.LEGAL_PERSON;
        return ownData.of(base, me.holderId(), me.loginName());
    }

    static Cases.Applicant applicantOf(Applicant a) {
        return new Cases.Applicant(a.loginName(), a.kind().name(), a.holderId(), a.name());
    }

    private String departmentName(String code) {
        return directory.findOrgUnit(code).map(OrgUnit::name).orElse(code);
    }
}
