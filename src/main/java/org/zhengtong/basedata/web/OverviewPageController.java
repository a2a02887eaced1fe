package org.zhengtong.basedata.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhengtong.basedata.UnifiedQuery;
import org.zhengtong.basedata.UnifiedQuery.Count;
import org.zhengtong.shared.DivisionCodes;
import org.zhengtong.shared.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * The leaders' overview of the base databases (基础库总览): how many persons and enterprises, by division, gender, age
 * band and ethnicity, and by registration status and industry. Only counts reach this page, never a single person or
 * enterprise. The charts are drawn with ECharts from numbers the page carries as JSON, and each has a table of the same
 * numbers beside it.
 */
@Controller
class OverviewPageController {

    private final UnifiedQuery query;
    private final DivisionCodes divisions;
    private final Problems problems;
    private final JsonMapper json;

    OverviewPageController(UnifiedQuery query, DivisionCodes divisions, Problems problems, JsonMapper json) {
        this.query = query;
        this.divisions = divisions;
        this.problems = problems;
        this.json = json;
    }

    /** One group of a chart: its label as shown, and its count. */
    record Bar(String label, long count) {}

    @GetMapping("/basedata/overview")
    @PreAuthorize("hasAuthority('BASEDATA_AGGREGATE')")
    String overview(HttpServletRequest request, Model model) {
        UnifiedQuery.Overview o = query.overview();
        var locale = problems.locale(request);
        String unknown = problems.message("basedata.overview.unknown", new Object[0], locale);
        Map<String, List<Bar>> charts = new LinkedHashMap<>();
        charts.put("division", bars(o.byDivision(), unknown, true));
        charts.put("gender", bars(o.byGender(), unknown, false));
        charts.put("age", bars(o.byAgeBand(), unknown, false));
        charts.put("ethnicity", bars(o.byEthnicity(), unknown, false));
        charts.put("status", bars(o.byStatus(), unknown, false));
        charts.put("industry", o.byIndustry().stream().map(c -> {
            if (c.key().isEmpty()) {
                return new Bar(unknown, c.count());
            }
            String key = "basedata.industry." + c.key();
            String name = problems.message(key, new Object[0], locale);
            return new Bar(name.equals(key) ? c.key() : c.key() + " " + name, c.count());
        }).toList());
        charts.put("enterpriseDivision", bars(o.enterprisesByDivision(), unknown, true));
        model.addAttribute("overview", o);
        model.addAttribute("charts", charts);
        // Carried inside a script element, so no "</script>" may close it early.
        model.addAttribute("chartData", json.writeValueAsString(charts).replace("<", "\\u003c"));
        return "basedata/overview";
    }

    private List<Bar> bars(List<Count> counts, String unknown, boolean division) {
        return counts.stream().map(c -> new Bar(c.key().isEmpty() ? unknown
                : division ? divisions.find(c.key()).map(d -> d.name() + " " + c.key()).orElse(c.key()) : c.key(), c.count())).toList();
    }
}
