package org.zhengtong.basedata.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseField;
import org.zhengtong.basedata.Conflicts;
import org.zhengtong.basedata.Conflicts.Decision;
import org.zhengtong.basedata.Conflicts.Filter;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * The data steward's conflict pages (冲突处理): the queue of open conflicts with filters by base, field and
 * department and the count waiting on each field, and one conflict beside the field's current value, with the three
 * decisions as one form that needs a comment.
 */
@Controller
class ConflictsController {

    static final int PAGE_SIZE = 20;

    private final Conflicts conflicts;
    private final DirectoryManagement directory;
    private final ExchangeHub hub;
    private final Problems problems;

    ConflictsController(Conflicts conflicts, DirectoryManagement directory, ExchangeHub hub, Problems problems) {
        this.conflicts = conflicts;
        this.directory = directory;
        this.hub = hub;
        this.problems = problems;
    }

    @GetMapping("/basedata/conflicts")
    @PreAuthorize("hasAuthority('BASEDATA_STEWARD')")
    String queue(@RequestParam(required = false) @Nullable String base, @RequestParam(required = false) @Nullable String field,
            @RequestParam(required = false) @Nullable String department, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            Model model) {
        Locale locale = problems.locale(request);
        Base b = StewardPages.base(base);
        String f = blank(field);
        if (f != null && f.contains(".")) {
            // The field list names fields as BASE.column, since both bases have a "name".
            Base of = StewardPages.base(f.substring(0, f.indexOf('.')));
            b = b == null ? of : b;
            f = f.substring(f.indexOf('.') + 1);
        }
        Filter filter = new Filter(b, f, blank(department));
        Conflicts.Page listing = conflicts.queue(filter, page, PAGE_SIZE);
        Map<String, String> names = new LinkedHashMap<>();
        conflicts.departments().forEach(d -> names.put(d, StewardPages.department(directory, d)));
        listing.conflicts().forEach(c -> {
            names.computeIfAbsent(c.department(), d -> StewardPages.department(directory, d));
            if (c.authorityDepartment() != null) {
                names.computeIfAbsent(c.authorityDepartment(), d -> StewardPages.department(directory, d));
            }
        });
        Map<String, String> fields = new LinkedHashMap<>();
        Map<Base, Map<String, String>> fieldsByBase = new LinkedHashMap<>();
        for (Base each : Base.values()) {
            for (BaseField x : each.fields()) {
                String label = StewardPages.field(x, locale);
                fields.put(each.name() + "." + x.column(), label);
                fieldsByBase.computeIfAbsent(each, k -> new LinkedHashMap<>()).put(each.name() + "." + x.column(), label);
            }
        }
        model.addAttribute("listing", listing);
        model.addAttribute("counts", conflicts.openByField(filter));
        model.addAttribute("names", names);
        model.addAttribute("bases", List.of(Base.values()));
        model.addAttribute("baseNames", Map.of(Base.PERSON, StewardPages.base(Base.PERSON, locale), Base.LEGAL_PERSON,
                StewardPages.base(Base.LEGAL_PERSON, locale)));
        model.addAttribute("fields", fields);
        model.addAttribute("fieldsByBase", fieldsByBase);
        model.addAttribute("base", b == null ? "" : b.name());
        model.addAttribute("field", filter.field() == null || filter.base() == null ? "" : filter.base().name() + "." + filter.field());
        model.addAttribute("department", filter.department() == null ? "" : filter.department());
        model.addAttribute("previousHref", listing.page() > 0 ? href(filter, listing.page() - 1) : null);
        model.addAttribute("nextHref", listing.page() + 1 < listing.pages() ? href(filter, listing.page() + 1) : null);
        model.addAttribute("zone", StewardPages.BEIJING);
        return "basedata/conflicts";
    }

    @GetMapping("/basedata/conflicts/{id}")
    @PreAuthorize("hasAuthority('BASEDATA_STEWARD')")
    String conflict(@PathVariable long id, HttpServletRequest request, Model model) {
        return show(id, model, Map.of(), null, null, problems.locale(request));
    }

    @PostMapping("/basedata/conflicts/{id}/decision")
    @PreAuthorize("hasAuthority('BASEDATA_STEWARD')")
    String decide(@PathVariable long id, @RequestParam(required = false) @Nullable String decision, @RequestParam(required = false) @Nullable String comment,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Locale locale = problems.locale(request);
        try {
            if ((decision == null || decision.isBlank()) && (comment == null || comment.isBlank())) {
                // Say both at once rather than one after the other.
                throw InvalidInput.of(List.of(new FieldProblem("decision", "basedata.conflict.decision.required"),
                        new FieldProblem("comment", "basedata.conflict.comment.required")));
            }
            Decision d = ConflictsApiController.decision(decision);
            Conflicts.Conflict decided = conflicts.decide(id, d, comment);
            redirect.addFlashAttribute("done", problems.message("basedata.page.conflict.decided." + d.name(), new Object[] {decided.id()}, locale));
            return "redirect:/basedata/conflicts/" + id;
        } catch (InvalidInput e) {
            return show(id, model, problems.byField(e, locale), decision, comment, locale);
        } catch (PlatformException e) {
            if (e.status() == HttpStatus.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("failure", problems.describe(e, locale));
            return "redirect:/basedata/conflicts/" + id;
        }
    }

    private String show(long id, Model model, Map<String, List<String>> errors, @Nullable String decision, @Nullable String comment, Locale locale) {
        Conflicts.Detail detail = conflicts.detail(id);
        Conflicts.Conflict c = detail.conflict();
        Map<String, String> names = new LinkedHashMap<>();
        for (String d : new String[] {c.department(), c.authorityDepartment(), detail.currentBatch() == null ? null : detail.currentBatch().department()}) {
            if (d != null) {
                names.put(d, StewardPages.department(directory, d));
            }
        }
        Map<String, String> datasets = new LinkedHashMap<>();
        for (String d : new String[] {c.batch().dataset(), detail.currentBatch() == null ? null : detail.currentBatch().dataset()}) {
            if (d != null) {
                datasets.put(d, StewardPages.dataset(hub, d));
            }
        }
        model.addAttribute("detail", detail);
        model.addAttribute("c", c);
        model.addAttribute("names", names);
        model.addAttribute("datasets", datasets);
        model.addAttribute("baseName", StewardPages.base(c.base(), locale));
        model.addAttribute("fieldName", StewardPages.field(c.field(), locale));
        model.addAttribute("decisions", List.of(Decision.values()));
        model.addAttribute("errors", errors);
        model.addAttribute("decision", decision == null ? "" : decision);
        model.addAttribute("comment", comment == null ? "" : comment);
        model.addAttribute("zone", StewardPages.BEIJING);
        return "basedata/conflict";
    }

    private static String href(Filter filter, int page) {
        return UriComponentsBuilder.fromPath("/basedata/conflicts").queryParamIfPresent("base", java.util.Optional.ofNullable(filter.base()))
                .queryParamIfPresent("field", java.util.Optional.ofNullable(filter.field()))
                .queryParamIfPresent("department", java.util.Optional.ofNullable(filter.department())).queryParam("page", page).build().encode()
                .toUriString();
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
