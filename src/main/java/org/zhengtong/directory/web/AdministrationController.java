package org.zhengtong.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.Person;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * The three officers' pages (三员): the security administrator's roles, accounts and department systems, and
 * the platform administrator's one-time appointment of the other two officers.
 */
@Controller
class AdministrationController {

    private final DirectoryManagement directory;
    private final AccessPolicy policy;
    private final Problems problems;

    AdministrationController(DirectoryManagement directory, AccessPolicy policy, Problems problems) {
        this.directory = directory;
        this.policy = policy;
        this.problems = problems;
    }

    @GetMapping("/directory/roles")
    @PreAuthorize("hasAuthority('ROLE_ASSIGN')")
    String roles(Model model) {
        Map<String, List<Person>> members = new LinkedHashMap<>();
        policy.roles().keySet().forEach(r -> members.put(r, new java.util.ArrayList<>()));
        for (Person p : directory.people(null, null, 100_000)) {
            p.roles().forEach(r -> members.computeIfAbsent(r, k -> new java.util.ArrayList<>()).add(p));
        }
        model.addAttribute("policy", policy);
        model.addAttribute("members", members);
        return "directory/roles";
    }

    @GetMapping("/directory/accounts")
    @PreAuthorize("hasAuthority('ACCOUNT_SECURITY')")
    String accounts(@RequestParam(required = false) @Nullable String q, Model model) {
        List<Person> people = directory.people(null, q, 100_000);
        model.addAttribute("attention", people.stream().filter(p -> p.locked() || !p.hasPassword() || !p.enabled()).toList());
        model.addAttribute("q", q);
        model.addAttribute("people", q == null ? List.of() : people);
        return "directory/accounts";
    }

    @GetMapping("/directory/api-clients")
    @PreAuthorize("hasAuthority('API_CLIENT_MANAGE')")
    String clients(Model model) {
        model.addAttribute("clients", directory.apiClients());
        model.addAttribute("privileges", policy.privileges().keySet());
        model.addAttribute("defaults", policy.defaultClientPrivileges());
        model.addAttribute("units", directory.orgUnits());
        return "directory/api-clients";
    }

    @PostMapping("/directory/api-clients")
    @PreAuthorize("hasAuthority('API_CLIENT_MANAGE')")
    String createClient(@RequestParam(required = false) @Nullable String clientId, @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String orgUnitCode, @RequestParam(required = false) @Nullable List<String> privileges,
            HttpServletRequest request, RedirectAttributes redirect) {
        try {
            String secret = directory.createApiClient(String.valueOf(clientId), name == null ? "" : name, orgUnitCode,
                    privileges == null ? List.of() : privileges, null);
            redirect.addFlashAttribute("issuedFor", clientId);
            redirect.addFlashAttribute("secret", secret);
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", failure(e, request));
        }
        return "redirect:/directory/api-clients";
    }

    @PostMapping("/directory/api-clients/{clientId}")
    @PreAuthorize("hasAuthority('API_CLIENT_MANAGE')")
    String updateClient(@PathVariable String clientId, @RequestParam(required = false) @Nullable List<String> privileges,
            @RequestParam(defaultValue = "false") boolean enabled, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            directory.updateApiClient(clientId, privileges == null ? List.of() : privileges, enabled);
            redirect.addFlashAttribute("saved", true);
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", failure(e, request));
        }
        return "redirect:/directory/api-clients";
    }

    @PostMapping("/directory/api-clients/{clientId}/secret")
    @PreAuthorize("hasAuthority('API_CLIENT_MANAGE')")
    String rotateSecret(@PathVariable String clientId, RedirectAttributes redirect) {
        redirect.addFlashAttribute("issuedFor", clientId);
        redirect.addFlashAttribute("secret", directory.rotateClientSecret(clientId));
        return "redirect:/directory/api-clients";
    }

    @GetMapping("/directory/officers")
    @PreAuthorize("hasAuthority('OFFICERS_APPOINT')")
    String officers(Model model) {
        Map<String, Boolean> vacant = new LinkedHashMap<>();
        vacant.put("SECURITY_ADMIN", directory.isVacant("SECURITY_ADMIN"));
        vacant.put("AUDITOR", directory.isVacant("AUDITOR"));
        model.addAttribute("vacant", vacant);
        return "directory/officers";
    }

    @PostMapping("/directory/officers")
    @PreAuthorize("hasAuthority('OFFICERS_APPOINT')")
    String appoint(@RequestParam String username, @RequestParam String role, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("temporaryPassword", directory.appointOfficer(username, role));
            redirect.addFlashAttribute("appointed", username);
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", failure(e, request));
        }
        return "redirect:/directory/officers";
    }

    private String failure(PlatformException e, HttpServletRequest request) {
        return problems.describe(e, problems.locale(request));
    }
}
