package org.zhengtong.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.directory.Applicant;
import org.zhengtong.directory.Applicants;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * The security administrator's view of the applicant accounts: find one, lock it (a misused or stolen account),
 * unlock it (after too many wrong passwords). ID numbers are shown masked; each search is audited.
 */
@Controller
class ApplicantAccountsController {

    static final int LIMIT = 200;

    private final Applicants applicants;
    private final Problems problems;

    ApplicantAccountsController(Applicants applicants, Problems problems) {
        this.applicants = applicants;
        this.problems = problems;
    }

    @GetMapping("/directory/applicants")
    @PreAuthorize("hasAuthority('APPLICANT_ACCOUNTS')")
    String accounts(@RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("locked", applicants.lockedAccounts());
        model.addAttribute("found", applicants.search(q, LIMIT));
        return "applicant/accounts";
    }

    @PostMapping("/directory/applicants/{username}/lock")
    @PreAuthorize("hasAuthority('APPLICANT_ACCOUNTS')")
    String lock(@PathVariable String username, @RequestParam(required = false) @Nullable String q, HttpServletRequest request,
            RedirectAttributes redirect) {
        return change(username, true, q, request, redirect);
    }

    @PostMapping("/directory/applicants/{username}/unlock")
    @PreAuthorize("hasAuthority('APPLICANT_ACCOUNTS')")
    String unlock(@PathVariable String username, @RequestParam(required = false) @Nullable String q, HttpServletRequest request,
            RedirectAttributes redirect) {
        return change(username, false, q, request, redirect);
    }

    private String change(String username, boolean lock, @Nullable String q, HttpServletRequest request, RedirectAttributes redirect) {
        var locale = problems.locale(request);
        try {
            Applicant a = lock ? applicants.lock(username) : applicants.unlock(username);
            redirect.addFlashAttribute("done", problems.message(lock ? "applicant.admin.locked.done" : "applicant.admin.unlocked.done",
                    new Object[] {a.loginName()}, locale));
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", problems.describe(e, locale));
        }
        if (q != null && !q.isBlank()) {
            redirect.addAttribute("q", q);
        }
        return "redirect:/directory/applicants";
    }
}
