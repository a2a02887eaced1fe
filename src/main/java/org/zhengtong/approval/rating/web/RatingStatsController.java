package org.zhengtong.approval.rating.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhengtong.approval.rating.RatingStat;
import org.zhengtong.approval.rating.Ratings;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Problems;
import org.zhengtong.shared.xlsx.XlsxColumn;
import org.zhengtong.shared.xlsx.XlsxDownload;
import org.zhengtong.shared.xlsx.XlsxTable;
import org.zhengtong.shared.xlsx.XlsxWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * 好差评 statistics for leaders and the big-data bureau: per item and per department, the number of ratings, the
 * average grade, the shares of good and bad ones and the follow-ups still open, drawn with ECharts beside a table of
 * the same numbers, and exported to Excel.
 */
@Controller
class RatingStatsController {

    static final XlsxTable STATISTICS = XlsxTable.of("好差评统计", "Ratings",
            XlsxColumn.optional("group", "分组", "Group", 10),
            XlsxColumn.optional("code", "代码", "Code", 64),
            XlsxColumn.optional("name", "名称", "Name", 200),
            XlsxColumn.optional("count", "评价数", "Ratings", 12),
            XlsxColumn.optional("average", "平均分", "Average grade", 12),
            XlsxColumn.optional("good", "好评数", "Good", 12),
            XlsxColumn.optional("goodShare", "好评率（%）", "Good (%)", 12),
            XlsxColumn.optional("bad", "差评数", "Bad", 12),
            XlsxColumn.optional("badShare", "差评率（%）", "Bad (%)", 12),
            XlsxColumn.optional("open", "未办结整改", "Open follow-ups", 12));

    private final Ratings ratings;
    private final Problems problems;
    private final JsonMapper json;
    private final AuditLog audit;

    RatingStatsController(Ratings ratings, Problems problems, JsonMapper json, AuditLog audit) {
        this.ratings = ratings;
        this.problems = problems;
        this.json = json;
        this.audit = audit;
    }

    @GetMapping("/approval/ratings")
    @PreAuthorize("hasAuthority('RATING_STATS')")
    String statistics(Model model) {
        Ratings.Statistics s = ratings.statistics();
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("departments", bars(s.byDepartment()));
        chart.put("items", bars(s.byItem()));
        model.addAttribute("statistics", s);
        // Carried inside a script element, so no "</script>" may close it early.
        model.addAttribute("chartData", json.writeValueAsString(chart).replace("<", "\\u003c"));
        return "approval/rating/statistics";
    }

    private static List<Map<String, Object>> bars(List<RatingStat> stats) {
        return stats.stream().map(s -> Map.<String, Object>of("name", s.name(), "good", round(s.goodShare()), "bad", round(s.badShare()),
                "average", round(s.average()))).toList();
    }

    @GetMapping("/approval/ratings.xlsx")
    @PreAuthorize("hasAuthority('RATING_STATS')")
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = problems.locale(request);
        Ratings.Statistics s = ratings.statistics();
        String department = problems.message("approval.rating.stats.group.departments", new Object[0], locale);
        String item = problems.message("approval.rating.stats.group.items", new Object[0], locale);
        List<Map<String, String>> rows = new ArrayList<>();
        s.byDepartment().forEach(d -> rows.add(row(department, d)));
        s.byItem().forEach(i -> rows.add(row(item, i)));
        audit.record("approval.rating.export", "ratings:statistics", rows.size() + " rows");
        XlsxDownload.prepare(response, problems.message("approval.rating.stats.file", new Object[0], locale) + "-"
                + LocalDate.now(ProgressController.CHINA) + ".xlsx");
        XlsxWriter.write(STATISTICS, rows, locale, response.getOutputStream());
    }

    static Map<String, String> row(String group, RatingStat s) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("group", group);
        row.put("code", s.code());
        row.put("name", s.name());
        row.put("count", Long.toString(s.count()));
        row.put("average", Double.toString(round(s.average())));
        row.put("good", Long.toString(s.good()));
        row.put("goodShare", Double.toString(round(s.goodShare())));
        row.put("bad", Long.toString(s.bad()));
        row.put("badShare", Double.toString(round(s.badShare())));
        row.put("open", Long.toString(s.openFollowUps()));
        return row;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
