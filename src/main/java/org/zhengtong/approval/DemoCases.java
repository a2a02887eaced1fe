package org.zhengtong.approval;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.directory.Applicant;
import org.zhengtong.directory.Applicants;
import org.zhengtong.licence.Licences;
import org.zhengtong.shared.ActingPrincipal;
import org.zhengtong.shared.WorkingDays;

/**
 * The demo city's cases (演示办件): applications by the demo citizens and companies at every stage — waiting at the
 * window, sent back for a supplement, under review at green, yellow and red, approved with a sealed licence,
 * rejected and refused — so that a new user sees the window, the worklists, the supervision board and the
 * applicant's pages full on first start. It runs after the demo items (@Order 50) and only once.
 *
 * <p>Each case is made through {@link Cases} itself, as the clerk and the approvers of the demo city, only dated
 * back by working days so that its clock shows the colour wanted.
 */
@Component
@Order(60)
class DemoCases implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCases.class);
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

    /** Which licence an approved case of a demo item issues. */
    static final Map<String, String> RESULTS = Map.of(
            "3799-ZJJ-XK-001", "SGXK",
            "3799-SCJGJ-XK-002", "JY",
            "3799-SCJGJ-XK-001", "YYZZ",
            "3799-STHJJ-XK-002", "PWXK");

    private final Environment env;
    private final Cases cases;
    private final CaseItems caseItems;
    private final Applicants applicants;
    private final Licences licences;
    private final WorkingDays calendar;
    private final JdbcClient jdbc;

    DemoCases(Environment env, Cases cases, CaseItems caseItems, Applicants applicants, Licences licences, WorkingDays calendar,
            JdbcClient jdbc) {
        this.env = env;
        this.cases = cases;
        this.caseItems = caseItems;
        this.applicants = applicants;
        this.licences = licences;
        this.calendar = calendar;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!env.getProperty("zt.demo", Boolean.class, false) || !env.getProperty("zt.approval.demo.cases", Boolean.class, true)
                || jdbc.sql("select count(*) from approval.case_file").query(Long.class).single() > 0) {
            return;
        }
        try {
            as("admin", "zwfwjsjc");
            RESULTS.forEach((item, type) -> {
                if (licences.type(type).isPresent() && exists(item)) {
                    caseItems.setIssuedLicence(item, type);
                }
            });
            int made = 0;
            String construction = "3799-ZJJ-XK-001";
            String food = "3799-SCJGJ-XK-002";
            String company = "3799-SCJGJ-XK-001";
            String pollution = "3799-STHJJ-XK-002";
            if (exists(construction)) {
                made += run(construction, "enterprise1", 2, Stage.REVIEW_PART);   // green: two reviewers have answered
                made += run(construction, "enterprise2", 12, Stage.REVIEW);      // yellow or red by the promised limit
                made += run(construction, "enterprise1", 30, Stage.REVIEW);      // red: past the promise
                made += run(construction, "enterprise2", 9, Stage.APPROVED);
            }
            if (exists(food)) {
                made += run(food, "enterprise1", 1, Stage.WINDOW);
                made += run(food, "enterprise2", 3, Stage.SUPPLEMENT);
                made += run(food, "enterprise1", 8, Stage.REVIEW);
                made += run(food, "enterprise2", 6, Stage.APPROVED);
            }
            if (exists(company)) {
                made += run(company, "enterprise2", 0, Stage.WINDOW);
                made += run(company, "enterprise1", 2, Stage.REFUSED);
            }
            if (exists(pollution)) {
                made += run(pollution, "enterprise1", 14, Stage.REJECTED);
                made += run(pollution, "enterprise2", 5, Stage.REVIEW);
            }
            for (String item : List.of("3799-GAJ-QR-001", "3799-RSJ-GG-002", "3799-MZJ-GF-002")) {
                if (exists(item)) {
                    made += run(item, "citizen1", 1, Stage.WINDOW);
                    made += run(item, "citizen2", 4, Stage.REVIEW);
                }
            }
            log.info("Loaded the demo cases: {} applications at the window, under review and done.", made);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    enum Stage { WINDOW, SUPPLEMENT, REFUSED, REVIEW_PART, REVIEW, APPROVED, REJECTED }

    private int run(String itemCode, String login, int workingDaysAgo, Stage stage) {
        Applicant a = applicants.find(login).orElse(null);
        if (a == null) {
            return 0;
        }
        CaseItem item = caseItems.published(itemCode);
        LocalDate day = workingDaysBefore(CaseClocks.today(), workingDaysAgo);
        Instant at = day.atTime(LocalTime.of(9, 30)).atZone(CHINA).toInstant();
        Map<String, String> form = new LinkedHashMap<>();
        for (CaseItem.Field f : item.fields()) {
            form.put(f.name(), sample(f, a));
        }
        List<Cases.MaterialInput> materials = new ArrayList<>();
        for (CaseItem.RequiredMaterial m : item.materials()) {
            if (m.required()) {
                materials.add(m.baseField() != null ? Cases.MaterialInput.baseData(m.code())
                        : Cases.MaterialInput.upload(m.code(), m.name() + ".pdf", "application/pdf", PDF));
            }
        }
        var applicant = new Cases.Applicant(a.loginName(), a.kind().name(), a.holderId(), a.name());
        as(a.loginName(), null);
        Cases.Case c = cases.submitOn(day, at, item, applicant, form, materials, UUID.randomUUID().toString());
        as("zwfwj.clerk1", "zwfwjzwc");
        switch (stage) {
            case WINDOW -> {
                return 1;
            }
            case SUPPLEMENT -> {
                cases.requestSupplement(c.number(), "请补充：1. 经营场所使用证明（租赁合同或产权证明）复印件；2. 食品安全管理制度文本。");
                return 1;
            }
            case REFUSED -> {
                cases.refuse(c.number(), "申请事项不属于本机关职权范围，请向所在区市场监督管理局申请。");
                return 1;
            }
            default -> cases.accept(c.number(), "材料齐全，符合法定形式，予以受理。");
        }
        List<Map.Entry<String, Cases.WorkItem>> open = work(c.number());
        int reviewers = stage == Stage.REVIEW_PART ? 2 : stage == Stage.REVIEW ? 0 : Integer.MAX_VALUE;
        int done = 0;
        while (!open.isEmpty() && done < reviewers) {
            String department = open.get(0).getKey();
            Cases.WorkItem w = open.get(0).getValue();
            as(department + ".approver", department);
            boolean approve = stage != Stage.REJECTED;
            cases.complete(w.taskId(), department, approve,
                    approve ? "经审查，符合法定条件和标准，同意。" : "经现场核查，污染防治设施未按环评要求建成，不予许可。");
            done++;
            open = work(c.number());
        }
        return 1;
    }

    /** The open tasks of a case, each with the department it waits for. */
    private List<Map.Entry<String, Cases.WorkItem>> work(String number) {
        List<Map.Entry<String, Cases.WorkItem>> all = new ArrayList<>();
        List<String> departments = jdbc.sql("select jsonb_object_keys(step_limits) from approval.case_file where number = ?").param(number)
                .query(String.class).list();
        for (String d : departments) {
            cases.worklist(d, 10_000).stream().filter(w -> w.caze().number().equals(number)).forEach(w -> all.add(Map.entry(d, w)));
        }
        return all;
    }

    private boolean exists(String itemCode) {
        try {
            caseItems.published(itemCode);
            return true;
        } catch (ApprovalProblem e) {
            return false;
        }
    }

    private LocalDate workingDaysBefore(LocalDate today, int n) {
        LocalDate day = today;
        int counted = 0;
        while (counted < n) {
            day = day.minusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    private static String sample(CaseItem.Field f, Applicant a) {
        return switch (f.type()) {
            case "number" -> "1200";
            case "date" -> LocalDate.now(CHINA).plusMonths(1).toString();
            default -> f.prefill() != null && (f.prefill().endsWith(".name")) ? a.name()
                    : f.label().contains("地址") || f.label().contains("坐落") || f.label().contains("场所") ? "海川市东湖区滨海路 88 号"
                    : f.label().contains("项目") || f.label().contains("工程") ? "海川市东湖区滨海路商业综合体（一期）"
                    : f.label().contains("电话") ? a.phone() : a.name();
        };
    }

    private static void as(String username, @Nullable String orgUnit) {
        ActingPrincipal principal = new ActingPrincipal() {
            @Override
            public String username() {
                return username;
            }

            @Override
            public String displayName() {
                return username;
            }

            @Override
            public @Nullable String orgUnitCode() {
                return orgUnit;
            }
        };
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, List.of()));
    }
}
