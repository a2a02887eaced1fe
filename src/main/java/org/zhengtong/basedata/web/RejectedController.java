package org.zhengtong.basedata.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.LegalPersonField;
import org.zhengtong.basedata.PersonField;
import org.zhengtong.basedata.RejectedRecords;
import org.zhengtong.basedata.RejectedRecords.Rejected;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.Problems;
import org.zhengtong.shared.xlsx.XlsxColumn;
import org.zhengtong.shared.xlsx.XlsxDownload;
import org.zhengtong.shared.xlsx.XlsxTable;
import org.zhengtong.shared.xlsx.XlsxWriter;

/**
 * The records the base databases rejected (拒收记录), newest first, with the field and the reason in the page's
 * language, filtered by feed, and the same list as an xlsx workbook for sending back to the source departments.
 */
@Controller
class RejectedController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(StewardPages.BEIJING);

    /** The export's columns, in both languages. */
    static final XlsxTable EXPORT = XlsxTable.of("拒收记录", "Rejected records",
            XlsxColumn.optional("id", "编号", "No.", 20),
            XlsxColumn.optional("base", "基础库", "Base", 20),
            XlsxColumn.optional("dataset", "数据集", "Dataset", 200),
            XlsxColumn.optional("department", "来源部门", "Source department", 100),
            XlsxColumn.optional("subject", "主体标识", "Subject key", 40),
            XlsxColumn.optional("field", "字段", "Field", 50),
            XlsxColumn.optional("reasonZh", "原因", "Reason (Chinese)", 500),
            XlsxColumn.optional("reasonEn", "原因（英文）", "Reason", 500),
            XlsxColumn.optional("record", "原始记录", "Record as sent", 32_000),
            XlsxColumn.optional("rejectedAt", "拒收时间", "Rejected at", 20)).withMaxRows(RejectedRecords.MAX_EXPORT);

    private final RejectedRecords rejected;
    private final DirectoryManagement directory;
    private final ExchangeHub hub;
    private final Problems problems;

    RejectedController(RejectedRecords rejected, DirectoryManagement directory, ExchangeHub hub, Problems problems) {
        this.rejected = rejected;
        this.directory = directory;
        this.hub = hub;
        this.problems = problems;
    }

    @GetMapping("/basedata/rejected")
    @PreAuthorize("hasAuthority('BASEDATA_STEWARD')")
    String list(@RequestParam(required = false) @Nullable Long feed, @RequestParam(defaultValue = "0") int page, HttpServletRequest request,
            Model model) {
        Locale locale = problems.locale(request);
        RejectedRecords.Page listing = rejected.list(feed, page, PAGE_SIZE);
        Map<Long, String> reasons = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> datasets = new HashMap<>();
        Map<Long, String> fields = new HashMap<>();
        for (Rejected r : listing.records()) {
            reasons.put(r.id(), reason(r, locale));
            fields.put(r.id(), fieldName(r, locale));
            names.computeIfAbsent(r.department(), d -> StewardPages.department(directory, d));
            if (r.dataset() != null) {
                datasets.computeIfAbsent(r.dataset(), d -> StewardPages.dataset(hub, d));
            }
        }
        Map<Long, String> feeds = new LinkedHashMap<>();
        for (RejectedRecords.FeedCount f : rejected.feeds()) {
            feeds.put(f.feed(), problems.message("basedata.page.rejected.feed-option",
                    new Object[] {StewardPages.dataset(hub, f.dataset()), StewardPages.department(directory, f.department()), f.rejected()}, locale));
        }
        model.addAttribute("listing", listing);
        model.addAttribute("reasons", reasons);
        model.addAttribute("fields", fields);
        model.addAttribute("names", names);
        model.addAttribute("datasets", datasets);
        model.addAttribute("feeds", feeds);
        model.addAttribute("feed", feed);
        model.addAttribute("previousHref", listing.page() > 0 ? href(feed, listing.page() - 1) : null);
        model.addAttribute("nextHref", listing.page() + 1 < listing.pages() ? href(feed, listing.page() + 1) : null);
        model.addAttribute("exportHref", feed == null ? "/basedata/rejected/export" : "/basedata/rejected/export?feed=" + feed);
        model.addAttribute("zone", StewardPages.BEIJING);
        return "basedata/rejected";
    }

    @GetMapping("/basedata/rejected/export")
    @PreAuthorize("hasAuthority('BASEDATA_STEWARD')")
    void export(@RequestParam(required = false) @Nullable Long feed, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = problems.locale(request);
        List<Map<String, @Nullable String>> rows = new ArrayList<>();
        Map<String, String> names = new HashMap<>();
        Map<String, String> datasets = new HashMap<>();
        rejected.export(feed, r -> {
            Map<String, @Nullable String> row = new LinkedHashMap<>();
            row.put("id", String.valueOf(r.id()));
            row.put("base", r.base());
            row.put("dataset", r.dataset() == null ? null : datasets.computeIfAbsent(r.dataset(), d -> StewardPages.dataset(hub, d)));
            row.put("department", names.computeIfAbsent(r.department(), d -> StewardPages.department(directory, d)));
            row.put("subject", r.subject());
            row.put("field", r.field());
            row.put("reasonZh", reason(r, Locale.SIMPLIFIED_CHINESE));
            row.put("reasonEn", reason(r, Locale.ENGLISH));
            row.put("record", r.record());
            row.put("rejectedAt", TIME.format(r.rejectedAt()));
            rows.add(row);
        });
        XlsxDownload.prepare(response, "基础库拒收记录" + (feed == null ? "" : "-" + feed) + ".xlsx");
        XlsxWriter.write(EXPORT, rows, locale, response.getOutputStream());
    }

    /** The rejected field's name in the page's language (the key's name for the key), or the column as stored. */
    private static String fieldName(Rejected r, Locale locale) {
        if (r.field() == null) {
            return "";
        }
        try {
            Base base = Base.valueOf(r.base());
            if (r.field().equals(base.keyColumn())) {
                return StewardPages.english(locale) ? (base == Base.PERSON ? "ID number" : "Unified social credit code")
                        : (base == Base.PERSON ? PersonField.KEY_LABEL : LegalPersonField.KEY_LABEL);
            }
            return StewardPages.field(base.field(r.field()), locale);
        } catch (IllegalArgumentException e) {
            return r.field();
        }
    }

    /**
     * The reason in the page's language. A field rule stores the field's Chinese label as its first argument (the
     * record is rejected once, whoever reads it later), so an English page names the field in English instead.
     */
    private String reason(Rejected r, Locale locale) {
        Object[] args = r.reasonArgs().toArray();
        String label = fieldName(r, Locale.CHINESE);
        if (args.length > 0 && !label.isEmpty() && label.equals(args[0])) {
            args[0] = fieldName(r, locale);
        }
        return problems.message(r.reasonKey(), args, locale);
    }

    private static String href(@Nullable Long feed, int page) {
        return "/basedata/rejected?" + (feed == null ? "" : "feed=" + feed + "&") + "page=" + page;
    }
}
