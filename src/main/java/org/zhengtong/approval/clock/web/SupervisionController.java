package org.zhengtong.approval.clock.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.approval.clock.CaseDeadline;
import org.zhengtong.approval.clock.ClockProblem;
import org.zhengtong.approval.clock.Colour;
import org.zhengtong.approval.clock.Supervision;
import org.zhengtong.approval.clock.Supervision.Board;
import org.zhengtong.approval.clock.Supervision.ColourCount;
import org.zhengtong.approval.clock.Supervision.LimitStat;
import org.zhengtong.approval.clock.Supervision.Statistics;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Problems;
import org.zhengtong.shared.xlsx.XlsxColumn;
import org.zhengtong.shared.xlsx.XlsxDownload;
import org.zhengtong.shared.xlsx.XlsxTable;
import org.zhengtong.shared.xlsx.XlsxWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The e-supervision board (电子监察) for leaders and the supervising staff of the big-data bureau: every running case
 * by colour, per department and per item, with the red and yellow cases listed most urgent first. The live part
 * reloads itself every 30 seconds through htmx; the charts are drawn with ECharts from numbers the page carries as
 * JSON, each beside a table of the same numbers. The statistics page sets finished cases' elapsed working days against
 * their limits and exports them to Excel.
 */
@Controller
class SupervisionController {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The statistics workbook: one sheet, departments first, then items. */
    static final XlsxTable STATISTICS = XlsxTable.of("时限统计", "Time limits",
            XlsxColumn.optional("group", "分组", "Group", 10),
            XlsxColumn.optional("code", "代码", "Code", 64),
            XlsxColumn.optional("name", "名称", "Name", 200),
            XlsxColumn.optional("finished", "办结件数", "Finished cases", 12),
            XlsxColumn.optional("avgElapsed", "平均实际用时（工作日）", "Average elapsed (working days)", 12),
            XlsxColumn.optional("avgPromised", "平均承诺时限（工作日）", "Average promised limit (working days)", 12),
            XlsxColumn.optional("avgLegal", "平均法定时限（工作日）", "Average legal limit (working days)", 12),
            XlsxColumn.optional("avgPaused", "平均暂停（工作日）", "Average paused (working days)", 12),
            XlsxColumn.optional("onTime", "按承诺办结", "Finished by the promise", 12),
            XlsxColumn.optional("pastLegal", "超法定时限", "Past the legal limit", 12));

    private final Supervision supervision;
    private final CaseClocks clocks;
    private final Problems problems;
    private final JsonMapper json;
    private final AuditLog audit;

    SupervisionController(Supervision supervision, CaseClocks clocks, Problems problems, JsonMapper json, AuditLog audit) {
        this.supervision = supervision;
        this.clocks = clocks;
        this.problems = problems;
        this.json = json;
        this.audit = audit;
    }

    @GetMapping("/approval/supervision")
    @PreAuthorize("hasAuthority('SUPERVISION_VIEW')")
    String board(@RequestParam(required = false) @Nullable String department, @RequestParam(required = false) @Nullable Colour colour,
            @RequestParam(defaultValue = "0") int page, Model model) {
        fill(model, department, colour, page);
        model.addAttribute("departments", supervision.departments());
        return "approval/supervision/board";
    }

    /** The board's live part alone, which htmx fetches every 30 seconds to replace the one shown. */
    @GetMapping("/approval/supervision/live")
    @PreAuthorize("hasAuthority('SUPERVISION_VIEW')")
    String live(@RequestParam(required = false) @Nullable String department, @RequestParam(required = false) @Nullable Colour colour,
            @RequestParam(defaultValue = "0") int page, Model model) {
        fill(model, department, colour, page);
        return "approval/supervision/board :: live";
    }

    private void fill(Model model, @Nullable String department, @Nullable Colour colour, int page) {
        String dept = department == null || department.isBlank() ? null : department.strip();
        Board board = supervision.board(CaseClocks.today(), dept, colour, page);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("total", Map.of("green", board.total().green(), "yellow", board.total().yellow(), "red", board.total().red()));
        chart.put("departments", rows(board.byDepartment()));
        chart.put("items", rows(board.byItem()));
        model.addAttribute("board", board);
        model.addAttribute("selectedDepartment", dept);
        // Carried inside a script element, so no "</script>" may close it early.
        model.addAttribute("chartData", json.writeValueAsString(chart).replace("<", "\\u003c"));
        model.addAttribute("liveHref", href("/approval/supervision/live", dept, colour, board.alerts().page()));
        model.addAttribute("previousHref", board.alerts().page() > 0 ? href("/approval/supervision", dept, colour, board.alerts().page() - 1) : null);
        model.addAttribute("nextHref", board.alerts().page() + 1 < board.alerts().pages()
                ? href("/approval/supervision", dept, colour, board.alerts().page() + 1) : null);
        model.addAttribute("zone", CHINA);
    }

