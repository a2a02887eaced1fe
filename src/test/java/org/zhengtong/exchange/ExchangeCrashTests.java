package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zhengtong.exchange.bench.HubClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The exchange hub keeps its word through SIGKILL. The whole platform runs as a process of its own, with the demo
 * city on an embedded PostgreSQL, and is killed with {@code kill -9} and started again on the same data directory:
 *
 * <ol>
 *   <li>while 公安局's system publishes 40 batches of 2,000 records to the population dataset, each with its own
 *       idempotency key, sending each again (same key) until the hub answers: once while a batch's body is still
 *       arriving, once while a batch waits spooled for processing, and once, with its PostgreSQL, right after the
 *       hub answered a batch;
 *   <li>while the three subscribers' systems (人社局, 民政局, and 教育局 through its district filter) pull pages
 *       after their own cursor, apply each record as an upsert or a delete by key, and acknowledge: twice at
 *       seeded points of their progress, the second time with its PostgreSQL.
 * </ol>
 *
 * <p>It runs once with the exchange store on PostgreSQL and once on Kafka ({@code zt.exchange.backend=kafka}, with
 * {@link KafkaBroker} as a process of its own, which is not killed).
 *
 * <p>At the end every batch was answered once for its key with exactly the counts its records call for
 * ({@code accepted + quarantined = received}); a batch caught spooled was finished by the recovery at start-up and
 * one caught arriving was abandoned and sent again; and each subscriber holds exactly the live records it is
 * granted, with their cleansed values: no key missing, none extra, none stale.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
class ExchangeCrashTests {

    static final long SEED = 20_260_611L;
    static final int BATCHES = 40;
    static final int BATCH_SIZE = 2_000;
    static final int PAGE = 500;
    static final Duration START = Duration.ofMinutes(5);
    static final List<String> SUBSCRIBERS = List.of("rsj", "mzj", "jyj");

    enum Backend { POSTGRESQL, KAFKA }

    @Test
    void publishingAndDeliverySurviveKillsOnThePostgresqlStore() throws Exception {
        crashAndCheck(Backend.POSTGRESQL);
    }

    @Test
    void publishingAndDeliverySurviveKillsOnTheKafkaStore() throws Exception {
        crashAndCheck(Backend.KAFKA);
    }

