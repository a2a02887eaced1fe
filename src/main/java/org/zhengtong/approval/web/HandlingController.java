package org.zhengtong.approval.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.approval.ApprovalProblem;
import org.zhengtong.approval.CaseStatus;
import org.zhengtong.approval.Cases;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.approval.clock.CaseDeadline;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * The inside of one-stop approval (内网办理): the window's queue (综合窗口) where cases are accepted, refused or
 * sent back once for everything missing; each department's worklist of review tasks; and the case page both work
 * from, with its form, its materials and its full timeline. Opening a case shows personal data and is audited.
 */
@Controller
class HandlingController {

    private final Cases cases;
    private final CaseClocks clocks;
    private final DirectoryManagement directory;
    private final AuditLog audit;
    private final Problems problems;
    private final org.zhengtong.approval.CaseItems caseItems;

    HandlingController(Cases cases, CaseClocks clocks, DirectoryManagement directory, AuditLog audit, Problems problems,
            org.zhengtong.approval.CaseItems caseItems) {
        this.caseItems = caseItems;
        this.cases = cases;
        this.clocks = clocks;
        this.directory = directory;
        this.audit = audit;
        this.problems = problems;
    }

    @GetMapping("/approval/window")
    @PreAuthorize("hasAuthority('APPROVAL_ACCEPT')")
    String window(Model model) {
        List<Cases.Case> waiting = cases.atTheWindow(200);
        model.addAttribute("cases", waiting);
        model.addAttribute("deadlines", clocks.deadlines(waiting.stream().map(Cases.Case::number).toList()));
        model.addAttribute("names", names(waiting.stream().map(Cases.Case::department).toList()));
        return "approval/handling/window";
    }

