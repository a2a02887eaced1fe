package org.zhengtong.licence.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.licence.Licence;
import org.zhengtong.licence.LicenceProblem;
import org.zhengtong.licence.LicenceStatus;
import org.zhengtong.licence.LicenceType;
import org.zhengtong.licence.Licences;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * The departments' licence pages: the licences a department issued (本部门证照), searchable by number, holder or type
 * and by status; one licence with its data, its seal checked, its QR code and a form to revoke it; and the search by
 * holder across departments (跨部门证照查询), which needs the licence library's grant and a purpose.
 */
@Controller
class LicencePagesController {

    static final int PAGE_SIZE = 20;

    private final Licences licences;
    private final DirectoryManagement directory;
    private final Problems problems;

    LicencePagesController(Licences licences, DirectoryManagement directory, Problems problems) {
        this.licences = licences;
        this.directory = directory;
        this.problems = problems;
    }

    @GetMapping("/licences")
    @PreAuthorize("hasAuthority('LICENCE_VIEW')")
    String list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page, Model model) {
        LicenceStatus wanted = parseStatus(status);
        String department = licences.ownDepartment();
        Licences.Listing listing = licences.issuedByOwnDepartment(q, wanted, page, PAGE_SIZE);
        model.addAttribute("departmentName", directory.findOrgUnit(department).map(OrgUnit::name).orElse(department));
        model.addAttribute("listing", listing);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("statuses", LicenceStatus.values());
        model.addAttribute("types", licences.types().stream().filter(t -> t.issuer().equals(department)).toList());
        model.addAttribute("previousHref", listing.page() > 0 ? href(q, wanted, listing.page() - 1) : null);
        model.addAttribute("nextHref", listing.page() + 1 < listing.pages() ? href(q, wanted, listing.page() + 1) : null);
        return "licence/list";
    }

    @GetMapping("/licences/{number}")
    @PreAuthorize("hasAuthority('LICENCE_VIEW')")
    String detail(@PathVariable String number, Model model) {
        Licence licence = licences.ownLicence(number);
        model.addAttribute("licence", licence);
        model.addAttribute("labels", licences.type(licence.typeCode()).map(LicenceType::fields).orElse(List.of()));
        model.addAttribute("sealIntact", licences.verify(number).sealIntact());
        return "licence/detail";
    }

    @PostMapping("/licences/{number}/revoke")
    @PreAuthorize("hasAuthority('LICENCE_REVOKE')")
    String revoke(@PathVariable String number, @RequestParam(required = false) @Nullable String reason, HttpServletRequest request,
            RedirectAttributes redirect) {
        Locale locale = problems.locale(request);
        try {
            licences.revoke(number, reason == null ? "" : reason);
            redirect.addFlashAttribute("done", problems.message("licence.page.revoked", new Object[] {number}, locale));
        } catch (PlatformException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("failure", problems.describe(e, locale));
            redirect.addFlashAttribute("reason", reason);
        }
        return "redirect:/licences/" + number;
    }

    @GetMapping("/licences/query")
    @PreAuthorize("hasAuthority('LICENCE_QUERY')")
    String query(@RequestParam(required = false) @Nullable String holder, @RequestParam(required = false) @Nullable String purpose,
            HttpServletRequest request, Model model) {
        model.addAttribute("holder", holder == null ? "" : holder);
        model.addAttribute("purpose", purpose == null ? "" : purpose);
        model.addAttribute("granted", licences.mayQueryByHolder());
        if (holder != null && !holder.isBlank()) {
            try {
                List<Licence> found = licences.queryByHolder(holder, purpose == null ? "" : purpose);
                model.addAttribute("found", found);
            } catch (LicenceProblem e) {
                model.addAttribute("failure", problems.describe(e, problems.locale(request)));
            }
        }
        return "licence/query";
    }

    private static @Nullable LicenceStatus parseStatus(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return LicenceStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String href(@Nullable String q, @Nullable LicenceStatus status, int page) {
        var b = UriComponentsBuilder.fromPath("/licences");
        if (q != null && !q.isBlank()) {
            b.queryParam("q", q);
        }
        if (status != null) {
            b.queryParam("status", status.name());
        }
        return b.queryParam("page", page).encode().build().toUriString();
    }
}
