package org.zhengtong.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.exchange.ConnectionCheck;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.exchange.Source;
import org.zhengtong.exchange.SourceSettings;
import org.zhengtong.exchange.Sources;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * The page where a department's data officer connects its datasets to the hub (交换接入): the pull source of each
 * dataset it provides, with a connection test, a run-now button and the progress of the current run (polled with
 * htmx while it runs); the drop folder of each dataset; and the department node's SM2 key pair.
 */
@Controller
class SourcesController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Sources sources;
    private final ExchangeHub hub;
    private final Problems problems;

    SourcesController(Sources sources, ExchangeHub hub, Problems problems) {
        this.sources = sources;
        this.hub = hub;
        this.problems = problems;
    }

    /** The values a source's form shows: saved ones, or those just submitted. The secret is never shown. */
    record Form(String jdbcUrl, String jdbcUser, String query, String mode, String incrementalColumn, String scheduleKind, String scheduleValue,
            String windowInterval, boolean enabled) {

        static Form of(@Nullable Source s) {
            if (s == null) {
                return new Form("", "", "", "FULL", "", "INTERVAL", "3600", "", true);
            }
            return new Form(s.jdbcUrl(), orEmpty(s.jdbcUser()), s.query(), s.mode(), orEmpty(s.incrementalColumn()), s.scheduleKind(),
                    s.scheduleValue(), s.windowInterval() == null ? "" : String.valueOf(s.windowInterval()), s.enabled());
        }
    }

    /** How a run is going, ready to show. */
    record Progress(String key, String code, boolean configured, boolean running, String state, long rowsRead, String startedAt,
            String finishedAt, String nextRunAt, @Nullable String watermark, @Nullable Long lastBatch, @Nullable String lastError,
            boolean enabled) {}

    /** One dataset on the page. */
    record Row(Sources.Provided provided, String key, Form form, boolean hasSecret, Progress progress, Map<String, List<String>> errors,
            @Nullable ConnectionCheck check, @Nullable String failure) {}

    @GetMapping("/exchange/sources")
    @PreAuthorize("hasAuthority('EXCHANGE_CONFIGURE')")
    String page(Model model, HttpServletRequest request) {
        return render(model, request, null, null, Map.of(), null, null);
    }

    @PostMapping("/exchange/sources/{classification}/{sequence}")
    @PreAuthorize("hasAuthority('EXCHANGE_CONFIGURE')")
    String save(@PathVariable String classification, @PathVariable String sequence, FormInput input, Model model, HttpServletRequest request,
            RedirectAttributes redirect) {
        String code = classification + "/" + sequence;
        try {
            sources.save(code, input.settings());
            redirect.addFlashAttribute("saved", code);
            return "redirect:/exchange/sources#" + key(code);
        } catch (InvalidInput e) {
            return render(model, request, code, input.form(), problems.byField(e, problems.locale(request)), null, null);
        } catch (PlatformException e) {
            return render(model, request, code, input.form(), Map.of(), null, problems.describe(e, problems.locale(request)));
        }
    }

    @PostMapping("/exchange/sources/{classification}/{sequence}/test")
    @PreAuthorize("hasAuthority('EXCHANGE_CONFIGURE')")
    String test(@PathVariable String classification, @PathVariable String sequence, FormInput input, Model model, HttpServletRequest request) {
        String code = classification + "/" + sequence;
        Locale locale = problems.locale(request);
        try {
            ConnectionCheck check = sources.test(code, input.settings());
            return render(model, request, code, input.form(), Map.of(), check, null);
        } catch (InvalidInput e) {
            return render(model, request, code, input.form(), problems.byField(e, locale), null, null);
        } catch (PlatformException e) {
            return render(model, request, code, input.form(), Map.of(), null, problems.describe(e, locale));
        }
    }

    @PostMapping("/exchange/sources/{classification}/{sequence}/run")
    @PreAuthorize("hasAuthority('EXCHANGE_CONFIGURE')")
    String run(@PathVariable String classification, @PathVariable String sequence, HttpServletRequest request, RedirectAttributes redirect) {
        String code = classification + "/" + sequence;
        try {
            sources.runNow(code);
            redirect.addFlashAttribute("started", code);
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", problems.describe(e, problems.locale(request)));
        }
        return "redirect:/exchange/sources#" + key(code);
    }

    @GetMapping("/exchange/sources/{classification}/{sequence}/progress")
    @PreAuthorize("hasAuthority('EXCHANGE_CONFIGURE')")
    String progress(@PathVariable String classification, @PathVariable String sequence, Model model, HttpServletRequest request) {
        String code = classification + "/" + sequence;
        Sources.Provided p = sources.provided(code);
        model.addAttribute("progress", progress(code, p.source(), problems.locale(request)));
        return "exchange/source-parts :: progress";
    }

    @PostMapping("/exchange/sources/node-key")
    @PreAuthorize("hasAuthority('EXCHANGE_CONFIGURE')")
    String nodeKey(Model model) {
        model.addAttribute("privateKey", hub.generateNodeKey());
        model.addAttribute("department", sources.departmentName());
        return "exchange/node-key";
    }

    /** The form's fields as submitted. */
    record FormInput(@Nullable String jdbcUrl, @Nullable String jdbcUser, @Nullable String jdbcSecret, @Nullable String query,
            @Nullable String mode, @Nullable String incrementalColumn, @Nullable String scheduleKind, @Nullable String scheduleValue,
            @Nullable String windowInterval, @Nullable String enabled) {

        SourceSettings settings() {
            Integer window = null;
            if (windowInterval != null && !windowInterval.isBlank()) {
                try {
                    window = Integer.valueOf(windowInterval.strip());
                } catch (NumberFormatException e) {
                    window = -1;
                }
            }
            return new SourceSettings(jdbcUrl, jdbcUser, jdbcSecret, query, mode, incrementalColumn, scheduleKind, scheduleValue, window,
                    enabled != null);
        }

        Form form() {
            return new Form(orEmpty(jdbcUrl), orEmpty(jdbcUser), orEmpty(query), mode == null ? "FULL" : mode, orEmpty(incrementalColumn),
                    scheduleKind == null ? "INTERVAL" : scheduleKind, orEmpty(scheduleValue), orEmpty(windowInterval), enabled != null);
        }
    }

    private String render(Model model, HttpServletRequest request, @Nullable String focus, @Nullable Form submitted,
            Map<String, List<String>> errors, @Nullable ConnectionCheck check, @Nullable String failure) {
        Locale locale = problems.locale(request);
        List<Row> rows = new ArrayList<>();
        for (Sources.Provided p : sources.provided()) {
            String code = p.dataset().code();
            boolean focused = code.equals(focus);
            Source s = p.source();
            rows.add(new Row(p, key(code), focused && submitted != null ? submitted : Form.of(s), s != null && s.hasSecret(),
                    progress(code, s, locale), focused ? errors : Map.of(), focused ? check : null, focused ? failure : null));
        }
        model.addAttribute("department", sources.departmentName());
        model.addAttribute("rows", rows);
        model.addAttribute("hubKey", hub.hubPublicKey());
        model.addAttribute("focus", focus == null ? null : key(focus));
        return "exchange/sources";
    }

    private Progress progress(String code, @Nullable Source s, Locale locale) {
        if (s == null) {
            return new Progress(key(code), code, false, false, "IDLE", 0, "", "", "", null, null, null, false);
        }
        String error = s.lastErrorCode() == null ? null
                : problems.message("problem." + s.lastErrorCode(), s.lastErrorArgs().toArray(), locale);
        return new Progress(key(code), code, true, s.running(), s.state(), s.rowsRead(), time(s.startedAt()), time(s.finishedAt()),
                s.enabled() ? time(s.nextRunAt()) : "", s.watermark(), s.lastBatch(), error, s.enabled());
    }

    static String key(String code) {
        return "ds-" + code.replace('/', '-');
    }

    private static String time(@Nullable Instant t) {
        return t == null ? "" : t.atZone(CHINA).format(TIME);
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
