package org.zhengtong.approval.bench;

import static org.zhengtong.exchange.bench.Benches.freePort;
import static org.zhengtong.exchange.bench.Benches.millis;
import static org.zhengtong.exchange.bench.Benches.require;

import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.zhengtong.approval.CaseItem;
import org.zhengtong.approval.CaseItems;
import org.zhengtong.approval.CaseStatus;
import org.zhengtong.approval.Cases;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.approval.clock.ClockBulk;
import org.zhengtong.approval.engine.ProcessTemplates;
import org.zhengtong.approval.engine.ProcessVersions;
import org.zhengtong.approval.items.FormField;
import org.zhengtong.approval.items.ItemContent;
import org.zhengtong.approval.items.ItemType;
import org.zhengtong.approval.items.Material;
import org.zhengtong.approval.items.ProcessTemplate;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.approval.items.Step;
import org.zhengtong.approval.items.Window;
import org.zhengtong.exchange.bench.Benches;
import org.zhengtong.exchange.bench.Benches.CheckFailed;
import org.zhengtong.licence.Licences;

/**
 * {@code ./zt bench approval [cases]}: the construction-project joint approval run end to end, and the e-supervision
 * board over 100,000 running cases, each beside what the bare engine or bare PostgreSQL does in the same run.
 *
 * <p>It starts the whole platform in this JVM (the demo city on a throw-away embedded PostgreSQL, no demo cases).
 * 住建局 publishes a construction permit item led by itself with 自然资源和规划局, 生态环境局, 发展和改革委员会 and
 * 交通运输局 reviewing in parallel, issuing a construction permit licence.
 *
 * <ol>
 *   <li><b>Cases.</b> Baseline: the same BPMN process run bare on the embedded Flowable — start, four parallel tasks
 *       and the lead's decision completed through Flowable's own TaskService, nothing else. Then the same number of
 *       cases through the platform's service API ({@code Cases}): submitted by a company with a material, accepted
 *       at the window, reviewed by the four departments and decided by the lead, each step with its clock, audit
 *       record and timeline, and the licence sealed with SM2 on approval. Four workers run cases side by side.
 *       Checks: every case approved with a licence, no process left running, every clock finished.
 *   <li><b>Board.</b> 100,000 running clocks spread over the departments and the colours. Baseline: the bare
 *       {@code SELECT} counting running clocks by department and colour. Then the e-supervision board page
 *       ({@code GET /approval/supervision}) rendered over HTTP for the mayor, signed in. Goal: every render under 1 s.
 * </ol>
 *
 * <p>It prints a table and, as its last line, the figures as one JSON object; it exits 0 when the goal is met, 1
 * when not, and 2 when a check fails.
 */
public final class ApprovalBench {

    static final int WORKERS = 4;
    /** How many bare runs make the baseline: enough for a steady rate, without doubling the benchmark's length. */
    static final int BARE_RUNS = 2_000;
    static final int BOARD_CLOCKS = 100_000;
    static final double BOARD_GOAL_MS = 1_000;
    static final List<String> REVIEWERS = List.of("zrzyj", "sthjj", "fgw", "jtysj");
    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    private ApprovalBench() {}


    record Report(int cases, int bareRuns, double startMs, double bareMs, double platformMs, double bareSelectMs, double[] renderMs, int checkedLicences) {

        double bareRate() {
            return bareRuns / (bareMs / 1000);
        }

        double platformRate() {
            return cases / (platformMs / 1000);
        }

        double renderMax() {
            return Arrays.stream(renderMs).max().orElse(0);
        }

        double renderMedian() {
            double[] sorted = renderMs.clone();
            Arrays.sort(sorted);
            return sorted[sorted.length / 2];
        }

        boolean met() {
            return renderMax() < BOARD_GOAL_MS;
        }

