package org.zhengtong.basedata.bench;

import static org.zhengtong.exchange.bench.Benches.deleteRecursively;
import static org.zhengtong.exchange.bench.Benches.freePort;
import static org.zhengtong.exchange.bench.Benches.require;
import static org.zhengtong.exchange.bench.Benches.line;
import static org.zhengtong.exchange.bench.Benches.millis;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.postgresql.jdbc.PgConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseDataFeeds;
import org.zhengtong.basedata.demo.DemoPopulation;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.exchange.bench.BenchWorld;
import org.zhengtong.exchange.bench.Benches;
import org.zhengtong.exchange.bench.Benches.CheckFailed;
import org.zhengtong.exchange.bench.CpuClock;
import org.zhengtong.exchange.bench.CsvBody;
import org.zhengtong.exchange.bench.HubClient;
import org.zhengtong.shared.db.DatabaseSettings;
import org.zhengtong.shared.db.PlatformDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./zt bench basedata [persons]}: the population base database loaded, looked up and verified, each beside
 * what bare PostgreSQL does with the same rows in the same run.
 *
 * <p>It starts the whole platform in this JVM (the demo city on a throw-away embedded PostgreSQL, the web server on
 * a free port, the feed clock off). 公安局 catalogs a population dataset of nine items and the big-data bureau
 * obtains a grant and registers it as a feed of the population base.
 *
 * <ol>
 *   <li><b>Load.</b> Baseline: the generated CSV {@code COPY}ed into a scratch table. Then 公安局's system
 *       publishes the same CSV over HTTP in batches of 100,000 and the feed merges every page into the base
 *       (validation, authority, lineage): timed from the first byte published to the last page merged.
 *   <li><b>Point lookup.</b> Baseline: 32 threads, each on its own connection, running the bare primary-key
 *       {@code SELECT} of a random person. Then 32 HTTP clients on loopback, each on its own connection, calling
 *       {@code GET /api/v1/basedata/persons/{id}} as 公安局's system (token check, grants, masking, purpose and
 *       audit). Goal: at least 3,000 lookups/s with p99 under 20 ms.
 *   <li><b>Verification.</b> Baseline: 2 threads reading 10,000 random persons per statement with
 *       {@code = any(?)}. Then 2 clients posting calls of 10,000 claims (name and alive: 80% true, 15% with a
 *       wrong name, 5% of persons never loaded), with the answers checked claim by claim. (公安局's feed carries
 *       no dates of death, so every loaded person is alive to the base.) Goal: at least 50,000 claims/s.
 * </ol>
 *
 * <p>The client threads run on the same two cores as the platform, so every figure includes the clients' own
 * cost. It prints a table and, as its last line, the figures as one JSON object; it exits 0 when the goals are met,
 * 1 when not, and 2 when a check fails.
 */
public final class BaseDataBench {

    static final long SEED = 20_261_202L;
    static final double LOOKUP_GOAL_PER_S = 3_000;
    static final double LOOKUP_GOAL_P99_MS = 20;
    static final double VERIFY_GOAL_PER_S = 50_000;

    /** The dataset 公安局 publishes, and which field of the population base each item feeds. */
    static final Map<String, String> MAPPING = mapping();

    static final List<DataItem> ITEMS = List.of(
            item("公民身份号码", DataType.STRING, 18, true, true, true, Standard.ID_NUMBER),
            item("姓名", DataType.STRING, 50, false, true, true, null),
            item("性别", DataType.STRING, 1, false, true, false, null),
            item("民族", DataType.STRING, 20, false, true, false, null),
            item("出生日期", DataType.DATE, null, false, true, true, Standard.DATE),
            item("户籍地行政区划代码", DataType.STRING, 6, false, true, false, Standard.DIVISION_CODE),
            item("户籍地址", DataType.STRING, 200, false, true, true, null),
            item("现住址", DataType.STRING, 200, false, false, true, null),
            item("联系电话", DataType.STRING, 20, false, false, true, null));

    static final String HEADER = String.join(",", MAPPING.keySet());

    /** How much to load and how long to measure. */
    record Plan(long persons, int batch, int clients, double warmUpS, double measureS, int verifyCalls, int claimsPerCall) {
        static Plan of(long persons) {
            return new Plan(persons, 100_000, 32, 5, 20, 40, 10_000);
        }
    }


