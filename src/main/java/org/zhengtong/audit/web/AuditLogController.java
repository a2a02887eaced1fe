package org.zhengtong.audit.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;
import org.zhengtong.audit.AuditFilter;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.xlsx.XlsxDownload;
import org.zhengtong.audit.AuditPage;
import org.zhengtong.audit.AuditQueries;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.Problems;

/**
 * The audit log page (审计日志): a filter form over the records, newest first, a page at a time, and the
 * same selection as an xlsx download.
 *
 * <p>The form is an ordinary GET form and the pager ordinary links, so the page works without JavaScript;
 * with htmx they replace only the results and keep the address bar in step, so a search can be bookmarked
 * or shared either way.
 */
@Controller
@RequestMapping("/audit")
class AuditLogController {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter FILE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final AuditQueries queries;
    private final AuditLog audit;
    private final Problems problems;

    AuditLogController(AuditQueries queries, AuditLog audit, Problems problems) {
        this.queries = queries;
        this.audit = audit;
        this.problems = problems;
    }

    @GetMapping
    @PreAuthorize("hasAuthority('AUDIT_VIEW')")
    String log(AuditSearch search, @RequestParam(defaultValue = "1") int page,
            @RequestParam(defaultValue = "" + PAGE_SIZE) int size, Locale locale, Model model) {
        // A hand-edited address should still show a page, not an error.
        int pageSize = Math.clamp(size, 1, AuditQueries.MAX_PAGE_SIZE);
        AuditPage result;
        List<String> errors = List.of();
        try {
            result = queries.search(search.toFilter(), Math.max(page, 1), pageSize);
        } catch (InvalidInput invalid) {
            errors = problems.messages(invalid.problems(), locale);
            result = new AuditPage(List.of(), 0, 1, pageSize);
        }
        model.addAttribute("search", search);
        model.addAttribute("outcomes", AuditLog.Outcome.values());
        model.addAttribute("errors", errors);
        model.addAttribute("result", result);
        model.addAttribute("zone", AuditSearch.BEIJING);
        model.addAttribute("exportHref", href("/audit/export.xlsx", search.parameters()));
        if (result.hasPrevious()) {
            model.addAttribute("previousHref", pageHref(search, result.page() - 1, pageSize));
        }
        if (result.hasNext()) {
            model.addAttribute("nextHref", pageHref(search, result.page() + 1, pageSize));
        }
        return "audit/log";
    }

    /** Exporting the log discloses it, so the export is recorded, with its conditions, before any row is sent. */
    @GetMapping("/export.xlsx")
    @PreAuthorize("hasAuthority('AUDIT_VIEW')")
    void export(AuditSearch search, HttpServletResponse response) throws IOException {
        AuditFilter filter = search.toFilter();
        audit.record(Actor.current(), "audit.export", "audit-log", AuditLog.Outcome.SUCCESS, filter.describe());
        String name = "审计日志-" + LocalDateTime.now(AuditSearch.BEIJING).format(FILE_STAMP) + ".xlsx";
        XlsxDownload.prepare(response, name);
        try (AuditWorkbook workbook = new AuditWorkbook()) {
            queries.forEach(filter, workbook::add);
            workbook.write(response.getOutputStream());
        }
    }

    private static String pageHref(AuditSearch search, int page, int size) {
        Map<String, String> parameters = new LinkedHashMap<>(search.parameters());
        parameters.put("page", String.valueOf(page));
        if (size != PAGE_SIZE) {
            parameters.put("size", String.valueOf(size));
        }
        return href("/audit", parameters);
    }

    /** Values go in as URI variables, so every reserved character in them (even '+') is encoded. */
    private static String href(String path, Map<String, String> parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        parameters.keySet().forEach(name -> uri.queryParam(name, "{" + name + "}"));
        return uri.encode().buildAndExpand(parameters).toUriString();
    }
}
