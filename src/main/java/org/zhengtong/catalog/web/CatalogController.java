package org.zhengtong.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.CatalogSearch;
import org.zhengtong.catalog.search.SearchResult;
import org.zhengtong.catalog.Resource;
import org.zhengtong.catalog.Resource.ResourceStatus;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.Vocabulary;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/** The catalog's pages: browsing published entries, a department's own entries and their form, and review. */
@Controller
class CatalogController {

    static final int LIMIT = 2000;

    private final CatalogManagement catalog;
    private final CatalogSearch search;
    private final DirectoryManagement directory;
    private final Problems problems;

    CatalogController(CatalogManagement catalog, CatalogSearch search, DirectoryManagement directory, Problems problems) {
        this.catalog = catalog;
        this.search = search;
        this.directory = directory;
        this.problems = problems;
    }

    /** Facet fields offered beside the results, in the order shown. */
    static final List<String> FACETS = List.of("category", "provider", "shareType", "openType", "format", "updateCycle");
    static final int PAGE = 20;

    @GetMapping("/catalog")
    @PreAuthorize("hasAuthority('CATALOG_VIEW')")
    String browse(@RequestParam(required = false) @Nullable String q, @RequestParam Map<String, String> params,
            @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Set<String>> filters = new LinkedHashMap<>();
        for (String f : FACETS) {
            String v = params.get(f);
            if (v != null && !v.isBlank()) {
                filters.put(f, Set.of(v));
            }
        }
        int current = Math.max(0, page);
        SearchResult result = search.search(q, filters, current * PAGE, PAGE);
        Map<String, String> active = new LinkedHashMap<>();
        filters.forEach((k, v) -> active.put(k, v.iterator().next()));
        model.addAttribute("result", result);
        model.addAttribute("facets", FACETS);
        model.addAttribute("active", active);
        model.addAttribute("q", q);
        model.addAttribute("page", current);
        model.addAttribute("pages", (result.total() + PAGE - 1) / PAGE);
        return "catalog/browse";
    }

    /** The classification view (按分类浏览): the 类-项-目-细目 tree with how many published entries sit under each node. */
    @GetMapping("/catalog/classifications")
    @PreAuthorize("hasAuthority('CATALOG_VIEW')")
    String classifications(@RequestParam(required = false) @Nullable String node, Model model) {
        Map<String, String> names = new TreeMap<>(catalog.classificationNames());
        List<Resource> published = catalog.publishedEntries(null, null, Integer.MAX_VALUE);
        Map<String, Long> counts = new TreeMap<>();
        for (Resource r : published) {
            for (int len : new int[] {1, 3, 6, 9}) {
                counts.merge(r.classification().substring(0, len), 1L, Long::sum);
            }
        }
        model.addAttribute("names", names);
        model.addAttribute("counts", counts);
        model.addAttribute("node", node);
        model.addAttribute("entries", node == null || node.isBlank() ? List.of()
                : published.stream().filter(r -> r.classification().startsWith(node)).toList());
        return "catalog/classifications";
    }

    @GetMapping("/catalog/resources/{classification}/{sequence}")
    @PreAuthorize("hasAuthority('CATALOG_VIEW')")
    String show(@PathVariable String classification, @PathVariable String sequence, @RequestParam(required = false) @Nullable Integer version,
            Authentication auth, Model model) {
        String code = classification + "/" + sequence;
        Resource latest = catalog.latest(code);
        boolean insider = isProviderOf(auth, latest) || has(auth, "CATALOG_REVIEW");
        Resource shown;
        if (version != null) {
            shown = catalog.version(code, version);
        } else {
            shown = insider ? latest : catalog.published(code).orElseThrow(() -> org.zhengtong.catalog.CatalogProblem.notFound(code));
        }
        if (!insider && shown.versionStatus() != Resource.VersionStatus.PUBLISHED && shown.versionStatus() != Resource.VersionStatus.SUPERSEDED) {
            throw org.zhengtong.catalog.CatalogProblem.notFound(code);
        }
        model.addAttribute("r", shown);
        model.addAttribute("latest", latest);
        model.addAttribute("versions", catalog.versions(code));
        model.addAttribute("isProvider", isProviderOf(auth, latest));
        return "catalog/resource";
    }

