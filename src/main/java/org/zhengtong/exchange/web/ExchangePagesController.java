package org.zhengtong.exchange.web;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.exchange.ExchangeMonitor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange's pages for looking: the datasets one may exchange, with their items and recent batches; a
 * department's monitor; and the overview of every department for those who oversee the hub. The dashboards draw
 * their charts with ECharts from numbers the page carries as JSON, and show the same numbers as tables.
 */
@Controller
class ExchangePagesController {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final int RECENT_BATCHES = 5;

    private final ExchangeHub hub;
    private final ExchangeMonitor monitor;
    private final JsonMapper json;

    ExchangePagesController(ExchangeHub hub, ExchangeMonitor monitor, JsonMapper json) {
        this.hub = hub;
        this.monitor = monitor;
        this.json = json;
    }

    @GetMapping("/exchange/datasets")
    @PreAuthorize("hasAuthority('EXCHANGE_VIEW')")
    String datasets(Model model) {
        ExchangeMonitor.Scope scope = monitor.scope();
        // The listing leaves the data items out; each dataset is read whole.
        List<Dataset> datasets = hub.visibleDatasets().stream().map(d -> hub.findDataset(d.code()).orElse(d)).toList();
        Map<String, List<BatchResult>> batches = new LinkedHashMap<>();
        for (Dataset d : datasets) {
            if (scope.all() || d.provider().equals(scope.department())) {
                batches.put(d.code(), hub.batches(d.code(), RECENT_BATCHES));
            }
        }
        model.addAttribute("scope", scope);
        model.addAttribute("datasets", datasets);
        model.addAttribute("batches", batches);
        model.addAttribute("zone", BEIJING);
        return "exchange/datasets";
    }

    @GetMapping("/exchange")
    @PreAuthorize("hasAuthority('EXCHANGE_MONITOR')")
    String monitor(Model model) {
        return dashboard(model, monitor.department(), false);
    }

    @GetMapping("/exchange/overview")
    @PreAuthorize("hasAuthority('EXCHANGE_OVERSEE')")
    String overview(Model model) {
        return dashboard(model, monitor.overview(), true);
    }

    private String dashboard(Model model, ExchangeMonitor.Overview overview, boolean all) {
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("datasets", overview.datasets().stream().map(d -> Map.of("name", d.name(), "received", d.received(), "accepted",
                d.accepted(), "corrected", d.corrected(), "quarantined", d.quarantined())).toList());
        chart.put("subscriptions", overview.subscriptions().stream().map(s -> Map.of("name", s.consumerName() + " ← " + s.datasetName(),
                "delivered", s.delivered(), "backlog", Math.max(0, s.backlog()), "lagMinutes", s.lagMinutes(), "alertMinutes",
                s.lagAlertMinutes())).toList());
        chart.put("daily", overview.daily().stream().map(d -> Map.of("day", d.day().toString(), "received", d.received(), "accepted",
                d.accepted(), "quarantined", d.quarantined())).toList());
        model.addAttribute("overview", overview);
        model.addAttribute("all", all);
        // Carried inside a script element, so no "</script>" may close it early.
        model.addAttribute("chartData", json.writeValueAsString(chart).replace("<", "\\u003c"));
        model.addAttribute("zone", BEIJING);
        return "exchange/dashboard";
    }
}