    private static List<Map<String, Object>> rows(List<ColourCount> counts) {
        return counts.stream().map(c -> Map.<String, Object>of("name", c.name(), "green", c.green(), "yellow", c.yellow(), "red", c.red()))
                .toList();
    }

    static String href(String path, @Nullable String department, @Nullable Colour colour, int page) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        Map<String, String> values = new LinkedHashMap<>();
        if (department != null) {
            values.put("department", department);
        }
        if (colour != null) {
            values.put("colour", colour.name());
        }
        if (page > 0) {
            values.put("page", Integer.toString(page));
        }
        values.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.encode().buildAndExpand(values).toUriString();
    }

    /** One case's clock: deadlines, days used and paused, its pauses and its steps. */
    @GetMapping("/approval/supervision/cases/{code}")
    @PreAuthorize("hasAuthority('SUPERVISION_VIEW')")
    String caseClock(@PathVariable("code") String caseNumber, Model model) {
        CaseDeadline deadline = clocks.deadline(caseNumber).orElseThrow(() -> ClockProblem.unknownCase(caseNumber));
        model.addAttribute("deadline", deadline);
        return "approval/supervision/case";
    }

    // statistics

    @GetMapping("/approval/supervision/statistics")
    @PreAuthorize("hasAuthority('SUPERVISION_STATS')")
    String statistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to, Model model) {
        Statistics s = supervision.statistics(from, to);
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("departments", bars(s.byDepartment()));
        chart.put("items", bars(s.byItem()));
        model.addAttribute("statistics", s);
        model.addAttribute("chartData", json.writeValueAsString(chart).replace("<", "\\u003c"));
        UriComponentsBuilder export = UriComponentsBuilder.fromPath("/approval/supervision/statistics.xlsx");
        if (from != null) {
            export.queryParam("from", from);
        }
        if (to != null) {
            export.queryParam("to", to);
        }
        model.addAttribute("exportHref", export.toUriString());
        return "approval/supervision/statistics";
    }

    private static List<Map<String, Object>> bars(List<LimitStat> stats) {
        return stats.stream().map(s -> Map.<String, Object>of("name", s.name(), "elapsed", round(s.avgElapsed()), "promised",
                round(s.avgPromised()), "legal", round(s.avgLegal()))).toList();
    }

    @GetMapping("/approval/supervision/statistics.xlsx")
    @PreAuthorize("hasAuthority('SUPERVISION_STATS')")
    void exportStatistics(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate to,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = problems.locale(request);
        Statistics s = supervision.statistics(from, to);
        String department = problems.message("approval.supervision.group.department", new Object[0], locale);
        String item = problems.message("approval.supervision.group.item", new Object[0], locale);
        List<Map<String, String>> rows = new ArrayList<>();
        s.byDepartment().forEach(d -> rows.add(row(department, d)));
        s.byItem().forEach(i -> rows.add(row(item, i)));
        audit.record("approval.supervision.export", "supervision:statistics", (from == null ? "-" : from) + " – " + (to == null ? "-" : to)
                + ", " + rows.size() + " rows");
        XlsxDownload.prepare(response, problems.message("approval.supervision.statistics.file", new Object[0], locale) + "-"
                + LocalDate.now(CHINA) + ".xlsx");
        XlsxWriter.write(STATISTICS, rows, locale, response.getOutputStream());
    }

    private static Map<String, String> row(String group, LimitStat s) {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("group", group);
        row.put("code", s.code());
        row.put("name", s.name());
        row.put("finished", Long.toString(s.finished()));
        row.put("avgElapsed", Double.toString(round(s.avgElapsed())));
        row.put("avgPromised", Double.toString(round(s.avgPromised())));
        row.put("avgLegal", Double.toString(round(s.avgLegal())));
        row.put("avgPaused", Double.toString(round(s.avgPaused())));
        row.put("onTime", Long.toString(s.onTime()));
        row.put("pastLegal", Long.toString(s.pastLegal()));
        return row;
    }

    static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
