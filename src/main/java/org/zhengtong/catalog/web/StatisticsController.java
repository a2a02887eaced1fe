package org.zhengtong.catalog.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.Resource;
import org.zhengtong.catalog.ShareRequest;
import org.zhengtong.catalog.SharingManagement;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's statistics for leaders and administrators: how many resources each department has published, the
 * mix of share types, and how share requests are being handled. Each chart comes with its numbers as a table.
 */
@Controller
class StatisticsController {

    private final CatalogManagement catalog;
    private final SharingManagement sharing;
    private final JsonMapper json;

    StatisticsController(CatalogManagement catalog, SharingManagement sharing, JsonMapper json) {
        this.catalog = catalog;
        this.sharing = sharing;
        this.json = json;
    }

    @GetMapping("/catalog/statistics")
    @PreAuthorize("hasAuthority('CATALOG_STATS')")
    String statistics(Model model) {
        List<Resource> published = catalog.publishedEntries(null, null, 100_000);
        Map<String, Long> perDepartment = new TreeMap<>();
        Map<String, Long> shareMix = new LinkedHashMap<>();
        for (Resource r : published) {
            perDepartment.merge(r.providerName(), 1L, Long::sum);
            shareMix.merge(r.content().shareType().name(), 1L, Long::sum);
        }
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        Map<String, Long> requests = new LinkedHashMap<>();
        for (ShareRequest.Status s : ShareRequest.Status.values()) {
            requests.put(s.name(), 0L);
        }
        long overdue = 0;
        for (ShareRequest q : sharing.allRequests(100_000)) {
            requests.merge(q.status().name(), 1L, Long::sum);
            if (q.overdueOn(today)) {
                overdue++;
            }
        }
        model.addAttribute("perDepartment", perDepartment);
        model.addAttribute("shareMix", shareMix);
        model.addAttribute("requests", requests);
        model.addAttribute("overdue", overdue);
        model.addAttribute("total", published.size());
        model.addAttribute("chartData", json.writeValueAsString(Map.of(
                "perDepartment", perDepartment, "shareMix", shareMix, "requests", requests, "overdue", overdue)));
        return "catalog/statistics";
    }
}
