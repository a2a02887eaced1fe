package org.zhengtong.basedata.economy;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.basedata.economy.MacroEconomy.Indicator;
import org.zhengtong.basedata.economy.MacroEconomy.Point;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.xlsx.XlsxColumn;
import org.zhengtong.shared.xlsx.XlsxDownload;
import org.zhengtong.shared.xlsx.XlsxTable;
import org.zhengtong.shared.xlsx.XlsxWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The macro-economy page (宏观经济): the indicators, one indicator's time series per region drawn with ECharts and
 * given again as a table, the revised figures with where each came from, and the series as a workbook.
 */
@Controller
class EconomyController {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final MacroEconomy economy;
    private final DirectoryManagement directory;
    private final AuditLog audit;
    private final JsonMapper json;

    EconomyController(MacroEconomy economy, DirectoryManagement directory, AuditLog audit, JsonMapper json) {
        this.economy = economy;
        this.directory = directory;
        this.audit = audit;
        this.json = json;
    }

    /** One row of the series table: a period and its value per region (null where there is none). */
    record Row(String period, List<@Nullable BigDecimal> values) {}

    @GetMapping("/basedata/economy")
    @PreAuthorize("hasAuthority('BASEDATA_ECONOMY')")
    String page(@RequestParam(required = false) @Nullable String indicator, @RequestParam(required = false) @Nullable String kind, Model model) {
        List<Indicator> indicators = economy.indicators();
        model.addAttribute("indicators", indicators);
        model.addAttribute("zone", BEIJING);
        if (indicators.isEmpty()) {
            return "basedata/economy";
        }
        Indicator chosen = indicator == null ? indicators.get(0)
                : indicators.stream().filter(i -> i.code().equals(indicator)).findFirst().orElseThrow(() -> EconomyProblem.unknownIndicator(indicator));
        String periodKind = kind(chosen, kind);
        Map<String, List<Point>> series = economy.series(chosen.code(), periodKind, null);
        List<String> regions = new ArrayList<>(series.keySet());
        // The city first, then its districts, as statistical tables list them.
        regions.sort((a, b) -> a.endsWith("00") == b.endsWith("00") ? a.compareTo(b) : a.endsWith("00") ? -1 : 1);
        TreeSet<String> periods = new TreeSet<>();
        series.values().forEach(points -> points.forEach(p -> periods.add(p.period())));
        List<Row> rows = new ArrayList<>();
        for (String period : periods) {
            List<@Nullable BigDecimal> values = new ArrayList<>();
            for (String region : regions) {
                values.add(series.get(region).stream().filter(p -> p.period().equals(period)).map(Point::value).findFirst().orElse(null));
            }
            rows.add(new Row(period, values));
        }
        Map<String, String> regionNames = new LinkedHashMap<>();
        regions.forEach(r -> regionNames.put(r, economy.regionName(r)));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("unit", chosen.unit());
        chart.put("periods", List.copyOf(periods));
        chart.put("series", regions.stream().map(r -> {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("name", regionNames.get(r));
            s.put("data", rows.stream().map(row -> row.values().get(regions.indexOf(r))).toList());
            return s;
        }).toList());
        var revisions = economy.revisions(chosen.code(), periodKind);
        Map<String, String> departments = new LinkedHashMap<>();
        revisions.forEach(r -> departments.computeIfAbsent(r.department(), d -> directory.findOrgUnit(d).map(OrgUnit::name).orElse(d)));
        model.addAttribute("indicator", chosen);
        model.addAttribute("kind", periodKind);
        model.addAttribute("regions", regions);
        model.addAttribute("regionNames", regionNames);
        model.addAttribute("rows", rows);
        model.addAttribute("revisions", revisions);
        model.addAttribute("revisedCells", revisions.stream().filter(MacroEconomy.Revision::current).count());
        model.addAttribute("departments", departments);
        // Carried inside a script element, so no "</script>" may close it early.
        model.addAttribute("chartData", json.writeValueAsString(chart).replace("<", "\\u003c"));
        return "basedata/economy";
    }

    private static String kind(Indicator indicator, @Nullable String kind) {
        if (kind != null) {
            if (!List.of("YEAR", "QUARTER", "MONTH").contains(kind)) {
                throw EconomyProblem.unknownPeriodKind(kind);
            }
            return kind;
        }
        for (String preferred : List.of("QUARTER", "MONTH", "YEAR")) {
            if (indicator.kinds().contains(preferred)) {
                return preferred;
            }
        }
        return "YEAR";
    }

    static final XlsxTable SERIES = XlsxTable.of("指标时间序列", "Indicator series",
            XlsxColumn.optional("indicator", "指标代码", "Indicator code", 32),
            XlsxColumn.optional("name", "指标名称", "Indicator", 100),
            XlsxColumn.optional("region", "地区代码", "Region code", 6),
            XlsxColumn.optional("regionName", "地区", "Region", 50),
            XlsxColumn.optional("period", "统计期", "Period", 10),
            XlsxColumn.optional("value", "数值", "Value", 30),
            XlsxColumn.optional("unit", "计量单位", "Unit", 20),
            XlsxColumn.optional("revision", "修订次数", "Revision", 5));

    /** The series of an indicator (one period kind, every region or one) as a workbook. */
    @GetMapping("/basedata/economy/{code}.xlsx")
    @PreAuthorize("hasAuthority('BASEDATA_ECONOMY')")
    void export(@PathVariable String code, @RequestParam(required = false) @Nullable String kind, @RequestParam(required = false) @Nullable String region,
            Locale locale, HttpServletResponse response) throws IOException {
        Indicator indicator = economy.indicator(code).orElseThrow(() -> EconomyProblem.unknownIndicator(code));
        String periodKind = kind(indicator, kind);
        List<Map<String, @Nullable String>> rows = new ArrayList<>();
        economy.series(code, periodKind, region).forEach((r, points) -> points.forEach(p -> {
            Map<String, @Nullable String> row = new LinkedHashMap<>();
            row.put("indicator", code);
            row.put("name", indicator.name());
            row.put("region", r);
            row.put("regionName", economy.regionName(r));
            row.put("period", p.period());
            row.put("value", p.value().toPlainString());
            row.put("unit", indicator.unit());
            row.put("revision", String.valueOf(p.revision()));
            rows.add(row);
        }));
        audit.record("basedata.economy.export", "indicator:" + code, "%s %s%s: %d values".formatted(code, periodKind,
                region == null ? "" : " region " + region, rows.size()));
        XlsxDownload.prepare(response, indicator.name() + "-" + periodKind.toLowerCase(Locale.ROOT) + ".xlsx");
        XlsxWriter.write(SERIES, rows, locale, response.getOutputStream());
    }
}