        String json() {
            return String.format(Locale.ROOT,
                    "{\"bench\":\"approval\",\"cases\":%d,\"startup_ms\":%.0f,\"workers\":%d,"
                            + "\"bare_flowable\":{\"runs\":%d,\"ms\":%.0f,\"cases_per_s\":%.1f},"
                            + "\"platform\":{\"ms\":%.0f,\"cases_per_s\":%.1f,\"tasks_per_case\":5,\"licences\":%d},"
                            + "\"platform_to_bare_ratio\":%.4f,"
                            + "\"board\":{\"running_cases\":%d,\"bare_select_ms\":%.1f,\"render_median_ms\":%.1f,\"render_max_ms\":%.1f,"
                            + "\"renders\":%d,\"render_to_select_ratio\":%.2f,\"goal_ms\":%.0f,\"met\":%b},"
                            + "\"checks_passed\":true,\"cpus\":%d,\"max_heap_mb\":%d}",
                    cases, startMs, WORKERS, bareRuns, bareMs, bareRate(), platformMs, platformRate(), checkedLicences, platformRate() / bareRate(),
                    BOARD_CLOCKS, bareSelectMs, renderMedian(), renderMax(), renderMs.length, renderMedian() / bareSelectMs, BOARD_GOAL_MS, met(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    /** Runs the benchmark; the one argument, if any, is the number of cases (10,000 by default). */
    public static int run(PrintStream out, Class<?> application, List<String> args) {
        int cases = 10_000;
        if (!args.isEmpty()) {
            try {
                cases = Integer.parseInt(args.getFirst().replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                cases = -1;
            }
            if (cases < 100 || cases > 1_000_000 || args.size() > 1) {
                System.err.println("./zt bench approval [cases]: cases is a number from 100 to 1000000 (10000 by default)");
                return 64;
            }
        }
        try {
            Report report = measure(out, application, cases);
            printTable(out, report);
            out.println(report.json());
            return report.met() ? 0 : 1;
        } catch (CheckFailed e) {
            return Benches.failed(out, "approval", e);
        } catch (Exception e) {
            System.err.println("The approval benchmark failed: " + e);
            e.printStackTrace();
            return 2;
        }
    }

    static Report measure(PrintStream out, Class<?> application, int cases) throws Exception {
        Path home = Files.createTempDirectory("zt-bench-approval-");
        int port = freePort();
        ConfigurableApplicationContext context = null;
        try {
            out.println("启动平台 / starting the platform (demo city, embedded PostgreSQL, port " + port + ")...");
            long start = System.nanoTime();
            context = new SpringApplication(application).run("--zt.home=" + home, "--zt.demo=true", "--server.port=" + port, "--zt.db.port=0",
                    "--zt.db.clean-on-close=true", "--zt.basedata.demo.persons=0", "--zt.basedata.demo.enterprises=0",
                    "--zt.approval.demo.cases=false", "--zt.basedata.feeds.enabled=false", "--logging.level.root=warn",
                    "--logging.level.org.zhengtong=warn");
            double startMs = millis(System.nanoTime() - start);
            String secret = context.getEnvironment().getProperty("zt.demo-password", "Zhengtong@2026");
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            var accounts = context.getBeansOfType(UserDetailsService.class).values().iterator().next();
            Cases service = context.getBean(Cases.class);
            CaseItems caseItems = context.getBean(CaseItems.class);
            ServiceItems items = context.getBean(ServiceItems.class);
            TaskService tasks = context.getBean(TaskService.class);
            RuntimeService runtime = context.getBean(RuntimeService.class);

            String code = "BENCH-ZJJ-" + UUID.randomUUID().toString().substring(0, 6);
            signIn(accounts, "zjj.officer");
            items.create(code, content());
            items.publish(code);
            String licenceType = context.getBean(Licences.class).type("SGXK").map(t -> t.code()).orElse(null);
            if (licenceType != null) {
                caseItems.setIssuedLicence(code, licenceType);
            }
            SecurityContextHolder.clearContext();
            CaseItem item = caseItems.published(code);
            context.getBean(ProcessVersions.class).ensure(code, item.plan());

            int bareRuns = Math.min(cases, BARE_RUNS);
            out.printf(Locale.ROOT, "基线 / baseline: %,d bare Flowable runs of the same process, %d workers...%n", bareRuns, WORKERS);
            String key = ProcessTemplates.keyOf(code);
            long t0 = System.nanoTime();
            parallel(bareRuns, i -> {
                String instance = runtime.startProcessInstanceByKey(key, Map.of(Cases.CASE_NUMBER, "bare-" + i)).getId();
                for (Task t : tasks.createTaskQuery().processInstanceId(instance).list()) {
                    tasks.complete(t.getId(), Map.of(ProcessTemplates.DECISION, "APPROVE"));
                }
                Task decide = tasks.createTaskQuery().processInstanceId(instance).singleResult();
                tasks.complete(decide.getId(), Map.of(ProcessTemplates.DECISION, "APPROVE"));
            }, out);
            double bareMs = millis(System.nanoTime() - t0);

            out.printf(Locale.ROOT, "办件 / %,d cases through the platform's service API, %d workers...%n", cases, WORKERS);
            var citizen = new Cases.Applicant("bench-company", "ENTERPRISE", "91379902600000012T", "海川蓝湾科技有限公司");
            List<Cases.MaterialInput> material = List.of(Cases.MaterialInput.upload("M01", "申请表.pdf", "application/pdf", PDF));
            Map<String, String> form = Map.of("projectName", "海川市第一中学新校区教学楼", "area", "12800");
            Map<String, UserDetails> people = new java.util.concurrent.ConcurrentHashMap<>();
            for (String u : List.of("zwfwj.clerk1", "zjj.approver", "zrzyj.approver", "sthjj.approver", "fgw.approver", "jtysj.approver")) {
                people.put(u, accounts.loadUserByUsername(u));
            }
            List<String> numbers = java.util.Collections.synchronizedList(new ArrayList<>());
            long t1 = System.nanoTime();
            parallel(cases, i -> {
                try {
                    Cases.Case c = service.submit(item, citizen, form, material, UUID.randomUUID().toString());
                    numbers.add(c.number());
                    as(people.get("zwfwj.clerk1"));
                    service.accept(c.number(), "");
                    String instance = service.find(c.number()).orElseThrow().processInstance();
                    for (String d : REVIEWERS) {
                        as(people.get(d + ".approver"));
                        String task = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("dept:" + d).singleResult().getId();
                        service.complete(task, d, true, "同意");
                    }
                    as(people.get("zjj.approver"));
                    String decide = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
                    service.complete(decide, "zjj", true, "经并联审查，准予许可。");
                } finally {
                    SecurityContextHolder.clearContext();
                }
            }, out);
            double platformMs = millis(System.nanoTime() - t1);

            out.println("检查 / checking every case...");
            require(numbers.size() == cases, numbers.size() + " cases were made, not " + cases);
            long approved = jdbc.sql("select count(*) from approval.case_file where item_code = ? and status = 'APPROVED'").param(code)
                    .query(Long.class).single();
            require(approved == cases, approved + " cases are approved, not " + cases);
            long licensed = jdbc.sql("select count(*) from approval.case_file where item_code = ? and licence_number is not null").param(code)
                    .query(Long.class).single();
            require(licenceType == null || licensed == cases, licensed + " cases have a licence, not " + cases);
            long running = runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
            require(running == 0, running + " processes are still running");
            long finishedClocks = jdbc.sql("select count(*) from approval.case_clock where item_code = ? and status = 'FINISHED'").param(code)
                    .query(Long.class).single();
            require(finishedClocks == cases, finishedClocks + " clocks are finished, not " + cases);

            out.printf(Locale.ROOT, "监察 / %,d running clocks for the board...%n", BOARD_CLOCKS);
            LocalDate today = CaseClocks.today();
            ClockBulk bulk = context.getBean(ClockBulk.class);
            List<String> departments = List.of("zjj", "zrzyj", "sthjj", "fgw", "jtysj", "scjgj", "gaj", "mzj", "rsj", "wjw", "jyj");
            int inserted = bulk.insert(ClockBulk.sample("B", BOARD_CLOCKS, today, departments, 20_261_202L));
            require(inserted == BOARD_CLOCKS, inserted + " clocks inserted, not " + BOARD_CLOCKS);
            jdbc.sql("analyze approval.case_clock").update();

            out.println("基线 / baseline: bare SELECT of the colour counts...");
            double bareSelectMs = Double.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                long s = System.nanoTime();
                jdbc.sql("""
                        select department, count(*) filter (where promised_due < ?), count(*) filter (where yellow_on <= ? and promised_due >= ?),
                               count(*) from approval.case_clock where finished_on is null group by department""")
                        .params(today, today, today).query((rs, n) -> rs.getString(1)).list();
                bareSelectMs = Math.min(bareSelectMs, millis(System.nanoTime() - s));
            }

            out.println("看板 / rendering the e-supervision board for the mayor...");
            URI base = URI.create("http://127.0.0.1:" + port);
            HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL).build();
            signInOverHttp(browser, base, "mayor", secret);
            double[] renders = new double[10];
            for (int i = -3; i < renders.length; i++) {
                long s = System.nanoTime();
                HttpResponse<String> page = browser.send(HttpRequest.newBuilder(base.resolve("/approval/supervision")).build(),
                        HttpResponse.BodyHandlers.ofString());
                double ms = millis(System.nanoTime() - s);
                require(page.statusCode() == 200, "the board answered " + page.statusCode());
                require(page.body().contains("approval") || page.body().contains("监察"), "the board page is not the board");
                if (i >= 0) {
                    renders[i] = ms;
                }
            }
            return new Report(cases, bareRuns, startMs, bareMs, platformMs, bareSelectMs, renders, (int) licensed);
        } finally {
            if (context != null) {
                context.close();
            }
            Benches.deleteRecursively(home);
        }
    }

    interface Work {
        void run(int i) throws Exception;
    }

    /** Runs {@code n} pieces of work on the workers, reporting progress every tenth. */
    static void parallel(int n, Work work, PrintStream out) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < WORKERS; w++) {
                futures.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        work.run(i);
                        int d = done.incrementAndGet();
                        if (d % Math.max(1, n / 10) == 0) {
                            out.printf(Locale.ROOT, "  %,d / %,d%n", d, n);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static ItemContent content() {
        return new ItemContent("建筑工程施工许可（基准）", ItemType.LICENSING, "《建筑工程施工许可管理办法》第四条", "已取得建设工程规划许可证。",
                List.of(new Material("", "建筑工程施工许可申请表", "原件", 1, true, null, null)),
                "1. 网上申请；2. 受理；3. 并联审查；4. 决定。", 20, 15, null, null,
                List.of(new Window("海川市政务服务中心三楼 工程建设项目综合窗口", "工作日 9:00-17:00", "0535-12345")),
                ProcessTemplate.PARALLEL, "zjj", REVIEWERS.stream().map(d -> new Step(d, 5)).toList(),
                List.of(new FormField("projectName", "项目名称", "text", true, null), new FormField("area", "建筑面积（平方米）", "number", false, null)));
    }

    static void signIn(UserDetailsService accounts, String username) {
        as(accounts.loadUserByUsername(username));
    }

    static void as(UserDetails person) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
    }

    static void signInOverHttp(HttpClient browser, URI base, String username, String password) throws Exception {
        String login = browser.send(HttpRequest.newBuilder(base.resolve("/login")).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login);
        require(csrf.find(), "the sign-in page has no CSRF token");
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signed = browser.send(HttpRequest.newBuilder(base.resolve("/login")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        require(signed.statusCode() == 200 && !signed.uri().getPath().equals("/login"), "signing in as " + username + " failed: " + signed.uri());
    }


    static void printTable(PrintStream out, Report r) {
        out.println();
        out.println("一网通办基准 / one-stop approval benchmark");
        out.println("-------------------------------------------------------------------------------");
        Benches.line(out, "platform start-up", "%,.0f ms", r.startMs());
        Benches.line(out, "bare Flowable runs (baseline)", "%,d in %,.0f ms = %,.1f cases/s", r.bareRuns(), r.bareMs(), r.bareRate());
        Benches.line(out, "platform cases, submit to licence", "%,d in %,.0f ms = %,.1f cases/s", r.cases(), r.platformMs(), r.platformRate());
        Benches.line(out, "platform / bare", "%.3f", r.platformRate() / r.bareRate());
        Benches.line(out, "licences sealed", "%,d", r.checkedLicences());
        Benches.line(out, "board: bare SELECT (baseline)", "%,.1f ms over %,d running cases", r.bareSelectMs(), BOARD_CLOCKS);
        Benches.line(out, "board page render", "median %,.1f ms, max %,.1f ms (goal < %,.0f ms: %s)", r.renderMedian(), r.renderMax(), BOARD_GOAL_MS,
                r.met() ? "met" : "MISSED");
        out.println("-------------------------------------------------------------------------------");
    }
}