    private void crashAndCheck(Backend backend) throws Exception {
        long began = System.nanoTime();
        Random random = new Random(SEED);
        CrashData data = new CrashData(SEED, BATCHES, BATCH_SIZE);
        Path home = Files.createTempDirectory("zt-crash-");
        Map<String, String> environment = new HashMap<>();
        Process broker = null;
        String bootstrap = null;
        List<String> kills = new ArrayList<>();
        try {
            if (backend == Backend.KAFKA) {
                broker = startBroker(home);
                bootstrap = bootstrap(broker);
                environment.put("ZT_EXCHANGE_BACKEND", "kafka");
                environment.put("ZT_EXCHANGE_KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            }
            try (ChildPlatform platform = new ChildPlatform(home, freePort(), freePort(), environment, List.of())) {
                platform.start(START);
                String secret = System.getenv().getOrDefault("ZT_DEMO_PASSWORD", "Zhengtong@2026");
                HubClient provider = new HubClient(platform.base(), "gaj-system", secret);
                String dataset = populationDataset(provider);
                List<Subscriber> subscribers = new ArrayList<>();
                for (String consumer : SUBSCRIBERS) {
                    subscribers.add(Subscriber.of(new HubClient(platform.base(), consumer + "-system", secret), dataset));
                }
                for (Subscriber s : subscribers) {
                    s.catchUp();
                }

                // (a) publishing
                Publisher publisher = new Publisher(provider, dataset, data.batches, random.nextInt(10) + 25);
                Thread publishing = Thread.ofPlatform().name("crash-publisher").start(publisher);
                kills.add(killWhileABatchIs("RECEIVING", platform, dataset, publisher));
                kills.add(killWhileABatchIs("SPOOLED", platform, dataset, publisher));
                assertThat(publisher.answeredAt.await(10, TimeUnit.MINUTES)).as("the publisher reached batch %d", publisher.killAfter).isTrue();
                platform.kill();
                platform.killDatabase();
                publisher.resume.countDown();
                kills.add("publishing: platform and PostgreSQL killed right after batch " + publisher.killAfter + " was answered");
                platform.start(START);
                publishing.join(Duration.ofMinutes(10));
                assertThat(publishing.isAlive()).as("the publisher finished").isFalse();
                assertThat(publisher.failure.get()).as("the publisher's failure").isNull();

                // (b) delivery
                long head = head(platform, dataset, bootstrap);
                List<Thread> pulling = new ArrayList<>();
                for (Subscriber s : subscribers) {
                    pulling.add(Thread.ofPlatform().name("crash-" + s.consumer).start(s));
                }
                double[] points = {0.2 + random.nextDouble() * 0.2, 0.55 + random.nextDouble() * 0.2};
                for (int k = 0; k < points.length; k++) {
                    waitForProgress(subscribers, head, points[k]);
                    Thread.sleep(random.nextInt(300));
                    platform.kill();
                    if (k == 1) {
                        platform.killDatabase();
                    }
                    kills.add("delivery: platform%s killed at %.0f%% of the way".formatted(k == 1 ? " and PostgreSQL" : "", 100 * progress(subscribers, head)));
                    platform.start(START);
                }
                for (Thread t : pulling) {
                    t.join(Duration.ofMinutes(10));
                    assertThat(t.isAlive()).as(t.getName() + " finished").isFalse();
                }

                // what the publisher was told
                for (int b = 0; b < data.batches.size(); b++) {
                    CrashData.Batch batch = data.batches.get(b);
                    JsonNode answer = publisher.answers.get(b);
                    assertThat(answer).as("the answer for " + batch.key()).isNotNull();
                    assertThat(answer.get("status").asString()).isEqualTo("DONE");
                    assertThat(answer.get("idempotencyKey").asString()).isEqualTo(batch.key());
                    assertThat(answer.get("received").asLong()).as(batch.key()).isEqualTo(batch.received());
                    assertThat(answer.get("accepted").asLong()).as(batch.key()).isEqualTo(batch.accepted());
                    assertThat(answer.get("quarantined").asLong()).as(batch.key()).isEqualTo(batch.quarantined());
                }
                // what the hub holds
                try (Connection db = platform.database()) {
                    assertThat(single(db, "select count(*) from exchange.batch where status in ('RECEIVING', 'SPOOLED')")).isZero();
                    assertThat(single(db, "select count(*) from exchange.batch where dataset = ? and status = 'DONE' and accepted + quarantined <> received",
                            dataset)).isZero();
                    assertThat(single(db, "select count(*) from exchange.batch where dataset = ? and status = 'DONE' and idempotency_key like 'crash-%'",
                            dataset)).as("one finished batch per idempotency key").isEqualTo(BATCHES);
                    assertThat(single(db, "select count(distinct idempotency_key) from exchange.batch where dataset = ? and status = 'DONE' "
                            + "and idempotency_key like 'crash-%'", dataset)).isEqualTo(BATCHES);
                    assertThat(single(db, "select count(*) from exchange.batch where dataset = ? and status = 'ABANDONED'", dataset))
                            .as("the batch caught arriving was abandoned").isPositive();
                    assertThat(publisher.recoveredReplays.get()).as("a batch caught spooled was finished at start-up and its sender told so")
                            .isPositive();
                }
                // what each subscriber holds
                for (Subscriber s : subscribers) {
                    Map<String, List<@Nullable String>> expected = data.expectedFor(s.items, s.filterItem, s.filterPrefix);
                    assertThat(s.failure.get()).as(s.consumer + "'s failure").isNull();
                    Set<String> missing = new TreeSet<>(expected.keySet());
                    missing.removeAll(s.records.keySet());
                    Set<String> extra = new TreeSet<>(s.records.keySet());
                    extra.removeAll(expected.keySet());
                    Set<String> different = new TreeSet<>();
                    expected.forEach((key, values) -> {
                        if (s.records.containsKey(key) && !values.equals(s.records.get(key))) {
                            different.add(key);
                        }
                    });
                    assertThat(missing.size()).as("%s lacks %d of %d records, such as %s", s.consumer, missing.size(), expected.size(), first(missing))
                            .isZero();
                    assertThat(extra.size()).as("%s holds %d records it should not, such as %s", s.consumer, extra.size(), first(extra)).isZero();
                    assertThat(different.size()).as("%s holds %d records with other values, such as %s", s.consumer, different.size(),
                            first(different).stream().map(k -> k + " " + s.records.get(k) + " instead of " + expected.get(k)).toList()).isZero();
                }
                assertThat(subscribers.get(2).records).as("教育局 sees only 东湖区").isNotEmpty().hasSizeLessThan(subscribers.get(0).records.size());
                System.out.printf("Crash test (%s): %d starts, %d s; kills: %s%n", backend, platform.starts(),
                        Duration.ofNanos(System.nanoTime() - began).toSeconds(), String.join("; ", kills));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(e.getMessage() + "\nkills: " + String.join("; ", kills), e);
            }
        } finally {
            if (broker != null) {
                broker.destroy();
                broker.waitFor(60, TimeUnit.SECONDS);
            }
            deleteRecursively(home);
        }
    }

    /**
     * Waits until a batch of the dataset is in {@code status} (the publisher sends slowly enough for a body to be
     * seen arriving), kills the platform there, checks that the batch really died in that state, restarts, and
     * checks that the start-up recovery finished or abandoned it. Tries again at the next batch if the batch moved
     * on before the signal landed.
     */
    private String killWhileABatchIs(String status, ChildPlatform platform, String dataset, Publisher publisher) throws Exception {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long batch = -1;
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            try (Connection db = platform.database();
                    PreparedStatement find = db.prepareStatement("select max(id) from exchange.batch where dataset = ? and status = ?")) {
                find.setString(1, dataset);
                find.setString(2, status);
                while (batch < 0 && System.nanoTime() < deadline && publisher.failure.get() == null) {
                    try (ResultSet rs = find.executeQuery()) {
                        rs.next();
                        batch = rs.getObject(1) == null ? -1 : rs.getLong(1);
                    }
                    if (batch < 0) {
                        Thread.sleep(3);
                    }
                }
            }
            assertThat(batch).as("a batch was seen %s (publisher failure: %s)", status, publisher.failure.get()).isPositive();
            platform.kill();
            String atDeath;
            try (Connection db = platform.database()) {
                atDeath = text(db, "select status from exchange.batch where id = ?", batch);
            }
            platform.start(START);
            String afterRestart;
            try (Connection db = platform.database()) {
                afterRestart = text(db, "select status from exchange.batch where id = ?", batch);
            }
            if (atDeath.equals(status)) {
                assertThat(afterRestart).as("batch %d, killed %s, after the restart", batch, status)
                        .isEqualTo(status.equals("SPOOLED") ? "DONE" : "ABANDONED");
                return "publishing: platform killed while batch %d was %s (attempt %d); at start-up it became %s".formatted(batch, status, attempt,
                        afterRestart);
            }
        }
        throw new AssertionError("could not kill the platform while a batch was " + status + " in 5 attempts");
    }

    private static void waitForProgress(List<Subscriber> subscribers, long head, double fraction) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (progress(subscribers, head) < fraction && subscribers.stream().anyMatch(s -> !s.done) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    /** How far the subscribers have come, on average, from where they started to the dataset's last position. */
    private static double progress(List<Subscriber> subscribers, long head) {
        return subscribers.stream().mapToDouble(s -> s.done ? 1 : (double) (s.cursor - s.start) / Math.max(1, head - s.start)).average().orElse(1);
    }

    /** 公安局's system: publishes each batch, slowly, sending it again with the same key until the hub answers. */
    static final class Publisher implements Runnable {
        final HubClient client;
        final String dataset;
        final List<CrashData.Batch> batches;
        final int killAfter;
        final List<@Nullable JsonNode> answers = new CopyOnWriteArrayList<>();
        final CountDownLatch answeredAt = new CountDownLatch(1);
        final CountDownLatch resume = new CountDownLatch(1);
        final AtomicInteger recoveredReplays = new AtomicInteger();
        final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

        Publisher(HubClient client, String dataset, List<CrashData.Batch> batches, int killAfter) {
            this.client = client;
            this.dataset = dataset;
            this.batches = batches;
            this.killAfter = killAfter;
        }

        @Override
        public void run() {
            try {
                for (int b = 0; b < batches.size(); b++) {
                    answers.add(publish(batches.get(b)));
                    if (b == killAfter) {
                        answeredAt.countDown();
                        resume.await();
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
                answeredAt.countDown();
            }
        }

        private JsonNode publish(CrashData.Batch batch) throws Exception {
            boolean interrupted = false;
            for (int attempt = 1; attempt <= 2_000; attempt++) {
                HubClient.Answer answer;
                try {
                    answer = client.publish(dataset, HttpRequest.BodyPublishers.ofInputStream(() -> new SlowBody(batch.body())), batch.key());
                } catch (IOException | HubClient.HubException e) {
                    if (e instanceof HubClient.HubException refused && refused.status() / 100 == 4 && refused.status() != 401) {
                        throw refused;
                    }
                    interrupted = true;
                    Thread.sleep(200);
                    continue;
                }
                if (answer.status() == 201 || answer.status() == 200) {
                    if (answer.status() == 200 && interrupted) {
                        recoveredReplays.incrementAndGet();
                    }
                    return answer.body();
                }
                if (answer.status() == 409 || answer.status() / 100 == 5) {
                    interrupted = true;
                    Thread.sleep(200);
                    continue;
                }
                throw new AssertionError("batch " + batch.key() + " was refused: " + answer.status() + " " + answer.text());
            }
            throw new AssertionError("batch " + batch.key() + " was never answered");
        }
    }

    /** A batch body that arrives over a slow line: 16 KiB at a time, 10 ms apart. */
    static final class SlowBody extends InputStream {
        private final byte[] body;
        private int position;

        SlowBody(byte[] body) {
            this.body = body;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position >= body.length) {
                return -1;
            }
            if (position > 0) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int n = Math.min(Math.min(len, 16 * 1024), body.length - position);
            System.arraycopy(body, position, b, off, n);
            position += n;
            return n;
        }
    }

    /**
     * A consumer department's system: it keeps its own copy of what it receives and its own cursor, together (as
     * one would in one local transaction), pulls the page after that cursor, applies it whole, and acknowledges.
     */
    static final class Subscriber implements Runnable {
        final HubClient client;
        final String consumer;
        final long id;
        final List<String> items;
        final @Nullable String filterItem;
        final @Nullable String filterPrefix;
        final Map<String, List<@Nullable String>> records = new ConcurrentHashMap<>();
        final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();
        volatile long start;
        volatile long cursor;
        volatile boolean done;

        private Subscriber(HubClient client, String consumer, long id, List<String> items, @Nullable String filterItem, @Nullable String filterPrefix) {
            this.client = client;
            this.consumer = consumer;
            this.id = id;
            this.items = items;
            this.filterItem = filterItem;
            this.filterPrefix = filterPrefix;
        }

        static Subscriber of(HubClient client, String dataset) throws Exception {
            HubClient.Answer answer = client.get("/api/v1/exchange/subscriptions");
            assertThat(answer.status()).as(answer.text()).isEqualTo(200);
            for (JsonNode s : answer.body()) {
                if (s.get("dataset").asString().equals(dataset)) {
                    List<String> items = new ArrayList<>();
                    s.get("items").forEach(i -> items.add(i.asString()));
                    JsonNode filterItem = s.get("filterItem");
                    JsonNode filterPrefix = s.get("filterPrefix");
                    return new Subscriber(client, client.clientId().replace("-system", ""), s.get("id").asLong(), items,
                            filterItem == null || filterItem.isNull() ? null : filterItem.asString(),
                            filterPrefix == null || filterPrefix.isNull() ? null : filterPrefix.asString());
                }
            }
            throw new AssertionError(client.clientId() + " has no subscription to " + dataset);
        }

        /** Skips what the demo city delivered before the test: the subscriber's copy starts empty after it. */
        void catchUp() throws Exception {
            while (true) {
                HubClient.Page page = client.pull(id, cursor, 10_000, (position, key, delete, values, count) -> {});
                cursor = page.next();
                if (!page.more()) {
                    break;
                }
            }
            assertThat(client.acknowledge(id, cursor).status()).isIn(200, 400);
            start = cursor;
        }

        private int failures;

        /** The platform is down or restarting: wait a little, but not forever. */
        private void down(@Nullable Exception e) throws InterruptedException {
            if (++failures > 1_500) {
                throw new AssertionError(consumer + " could not reach the hub for five minutes", e);
            }
            Thread.sleep(200);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    Map<String, @Nullable List<@Nullable String>> page = new LinkedHashMap<>();
                    HubClient.Page p;
                    try {
                        p = client.pull(id, cursor, PAGE, (position, key, delete, values, count) -> {
                            List<@Nullable String> copy = delete ? null : new ArrayList<>(java.util.Arrays.asList(values).subList(0, count));
                            page.remove(key);
                            page.put(key, copy);
                        });
                    } catch (IOException | UncheckedIOException | JacksonException e) {
                        down(e);
                        continue;
                    } catch (HubClient.HubException e) {
                        if (e.status() / 100 == 4 && e.status() != 401) {
                            throw e;
                        }
                        down(e);
                        continue;
                    }
                    failures = 0;
                    page.forEach((key, values) -> {
                        if (values == null) {
                            records.remove(key);
                        } else {
                            records.put(key, values);
                        }
                    });
                    cursor = p.next();
                    boolean acknowledged = false;
                    while (!acknowledged) {
                        try {
                            HubClient.Answer ack = client.acknowledge(id, cursor);
                            acknowledged = ack.ok();
                            if (!acknowledged && ack.status() / 100 != 5) {
                                throw new AssertionError(consumer + " could not acknowledge " + cursor + ": " + ack.status() + " " + ack.text());
                            }
                        } catch (IOException e) {
                            // the platform is down: acknowledge once it is back
                        }
                        if (!acknowledged) {
                            down(null);
                        }
                    }
                    if (!p.more()) {
                        done = true;
                        return;
                    }
                }
            } catch (Throwable e) {
                failure.set(e);
                done = true;
            }
        }
    }

    /**
     * The dataset's last position: the sequence PostgreSQL keeps, or on Kafka the end of the dataset's topic (a
     * position is an offset plus one there).
     */
    private static long head(ChildPlatform platform, String dataset, @Nullable String bootstrap) throws SQLException {
        if (bootstrap == null) {
            try (Connection db = platform.database()) {
                return single(db, "select last_seq from exchange.dataset where code = ?", dataset);
            }
        }
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        TopicPartition topic = new TopicPartition("zt.exchange." + dataset.replace('/', '-'), 0);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(settings, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            return consumer.endOffsets(List.of(topic), Duration.ofSeconds(30)).get(topic);
        }
    }

    private static String populationDataset(HubClient provider) throws Exception {
        HubClient.Answer answer = provider.get("/api/v1/exchange/datasets");
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        for (JsonNode d : answer.body()) {
            if (d.get("name").asString().equals(ExchangeFixture.POPULATION)) {
                return d.get("code").asString();
            }
        }
        throw new AssertionError("no population dataset among " + answer.text());
    }

    private static Process startBroker(Path home) throws IOException {
        return new ProcessBuilder(ChildPlatform.javaExecutable(), "-Xmx512m", "-cp", ChildPlatform.classPath(), KafkaBroker.class.getName())
                .redirectError(home.resolve("kafka.log").toFile()).start();
    }

    private static String bootstrap(Process broker) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(broker.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("KAFKA_BOOTSTRAP=")) {
                return line.substring("KAFKA_BOOTSTRAP=".length()).strip();
            }
        }
        throw new IllegalStateException("the Kafka broker exited without telling its address");
    }

    private static List<String> first(Set<String> keys) {
        return keys.stream().limit(5).toList();
    }

    private static long single(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String text(Connection db, String sql, Object... params) throws SQLException {
        try (PreparedStatement st = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                st.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
