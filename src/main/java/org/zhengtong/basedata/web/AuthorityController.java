package org.zhengtong.basedata.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.zhengtong.basedata.Authorities;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseDataFeeds;
import org.zhengtong.basedata.BaseField;
import org.zhengtong.basedata.Feed;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.directory.OrgUnitKind;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.Problems;

/**
 * The platform admin's page of the base databases' sources (权威来源与数据接入): the authority table, one form per
 * field to choose the department whose value counts (every change audited by {@link Authorities#set}), and the
 * feeds with what each has taken, its per-field counts, and a button to pause or resume it.
 */
@Controller
class AuthorityController {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    /** What the pause/resume form asks a feed to become. */
    enum FeedStatus { ACTIVE, PAUSED }

    private final Authorities authorities;
    private final BaseDataFeeds feeds;
    private final DirectoryManagement directory;
    private final ExchangeHub hub;
    private final Problems problems;

    AuthorityController(Authorities authorities, BaseDataFeeds feeds, DirectoryManagement directory, ExchangeHub hub, Problems problems) {
        this.authorities = authorities;
        this.feeds = feeds;
        this.directory = directory;
        this.hub = hub;
        this.problems = problems;
    }

    /** One row of the authority table. */
    record Row(Base base, BaseField field, @Nullable String department) {}

    /** One feed as the page lists it. */
    record FeedRow(Feed feed, String datasetName, String departmentName, Map<String, BaseDataFeeds.FieldTally> tallies) {}

    @GetMapping("/basedata/authority")
    @PreAuthorize("hasAuthority('BASEDATA_ADMIN')")
    String page(Model model) {
        List<Row> rows = new java.util.ArrayList<>();
        for (Base base : Base.values()) {
            Map<String, String> of = authorities.of(base);
            base.fields().forEach(f -> rows.add(new Row(base, f, of.get(f.column()))));
        }
        List<OrgUnit> departments = directory.orgUnits().stream().filter(u -> u.kind() == OrgUnitKind.DEPARTMENT).toList();
        Map<String, String> names = new LinkedHashMap<>();
        departments.forEach(d -> names.put(d.code(), d.name()));
        List<FeedRow> feedRows = feeds.feeds().stream().map(f -> new FeedRow(f, hub.findDataset(f.dataset()).map(Dataset::name).orElse(f.dataset()),
                names.getOrDefault(f.department(), f.department()), feeds.tallies(f.id()))).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("departments", departments);
        model.addAttribute("names", names);
        model.addAttribute("feeds", feedRows);
        model.addAttribute("zone", BEIJING);
        return "basedata/authority";
    }

    @PostMapping("/basedata/authority")
    @PreAuthorize("hasAuthority('BASEDATA_ADMIN')")
    String set(@RequestParam Base base, @RequestParam String field, @RequestParam(required = false) @Nullable String department,
            HttpServletRequest request, RedirectAttributes redirect) {
        authorities.set(base, field, department);
        String after = department == null || department.isBlank() ? problems.message("basedata.authority.none", new Object[0], problems.locale(request))
                : directory.findOrgUnit(department.strip()).map(OrgUnit::name).orElse(department);
        boolean english = problems.locale(request).getLanguage().equals("en");
        redirect.addFlashAttribute("done", problems.message("basedata.authority.saved",
                new Object[] {english ? base.english() : base.label(), english ? base.field(field).english() : base.field(field).label(), after},
                problems.locale(request)));
        return "redirect:/basedata/authority";
    }

    @PostMapping("/basedata/feeds/{id}/status")
    @PreAuthorize("hasAuthority('BASEDATA_ADMIN')")
    String status(@PathVariable long id, @RequestParam FeedStatus status, HttpServletRequest request, RedirectAttributes redirect) {
        if (status == FeedStatus.PAUSED) {
            feeds.pause(id);
        } else {
            feeds.resume(id);
        }
        redirect.addFlashAttribute("done", problems.message(status == FeedStatus.PAUSED ? "basedata.authority.feed.paused"
                : "basedata.authority.feed.resumed", new Object[] {id}, problems.locale(request)));
        return "redirect:/basedata/authority#feeds-h";
    }
}