    record Loaded(double copyMs, double publishMs, double mergeMs, long persons, long accepted) {
        double copyRate() {
            return persons / (copyMs / 1000);
        }

        double loadMs() {
            return publishMs + mergeMs;
        }

        double loadRate() {
            return persons / (loadMs() / 1000);
        }

        double mergeRate() {
            return persons / (mergeMs / 1000);
        }
    }

    record Verified(long calls, long claims, double ms, long match, long mismatch, long notFound) {
        double rate() {
            return claims / (ms / 1000);
        }
    }

    record Report(Plan plan, double startMs, Loaded load, Load.Result pkSelect, Load.Result lookup, double batchSelectRate, Verified verify,
            double cpuLoad, double cpuPostgres) {

        boolean lookupMet() {
            return lookup.perSecond() >= LOOKUP_GOAL_PER_S && lookup.p99Ms() < LOOKUP_GOAL_P99_MS;
        }

        boolean verifyMet() {
            return verify.rate() >= VERIFY_GOAL_PER_S;
        }

        String json() {
            return String.format(Locale.ROOT,
                    "{\"bench\":\"basedata\",\"persons\":%d,\"startup_ms\":%.0f,"
                            + "\"load\":{\"copy_ms\":%.0f,\"copy_persons_per_s\":%.0f,\"publish_ms\":%.0f,\"merge_ms\":%.0f,\"load_ms\":%.0f,"
                            + "\"load_persons_per_s\":%.0f,\"merge_persons_per_s\":%.0f,\"load_to_copy_ratio\":%.4f,\"jvm_cpu_s\":%.1f,\"postgresql_cpu_s\":%.1f},"
                            + "\"pk_select\":%s,\"lookup\":%s,\"lookup_to_pk_select_ratio\":%.4f,"
                            + "\"lookup_goal\":{\"per_s\":%.0f,\"p99_ms\":%.0f,\"met\":%b},"
                            + "\"verify\":{\"calls\":%d,\"claims\":%d,\"ms\":%.0f,\"claims_per_s\":%.0f,\"match\":%d,\"mismatch\":%d,\"not_found\":%d,"
                            + "\"baseline_any_select_rows_per_s\":%.0f,\"verify_to_select_ratio\":%.4f,\"goal_per_s\":%.0f,\"met\":%b},"
                            + "\"checks_passed\":true,\"cpus\":%d,\"max_heap_mb\":%d}",
                    plan.persons(), startMs, load.copyMs(), load.copyRate(), load.publishMs(), load.mergeMs(), load.loadMs(), load.loadRate(),
                    load.mergeRate(), load.loadRate() / load.copyRate(), cpuLoad, cpuPostgres, pkSelect.json(), lookup.json(),
                    lookup.perSecond() / pkSelect.perSecond(), LOOKUP_GOAL_PER_S, LOOKUP_GOAL_P99_MS, lookupMet(), verify.calls(), verify.claims(),
                    verify.ms(), verify.rate(), verify.match(), verify.mismatch(), verify.notFound(), batchSelectRate,
                    verify.rate() / batchSelectRate, VERIFY_GOAL_PER_S, verifyMet(), Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BaseDataBench() {}

    /**
     * Runs the benchmark on the platform whose Spring Boot application class is {@code application}; the one
     * argument, if any, is the number of persons to load (10,000,000 by default).
     */
    public static int run(PrintStream out, Class<?> application, List<String> args) {
        long persons = 10_000_000;
        if (!args.isEmpty()) {
            try {
                persons = Long.parseLong(args.getFirst().replace("_", "").replace(",", ""));
            } catch (NumberFormatException e) {
                persons = -1;
            }
            if (persons < 10_000 || persons > DemoPopulation.capacity() / 2 || args.size() > 1) {
                System.err.println("./zt bench basedata [persons]: persons is a number from 10000 to " + DemoPopulation.capacity() / 2
                        + " (10000000 by default)");
                return 64;
            }
        }
        try {
            Report report = measure(out, application, Plan.of(persons));
            printTable(out, report);
            out.println(report.json());
            return report.lookupMet() && report.verifyMet() ? 0 : 1;
        } catch (CheckFailed e) {
            return Benches.failed(out, "basedata", e);
        } catch (Exception e) {
            System.err.println("The base database benchmark failed: " + e);
            e.printStackTrace();
            return 2;
        }
    }

    static Report measure(PrintStream out, Class<?> application, Plan plan) throws Exception {
        Path home = Files.createTempDirectory("zt-bench-basedata-");
        int port = freePort();
        ConfigurableApplicationContext context = null;
        try {
            out.println("启动平台 / starting the platform (demo city, embedded PostgreSQL, port " + port + ")...");
            long start = System.nanoTime();
            context = new SpringApplication(application).run("--zt.home=" + home, "--zt.demo=true", "--server.port=" + port, "--zt.db.port=0",
                    "--zt.db.clean-on-close=true", "--zt.basedata.feeds.enabled=false", "--zt.basedata.demo.persons=0",
                    "--zt.basedata.demo.enterprises=0", "--logging.level.root=warn", "--logging.level.org.zhengtong=warn");
            double startMs = millis(System.nanoTime() - start);
            String secret = context.getEnvironment().getProperty("zt.demo-password", "Zhengtong@2026");
            PlatformDatabase database = context.getBean(PlatformDatabase.class);
            JdbcClient jdbc = JdbcClient.create(database.dataSource());
            BaseDataFeeds feeds = context.getBean(BaseDataFeeds.class);
            URI base = URI.create("http://127.0.0.1:" + port);

            BenchWorld world = new BenchWorld(context);
            String dataset = world.dataset("海川市人口基础信息（基础库基准）", ITEMS);
            world.grant(dataset, feeds.bureau(), List.copyOf(MAPPING.keySet()));
            feeds.register(Base.PERSON, dataset, MAPPING);
            DemoPopulation population = new DemoPopulation(SEED);

            CpuClock cpu = new CpuClock(home.resolve("pgdata"));
            out.printf(Locale.ROOT, "基线 COPY / baseline: COPY %,d persons' CSV into a scratch table...%n", plan.persons());
            double copyMs = copy(database, population, plan.persons());

            double jvm0 = cpu.jvmSeconds();
            double pg0 = cpu.postgresSeconds();
            out.printf(Locale.ROOT, "装载 / publishing %,d persons through the exchange, batches of %,d...%n", plan.persons(), plan.batch());
            HubClient provider = new HubClient(base, BenchWorld.PROVIDER + "-system", secret);
            long t0 = System.nanoTime();
            long accepted = 0;
            for (long from = 0; from < plan.persons(); from += plan.batch()) {
                long to = Math.min(plan.persons(), from + plan.batch());
                long first = from;
                HubClient.Answer answer = provider.publish(dataset,
                        HttpRequest.BodyPublishers.ofInputStream(() -> body(population, first, to)), "basedata-" + from);
                require(answer.status() == 201, "batch " + from + " was answered " + answer.status() + ": " + answer.text());
                require(answer.number("accepted") == to - from, "batch " + from + " accepted " + answer.number("accepted") + " of " + (to - from));
                accepted += answer.number("accepted");
                if ((from / plan.batch()) % 10 == 9) {
                    out.printf(Locale.ROOT, "  已发布 published %,d%n", to);
                }
            }
            double publishMs = millis(System.nanoTime() - t0);
            out.println("合并 / merging into the population base...");
            long t1 = System.nanoTime();
            long merged = 0;
            while (true) {
                BaseDataFeeds.CatchUp round = feeds.catchUp();
                require(round.failedFeeds().isEmpty(), "the feed failed: " + round.failedFeeds());
                merged += round.records();
                if (round.pages() == 0) {
                    break;
                }
                out.printf(Locale.ROOT, "  已合并 merged %,d%n", merged);
            }
            double mergeMs = millis(System.nanoTime() - t1);
            double jvmLoad = cpu.jvmSeconds() - jvm0;
            double pgLoad = cpu.postgresSeconds() - pg0;
            long stored = jdbc.sql("select count(*) from basedata.person").query(Long.class).single();
            require(stored == plan.persons(), "the population base holds " + stored + " persons, not " + plan.persons());
            Loaded loaded = new Loaded(copyMs, publishMs, mergeMs, plan.persons(), accepted);
            jdbc.sql("analyze basedata.person").update();

            List<String> ids = sampleIds(population, plan.persons(), 200_000);
            out.printf(Locale.ROOT, "基线 / baseline: primary-key SELECT, %d threads, %.0f s...%n", plan.clients(), plan.measureS());
            Load.Result pk = pkSelect(database, ids, plan);

            out.printf(Locale.ROOT, "查询 / lookups through the HTTP API, %d clients, %.0f s...%n", plan.clients(), plan.measureS());
            String token = token(base, BenchWorld.PROVIDER + "-system", secret);
            Load.Result lookup = lookups(base, token, ids, plan);

            out.println("基线 / baseline: SELECT … = any(10,000 keys), 2 threads...");
            double batchSelectRate = batchSelect(database, population, plan);
            out.printf(Locale.ROOT, "核验 / verification: %d calls of %,d claims, 2 clients...%n", plan.verifyCalls(), plan.claimsPerCall());
            Verified verified = verify(base, token, population, plan);
            return new Report(plan, startMs, loaded, pk, lookup, batchSelectRate, verified, jvmLoad, pgLoad);
        } finally {
            if (context != null) {
                context.close();
            }
            deleteRecursively(home);
        }
    }

    /** The generated persons {@code [from, to)} as 公安局's system sends them. */
    static InputStream body(DemoPopulation population, long from, long to) {
        return new CsvBody(HEADER, from, to, (i, line) -> {
            DemoPopulation.Person p = population.person(i);
            line.append(p.idNumber()).append(',').append(p.name()).append(',').append(p.gender()).append(',').append(p.ethnicity()).append(',')
                    .append(p.birthDate()).append(',').append(p.householdDivision()).append(',').append(p.householdAddress()).append(',')
                    .append(p.currentAddress()).append(',');
            if (p.phone() != null) {
                line.append(p.phone());
            }
        });
    }

    /** The baseline of the load: the same CSV, {@code COPY}ed in one statement into a table of text columns. */
    static double copy(PlatformDatabase database, DemoPopulation population, long count) throws SQLException, IOException {
        try (Connection connection = database.dataSource().getConnection()) {
            try (Statement st = connection.createStatement()) {
                st.execute("drop table if exists public.basedata_bench_copy");
                st.execute("create table public.basedata_bench_copy (id_number text, name text, gender text, ethnicity text, birth_date text, "
                        + "household_division text, household_address text, current_address text, phone text)");
            }
            long start = System.nanoTime();
            long copied = connection.unwrap(PgConnection.class).getCopyAPI()
                    .copyIn("copy public.basedata_bench_copy from stdin with (format csv, header true)", body(population, 0, count));
            double ms = millis(System.nanoTime() - start);
            require(copied == count, "COPY stored " + copied + " of " + count + " rows");
            try (Statement st = connection.createStatement()) {
                st.execute("drop table public.basedata_bench_copy");
            }
            return ms;
        }
    }

    /** ID numbers of loaded persons, drawn at random (with a fixed seed) so lookups do not all hit the same pages. */
    static List<String> sampleIds(DemoPopulation population, long persons, int n) {
        SplittableRandom random = new SplittableRandom(SEED);
        List<String> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(population.person(random.nextLong(persons)).idNumber());
        }
        return ids;
    }

    static Load.Result pkSelect(PlatformDatabase database, List<String> ids, Plan plan) throws SQLException, InterruptedException {
        DatabaseSettings settings = database.settings();
        List<Connection> connections = new ArrayList<>();
        List<PreparedStatement> statements = new ArrayList<>();
        try {
            for (int c = 0; c < plan.clients(); c++) {
                Connection connection = DriverManager.getConnection(database.jdbcUrl(), settings.user(), settings.password());
                connections.add(connection);
                statements.add(connection.prepareStatement("select * from basedata.person where id_number = ?"));
            }
            return Load.run(plan.clients(), plan.warmUpS(), plan.measureS(), (client, n) -> {
                PreparedStatement st = statements.get(client);
                st.setString(1, ids.get((int) ((client * 7919L + n * 104_729L) % ids.size())));
                try (ResultSet rs = st.executeQuery()) {
                    require(rs.next(), "a loaded person was not found by its primary key");
                }
            });
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    static Load.Result lookups(URI base, String token, List<String> ids, Plan plan) throws InterruptedException {
        List<HttpClient> clients = new ArrayList<>();
        for (int c = 0; c < plan.clients(); c++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        }
        try {
            return Load.run(plan.clients(), plan.warmUpS(), plan.measureS(), (client, n) -> {
                String id = ids.get((int) ((client * 7919L + n * 104_729L) % ids.size()));
                HttpRequest request = HttpRequest.newBuilder(base.resolve("/api/v1/basedata/persons/" + id + "?purpose=HANDLING"))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build();
                HttpResponse<String> response = clients.get(client).send(request, HttpResponse.BodyHandlers.ofString());
                require(response.statusCode() == 200, "lookup of a loaded person answered " + response.statusCode() + ": " + response.body());
                require(response.body().contains(id), "lookup as 公安局 did not show the ID number in full");
            });
        } finally {
            clients.forEach(HttpClient::close);
        }
    }

    /** The verification baseline: 10,000 random loaded persons per statement, two threads, for the plan's calls. */
    static double batchSelect(PlatformDatabase database, DemoPopulation population, Plan plan) throws Exception {
        DatabaseSettings settings = database.settings();
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<Long>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                running.add(threads.submit(() -> {
                    long rows = 0;
                    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), settings.user(), settings.password());
                            PreparedStatement st = connection.prepareStatement(
                                    "select id_number, name, death_date from basedata.person where id_number = any(?)")) {
                        SplittableRandom random = new SplittableRandom(SEED + 100 + thread);
                        for (int call = thread; call < plan.verifyCalls(); call += 2) {
                            String[] keys = new String[plan.claimsPerCall()];
                            for (int i = 0; i < keys.length; i++) {
                                keys[i] = population.person(random.nextLong(plan.persons())).idNumber();
                            }
                            st.setArray(1, connection.createArrayOf("text", keys));
                            try (ResultSet rs = st.executeQuery()) {
                                while (rs.next()) {
                                    rows++;
                                }
                            }
                        }
                    }
                    return rows;
                }));
            }
            long rows = 0;
            for (Future<Long> f : running) {
                rows += f.get();
            }
            return rows / (millis(System.nanoTime() - start) / 1000);
        }
    }

    /** One call's body, and how many of its claims must come back as each answer. */
    record Call(byte[] body, int match, int mismatch, int notFound) {}

    static Verified verify(URI base, String token, DemoPopulation population, Plan plan) throws Exception {
        List<Call> calls = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(SEED + 7);
        for (int c = 0; c < plan.verifyCalls(); c++) {
            StringBuilder body = new StringBuilder(plan.claimsPerCall() * 80).append("{\"purpose\":\"HANDLING\",\"claims\":[");
            int match = 0;
            int mismatch = 0;
            int notFound = 0;
            for (int i = 0; i < plan.claimsPerCall(); i++) {
                int kind = random.nextInt(100);
                DemoPopulation.Person p = kind < 95 ? population.person(random.nextLong(plan.persons()))
                        : population.person(plan.persons() + random.nextLong(plan.persons()));
                String name = kind >= 80 && kind < 95 ? p.name() + "某" : p.name();
                if (kind < 80) {
                    match++;
                } else if (kind < 95) {
                    mismatch++;
                } else {
                    notFound++;
                }
                body.append(i > 0 ? "," : "").append("{\"idNumber\":\"").append(p.idNumber()).append("\",\"name\":\"").append(name)
                        .append("\",\"alive\":true}");
            }
            calls.add(new Call(body.append("]}").toString().getBytes(StandardCharsets.UTF_8), match, mismatch, notFound));
        }
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            List<Future<long[]>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int t = 0; t < 2; t++) {
                int thread = t;
                running.add(threads.submit(() -> {
                    long[] counts = new long[3];
                    try (HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
                        for (int c = thread; c < calls.size(); c += 2) {
                            Call call = calls.get(c);
                            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/basedata/persons/verify"))
                                    .timeout(Duration.ofMinutes(2)).header("Authorization", "Bearer " + token)
                                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(call.body())).build(),
                                    HttpResponse.BodyHandlers.ofString());
                            require(response.statusCode() == 200, "a verification call answered " + response.statusCode() + ": " + response.body());
                            long[] answers = answers(response.body());
                            require(answers[0] == call.match() && answers[1] == call.mismatch() && answers[2] == call.notFound(),
                                    "a call of %d match, %d mismatch, %d not found claims was answered %d, %d, %d".formatted(call.match(),
                                            call.mismatch(), call.notFound(), answers[0], answers[1], answers[2]));
                            for (int i = 0; i < 3; i++) {
                                counts[i] += answers[i];
                            }
                        }
                    }
                    return counts;
                }));
            }
            long[] total = new long[3];
            for (Future<long[]> f : running) {
                long[] counts = f.get();
                for (int i = 0; i < 3; i++) {
                    total[i] += counts[i];
                }
            }
            double ms = millis(System.nanoTime() - start);
            return new Verified(calls.size(), (long) calls.size() * plan.claimsPerCall(), ms, total[0], total[1], total[2]);
        }
    }

    /** Counts a verification answer's results: match, mismatch, not found. */
    static long[] answers(String body) {
        JsonNode results = JSON.readTree(body).get("answers");
        require(results != null && results.isArray(), "a verification answer without answers: " + body.substring(0, Math.min(300, body.length())));
        long[] counts = new long[3];
        for (JsonNode r : results) {
            switch (r.get("result").asString()) {
                case "match" -> counts[0]++;
                case "mismatch" -> counts[1]++;
                case "not_found" -> counts[2]++;
                default -> throw new CheckFailed("an unexpected verification result: " + r);
            }
        }
        return counts;
    }

    static String token(URI base, String clientId, String secret) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/oauth2/token")).header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            require(response.statusCode() == 200, "no token for " + clientId + ": " + response.body());
            return JSON.readTree(response.body()).get("access_token").asString();
        }
    }

    private static void printTable(PrintStream out, Report r) {
        out.println();
        out.println("基础库基准 / base database benchmark (population, PostgreSQL)");
        out.println("-".repeat(90));
        line(out, "人口 persons", "%,d generated (9 items each)", r.plan().persons());
        line(out, "启动平台 platform start", "%,.0f ms", r.startMs());
        line(out, "基线 PostgreSQL COPY", "%,.0f ms   %,.0f persons/s", r.load().copyMs(), r.load().copyRate());
        line(out, "发布 publish (HTTP, 100k/batch)", "%,.0f ms", r.load().publishMs());
        line(out, "合并 merge into the base", "%,.0f ms   %,.0f persons/s", r.load().mergeMs(), r.load().mergeRate());
        line(out, "装载 load (publish + merge)", "%,.0f ms   %,.0f persons/s   (%.3f × COPY)", r.load().loadMs(), r.load().loadRate(),
                r.load().loadRate() / r.load().copyRate());
        line(out, "CPU 装载 load", "JVM %.1f s · PostgreSQL %.1f s", r.cpuLoad(), r.cpuPostgres());
        line(out, "基线 PK SELECT, 32 threads", "%,.0f /s   p50 %.2f ms   p99 %.2f ms", r.pkSelect().perSecond(), r.pkSelect().p50Ms(),
                r.pkSelect().p99Ms());
        line(out, "查询 HTTP lookup, 32 clients", "%,.0f /s   p50 %.2f ms   p99 %.2f ms   (%.3f × SELECT)", r.lookup().perSecond(), r.lookup().p50Ms(),
                r.lookup().p99Ms(), r.lookup().perSecond() / r.pkSelect().perSecond());
        line(out, "目标 goal ≥ 3,000/s, p99 < 20 ms", "%s", r.lookupMet() ? "达成 met" : "未达成 MISSED");
        line(out, "基线 SELECT = any(10k keys)", "%,.0f rows/s", r.batchSelectRate());
        line(out, "核验 verify, 10k claims/call", "%,.0f claims/s   (%.3f × SELECT)   match %,d · mismatch %,d · not found %,d", r.verify().rate(),
                r.verify().rate() / r.batchSelectRate(), r.verify().match(), r.verify().mismatch(), r.verify().notFound());
        line(out, "目标 goal ≥ 50,000 claims/s", "%s", r.verifyMet() ? "达成 met" : "未达成 MISSED");
        line(out, "检查 checks", "%s", "every person stored; every lookup found; every claim answered as generated");
        out.println("-".repeat(90));
    }

    private static Map<String, String> mapping() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("公民身份号码", "id_number");
        m.put("姓名", "name");
        m.put("性别", "gender");
        m.put("民族", "ethnicity");
        m.put("出生日期", "birth_date");
        m.put("户籍地行政区划代码", "household_division");
        m.put("户籍地址", "household_address");
        m.put("现住址", "current_address");
        m.put("联系电话", "phone");
        return m;
    }

    private static DataItem item(String name, DataType type, @Nullable Integer length, boolean key, boolean required, boolean personal,
            @Nullable Standard standard) {
        return new DataItem(name, type, length, null, key, required, personal, standard);
    }

}