    @GetMapping("/catalog/mine")
    @PreAuthorize("hasAuthority('CATALOG_EDIT')")
    String mine(Model model) {
        OrgUnit department = catalog.actingDepartment();
        model.addAttribute("department", department);
        model.addAttribute("entries", catalog.entries(department.code(), null, LIMIT));
        return "catalog/mine";
    }

    @GetMapping("/catalog/new")
    @PreAuthorize("hasAuthority('CATALOG_EDIT')")
    String newForm(Model model) {
        return form(model, null, emptyDraft(), null);
    }

    @PostMapping("/catalog/resources")
    @PreAuthorize("hasAuthority('CATALOG_EDIT')")
    String create(ResourceForm form, @RequestParam(required = false) @Nullable String more, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        ResourceDraft draft = form.toDraft(null);
        if (more != null) {
            return form(model, null, draft, null);
        }
        try {
            Resource created = catalog.draft(draft);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/catalog/resources/" + created.code();
        } catch (InvalidInput e) {
            return form(model, null, draft, problems.byField(e, problems.locale(request)));
        }
    }

    @GetMapping("/catalog/resources/{classification}/{sequence}/edit")
    @PreAuthorize("hasAuthority('CATALOG_EDIT')")
    String editForm(@PathVariable String classification, @PathVariable String sequence, Model model) {
        Resource r = catalog.latest(classification + "/" + sequence);
        return form(model, r.code(), r.content(), null);
    }

    @PostMapping("/catalog/resources/{classification}/{sequence}")
    @PreAuthorize("hasAuthority('CATALOG_EDIT')")
    String save(@PathVariable String classification, @PathVariable String sequence, ResourceForm form,
            @RequestParam(required = false) @Nullable String more, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        String code = classification + "/" + sequence;
        ResourceDraft draft = form.toDraft(null);
        if (more != null) {
            return form(model, code, draft, null);
        }
        try {
            catalog.saveDraft(code, draft);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/catalog/resources/" + code;
        } catch (InvalidInput e) {
            return form(model, code, draft, problems.byField(e, problems.locale(request)));
        }
    }

    @PostMapping("/catalog/resources/{classification}/{sequence}/submit")
    @PreAuthorize("hasAuthority('CATALOG_EDIT')")
    String submit(@PathVariable String classification, @PathVariable String sequence, HttpServletRequest request, RedirectAttributes redirect) {
        return act(classification + "/" + sequence, request, redirect, code -> catalog.submit(code));
    }

    @PostMapping("/catalog/resources/{classification}/{sequence}/change")
    @PreAuthorize("hasAuthority('CATALOG_EDIT')")
    String change(@PathVariable String classification, @PathVariable String sequence, HttpServletRequest request, RedirectAttributes redirect) {
        String code = classification + "/" + sequence;
        act(code, request, redirect, catalog::startChange);
        return "redirect:/catalog/resources/" + code + "/edit";
    }

    @GetMapping("/catalog/review")
    @PreAuthorize("hasAuthority('CATALOG_REVIEW')")
    String review(Model model) {
        model.addAttribute("entries", catalog.entries(null, null, LIMIT).stream()
                .filter(r -> r.versionStatus() == Resource.VersionStatus.SUBMITTED).toList());
        return "catalog/review";
    }

    /** Rebuilds the search index from the database, e.g. after restoring a backup. */
    @PostMapping("/catalog/index/rebuild")
    @PreAuthorize("hasAuthority('CATALOG_REVIEW')")
    String rebuildIndex(RedirectAttributes redirect) {
        redirect.addFlashAttribute("rebuilt", search.rebuild());
        return "redirect:/catalog/review";
    }

