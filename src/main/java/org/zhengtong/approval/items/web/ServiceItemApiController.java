package org.zhengtong.approval.items.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengtong.approval.items.ItemProblem;
import org.zhengtong.approval.items.ItemType;
import org.zhengtong.approval.items.ServiceItem;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.shared.InvalidInput;

/**
 * The published service items for programs (portals, department systems, the 12345 hotline's knowledge base): the
 * same public guides as {@code /guide}, as JSON. Anyone may read them.
 */
@RestController
class ServiceItemApiController {

    private final ServiceItems items;

    ServiceItemApiController(ServiceItems items) {
        this.items = items;
    }

    @GetMapping("/api/v1/approval/items")
    @PreAuthorize("hasAuthority('GUIDE_READ')")
    List<ServiceItem> list(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String type) {
        ItemType t = null;
        if (type != null && !type.isBlank()) {
            t = ItemType.parse(type).orElseThrow(() -> InvalidInput.of("type", "approval-items.rule.type", type));
        }
        return items.search(q, department, t);
    }

    @GetMapping("/api/v1/approval/items/{code}")
    @PreAuthorize("hasAuthority('GUIDE_READ')")
    ServiceItem item(@PathVariable String code) {
        return items.published(code).orElseThrow(() -> ItemProblem.notFound(code));
    }
}
