package org.zhengtong.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.DirectoryProblem;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.Problems;

/** A person's own account: changing their password, which a temporary password forces at first sign-in. */
@Controller
class AccountController {

    private final DirectoryManagement directory;
    private final PersonAccounts accounts;
    private final Problems problems;

    AccountController(DirectoryManagement directory, PersonAccounts accounts, Problems problems) {
        this.directory = directory;
        this.accounts = accounts;
        this.problems = problems;
    }

    @GetMapping("/account/password")
    @PreAuthorize("hasAuthority('ACCOUNT_MANAGE_OWN')")
    String passwordForm() {
        return "account/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("hasAuthority('ACCOUNT_MANAGE_OWN')")
    String changePassword(@RequestParam(required = false) @Nullable String currentPassword,
            @RequestParam(required = false) @Nullable String newPassword, @RequestParam(required = false) @Nullable String confirmPassword,
            Model model, HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        var locale = problems.locale(request);
        String fresh = newPassword == null ? "" : newPassword;
        if (!fresh.equals(confirmPassword)) {
            model.addAttribute("errors", java.util.Map.of("confirmPassword",
                    java.util.List.of(problems.message("directory.password.mismatch", new Object[0], locale))));
            return "account/password";
        }
        try {
            directory.changeOwnPassword(currentPassword == null ? "" : currentPassword, fresh);
        } catch (InvalidInput e) {
            model.addAttribute("errors", problems.byField(e, locale));
            return "account/password";
        } catch (DirectoryProblem e) {
            model.addAttribute("errors", java.util.Map.of("currentPassword",
                    java.util.List.of(problems.message(e.messageKey(), e.args(), locale))));
            return "account/password";
        }
        accounts.refreshSession(request, response);
        redirect.addFlashAttribute("changed", true);
        return "redirect:/";
    }
}
