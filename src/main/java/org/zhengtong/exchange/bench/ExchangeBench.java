package org.zhengtong.exchange.bench;

import static org.zhengtong.exchange.bench.Benches.deleteRecursively;
import static org.zhengtong.exchange.bench.Benches.freePort;
import static org.zhengtong.exchange.bench.Benches.line;
import static org.zhengtong.exchange.bench.Benches.millis;
import static org.zhengtong.exchange.bench.Benches.require;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.postgresql.copy.CopyIn;
import org.postgresql.jdbc.PgConnection;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.exchange.internal.Stage;

/**
 * {@code ./zt bench exchange}: a million population records through the whole exchange hub, against what
 * PostgreSQL's {@code COPY} alone does with them.
 *
 * <p>It starts the whole platform in this JVM (the demo city on a throw-away embedded PostgreSQL, the web server on
 * a free port), lets 公安局 catalog a twenty-item population dataset and 人社局, 民政局 and 教育局 obtain grants for it
 * and subscribe (PULL). From a fixed seed it generates 1,000,000 records, 1% of them wrong (bad check characters,
 * dates that do not exist, required items left blank) and 3% needing cleansing.
 *
 * <ol>
 *   <li>Baseline: the same rows, as sent, {@code COPY}ed into a scratch table of twenty text columns in the same
 *       database.
 *   <li>End to end: 公安局's system ({@code gaj-system}, client-credentials token) publishes them over HTTP in
 *       batches of 100,000 (each streamed, with its own idempotency key); then the three subscribers' systems pull
 *       in parallel, each in its own thread, pages of 10,000 after their cursor, acknowledging each page, until the
 *       end. Timed from the first byte published to the last subscriber's last page.
 *   <li>The same records published in batches of 10,000 to a second dataset, to show that the heap the pipeline
 *       needs does not grow with the batch.
 * </ol>
 *
 * <p>It checks that every batch adds up ({@code accepted + quarantined = received}), that exactly the clean records
 * were accepted and the corrected ones counted, and that each subscriber received every accepted key once with
 * exactly its cleansed values (compared as a sum of 64-bit record fingerprints). The goal: the end-to-end rate at
 * least half the raw {@code COPY} rate. It prints a table and, as its last line, the figures as one JSON object;
 * it exits 0 when the goal is met, 1 when it is not, and 2 when a check fails.
 */
public final class ExchangeBench {

    static final long SEED = 20_260_601L;
    static final double GOAL_RATIO = 0.5;
    static final List<String> SUBSCRIBERS = List.of("rsj", "mzj", "jyj");

    /** How much to generate and how to cut it. */
    record Plan(int records, int largeBatch, int smallBatch, int page, int warmUpRecords) {
        static final Plan FULL = new Plan(1_000_000, 100_000, 10_000, 10_000, 40_000);
    }

    /** What the generator says the hub must make of the records. */
    record Expected(long records, long dirty, long corrected, long accepted, long fingerprints) {}

    /** What publishing a run of batches gave. */
    record Published(int batches, long received, long accepted, long quarantined, long corrected, double ms, HeapWatch.Peak heap) {}

    /** What a phase cost: CPU of this JVM (platform and clients) and of PostgreSQL, and time per pipeline stage. */
    record Cost(double jvmCpuS, double postgresCpuS, Map<Stage, Double> stages) {

