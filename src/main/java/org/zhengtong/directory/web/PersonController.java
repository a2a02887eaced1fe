package org.zhengtong.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import org.zhengtong.directory.NewPerson;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.directory.Person;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/** The staff list, a person's page, and what administrators do to a person's record and account. */
@Controller
class PersonController {

    static final int PAGE_LIMIT = 500;

    private final DirectoryManagement directory;
    private final AccessPolicy policy;
    private final Problems problems;

    PersonController(DirectoryManagement directory, AccessPolicy policy, Problems problems) {
        this.directory = directory;
        this.policy = policy;
        this.problems = problems;
    }

    @GetMapping("/directory/people")
    @PreAuthorize("hasAuthority('DIRECTORY_VIEW')")
    String list(@RequestParam(required = false) @Nullable String org, @RequestParam(required = false) @Nullable String q, Model model) {
        model.addAttribute("people", directory.people(org, q, PAGE_LIMIT));
        model.addAttribute("org", org == null ? null : directory.orgUnit(org));
        model.addAttribute("q", q);
        model.addAttribute("units", directory.orgUnits());
        return "directory/people";
    }

    @GetMapping("/directory/people/{username}")
    @PreAuthorize("hasAuthority('PERSON_DETAIL_VIEW')")
    String show(@PathVariable String username, Model model) {
        model.addAttribute("person", directory.person(username));
        model.addAttribute("roles", policy.roles().keySet());
        return "directory/person";
    }

    @GetMapping("/directory/people/new")
    @PreAuthorize("hasAuthority('PERSON_MANAGE')")
    String newForm(@RequestParam(required = false) @Nullable String org, Model model) {
        return form(model, new NewPerson("", "", org, null, null, null), true, null);
    }

    @PostMapping("/directory/people")
    @PreAuthorize("hasAuthority('PERSON_MANAGE')")
    String create(PersonForm form, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            Person p = directory.createPerson(form.toNew());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/directory/people?org=" + (p.orgUnitCode() == null ? "" : p.orgUnitCode());
        } catch (InvalidInput e) {
            return form(model, form.toNew(), true, problems.byField(e, problems.locale(request)));
        }
    }

    @GetMapping("/directory/people/{username}/edit")
    @PreAuthorize("hasAuthority('PERSON_MANAGE')")
    String editForm(@PathVariable String username, Model model) {
        Person p = directory.person(username);
        return form(model, new NewPerson(p.username(), p.fullName(), p.orgUnitCode(), p.title(), p.mobile(), p.email()), false, null);
    }

    @PostMapping("/directory/people/{username}")
    @PreAuthorize("hasAuthority('PERSON_MANAGE')")
    String update(@PathVariable String username, PersonForm form, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            directory.updatePerson(username, form.toNew());
            redirect.addFlashAttribute("saved", true);
            return "redirect:/directory/people?org=" + (form.orgUnitCode() == null ? "" : form.orgUnitCode());
        } catch (InvalidInput e) {
            NewPerson shown = form.toNew();
            return form(model, new NewPerson(username, shown.fullName(), shown.orgUnitCode(), shown.title(), shown.mobile(), shown.email()),
                    false, problems.byField(e, problems.locale(request)));
        }
    }

    @PostMapping("/directory/people/{username}/enabled")
    @PreAuthorize("hasAuthority('PERSON_MANAGE')")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        directory.setEnabled(username, enabled);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/people/" + username;
    }

    @PostMapping("/directory/people/{username}/roles")
    @PreAuthorize("hasAuthority('ROLE_ASSIGN')")
    String assignRoles(@PathVariable String username, @RequestParam(required = false) @Nullable List<String> roles,
            HttpServletRequest request, RedirectAttributes redirect) {
        Set<String> chosen = roles == null ? Set.of() : new LinkedHashSet<>(roles);
        try {
            directory.assignRoles(username, chosen);
            redirect.addFlashAttribute("saved", true);
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", problems.message(e.messageKey(), e.args(), problems.locale(request)));
        }
        return "redirect:/directory/people/" + username;
    }

    @PostMapping("/directory/people/{username}/unlock")
    @PreAuthorize("hasAuthority('ACCOUNT_SECURITY')")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        directory.unlock(username);
        redirect.addFlashAttribute("saved", true);
        return "redirect:/directory/people/" + username;
    }

    @PostMapping("/directory/people/{username}/temporary-password")
    @PreAuthorize("hasAuthority('ACCOUNT_SECURITY')")
    String temporaryPassword(@PathVariable String username, RedirectAttributes redirect) {
        redirect.addFlashAttribute("temporaryPassword", directory.issueTemporaryPassword(username));
        return "redirect:/directory/people/" + username;
    }

    private String form(Model model, NewPerson person, boolean isNew, @Nullable Map<String, List<String>> errors) {
        Set<String> managed = directory.managedOrgUnits();
        List<OrgUnit> units = directory.orgUnits().stream().filter(u -> managed == null || managed.contains(u.code())).toList();
        model.addAttribute("person", person);
        model.addAttribute("isNew", isNew);
        model.addAttribute("units", units);
        model.addAttribute("errors", errors);
        return "directory/person-form";
    }

    /** The person form as posted; empty fields arrive as null. */
    record PersonForm(@Nullable String username, @Nullable String fullName, @Nullable String orgUnitCode, @Nullable String title,
            @Nullable String mobile, @Nullable String email) {

        NewPerson toNew() {
            return new NewPerson(username == null ? "" : username.toLowerCase(java.util.Locale.ROOT), fullName == null ? "" : fullName,
                    orgUnitCode, title, mobile, email);
        }
    }
}