    @GetMapping("/approval/cases")
    @PreAuthorize("hasAuthority('APPROVAL_CASE_VIEW')")
    String search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String status, Model model) {
        CaseStatus s = status == null || status.isBlank() ? null : java.util.Arrays.stream(CaseStatus.values())
                .filter(x -> x.name().equals(status)).findFirst().orElse(null);
        List<Cases.Case> found = cases.search(q, s, atTheWindow() ? null : myDepartment(), 100);
        model.addAttribute("cases", found);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", s == null ? "" : s.name());
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("names", names(found.stream().map(Cases.Case::department).toList()));
        return "approval/handling/search";
    }

    @GetMapping("/approval/cases/{number:\\d{14}}")
    @PreAuthorize("hasAuthority('APPROVAL_CASE_VIEW')")
    String caze(@PathVariable String number, Model model) {
        Cases.Case c = visible(number);
        audit.record("approval.case-read", "case:" + number, c.holderKind() + " " + c.holderId());
        return show(c, null, model);
    }

    @PostMapping("/approval/cases/{number:\\d{14}}/accept")
    @PreAuthorize("hasAuthority('APPROVAL_ACCEPT')")
    String accept(@PathVariable String number, @RequestParam(required = false) @Nullable String comment, HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(number, request, redirect, "approval.done.accepted", () -> cases.accept(number, text(comment)));
    }

    @PostMapping("/approval/cases/{number:\\d{14}}/refuse")
    @PreAuthorize("hasAuthority('APPROVAL_ACCEPT')")
    String refuse(@PathVariable String number, @RequestParam(required = false) @Nullable String comment, HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(number, request, redirect, "approval.done.refused", () -> cases.refuse(number, text(comment)));
    }

    @PostMapping("/approval/cases/{number:\\d{14}}/supplement")
    @PreAuthorize("hasAuthority('APPROVAL_ACCEPT')")
    String requestSupplement(@PathVariable String number, @RequestParam(required = false) @Nullable String comment, HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(number, request, redirect, "approval.done.supplement", () -> cases.requestSupplement(number, text(comment)));
    }

    @GetMapping("/approval/cases/{number:\\d{14}}/materials/{id}")
    @PreAuthorize("hasAuthority('APPROVAL_CASE_VIEW')")
    ResponseEntity<byte[]> material(@PathVariable String number, @PathVariable long id) {
        visible(number);
        Cases.MaterialFile file = cases.materialFile(number, id).orElseThrow(() -> ApprovalProblem.unknownCase(number + "/" + id));
        audit.record("approval.material-read", "case:" + number, file.fileName());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .contentType(MediaType.parseMediaType(file.contentType()))
                .body(file.content());
    }

    @GetMapping("/approval/tasks")
    @PreAuthorize("hasAuthority('APPROVAL_REVIEW')")
    String tasks(Model model) {
        String department = myDepartment();
        List<Cases.WorkItem> work = cases.worklist(department, 200);
        model.addAttribute("work", work);
        model.addAttribute("department", name(department));
        model.addAttribute("deadlines", clocks.deadlines(work.stream().map(w -> w.caze().number()).toList()));
        return "approval/handling/tasks";
    }

    @GetMapping("/approval/tasks/{taskId}")
    @PreAuthorize("hasAuthority('APPROVAL_REVIEW')")
    String task(@PathVariable String taskId, Model model) {
        Cases.WorkItem w = cases.workItem(taskId, myDepartment()).orElseThrow(() -> ApprovalProblem.unknownTask(taskId));
        audit.record("approval.case-read", "case:" + w.caze().number(), w.caze().holderKind() + " " + w.caze().holderId());
        return show(w.caze(), w, model);
    }

    @PostMapping("/approval/tasks/{taskId}")
    @PreAuthorize("hasAuthority('APPROVAL_REVIEW')")
    String complete(@PathVariable String taskId, @RequestParam(required = false) @Nullable String decision, @RequestParam(required = false) @Nullable String comment,
            HttpServletRequest request, RedirectAttributes redirect) {
        String department = myDepartment();
        try {
            if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
                throw ApprovalProblem.decisionRequired();
            }
            Cases.Case c = cases.complete(taskId, department, "APPROVE".equals(decision), text(comment));
            redirect.addFlashAttribute("done", problems.message("approval.done.reviewed", new Object[] {c.number()}, problems.locale(request)));
            return "redirect:/approval/tasks";
        } catch (PlatformException e) {
            if (e.status() == HttpStatus.NOT_FOUND || e.status() == HttpStatus.FORBIDDEN) {
                throw e;
            }
            redirect.addFlashAttribute("failure", problems.describe(e, problems.locale(request)));
            return e.status() == HttpStatus.CONFLICT ? "redirect:/approval/tasks" : "redirect:/approval/tasks/" + taskId;
        }
    }

    @PostMapping("/approval/tasks/{taskId}/special")
    @PreAuthorize("hasAuthority('APPROVAL_REVIEW')")
    String special(@PathVariable String taskId, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String reason, @RequestParam(required = false) @Nullable String end,
            HttpServletRequest request, RedirectAttributes redirect) {
        String department = myDepartment();
        Cases.WorkItem w = cases.workItem(taskId, department).orElseThrow(() -> ApprovalProblem.unknownTask(taskId));
        try {
            if (end != null) {
                cases.endSpecialProcedure(w.caze().number(), department);
                redirect.addFlashAttribute("done", problems.message("approval.done.special-ended", new Object[0], problems.locale(request)));
            } else {
                cases.startSpecialProcedure(w.caze().number(), department, text(kind), text(reason));
                redirect.addFlashAttribute("done", problems.message("approval.done.special-started", new Object[0], problems.locale(request)));
            }
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", problems.describe(e, problems.locale(request)));
        }
        return "redirect:/approval/tasks/" + taskId;
    }

    // helpers

    private String act(String number, HttpServletRequest request, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", problems.message(done, new Object[] {number}, problems.locale(request)));
            return "redirect:/approval/window";
        } catch (PlatformException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("failure", problems.describe(e, problems.locale(request)));
            return "redirect:/approval/cases/" + number;
        }
    }

    private String show(Cases.Case c, Cases.@Nullable WorkItem task, Model model) {
        CaseDeadline deadline = clocks.deadline(c.number()).orElse(null);
        model.addAttribute("c", c);
        model.addAttribute("task", task);
        model.addAttribute("special", cases.special(c.number()));
        model.addAttribute("procedures", Cases.SPECIAL_PROCEDURES);
        model.addAttribute("deadline", deadline);
        model.addAttribute("department", name(c.department()));
        model.addAttribute("timeline", cases.timeline(c.number(), false));
        model.addAttribute("materials", cases.materialsOf(c.number()));
        Map<String, String> labels = new LinkedHashMap<>();
        try {
            caseItems.version(c.itemCode(), c.itemVersion()).fields().forEach(f -> labels.put(f.name(), f.label()));
        } catch (ApprovalProblem e) {
            // the version is gone: show the field names as they are
        }
        model.addAttribute("labels", labels);
        model.addAttribute("names", names(cases.timeline(c.number(), false).stream().map(Cases.Event::department)
                .filter(d -> d != null).toList()));
        return "approval/handling/case";
    }

    /**
     * A case the signed-in person may open: the window (which accepts every case) sees all; a department sees the
     * cases it takes part in, and any other number looks as if it did not exist.
     */
    private Cases.Case visible(String number) {
        Cases.Case c = cases.find(number).orElseThrow(() -> ApprovalProblem.unknownCase(number));
        if (!atTheWindow() && !cases.involves(number, myDepartment())) {
            throw ApprovalProblem.unknownCase(number);
        }
        return c;
    }

    private static boolean atTheWindow() {
        var auth = org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> "APPROVAL_ACCEPT".equals(a.getAuthority()));
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private String myDepartment() {
        return directory.departmentOf(Actor.current().username()).map(OrgUnit::code).orElseThrow(ApprovalProblem::notADepartment);
    }

    private String name(String code) {
        return directory.findOrgUnit(code).map(OrgUnit::name).orElse(code);
    }

    private Map<String, String> names(List<String> codes) {
        Map<String, String> names = new LinkedHashMap<>();
        codes.forEach(c -> names.computeIfAbsent(c, this::name));
        return names;
    }
}