        String json(List<Stage> shown) {
            StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "{\"jvm_cpu_s\":%.1f,\"postgresql_cpu_s\":%.1f,\"stages_s\":{", jvmCpuS,
                    postgresCpuS));
            for (int i = 0; i < shown.size(); i++) {
                out.append(i > 0 ? "," : "").append(String.format(Locale.ROOT, "\"%s\":%.2f", shown.get(i).label(), stages.get(shown.get(i))));
            }
            return out.append("}}").toString();
        }
    }

    /** Measures what a phase costs, from its start to {@link #stop}. */
    static final class Meter {
        private final CpuClock cpu;
        private final double jvm;
        private final double postgres;
        private final Map<Stage, Double> stages;

        Meter(CpuClock cpu) {
            this.cpu = cpu;
            this.jvm = cpu.jvmSeconds();
            this.postgres = cpu.postgresSeconds();
            this.stages = Stage.totals();
        }

        Cost stop() {
            Map<Stage, Double> spent = new LinkedHashMap<>();
            Stage.totals().forEach((stage, seconds) -> spent.put(stage, seconds - stages.get(stage)));
            return new Cost(cpu.jvmSeconds() - jvm, cpu.postgresSeconds() - postgres, spent);
        }
    }

    /** What one subscriber received. */
    record Pulled(String consumer, int pages, long records, long fingerprints, double ms) {
        double rate() {
            return records / (ms / 1000);
        }
    }


    record Report(Plan plan, Expected expected, double startMs, double copyMs, Published large, List<Pulled> pulled, double pullMs,
            HeapWatch.Peak pullHeap, double endToEndMs, Published small, Cost copyCost, Cost largeCost, Cost pullCost, Cost smallCost,
            double loadBefore, double loadAfter) {

        double copyRate() {
            return plan.records() / (copyMs / 1000);
        }

        double publishRate() {
            return plan.records() / (large.ms() / 1000);
        }

        double smallPublishRate() {
            return plan.records() / (small.ms() / 1000);
        }

        double endToEndRate() {
            return plan.records() / (endToEndMs / 1000);
        }

        double ratio() {
            return endToEndRate() / copyRate();
        }

        double publishRatio() {
            return publishRate() / copyRate();
        }

        boolean goalMet() {
            return ratio() >= GOAL_RATIO;
        }

        String json() {
            StringBuilder subscribers = new StringBuilder("{");
            for (Pulled p : pulled) {
                if (subscribers.length() > 1) {
                    subscribers.append(',');
                }
                subscribers.append(String.format(Locale.ROOT, "\"%s\":{\"records\":%d,\"pages\":%d,\"ms\":%.1f,\"records_per_s\":%.0f}",
                        p.consumer(), p.records(), p.pages(), p.ms(), p.rate()));
            }
            subscribers.append('}');
            return String.format(Locale.ROOT,
                    "{\"bench\":\"exchange\",\"backend\":\"postgresql\",\"records\":%d,\"fields\":%d,\"dirty\":%d,\"expected_corrected\":%d,"
                            + "\"received\":%d,\"accepted\":%d,\"quarantined\":%d,\"corrected\":%d,\"startup_ms\":%.0f,"
                            + "\"copy_ms\":%.1f,\"copy_records_per_s\":%.0f,"
                            + "\"batch_records\":%d,\"batches\":%d,\"publish_ms\":%.1f,\"publish_records_per_s\":%.0f,"
                            + "\"publish_to_copy_ratio\":%.4f,\"subscribers\":%d,\"subscribers_mode\":\"parallel, after publishing\","
                            + "\"page_records\":%d,\"pull_ms\":%.1f,\"delivered_records_per_s\":%.0f,\"pull\":%s,"
                            + "\"end_to_end_ms\":%.1f,\"end_to_end_records_per_s\":%.0f,\"end_to_end_to_copy_ratio\":%.4f,"
                            + "\"small_batch_records\":%d,\"small_batches\":%d,\"small_publish_ms\":%.1f,\"small_publish_records_per_s\":%.0f,"
                            + "\"heap_peak_used_mb\":{\"publish_large\":%d,\"publish_small\":%d,\"pull\":%d},"
                            + "\"heap_peak_after_gc_mb\":{\"publish_large\":%d,\"publish_small\":%d,\"pull\":%d},"
                            + "\"cost\":{\"copy\":%s,\"publish_large\":%s,\"pull\":%s,\"publish_small\":%s},"
                            + "\"load_average\":{\"before\":%.2f,\"after\":%.2f},"
                            + "\"goal_ratio\":%.2f,\"goal_met\":%b,\"checks_passed\":true,\"cpus\":%d,\"max_heap_mb\":%d}",
                    plan.records(), PopulationRecords.FIELDS, expected.dirty(), expected.corrected(), large.received(), large.accepted(),
                    large.quarantined(), large.corrected(), startMs, copyMs, copyRate(), plan.largeBatch(), large.batches(), large.ms(),
                    publishRate(), publishRatio(), pulled.size(), plan.page(), pullMs,
                    pulled.stream().mapToLong(Pulled::records).sum() / (pullMs / 1000), subscribers, endToEndMs, endToEndRate(), ratio(),
                    plan.smallBatch(), small.batches(), small.ms(), smallPublishRate(), large.heap().usedMb(), small.heap().usedMb(),
                    pullHeap.usedMb(), large.heap().afterGcMb(), small.heap().afterGcMb(), pullHeap.afterGcMb(), copyCost.json(List.of()),
                    largeCost.json(Stage.PUBLISHING), pullCost.json(Stage.DELIVERY), smallCost.json(Stage.PUBLISHING), loadBefore, loadAfter,
                    GOAL_RATIO, goalMet(),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / (1024 * 1024));
        }
    }

    private ExchangeBench() {}

    /** Runs the full benchmark on the platform whose Spring Boot application class is {@code application}. */
    public static int run(PrintStream out, Class<?> application) {
        return run(out, application, Plan.FULL);
    }

    static int run(PrintStream out, Class<?> application, Plan plan) {
        try {
            Report report = measure(out, application, plan);
            printTable(out, report);
            out.println(report.json());
            return report.goalMet() ? 0 : 1;
        } catch (Benches.CheckFailed e) {
            return Benches.failed(out, "exchange", e);
        } catch (Exception e) {
            System.err.println("The exchange benchmark failed: " + e);
            e.printStackTrace();
            return 2;
        }
    }

    static Report measure(PrintStream out, Class<?> application, Plan plan) throws Exception {
        Path home = Files.createTempDirectory("zt-bench-exchange-");
        int port = freePort();
        ConfigurableApplicationContext context = null;
        try (HeapWatch heap = new HeapWatch()) {
            out.println("启动平台 / starting the platform (demo city, embedded PostgreSQL, port " + port + ")...");
            long start = System.nanoTime();
            SpringApplication app = new SpringApplication(application);
            context = app.run("--zt.home=" + home, "--zt.demo=true", "--server.port=" + port, "--zt.db.port=0",
                    "--zt.db.clean-on-close=true", "--logging.level.root=warn", "--logging.level.org.zhengtong=warn");
            double startMs = millis(System.nanoTime() - start);
            String secret = context.getEnvironment().getProperty("zt.demo-password", "Zhengtong@2026");
            DataSource dataSource = context.getBean(DataSource.class);
            JdbcClient jdbc = JdbcClient.create(dataSource);

            BenchWorld world = new BenchWorld(context);
            String large = world.dataset("海川市人口基础信息（交换基准）");
            String small = world.dataset("海川市人口基础信息（交换基准·小批次）");
            String warm = world.dataset("海川市人口基础信息（交换预热）");
            List<Long> subscriptions = new ArrayList<>();
            for (String consumer : SUBSCRIBERS) {
                subscriptions.add(world.grantAndSubscribe(large, consumer));
            }
            long warmSubscription = world.grantAndSubscribe(warm, SUBSCRIBERS.getFirst());
            URI base = URI.create("http://127.0.0.1:" + port);
            HubClient provider = new HubClient(base, BenchWorld.PROVIDER + "-system", secret);
            List<HubClient> consumers = SUBSCRIBERS.stream().map(c -> new HubClient(base, c + "-system", secret)).toList();

            out.printf(Locale.ROOT, "生成 %,d 条人口记录 / %,d population records of %d items (seed %d)...%n", plan.records(), plan.records(),
                    PopulationRecords.FIELDS, SEED);
            PopulationRecords records = new PopulationRecords(SEED, 10, 30);
            Expected expected = expected(records, plan.records());

            CpuClock cpu = new CpuClock(home.resolve("pgdata"));
            double loadBefore = CpuClock.loadAverage();
            out.println("基线 COPY / baseline: COPY into a scratch table...");
            Meter meter = new Meter(cpu);
            double copyMs = copy(dataSource, records, plan.records());
            Cost copyCost = meter.stop();

            out.println("预热 / warming up...");
            PopulationRecords warmRecords = new PopulationRecords(SEED + 1, 10, 30);
            publish(provider, warm, warmRecords, plan.warmUpRecords(), Math.min(plan.smallBatch(), plan.warmUpRecords()), "warm-", heap);
            pull(consumers.getFirst(), SUBSCRIBERS.getFirst(), warmSubscription, plan.page());

            out.printf(Locale.ROOT, "发布 / publishing over HTTP in batches of %,d...%n", plan.largeBatch());
            System.gc();
            heap.reset();
            long e2eStart = System.nanoTime();
            meter = new Meter(cpu);
            Published published = publish(provider, large, records, plan.records(), plan.largeBatch(), "large-", heap);
            Cost largeCost = meter.stop();
            out.println("订阅方拉取 / three subscribers pulling in parallel...");
            System.gc();
            heap.reset();
            long pullStart = System.nanoTime();
            meter = new Meter(cpu);
            List<Pulled> pulled = pullAll(consumers, subscriptions, plan.page());
            long end = System.nanoTime();
            Cost pullCost = meter.stop();
            HeapWatch.Peak pullHeap = heap.peak();
            double endToEndMs = millis(end - e2eStart);
            double pullMs = millis(end - pullStart);
            check(published, expected, plan);
            for (Pulled p : pulled) {
                require(p.records() == expected.accepted(), p.consumer() + " received " + p.records() + " records, not the " + expected.accepted() + " accepted");
                require(p.fingerprints() == expected.fingerprints(), p.consumer() + " received different keys or values than were accepted");
            }
            require(jdbc.sql("select count(*) from exchange.record where dataset = ?").param(large).query(Long.class).single() == expected.accepted(),
                    "the store does not hold exactly the accepted records");
            require(jdbc.sql("select count(*) from exchange.quarantine where dataset = ?").param(large).query(Long.class).single() == expected.dirty(),
                    "the quarantine does not hold exactly the wrong records");

            out.printf(Locale.ROOT, "发布 / publishing again in batches of %,d...%n", plan.smallBatch());
            System.gc();
            heap.reset();
            meter = new Meter(cpu);
            Published smallPublished = publish(provider, small, records, plan.records(), plan.smallBatch(), "small-", heap);
            Cost smallCost = meter.stop();
            check(smallPublished, expected, plan);
            return new Report(plan, expected, startMs, copyMs, published, pulled, pullMs, pullHeap, endToEndMs, smallPublished, copyCost, largeCost,
                    pullCost, smallCost, loadBefore, CpuClock.loadAverage());
        } finally {
            if (context != null) {
                context.close();
            }
            deleteRecursively(home);
        }
    }

    /** Runs the generator once, untimed, to know what the hub must accept, correct and quarantine. */
    static Expected expected(PopulationRecords records, int count) {
        PopulationRecords.Row row = new PopulationRecords.Row();
        long dirty = 0;
        long corrected = 0;
        long fingerprints = 0;
        for (int i = 0; i < count; i++) {
            records.fill(i, row);
            if (row.dirty) {
                dirty++;
                continue;
            }
            if (row.corrected) {
                corrected++;
            }
            fingerprints += PopulationRecords.fingerprint(row.key(), row.expected, PopulationRecords.FIELDS);
        }
        return new Expected(count, dirty, corrected, count - dirty, fingerprints);
    }

    /** The baseline: the rows as sent, COPYed in one statement into a plain table of twenty text columns. */
    static double copy(DataSource dataSource, PopulationRecords records, int count) throws SQLException {
        String columns = IntStream.rangeClosed(1, PopulationRecords.FIELDS).mapToObj(i -> "c" + i + " text").collect(Collectors.joining(", "));
        try (Connection connection = dataSource.getConnection()) {
            try (Statement st = connection.createStatement()) {
                st.execute("drop table if exists public.exchange_bench_copy");
                st.execute("create table public.exchange_bench_copy (" + columns + ")");
            }
            PopulationRecords.Row row = new PopulationRecords.Row();
            StringBuilder text = new StringBuilder(1 << 20);
            long start = System.nanoTime();
            CopyIn copy = connection.unwrap(PgConnection.class).getCopyAPI().copyIn("copy public.exchange_bench_copy from stdin");
            try {
                for (int i = 0; i < count; i++) {
                    records.fill(i, row);
                    PopulationRecords.copyText(row, text);
                    if (text.length() > 1 << 19) {
                        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                        copy.writeToCopy(bytes, 0, bytes.length);
                        text.setLength(0);
                    }
                }
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                long copied = copy.endCopy();
                require(copied == count, "COPY stored " + copied + " of " + count + " rows");
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            double ms = millis(System.nanoTime() - start);
            try (Statement st = connection.createStatement()) {
                st.execute("drop table public.exchange_bench_copy");
            }
            return ms;
        }
    }

    /** Publishes records [0, count) in batches, one after the other, each with its own idempotency key. */
    static Published publish(HubClient provider, String dataset, PopulationRecords records, int count, int batch, String keyPrefix,
            HeapWatch heap) throws IOException, InterruptedException {
        long start = System.nanoTime();
        int batches = 0;
        long received = 0;
        long accepted = 0;
        long quarantined = 0;
        long corrected = 0;
        for (int from = 0; from < count; from += batch) {
            int to = Math.min(count, from + batch);
            int first = from;
            HubClient.Answer answer = provider.publish(dataset, HttpRequest.BodyPublishers.ofInputStream(() -> new CsvBody(records, first, to)),
                    keyPrefix + from);
            require(answer.status() == 201, "batch " + keyPrefix + from + " was answered " + answer.status() + ": " + answer.text());
            long r = answer.number("received");
            long a = answer.number("accepted");
            long q = answer.number("quarantined");
            require(r == to - from, "batch " + keyPrefix + from + " received " + r + " of " + (to - from) + " records");
            require(a + q == r, "batch " + keyPrefix + from + ": accepted " + a + " + quarantined " + q + " ≠ received " + r);
            batches++;
            received += r;
            accepted += a;
            quarantined += q;
            corrected += answer.number("corrected");
        }
        return new Published(batches, received, accepted, quarantined, corrected, millis(System.nanoTime() - start), heap.peak());
    }

    private static void check(Published published, Expected expected, Plan plan) {
        require(published.received() == plan.records(), "the hub received " + published.received() + " of " + plan.records() + " records");
        require(published.accepted() == expected.accepted(), "the hub accepted " + published.accepted() + ", not the " + expected.accepted() + " clean records");
        require(published.quarantined() == expected.dirty(), "the hub quarantined " + published.quarantined() + ", not the " + expected.dirty() + " wrong records");
        require(published.corrected() == expected.corrected(), "the hub corrected " + published.corrected() + ", not the " + expected.corrected() + " rough records");
    }

    /** The subscribers pull in parallel, one thread each. */
    static List<Pulled> pullAll(List<HubClient> consumers, List<Long> subscriptions, int page) throws InterruptedException, ExecutionException {
        try (ExecutorService threads = Executors.newFixedThreadPool(consumers.size())) {
            List<Future<Pulled>> running = new ArrayList<>();
            for (int i = 0; i < consumers.size(); i++) {
                HubClient client = consumers.get(i);
                long subscription = subscriptions.get(i);
                String consumer = SUBSCRIBERS.get(i);
                running.add(threads.submit(() -> pull(client, consumer, subscription, page)));
            }
            List<Pulled> pulled = new ArrayList<>();
            for (Future<Pulled> f : running) {
                try {
                    pulled.add(f.get());
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Benches.CheckFailed failed) {
                        throw failed;
                    }
                    throw e;
                }
            }
            return pulled;
        }
    }

    /** Pulls pages after the subscriber's own cursor and acknowledges each, until a page says nothing more waits. */
    static Pulled pull(HubClient client, String consumer, long subscription, int pageSize) throws IOException, InterruptedException {
        long start = System.nanoTime();
        long[] state = new long[3]; // last position, records, sum of fingerprints
        long cursor = 0;
        int pages = 0;
        while (true) {
            HubClient.Page page = client.pull(subscription, cursor, pageSize, (position, key, delete, values, count) -> {
                require(position > state[0], consumer + " received position " + position + " after " + state[0]);
                require(!delete, consumer + " received a delete");
                state[0] = position;
                state[1]++;
                state[2] += PopulationRecords.fingerprint(key, values, count);
            });
            pages++;
            if (page.count() > 0) {
                HubClient.Answer ack = client.acknowledge(subscription, page.next());
                require(ack.ok(), consumer + " could not acknowledge " + page.next() + ": " + ack.status() + " " + ack.text());
                cursor = page.next();
            }
            if (!page.more()) {
                break;
            }
        }
        return new Pulled(consumer, pages, state[1], state[2], millis(System.nanoTime() - start));
    }


    private static void printTable(PrintStream out, Report r) {
        out.println();
        out.println("数据共享交换基准 / exchange hub benchmark (PostgreSQL store)");
        out.println("-".repeat(86));
        line(out, "记录 records", "%,d × %d items; %,d wrong, %,d to cleanse", r.plan().records(), PopulationRecords.FIELDS, r.expected().dirty(),
                r.expected().corrected());
        line(out, "启动平台 platform start", "%,.0f ms", r.startMs());
        line(out, "基线 PostgreSQL COPY", "%,.0f ms   %,.0f records/s", r.copyMs(), r.copyRate());
        line(out, "发布 publish (HTTP, " + r.plan().largeBatch() / 1000 + "k/batch)", "%,.0f ms   %,.0f records/s   (%.2f × COPY)",
                r.large().ms(), r.publishRate(), r.publishRatio());
        line(out, "  受理 / 入库 / 隔离 / 清洗", "received %,d  accepted %,d  quarantined %,d  corrected %,d", r.large().received(),
                r.large().accepted(), r.large().quarantined(), r.large().corrected());
        for (Pulled p : r.pulled()) {
            line(out, "拉取 pull " + p.consumer() + "-system", "%,.0f ms   %,.0f records/s   (%d pages of ≤%,d)", p.ms(), p.rate(), p.pages(),
                    r.plan().page());
        }
        line(out, "拉取合计 pull, 3 in parallel", "%,.0f ms   %,.0f records/s delivered", r.pullMs(),
                r.pulled().stream().mapToLong(Pulled::records).sum() / (r.pullMs() / 1000));
        line(out, "端到端 end to end", "%,.0f ms   %,.0f records/s   (%.3f × COPY)", r.endToEndMs(), r.endToEndRate(), r.ratio());
        line(out, "发布 publish (HTTP, " + r.plan().smallBatch() / 1000 + "k/batch)", "%,.0f ms   %,.0f records/s", r.small().ms(),
                r.smallPublishRate());
        line(out, "堆峰值 peak heap used", "publish %dk/batch %,d MB · %dk/batch %,d MB · pull %,d MB", r.plan().largeBatch() / 1000,
                r.large().heap().usedMb(), r.plan().smallBatch() / 1000, r.small().heap().usedMb(), r.pullHeap().usedMb());
        line(out, "GC 后堆峰值 peak heap after GC", "publish %dk/batch %,d MB · %dk/batch %,d MB · pull %,d MB", r.plan().largeBatch() / 1000,
                r.large().heap().afterGcMb(), r.plan().smallBatch() / 1000, r.small().heap().afterGcMb(), r.pullHeap().afterGcMb());
        line(out, "CPU 基线 COPY", "JVM %.1f s · PostgreSQL %.1f s", r.copyCost().jvmCpuS(), r.copyCost().postgresCpuS());
        line(out, "CPU 发布 publish " + r.plan().largeBatch() / 1000 + "k", "JVM %.1f s · PostgreSQL %.1f s", r.largeCost().jvmCpuS(),
                r.largeCost().postgresCpuS());
        line(out, "CPU 拉取 pull", "JVM %.1f s · PostgreSQL %.1f s", r.pullCost().jvmCpuS(), r.pullCost().postgresCpuS());
        line(out, "CPU 发布 publish " + r.plan().smallBatch() / 1000 + "k", "JVM %.1f s · PostgreSQL %.1f s", r.smallCost().jvmCpuS(),
                r.smallCost().postgresCpuS());
        line(out, "阶段 stages, publish " + r.plan().largeBatch() / 1000 + "k (s)", "%s", stages(r.largeCost(), Stage.PUBLISHING));
        line(out, "阶段 stages, publish " + r.plan().smallBatch() / 1000 + "k (s)", "%s", stages(r.smallCost(), Stage.PUBLISHING));
        line(out, "阶段 stages, pull (s, 3 threads)", "%s", stages(r.pullCost(), Stage.DELIVERY));
        line(out, "负载 load average", "%.2f before · %.2f after (%d CPUs)", r.loadBefore(), r.loadAfter(), Runtime.getRuntime().availableProcessors());
        line(out, "检查 checks", "%s", "every batch adds up; subscribers got exactly the accepted keys and values");
        line(out, "目标 goal ≥ " + GOAL_RATIO + " × COPY (end to end)", "%s", r.goalMet() ? "达成 met" : "未达成 MISSED");
        out.println("-".repeat(86));
    }

    private static String stages(Cost cost, List<Stage> shown) {
        return shown.stream().map(st -> String.format(Locale.ROOT, "%s %.1f", st.label(), cost.stages().get(st))).collect(Collectors.joining(" · "));
    }
}
