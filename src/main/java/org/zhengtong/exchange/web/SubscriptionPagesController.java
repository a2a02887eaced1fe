package org.zhengtong.exchange.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.exchange.ExchangeMonitor;
import org.zhengtong.exchange.ExchangeProblem;
import org.zhengtong.exchange.NewSubscription;
import org.zhengtong.exchange.Subscription;
import org.zhengtong.exchange.Subscriptions;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * A department's subscriptions (订阅数据): what it receives, how far it has got and how far behind it is; the
 * datasets it holds a grant for, each with a form to subscribe to the granted items; and cancelling.
 */
@Controller
class SubscriptionPagesController {

    private final Subscriptions subscriptions;
    private final ExchangeHub hub;
    private final ExchangeMonitor monitor;
    private final Problems problems;

    SubscriptionPagesController(Subscriptions subscriptions, ExchangeHub hub, ExchangeMonitor monitor, Problems problems) {
        this.subscriptions = subscriptions;
        this.hub = hub;
        this.monitor = monitor;
        this.problems = problems;
    }

    /** A dataset the department may subscribe to, and the items its grant covers, in the dataset's order. */
    record Offer(Dataset dataset, List<String> items) {}

    /** What the subscribe form was sent with, to show it again with its problems. */
    record Form(String dataset, List<String> items, String filterItem, String filterPrefix, String mode, String target, String targetTable,
            String targetUser) {

        static final Form EMPTY = new Form("", List.of(), "", "", "PULL", "", "", "");
    }

    @GetMapping("/exchange/subscriptions")
    @PreAuthorize("hasAuthority('EXCHANGE_SUBSCRIBE')")
    String page(@RequestParam(required = false) @Nullable String dataset, Model model) {
        return render(model, dataset, null, Map.of(), null);
    }

    @PostMapping("/exchange/subscriptions")
    @PreAuthorize("hasAuthority('EXCHANGE_SUBSCRIBE')")
    String subscribe(@RequestParam(required = false) @Nullable String dataset, @RequestParam(required = false) @Nullable List<String> items,
            @RequestParam(required = false) @Nullable String filterItem, @RequestParam(required = false) @Nullable String filterPrefix,
            @RequestParam(required = false) @Nullable String mode, @RequestParam(required = false) @Nullable String target,
            @RequestParam(required = false) @Nullable String targetTable, @RequestParam(required = false) @Nullable String targetUser,
            @RequestParam(required = false) @Nullable String targetSecret, HttpServletRequest request, Model model, RedirectAttributes redirect) {
        Locale locale = problems.locale(request);
        Form form = new Form(text(dataset), items == null ? List.of() : items, text(filterItem), text(filterPrefix),
                mode == null ? "PULL" : mode, text(target), text(targetTable), text(targetUser));
        try {
            if (dataset == null || dataset.isBlank()) {
                throw InvalidInput.of("dataset", "exchange.page.subscribe.dataset.required");
            }
            Subscription s = subscriptions.subscribe(new NewSubscription(dataset, items, filterItem, filterPrefix, mode, target, targetTable,
                    targetUser, targetSecret));
            redirect.addFlashAttribute("done", problems.message("exchange.page.subscriptions.subscribed", new Object[] {s.id()}, locale));
            return "redirect:/exchange/subscriptions";
        } catch (InvalidInput e) {
            return render(model, dataset, form, problems.byField(e, locale), null);
        } catch (PlatformException e) {
            return render(model, dataset, form, Map.of(), problems.describe(e, locale));
        }
    }

    @PostMapping("/exchange/subscriptions/{id}/cancel")
    @PreAuthorize("hasAuthority('EXCHANGE_SUBSCRIBE')")
    String cancel(@PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        if (subscriptions.visible().stream().noneMatch(s -> s.id() == id)) {
            // Another department's subscription is not found here, as one that does not exist.
            throw ExchangeProblem.unknownSubscription(id);
        }
        subscriptions.cancel(id);
        redirect.addFlashAttribute("done", problems.message("exchange.page.subscriptions.cancelled", new Object[] {id},
                problems.locale(request)));
        return "redirect:/exchange/subscriptions";
    }

    private String render(Model model, @Nullable String chosen, @Nullable Form form, Map<String, List<String>> errors, @Nullable String failure) {
        ExchangeMonitor.Scope scope = monitor.scope();
        List<Subscription> mine = subscriptions.visible();
        Map<Long, ExchangeMonitor.SubscriptionFlow> flows = new HashMap<>();
        monitor.overview().subscriptions().forEach(f -> flows.put(f.id(), f));
        Map<String, String> names = new HashMap<>();
        List<Offer> offers = new ArrayList<>();
        for (Dataset d : hub.visibleDatasets()) {
            names.put(d.code(), d.name());
            if (scope.department() == null || d.provider().equals(scope.department())) {
                continue;
            }
            Set<String> granted = subscriptions.grantedItems(scope.department(), d.code());
            if (!granted.isEmpty()) {
                // The listing leaves the data items out; the dataset is read whole for them.
                Dataset whole = hub.findDataset(d.code()).orElse(d);
                offers.add(new Offer(whole, whole.itemNames().stream().filter(granted::contains).toList()));
            }
        }
        Offer offer = offers.stream().filter(o -> o.dataset().code().equals(chosen)).findFirst().orElse(null);
        Map<String, Long> subscribed = new LinkedHashMap<>();
        mine.forEach(s -> subscribed.merge(s.dataset(), 1L, Long::sum));
        model.addAttribute("scope", scope);
        model.addAttribute("mine", mine);
        model.addAttribute("flows", flows);
        model.addAttribute("names", names);
        model.addAttribute("offers", offers);
        model.addAttribute("subscribed", subscribed);
        model.addAttribute("offer", offer);
        model.addAttribute("form", form != null ? form : offer == null ? Form.EMPTY
                : new Form(offer.dataset().code(), offer.items(), "", "", "PULL", "", "", ""));
        model.addAttribute("errors", errors);
        if (failure != null) {
            model.addAttribute("failure", failure);
        }
        model.addAttribute("zone", ExchangePagesController.BEIJING);
        return "exchange/subscriptions";
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }
}
