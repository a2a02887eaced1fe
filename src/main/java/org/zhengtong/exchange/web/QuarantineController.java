package org.zhengtong.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.exchange.ExchangeMonitor;
import org.zhengtong.exchange.Quarantine;
import org.zhengtong.exchange.ReasonText;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * The quarantine's pages (问题数据): the records a department's batches had refused, with why and where; one record
 * with its original line and a form holding one field per data item, filled from what was sent, to correct and
 * resubmit it, or to discard it with a reason.
 */
@Controller
class QuarantineController {

    static final int PAGE_SIZE = 20;
    /** Form fields carrying a data item's value are named {@code item.<item name>}. */
    static final String ITEM = "item.";

    private final Quarantine quarantine;
    private final ExchangeHub hub;
    private final ExchangeMonitor monitor;
    private final ReasonText reasons;
    private final Problems problems;

    QuarantineController(Quarantine quarantine, ExchangeHub hub, ExchangeMonitor monitor, ReasonText reasons, Problems problems) {
        this.quarantine = quarantine;
        this.hub = hub;
        this.monitor = monitor;
        this.reasons = reasons;
        this.problems = problems;
    }

    @GetMapping("/exchange/quarantine")
    @PreAuthorize("hasAuthority('EXCHANGE_QUARANTINE')")
    String list(@RequestParam(required = false) @Nullable String dataset, @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request, Model model) {
        Locale locale = problems.locale(request);
        String state = status == null ? "OPEN" : status;
        Quarantine.Listing listing = quarantine.list(dataset, state, page, PAGE_SIZE);
        Map<Long, String> why = new HashMap<>();
        listing.entries().forEach(e -> why.put(e.id(), reasons.render(e.reasonCode(), e.reasonArgs(), locale)));
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Long> counts = quarantine.openCounts();
        counts.keySet().forEach(code -> names.put(code, hub.findDataset(code).map(Dataset::name).orElse(code)));
        model.addAttribute("scope", monitor.scope());
        model.addAttribute("listing", listing);
        model.addAttribute("reasons", why);
        model.addAttribute("counts", counts);
        model.addAttribute("names", names);
        model.addAttribute("dataset", dataset == null ? "" : dataset);
        model.addAttribute("status", state);
        model.addAttribute("previousHref", listing.hasPrevious() ? href(dataset, state, listing.page() - 1) : null);
        model.addAttribute("nextHref", listing.hasNext() ? href(dataset, state, listing.page() + 1) : null);
        model.addAttribute("zone", ExchangePagesController.BEIJING);
        return "exchange/quarantine";
    }

    @GetMapping("/exchange/quarantine/{id}")
    @PreAuthorize("hasAuthority('EXCHANGE_QUARANTINE')")
    String record(@PathVariable long id, HttpServletRequest request, Model model) {
        Quarantine.Detail detail = quarantine.show(id);
        Locale locale = problems.locale(request);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        String field = detail.entry().field();
        if (detail.entry().open() && field != null && detail.dataset().item(field) != null) {
            // The form opens with the refused item marked, and why, as after a failed attempt.
            errors.put(field, List.of(reasons.render(detail.entry().reasonCode(), detail.entry().reasonArgs(), locale)));
        }
        return show(model, detail, detail.values(), errors, null, locale);
    }

    @PostMapping("/exchange/quarantine/{id}/resubmit")
    @PreAuthorize("hasAuthority('EXCHANGE_QUARANTINE')")
    String resubmit(@PathVariable long id, @RequestParam Map<String, String> form, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(ITEM)) {
                values.put(name.substring(ITEM.length()), value);
            }
        });
        Locale locale = problems.locale(request);
        try {
            Quarantine.Resubmitted done = quarantine.resubmit(id, values);
            redirect.addFlashAttribute("done", problems.message("exchange.page.quarantine.resubmitted",
                    new Object[] {done.id(), done.batchId()}, locale));
            return "redirect:/exchange/quarantine";
        } catch (InvalidInput e) {
            Quarantine.Detail detail = quarantine.show(id);
            List<String> submitted = new ArrayList<>();
            for (DataItem item : detail.dataset().items()) {
                submitted.add(values.getOrDefault(item.name(), ""));
            }
            return show(model, detail, submitted, problems.byField(e, locale), null, locale);
        } catch (PlatformException e) {
            return refused(e, id, locale, redirect);
        }
    }

    @PostMapping("/exchange/quarantine/{id}/discard")
    @PreAuthorize("hasAuthority('EXCHANGE_QUARANTINE')")
    String discard(@PathVariable long id, @RequestParam(required = false) @Nullable String reason, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        Locale locale = problems.locale(request);
        try {
            quarantine.discard(id, reason);
            redirect.addFlashAttribute("done", problems.message("exchange.page.quarantine.discarded", new Object[] {id}, locale));
            return "redirect:/exchange/quarantine";
        } catch (InvalidInput e) {
            Quarantine.Detail detail = quarantine.show(id);
            model.addAttribute("discardErrors", problems.byField(e, locale));
            model.addAttribute("discardReason", reason);
            return show(model, detail, detail.values(), Map.of(), null, locale);
        } catch (PlatformException e) {
            return refused(e, id, locale, redirect);
        }
    }

    /** A record not found stays a 404; anything else (handled meanwhile) goes back to the record with why. */
    private String refused(PlatformException e, long id, Locale locale, RedirectAttributes redirect) {
        if (e.status() == HttpStatus.NOT_FOUND) {
            throw e;
        }
        redirect.addFlashAttribute("failure", problems.describe(e, locale));
        return "redirect:/exchange/quarantine/" + id;
    }

    private String show(Model model, Quarantine.Detail detail, List<String> values, Map<String, List<String>> errors,
            @Nullable String failure, Locale locale) {
        model.addAttribute("detail", detail);
        model.addAttribute("entry", detail.entry());
        model.addAttribute("reason", reasons.render(detail.entry().reasonCode(), detail.entry().reasonArgs(), locale));
        model.addAttribute("values", values);
        model.addAttribute("hints", detail.dataset().items().stream().map(i -> hint(i, locale)).toList());
        model.addAttribute("errors", errors);
        if (failure != null) {
            model.addAttribute("failure", failure);
        }
        model.addAttribute("zone", ExchangePagesController.BEIJING);
        return "exchange/quarantine-record";
    }

    /** What a data item takes, in plain words: its type, length, whether it is needed, and the standard it is checked against. */
    private String hint(DataItem item, Locale locale) {
        List<String> parts = new ArrayList<>();
        parts.add(problems.message("catalog.DataType." + item.dataType().name(), new Object[0], locale));
        if (item.length() != null) {
            parts.add(problems.message("exchange.page.item.length", new Object[] {item.length()}, locale));
        }
        if (item.key()) {
            parts.add(problems.message("catalog.item.key", new Object[0], locale));
        } else if (item.required()) {
            parts.add(problems.message("catalog.item.required", new Object[0], locale));
        }
        if (item.standard() != null) {
            parts.add(problems.message("exchange.page.item.standard",
                    new Object[] {problems.message("catalog.Standard." + item.standard().name(), new Object[0], locale)}, locale));
        }
        return String.join(problems.message("exchange.page.item.separator", new Object[0], locale), parts);
    }

    private static String href(@Nullable String dataset, String status, int page) {
        var b = UriComponentsBuilder.fromPath("/exchange/quarantine");
        if (dataset != null && !dataset.isBlank()) {
            b.queryParam("dataset", dataset);
        }
        if (!status.equals("OPEN")) {
            b.queryParam("status", status);
        }
        return b.queryParam("page", page).build().toUriString();
    }
}
