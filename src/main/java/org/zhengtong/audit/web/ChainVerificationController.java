package org.zhengtong.audit.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Where an auditor checks that no audit record was edited, deleted or reordered (校验审计链). The check reads
 * the whole log, so it runs only when asked, by a POST.
 */
@Controller
@RequestMapping("/audit/verify")
class ChainVerificationController {

    private final ChainChecks checks;

    ChainVerificationController(ChainChecks checks) {
        this.checks = checks;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('AUDIT_VERIFY')")
    String form() {
        return "audit/verify";
    }

    @PostMapping
    @PreAuthorize("hasAuthority('AUDIT_VERIFY')")
    String verify(Model model) {
        model.addAttribute("result", checks.verify());
        return "audit/verify";
    }
}
