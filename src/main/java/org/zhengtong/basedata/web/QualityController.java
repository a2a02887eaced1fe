package org.zhengtong.basedata.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.DataQuality;
import org.zhengtong.basedata.DataQuality.FieldFill;
import org.zhengtong.basedata.DataQuality.SourceField;
import org.zhengtong.shared.Problems;
import org.zhengtong.shared.xlsx.XlsxColumn;
import org.zhengtong.shared.xlsx.XlsxDownload;
import org.zhengtong.shared.xlsx.XlsxTable;
import org.zhengtong.shared.xlsx.XlsxWriter;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data quality page (数据质量): completeness per field of each base, and per source department what became of
 * its values, drawn as ECharts bar charts from numbers the page carries as JSON and given beside them as tables. The
 * comparisons (比对) show their counts here; their lists open on pages of their own and download as workbooks, so the
 * dashboard itself shows no personal data and only a deliberate look at the person list is a read of it (audited).
 */
@Controller
class QualityController {

    /** Rows a comparison list shows on its page; the workbook holds them all. */
    static final int PAGE_ROWS = 500;

    static final XlsxTable FILING = XlsxTable.of("注销后仍申报纳税", "Filing after cancellation",
            XlsxColumn.optional("creditCode", "统一社会信用代码", "Credit code", 18),
            XlsxColumn.optional("name", "名称", "Name", 200),
            XlsxColumn.optional("cancelled", "注销日期", "Cancelled on", 10),
            XlsxColumn.optional("lastFiling", "最近申报日期", "Last tax filing", 10),
            XlsxColumn.optional("taxGrade", "纳税信用等级", "Tax credit grade", 2));

    static final XlsxTable PENSION = XlsxTable.of("死亡后仍领取养老金", "Pension after death",
            XlsxColumn.optional("idNumber", "公民身份号码", "ID number", 18),
            XlsxColumn.optional("name", "姓名", "Name", 50),
            XlsxColumn.optional("died", "死亡日期", "Date of death", 10),
            XlsxColumn.optional("insurance", "社会保险状态", "Social insurance status", 20),
            XlsxColumn.optional("division", "户籍地行政区划代码", "Household division", 6));

    private final DataQuality quality;
    private final DirectoryManagement directory;
    private final Problems problems;
    private final JsonMapper json;

    QualityController(DataQuality quality, DirectoryManagement directory, Problems problems, JsonMapper json) {
        this.quality = quality;
        this.directory = directory;
        this.problems = problems;
        this.json = json;
    }

    @GetMapping("/basedata/quality")
    @PreAuthorize("hasAuthority('BASEDATA_QUALITY')")
    String quality(Model model, HttpServletRequest request) {
        boolean english = problems.locale(request).getLanguage().equals("en");
        Map<String, Object> chart = new LinkedHashMap<>();
        Map<Base, List<FieldFill>> fills = new LinkedHashMap<>();
        Map<Base, List<SourceField>> sources = new LinkedHashMap<>();
        for (Base base : Base.values()) {
            List<FieldFill> fill = quality.completeness(base);
            List<SourceField> source = quality.sources(base);
            fills.put(base, fill);
            sources.put(base, source);
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("fields", fill.stream().map(f -> Map.of("name", english ? f.field().english() : f.field().label(), "percent", f.percent(),
                    "filled", f.filled(), "subjects", f.subjects())).toList());
            List<Map<String, Object>> bars = new ArrayList<>();
            for (SourceField s : source) {
                bars.add(Map.of("name", s.departmentName() + " · " + (english ? english(base, s) : s.fieldLabel()), "agreed", s.agreed(),
                        "changed", s.changed(), "conflicted", s.conflicted(), "rejected", s.rejected(), "completeness", s.completeness()));
            }
            one.put("sources", bars);
            chart.put(base.name(), one);
        }
        model.addAttribute("fills", fills);
        model.addAttribute("sources", sources);
        model.addAttribute("filingCount", quality.countFilingAfterCancellation());
        model.addAttribute("pensionCount", quality.countPensionAfterDeath());
        model.addAttribute("filingSides", names(quality.filingSides()));
        model.addAttribute("pensionSides", names(quality.pensionSides()));
        model.addAttribute("english", english);
        // Carried inside a script element, so no "</script>" may close it early.
        model.addAttribute("chartData", json.writeValueAsString(chart).replace("<", "\\u003c"));
        return "basedata/quality";
    }

    @GetMapping("/basedata/quality/filing-after-cancellation")
    @PreAuthorize("hasAuthority('BASEDATA_QUALITY')")
    String filing(Model model) {
        model.addAttribute("count", quality.countFilingAfterCancellation());
        model.addAttribute("rows", quality.filingAfterCancellation(PAGE_ROWS));
        model.addAttribute("sides", names(quality.filingSides()));
        return "basedata/quality-filing";
    }

    @GetMapping("/basedata/quality/filing-after-cancellation.xlsx")
    @PreAuthorize("hasAuthority('BASEDATA_QUALITY')")
    void filingXlsx(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, @Nullable String>> rows = new ArrayList<>();
        quality.eachFilingAfterCancellation(FILING.maxRows(), f -> rows.add(row("creditCode", f.creditCode(), "name", f.name(), "cancelled",
                f.cancelled().toString(), "lastFiling", f.lastFiling().toString(), "taxGrade", f.taxGrade())));
        XlsxDownload.prepare(response, "注销后仍申报纳税.xlsx");
        XlsxWriter.write(FILING, rows, problems.locale(request), response.getOutputStream());
    }

    @GetMapping("/basedata/quality/pension-after-death")
    @PreAuthorize("hasAuthority('BASEDATA_QUALITY')")
    String pension(Model model) {
        model.addAttribute("count", quality.countPensionAfterDeath());
        model.addAttribute("rows", quality.pensionAfterDeath(PAGE_ROWS, "page"));
        model.addAttribute("full", quality.seesPersonsInFull());
        model.addAttribute("sides", names(quality.pensionSides()));
        return "basedata/quality-pension";
    }

    @GetMapping("/basedata/quality/pension-after-death.xlsx")
    @PreAuthorize("hasAuthority('BASEDATA_QUALITY')")
    void pensionXlsx(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Map<String, @Nullable String>> rows = new ArrayList<>();
        quality.eachPensionAfterDeath(PENSION.maxRows(), "xlsx", p -> rows.add(row("idNumber", p.idNumber(), "name", p.name(), "died",
                p.died().toString(), "insurance", p.insurance(), "division", p.division())));
        XlsxDownload.prepare(response, "死亡后仍领取养老金.xlsx");
        XlsxWriter.write(PENSION, rows, problems.locale(request), response.getOutputStream());
    }

    private static String english(Base base, SourceField s) {
        return s.field().equals(base.keyColumn()) ? (base == Base.PERSON ? "ID number" : "Credit code") : base.field(s.field()).english();
    }

    /** The two departments a comparison reads from, by name ("-" where a field has no authority). */
    private List<String> names(DataQuality.Sides sides) {
        return java.util.Arrays.asList(name(sides.first()), name(sides.second()));
    }

    private String name(@Nullable String code) {
        return code == null ? "-" : directory.findOrgUnit(code).map(OrgUnit::name).orElse(code);
    }

    private static Map<String, @Nullable String> row(@Nullable String... pairs) {
        Map<String, @Nullable String> row = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put(pairs[i], pairs[i + 1]);
        }
        return row;
    }
}
