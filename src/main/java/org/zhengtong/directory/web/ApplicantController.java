package org.zhengtong.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.directory.Applicant;
import org.zhengtong.directory.ApplicantKind;
import org.zhengtong.directory.Applicants;
import org.zhengtong.directory.DirectoryProblem;
import org.zhengtong.directory.NewApplicant;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.Problems;
import org.zhengtong.shared.PublicPage;

/**
 * The public side of the applicant accounts (申请人账号): registering, open to anyone like the login page, and the
 * applicant's own page "我的办件" with their account and, once the case engine writes them, their cases.
 */
@Controller
class ApplicantController {

    private final Applicants applicants;
    private final Problems problems;

    ApplicantController(Applicants applicants, Problems problems) {
        this.applicants = applicants;
        this.problems = problems;
    }

    /** What the registration form shows again after a refusal; never the password. */
    record RegistrationForm(@Nullable String loginName, @Nullable ApplicantKind kind, @Nullable String holderId,
            @Nullable String name, @Nullable String contactName, @Nullable String phone) {}

    @GetMapping("/register")
    @PublicPage
    String registerForm(Model model) {
        model.addAttribute("form", new RegistrationForm(null, null, null, null, null, null));
        model.addAttribute("kinds", ApplicantKind.values());
        return "applicant/register";
    }

    @PostMapping("/register")
    @PublicPage
    String register(@RequestParam(required = false) @Nullable String loginName, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String holderId, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String contactName, @RequestParam(required = false) @Nullable String phone,
            @RequestParam(required = false) @Nullable String password, @RequestParam(required = false) @Nullable String confirmPassword,
            Model model, HttpServletRequest request) {
        ApplicantKind parsedKind = kindOf(kind);
        model.addAttribute("form", new RegistrationForm(loginName, parsedKind, holderId, name, contactName, phone));
        model.addAttribute("kinds", ApplicantKind.values());
        var locale = problems.locale(request);
        try {
            applicants.register(new NewApplicant(loginName, parsedKind, holderId, name, contactName, phone, password));
        } catch (InvalidInput e) {
            Map<String, List<String>> errors = new java.util.LinkedHashMap<>(problems.byField(e, locale));
            if (password != null && !password.equals(confirmPassword)) {
                errors.put("confirmPassword", List.of(problems.message("applicant.password.mismatch", new Object[0], locale)));
            }
            model.addAttribute("errors", errors);
            return "applicant/register";
        }
        return "redirect:/login?registered";
    }

    @GetMapping("/services/mine")
    @PreAuthorize("hasAuthority('APPLICANT_SELF')")
    String mine(Model model) {
        Applicant me = applicants.current().orElse(null);
        model.addAttribute("applicant", me);
        model.addAttribute("contactName", me == null ? null : applicants.contactName(me.loginName()).orElse(null));
        return "applicant/mine";
    }

    @GetMapping("/services/mine/password")
    @PreAuthorize("hasAuthority('APPLICANT_SELF')")
    String passwordForm() {
        return "applicant/password";
    }

    @PostMapping("/services/mine/password")
    @PreAuthorize("hasAuthority('APPLICANT_SELF')")
    String changePassword(@RequestParam(required = false) @Nullable String currentPassword,
            @RequestParam(required = false) @Nullable String newPassword, @RequestParam(required = false) @Nullable String confirmPassword,
            Model model, HttpServletRequest request, RedirectAttributes redirect) {
        var locale = problems.locale(request);
        String fresh = newPassword == null ? "" : newPassword;
        if (!fresh.equals(confirmPassword)) {
            model.addAttribute("errors", Map.of("confirmPassword",
                    List.of(problems.message("applicant.password.mismatch", new Object[0], locale))));
            return "applicant/password";
        }
        try {
            applicants.changeOwnPassword(currentPassword == null ? "" : currentPassword, fresh);
        } catch (InvalidInput e) {
            model.addAttribute("errors", problems.byField(e, locale));
            return "applicant/password";
        } catch (DirectoryProblem e) {
            model.addAttribute("errors", Map.of("currentPassword", List.of(problems.message(e.messageKey(), e.args(), locale))));
            return "applicant/password";
        }
        redirect.addFlashAttribute("changed", true);
        return "redirect:/services/mine";
    }

    private static @Nullable ApplicantKind kindOf(@Nullable String kind) {
        for (ApplicantKind k : ApplicantKind.values()) {
            if (k.name().equals(kind)) {
                return k;
            }
        }
        return null;
    }
}
