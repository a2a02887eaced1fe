package org.zhengtong.approval.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.approval.ApprovalProblem;
import org.zhengtong.approval.CaseItem;
import org.zhengtong.approval.CaseItems;
import org.zhengtong.approval.engine.ProcessTemplates;
import org.zhengtong.approval.engine.ProcessVersions;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.licence.Licences;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * The approval processes (审批流程) of the published items, for the platform administrator: each item's versions with
 * the cases still running on each, the BPMN file of any version to download and adapt in a BPMN editor, and the upload
 * of an adapted file as the newest version (柔性定制). A bad file is refused with its reason and the current version
 * stays in force.
 */
@Controller
class ProcessController {

    private final ServiceItems items;
    private final CaseItems caseItems;
    private final ProcessVersions versions;
    private final DirectoryManagement directory;
    private final Problems problems;
    private final Licences licences;

    ProcessController(ServiceItems items, CaseItems caseItems, ProcessVersions versions, DirectoryManagement directory, Problems problems,
            Licences licences) {
        this.licences = licences;
        this.items = items;
        this.caseItems = caseItems;
        this.versions = versions;
        this.directory = directory;
        this.problems = problems;
    }

    @GetMapping("/approval/processes")
    @PreAuthorize("hasAuthority('APPROVAL_PROCESS')")
    String list(Model model) {
        model.addAttribute("items", items.publishedList());
        return "approval/handling/processes";
    }

    @GetMapping("/approval/processes/{code}")
    @PreAuthorize("hasAuthority('APPROVAL_PROCESS')")
    String item(@PathVariable String code, Model model) {
        CaseItem item = caseItems.published(code);
        versions.ensure(code, item.plan());
        model.addAttribute("item", item);
        model.addAttribute("key", ProcessTemplates.keyOf(code));
        model.addAttribute("versions", versions.versions(code));
        model.addAttribute("licenceTypes", licences.types());
        model.addAttribute("issued", caseItems.issuedLicence(code).orElse(""));
        return "approval/handling/process";
    }

    @GetMapping("/approval/processes/{code}/versions/{version}.bpmn20.xml")
    @PreAuthorize("hasAuthority('APPROVAL_PROCESS')")
    ResponseEntity<String> download(@PathVariable String code, @PathVariable int version) {
        String xml = versions.xml(code, version).orElseThrow(() -> ApprovalProblem.unknownItem(code + " v" + version));
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(ProcessTemplates.keyOf(code) + "-v" + version + ".bpmn20.xml", StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_XML).body(xml);
    }

    @PostMapping("/approval/processes/{code}/result")
    @PreAuthorize("hasAuthority('APPROVAL_PROCESS')")
    String result(@PathVariable String code, @RequestParam(required = false) @org.jspecify.annotations.Nullable String licenceType, HttpServletRequest request,
            RedirectAttributes redirect) {
        CaseItem item = caseItems.published(code);
        var type = licenceType == null || licenceType.isBlank() ? null : licences.type(licenceType).orElse(null);
        if (licenceType != null && !licenceType.isBlank() && type == null) {
            redirect.addFlashAttribute("failure", problems.message("approval.process.unknown-licence", new Object[] {licenceType},
                    problems.locale(request)));
        } else if (type != null && !type.issuer().equals(item.department())) {
            redirect.addFlashAttribute("failure", problems.message("approval.process.licence-issuer", new Object[] {type.name(), type.issuerName()},
                    problems.locale(request)));
        } else {
            caseItems.setIssuedLicence(code, licenceType);
            redirect.addFlashAttribute("done", problems.message("approval.process.result-set", new Object[0], problems.locale(request)));
        }
        return "redirect:/approval/processes/" + code;
    }

    @PostMapping("/approval/processes/{code}")
    @PreAuthorize("hasAuthority('APPROVAL_PROCESS')")
    String upload(@PathVariable String code, @RequestParam("file") MultipartFile file, HttpServletRequest request, RedirectAttributes redirect)
            throws IOException {
        caseItems.published(code);
        try {
            if (file.isEmpty()) {
                throw ApprovalProblem.badBpmn(String.valueOf(file.getOriginalFilename()), 0, "empty file");
            }
            var v = versions.upload(code, String.valueOf(file.getOriginalFilename()), file.getBytes(),
                    d -> directory.findOrgUnit(d).isPresent(), Actor.current().username());
            redirect.addFlashAttribute("done", problems.message("approval.process.uploaded", new Object[] {v.version()}, problems.locale(request)));
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", problems.describe(e, problems.locale(request)));
        }
        return "redirect:/approval/processes/" + code;
    }
}
