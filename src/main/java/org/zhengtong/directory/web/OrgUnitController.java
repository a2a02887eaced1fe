package org.zhengtong.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashMap;
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
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.NewOrgUnit;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.directory.OrgUnitKind;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.Problems;

/** The org unit tree and its forms. */
@Controller
class OrgUnitController {

    private final DirectoryManagement directory;
    private final Problems problems;

    OrgUnitController(DirectoryManagement directory, Problems problems) {
        this.directory = directory;
        this.problems = problems;
    }

    @GetMapping("/directory/org-units")
    @PreAuthorize("hasAuthority('DIRECTORY_VIEW')")
    String list(Model model) {
        List<OrgUnit> units = directory.orgUnits();
        Map<String, Integer> depth = new HashMap<>();
        for (OrgUnit u : units) {
            depth.put(u.code(), u.parentCode() == null ? 0 : depth.getOrDefault(u.parentCode(), 0) + 1);
        }
        model.addAttribute("units", units);
        model.addAttribute("depth", depth);
        return "directory/org-units";
    }

    @GetMapping("/directory/org-units/new")
    @PreAuthorize("hasAuthority('ORG_UNIT_MANAGE')")
    String newForm(@RequestParam(required = false) @Nullable String parent, Model model) {
        return form(model, new NewOrgUnit("", "", OrgUnitKind.DEPARTMENT, parent, null, "", 0), true, null);
    }

    @PostMapping("/directory/org-units")
    @PreAuthorize("hasAuthority('ORG_UNIT_MANAGE')")
    String create(OrgUnitForm form, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            OrgUnit created = directory.createOrgUnit(form.toNew());
            redirect.addFlashAttribute("saved", created.name());
            return "redirect:/directory/org-units";
        } catch (InvalidInput e) {
            return form(model, form.toNew(), true, problems.byField(e, problems.locale(request)));
        }
    }

    @GetMapping("/directory/org-units/{code}/edit")
    @PreAuthorize("hasAuthority('ORG_UNIT_MANAGE')")
    String editForm(@PathVariable String code, Model model) {
        OrgUnit u = directory.orgUnit(code);
        return form(model, new NewOrgUnit(u.code(), u.name(), u.kind(), u.parentCode(), u.creditCode(), u.divisionCode(), u.sortOrder()),
                false, null);
    }

    @PostMapping("/directory/org-units/{code}")
    @PreAuthorize("hasAuthority('ORG_UNIT_MANAGE')")
    String update(@PathVariable String code, OrgUnitForm form, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        try {
            OrgUnit saved = directory.updateOrgUnit(code, form.toNew());
            redirect.addFlashAttribute("saved", saved.name());
            return "redirect:/directory/org-units";
        } catch (InvalidInput e) {
            NewOrgUnit shown = form.toNew();
            return form(model, new NewOrgUnit(code, shown.name(), shown.kind(), shown.parentCode(), shown.creditCode(),
                    shown.divisionCode(), shown.sortOrder()), false, problems.byField(e, problems.locale(request)));
        }
    }

    @PostMapping("/directory/org-units/{code}/delete")
    @PreAuthorize("hasAuthority('ORG_UNIT_MANAGE')")
    String delete(@PathVariable String code, RedirectAttributes redirect) {
        directory.deleteOrgUnit(code);
        redirect.addFlashAttribute("saved", code);
        return "redirect:/directory/org-units";
    }

    private String form(Model model, NewOrgUnit unit, boolean isNew, @Nullable Map<String, List<String>> errors) {
        model.addAttribute("unit", unit);
        model.addAttribute("isNew", isNew);
        model.addAttribute("kinds", OrgUnitKind.values());
        model.addAttribute("parents", directory.orgUnits());
        model.addAttribute("errors", errors);
        return "directory/org-unit-form";
    }

    /** The org unit form as posted; empty fields arrive as null. */
    record OrgUnitForm(@Nullable String code, @Nullable String name, @Nullable OrgUnitKind kind, @Nullable String parentCode,
            @Nullable String creditCode, @Nullable String divisionCode, @Nullable Integer sortOrder) {

        NewOrgUnit toNew() {
            return new NewOrgUnit(code == null ? "" : code, name == null ? "" : name, kind == null ? OrgUnitKind.DEPARTMENT : kind,
                    parentCode, creditCode == null ? null : creditCode.toUpperCase(java.util.Locale.ROOT),
                    divisionCode == null ? "" : divisionCode, sortOrder == null ? 0 : sortOrder);
        }
    }
}
