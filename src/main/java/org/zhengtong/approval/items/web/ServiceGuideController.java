package org.zhengtong.approval.items.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengtong.approval.items.DataSources;
import org.zhengtong.approval.items.ItemProblem;
import org.zhengtong.approval.items.ItemType;
import org.zhengtong.approval.items.ServiceItem;
import org.zhengtong.approval.items.ServiceItems;

/**
 * The public service guides (办事指南) anyone may read without signing in: a search by name, department and type,
 * and each published item's guide with its materials, limits, fees, windows, forms to download and the way to apply
 * online.
 */
@Controller
class ServiceGuideController {

    private final ServiceItems items;

    ServiceGuideController(ServiceItems items) {
        this.items = items;
    }

    @GetMapping("/guide")
    @PreAuthorize("hasAuthority('GUIDE_READ')")
    String search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String type, Model model) {
        ItemType t = type == null || type.isBlank() ? null : ItemType.parse(type).orElse(null);
        List<ServiceItem> found = items.search(q, department, t);
        model.addAttribute("found", found);
        model.addAttribute("q", q);
        model.addAttribute("department", department == null ? "" : department);
        model.addAttribute("type", t == null ? "" : t.name());
        model.addAttribute("types", ItemType.values());
        model.addAttribute("departments", items.departments());
        return "guide/search";
    }

    @GetMapping("/guide/{code}")
    @PreAuthorize("hasAuthority('GUIDE_READ')")
    String guide(@PathVariable String code, Model model) {
        ServiceItem item = items.published(code).orElseThrow(() -> ItemProblem.notFound(code));
        model.addAttribute("item", item);
        model.addAttribute("forms", items.publishedForms(code));
        model.addAttribute("formsBase", "/guide/" + code + "/forms");
        model.addAttribute("departments", items.departments());
        model.addAttribute("sources", DataSources.ALL);
        return "guide/item";
    }

    @GetMapping("/guide/{code}/forms/{id}")
    @PreAuthorize("hasAuthority('GUIDE_READ')")
    ResponseEntity<byte[]> form(@PathVariable String code, @PathVariable long id) {
        return ServiceItemController.file(items.publishedForm(code, id));
    }
}
