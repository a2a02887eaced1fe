package org.zhengtong.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.NewShareRequest;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/** The pages where departments request resources, providers answer, and administrators see what is overdue. */
@Controller
class SharingController {

    private final SharingManagement sharing;
    private final CatalogManagement catalog;
    private final Problems problems;

    SharingController(SharingManagement sharing, CatalogManagement catalog, Problems problems) {
        this.sharing = sharing;
        this.catalog = catalog;
        this.problems = problems;
    }

    @PostMapping("/catalog/resources/{classification}/{sequence}/requests")
    @PreAuthorize("hasAuthority('SHARE_REQUEST')")
    String request(@PathVariable String classification, @PathVariable String sequence, @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String legalBasis, @RequestParam(required = false) @Nullable List<String> items,
            @RequestParam(required = false) @Nullable String systems,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validFrom,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate validUntil,
            HttpServletRequest request, RedirectAttributes redirect) {
        String code = classification + "/" + sequence;
        try {
            sharing.request(new NewShareRequest(code, purpose, legalBasis, items == null ? List.of() : items, systems, validFrom, validUntil));
            redirect.addFlashAttribute("saved", true);
            return "redirect:/catalog/sharing";
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", message(e, request));
            return "redirect:/catalog/resources/" + code;
        }
    }

    @GetMapping("/catalog/sharing")
    @PreAuthorize("hasAuthority('SHARE_REQUEST')")
    String sharing(Model model) {
        OrgUnit department = catalog.actingDepartment();
        model.addAttribute("department", department);
        model.addAttribute("outgoing", sharing.outgoing(department.code()));
        model.addAttribute("incoming", sharing.incoming(department.code()));
        model.addAttribute("grantsIn", sharing.grantsTo(department.code()));
        model.addAttribute("grantsOut", sharing.grantsOf(department.code()));
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        return "catalog/sharing";
    }

    @PostMapping("/catalog/requests/{id}/approve")
    @PreAuthorize("hasAuthority('SHARE_ANSWER')")
    String approve(@PathVariable long id, @RequestParam(required = false) @Nullable String answer, HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(request, redirect, () -> sharing.approve(id, answer == null || answer.isBlank() ? null : answer));
    }

    @PostMapping("/catalog/requests/{id}/reject")
    @PreAuthorize("hasAuthority('SHARE_ANSWER')")
    String reject(@PathVariable long id, @RequestParam(required = false) @Nullable String answer, HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(request, redirect, () -> sharing.reject(id, answer == null ? "" : answer));
    }

    @PostMapping("/catalog/grants/{id}/revoke")
    @PreAuthorize("hasAuthority('SHARE_ANSWER')")
    String revoke(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(request, redirect, () -> sharing.revokeGrant(id, reason == null ? "" : reason));
    }

    @GetMapping("/catalog/sharing/overdue")
    @PreAuthorize("hasAuthority('SHARE_OVERSEE')")
    String overdue(Model model) {
        model.addAttribute("overdue", sharing.overdue());
        model.addAttribute("today", LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")));
        return "catalog/overdue";
    }

    private String act(HttpServletRequest request, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", message(e, request));
        }
        return "redirect:/catalog/sharing";
    }

    private String message(PlatformException e, HttpServletRequest request) {
        return problems.describe(e, problems.locale(request));
    }
}