    @PostMapping("/catalog/resources/{classification}/{sequence}/publish")
    @PreAuthorize("hasAuthority('CATALOG_REVIEW')")
    String publish(@PathVariable String classification, @PathVariable String sequence, @RequestParam(required = false) @Nullable String comment,
            HttpServletRequest request, RedirectAttributes redirect) {
        return act(classification + "/" + sequence, request, redirect, code -> catalog.publish(code, blankToNull(comment)));
    }

    @PostMapping("/catalog/resources/{classification}/{sequence}/reject")
    @PreAuthorize("hasAuthority('CATALOG_REVIEW')")
    String reject(@PathVariable String classification, @PathVariable String sequence, @RequestParam(required = false) @Nullable String comment,
            HttpServletRequest request, RedirectAttributes redirect) {
        return act(classification + "/" + sequence, request, redirect, code -> catalog.reject(code, comment == null ? "" : comment));
    }

    @PostMapping("/catalog/resources/{classification}/{sequence}/revoke")
    @PreAuthorize("hasAuthority('CATALOG_REVIEW')")
    String revoke(@PathVariable String classification, @PathVariable String sequence, @RequestParam(required = false) @Nullable String comment,
            HttpServletRequest request, RedirectAttributes redirect) {
        return act(classification + "/" + sequence, request, redirect, code -> catalog.revoke(code, comment == null ? "" : comment));
    }

    private String act(String code, HttpServletRequest request, RedirectAttributes redirect, java.util.function.Consumer<String> action) {
        try {
            action.accept(code);
            redirect.addFlashAttribute("saved", true);
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", problems.describe(e, problems.locale(request)));
        }
        return "redirect:/catalog/resources/" + code;
    }

    private String form(Model model, @Nullable String code, ResourceDraft draft, @Nullable Map<String, List<String>> errors) {
        model.addAttribute("code", code);
        model.addAttribute("d", draft);
        model.addAttribute("errors", errors);
        model.addAttribute("emptyRows", Math.max(3, 8 - draft.items().size()));
        Map<String, String> leaves = new TreeMap<>();
        OrgUnit department = catalog.actingDepartment();
        catalog.classificationNames().forEach((c, n) -> {
            if (c.length() == 9) {
                leaves.put(c, n);
            }
        });
        model.addAttribute("classifications", leaves);
        model.addAttribute("department", department);
        model.addAttribute("choices", Map.of(
                "format", names(Vocabulary.Format.values()), "shareType", names(Vocabulary.ShareType.values()),
                "openType", names(Vocabulary.OpenType.values()), "updateCycle", names(Vocabulary.UpdateCycle.values())));
        model.addAttribute("vocabulary", Map.of("format", "Format", "shareType", "ShareType", "openType", "OpenType", "updateCycle", "UpdateCycle"));
        Map<String, String> selected = new java.util.HashMap<>();
        selected.put("format", draft.format() == null ? "" : draft.format().name());
        selected.put("shareType", draft.shareType() == null ? "" : draft.shareType().name());
        selected.put("openType", draft.openType() == null ? "" : draft.openType().name());
        selected.put("updateCycle", draft.updateCycle() == null ? "" : draft.updateCycle().name());
        model.addAttribute("selected", selected);
        model.addAttribute("shareWays", Vocabulary.ShareWay.values());
        model.addAttribute("dataTypes", Vocabulary.DataType.values());
        model.addAttribute("standards", Vocabulary.Standard.values());
        return "catalog/form";
    }

    private boolean isProviderOf(Authentication auth, Resource r) {
        return directory.departmentOf(auth.getName()).map(d -> d.code().equals(r.provider())).orElse(false);
    }

    private static boolean has(Authentication auth, String privilege) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(privilege));
    }

    private static List<String> names(Enum<?>[] values) {
        return java.util.Arrays.stream(values).map(Enum::name).toList();
    }

    private static ResourceDraft emptyDraft() {
        return new ResourceDraft("", "", "", null, null, null, List.of(), null, null, null, null, null, List.of(), List.of(), null, null,
                null, List.of());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

}
