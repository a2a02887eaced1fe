package org.zhengtong.exchange.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetOutOfRangeException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhengtong.exchange.ExchangeProblem;
import org.zhengtong.exchange.ExchangeStore;
import org.zhengtong.exchange.StoredRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange store on Kafka, for a province whose volume outgrows one database ({@code zt.exchange.backend=kafka}).
 * Each dataset has one topic, {@code <topic-prefix><code>} with the code's slash as a hyphen (for example
 * {@code zt.exchange.303001001-000001}), of exactly one partition, so the partition's offsets order the dataset's
 * changes: a record's position is its offset plus one, and reading after a position reads from that offset on.
 * (Positions therefore skip the offsets Kafka's transaction markers take; {@link #apply} does not use the
 * {@code base} position the PostgreSQL store counts from.)
 *
 * <p><b>Topics.</b> The store creates a dataset's topic through the Admin API the first time it touches the
 * dataset: one partition, the broker's default replication factor (or {@code zt.exchange.kafka.replication-factor}),
 * cleanup policy {@code delete} with {@code retention.ms} and {@code retention.bytes} at -1, so the log keeps every
 * change for good. Both are deliberate. A subscriber reads from its own cursor, however far behind it is, and a new
 * subscription starts from position 0 and must still find the whole dataset; a time or size limit (the broker's
 * default is seven days) would silently drop what such subscribers have not read. Compaction is not used: it keeps
 * the latest value of each key, which suits subscribers that apply by key, but it also removes delete markers once
 * {@code delete.retention.ms} has passed, after which a subscriber that still holds a deleted record would never
 * learn of the delete. The cost is a log that grows with every change rather than with every key; an operator who
 * needs to bound it can turn on compaction per topic with a {@code delete.retention.ms} longer than any subscriber
 * may lag.
 *
 * <p><b>Records.</b> The Kafka key is the record's key (UTF-8). The value is the payload, the values in the dataset's
 * item order, as a JSON array of strings and nulls; a delete has a null value, as Kafka's tombstones do, and its
 * payload (only the key items are set) travels in the header {@code zt-payload}. The headers {@code zt-batch} and
 * {@code zt-source} carry the lineage, and the record's timestamp is when the hub stored it.
 *
 * <p><b>Transactions.</b> {@link #apply} runs inside the batch's PostgreSQL transaction while it holds the
 * dataset's row lock. It streams the accepted rows of {@code zt_stage} from that connection and produces them in
 * one Kafka transaction (idempotent producer, {@code acks=all}, transactional id {@code <topic>@<instance-id>}, one
 * producer per dataset, closed after ten minutes without a batch), which it commits before it returns; the
 * PostgreSQL transaction commits right after. Readers use {@code read_committed}, so a batch appears whole or not at
 * all, aborted batches never, and a reader never passes a batch that is still open. When Kafka fails (the producer fenced by a newer one with the same id, a send
 * refused, a timeout), the Kafka transaction is aborted and the store throws
 * {@link ExchangeProblem#storeFailed}: the PostgreSQL transaction rolls back and the batch is FAILED. If PostgreSQL
 * fails after the Kafka commit, the batch is processed again on retry or recovery and its records are produced a
 * second time: transport is at least once, and subscribers apply records by key, so each sees every record's
 * effect exactly once.
 *
 * <p>Because the log keeps every change, a record sent again unchanged is appended again (the PostgreSQL store
 * recognises it and leaves it), and {@code apply} returns the number of records produced. For the same reason a
 * reader that is behind gets every change since its position, not only each key's latest value, and
 * {@link #backlog} counts changes: one by one up to {@value #EXACT_BACKLOG}, by offsets beyond (which then include
 * one transaction marker per batch). Reads go through a few pooled consumers per dataset (assign and seek, no
 * consumer group), so the cursors are the hub's own, kept in PostgreSQL.
 *
 * <p><b>What stays in PostgreSQL.</b> Only the records move to Kafka. Datasets and their locks, batches, the
 * quarantine, subscriptions with their cursors, and the delivery log stay in PostgreSQL: they are small metadata
 * that grows with the number of batches and pages, not with the number of records, and they change in the same
 * transactions as the audit log.
 *
 * <p>Settings: {@code zt.exchange.kafka.bootstrap-servers} (required), {@code topic-prefix} (default
 * {@code zt.exchange.}), {@code instance-id} (default the host name; each running hub needs its own, and keeps it
 * across restarts so that a restarted hub fences its former self), {@code replication-factor}, {@code timeout}
 * (default 30 s), and any Kafka client setting under {@code zt.exchange.kafka.client.*} (for example
 * {@code security.protocol}), which is handed to every client.
 */
@Component
@ConditionalOnProperty(name = "zt.exchange.backend", havingValue = "kafka")
class KafkaExchangeStore implements ExchangeStore, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KafkaExchangeStore.class);

    static final String BATCH = "zt-batch";
    static final String SOURCE = "zt-source";
    static final String PAYLOAD = "zt-payload";

    /** The topic configuration: keep every change, for every subscriber however far behind. */
    static final Map<String, String> TOPIC_CONFIG = Map.of(
            TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_DELETE,
            TopicConfig.RETENTION_MS_CONFIG, "-1",
            TopicConfig.RETENTION_BYTES_CONFIG, "-1");

    /** The waiting records {@link #backlog} counts one by one; beyond them it counts offsets. */
    static final int EXACT_BACKLOG = 1_000;

    /** A dataset's producer is closed after this long without a batch, and made again for the next one. */
    static final Duration IDLE_PRODUCER = Duration.ofMinutes(10);

    /** Idle consumers kept per dataset for the next read. */
    private static final int IDLE_CONSUMERS = 2;

    private static final Pattern TOPIC_CHARACTERS = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    private final String prefix;
    private final String instance;
    private final Duration timeout;
    private final Optional<Short> replication;
    private final Map<String, Object> client;
    private final JsonMapper json;
    private final Admin admin;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    private final Map<String, Lane> producers = new ConcurrentHashMap<>();
    private volatile long lastIdleCheck = System.nanoTime();
    private final Map<String, Deque<KafkaConsumer<String, byte[]>>> consumers = new ConcurrentHashMap<>();
    private final AtomicInteger consumerIds = new AtomicInteger();
    private volatile boolean closed;

    KafkaExchangeStore(Environment env, JsonMapper json) {
        this.json = json;
        this.prefix = env.getProperty("zt.exchange.kafka.topic-prefix", "zt.exchange.");
        this.instance = env.getProperty("zt.exchange.kafka.instance-id", hostName());
        this.timeout = env.getProperty("zt.exchange.kafka.timeout", Duration.class, Duration.ofSeconds(30));
        this.replication = Optional.ofNullable(env.getProperty("zt.exchange.kafka.replication-factor", Short.class));
        Map<String, Object> settings = new HashMap<>(Binder.get(env)
                .bind("zt.exchange.kafka.client", Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
        String servers = env.getProperty("zt.exchange.kafka.bootstrap-servers", "");
        if (servers.isBlank()) {
            throw new IllegalStateException("zt.exchange.backend=kafka needs zt.exchange.kafka.bootstrap-servers "
                    + "(ZT_EXCHANGE_KAFKA_BOOTSTRAP_SERVERS, or ./zt up --kafka HOST:PORT)");
        }
        settings.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, servers.strip());
        this.client = Map.copyOf(settings);
        Map<String, Object> adminSettings = new HashMap<>(client);
        adminSettings.put(CommonClientConfigs.CLIENT_ID_CONFIG, "zt-exchange-admin-" + instance);
        this.admin = Admin.create(adminSettings);
    }

    @Override
    public String name() {
        return "kafka";
    }

    /** The topic of a dataset: the prefix and the dataset's code, its slash written as a hyphen. */
    String topic(String dataset) {
        String topic = prefix + dataset.replace('/', '-');
        if (!TOPIC_CHARACTERS.matcher(topic).matches()) {
            throw new IllegalArgumentException("Dataset " + dataset + " makes no valid Kafka topic name: " + topic);
        }
        return topic;
    }

    /** The transactional id of this hub's producer for a dataset. */
    String transactionalId(String dataset) {
        return topic(dataset) + "@" + instance;
    }

    // writing

    @Override
    public long apply(Connection connection, String dataset, long batchId, String source, long base) throws SQLException {
        String topic = ensureTopic(dataset);
        closeIdleProducers();
        Lane lane;
        while (true) {
            try {
                lane = producers.computeIfAbsent(dataset, this::lane);
            } catch (KafkaException e) {
                throw failed(dataset, "cannot start the producer", e);
            }
            lane.lock.lock();
            if (!lane.closed) {
                break;
            }
            lane.lock.unlock();
        }
        try {
            return produce(lane, connection, topic, dataset, batchId, source);
        } finally {
            lane.lastUsed = System.nanoTime();
            lane.lock.unlock();
        }
    }

    private long produce(Lane lane, Connection connection, String topic, String dataset, long batchId, String source) throws SQLException {
        KafkaProducer<String, byte[]> producer = lane.producer;
        List<Header> lineage = List.of(new RecordHeader(BATCH, Long.toString(batchId).getBytes(StandardCharsets.UTF_8)),
                new RecordHeader(SOURCE, source.getBytes(StandardCharsets.UTF_8)));
        long now = System.currentTimeMillis();
        long produced = 0;
        try {
            producer.beginTransaction();
            try (PreparedStatement select = connection.prepareStatement("select key, del, payload from zt_stage where problem is null order by ord")) {
                select.setFetchSize(1000);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        String key = rs.getString(1);
                        boolean deleted = rs.getBoolean(2);
                        byte[] payload = json.writeValueAsBytes(rs.getArray(3).getArray());
                        List<Header> headers = lineage;
                        if (deleted) {
                            headers = new ArrayList<>(lineage);
                            headers.add(new RecordHeader(PAYLOAD, payload));
                        }
                        producer.send(new ProducerRecord<>(topic, 0, now, key, deleted ? null : payload, headers));
                        produced++;
                    }
                }
            }
            // Flushes every send; a send that failed makes the commit fail.
            producer.commitTransaction();
            return produced;
        } catch (SQLException e) {
            abort(dataset, lane);
            throw e;
        } catch (KafkaException e) {
            abort(dataset, lane);
            throw failed(dataset, "batch " + batchId + " not stored", e);
        }
    }

    /** A dataset's transactional producer; making it fences any earlier one with its id and ends what that left open. */
    private Lane lane(String dataset) {
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId(dataset));
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "zt-exchange-" + transactionalId(dataset));
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        settings.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        settings.putIfAbsent(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, (int) Duration.ofMinutes(5).toMillis());
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (RuntimeException e) {
            producer.close(Duration.ZERO);
            throw e;
        }
        return new Lane(producer);
    }

    /** Aborts the open transaction; a producer that cannot abort (fenced, say) is closed and replaced next time. */
    private void abort(String dataset, Lane lane) {
        try {
            lane.producer.abortTransaction();
        } catch (RuntimeException e) {
            retire(dataset, lane);
        }
    }

    /** Closes the producers of datasets that published nothing for a while: each holds a thread and buffers. */
    private void closeIdleProducers() {
        long now = System.nanoTime();
        if (now - lastIdleCheck < IDLE_PRODUCER.toNanos() / 10) {
            return;
        }
        lastIdleCheck = now;
        producers.forEach((dataset, lane) -> {
            if (now - lane.lastUsed > IDLE_PRODUCER.toNanos() && lane.lock.tryLock()) {
                try {
                    retire(dataset, lane);
                } finally {
                    lane.lock.unlock();
                }
            }
        });
    }

    /** Takes a producer out of use; the caller holds its lane's lock, or the store is closing. */
    private void retire(String dataset, Lane lane) {
        lane.closed = true;
        producers.remove(dataset, lane);
        lane.producer.close(Duration.ZERO);
    }

    /** One dataset's producer, used by one batch at a time. */
    private static final class Lane {

        final KafkaProducer<String, byte[]> producer;
        final ReentrantLock lock = new ReentrantLock();
        volatile long lastUsed = System.nanoTime();
        volatile boolean closed;

        Lane(KafkaProducer<String, byte[]> producer) {
            this.producer = producer;
        }
    }

    private ExchangeProblem failed(String dataset, String what, Exception e) {
        log.warn("Kafka store for dataset {}: {}: {}", dataset, what, e.toString());
        return ExchangeProblem.storeFailed("Kafka " + e.getClass().getSimpleName());
    }

    /** Creates the dataset's topic unless it exists; a topic made elsewhere must have exactly one partition. */
    private String ensureTopic(String dataset) {
        String topic = topic(dataset);
        if (topics.contains(topic)) {
            return topic;
        }
        try {
            try {
                admin.createTopics(List.of(new NewTopic(topic, Optional.of(1), replication).configs(TOPIC_CONFIG))).all()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                TopicDescription existing = admin.describeTopics(List.of(topic)).allTopicNames()
                        .get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(topic);
                if (existing.partitions().size() != 1) {
                    throw new IllegalStateException("Kafka topic " + topic + " has " + existing.partitions().size()
                            + " partitions; the exchange store orders a dataset's changes in exactly one");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(dataset, "interrupted while creating topic " + topic, e);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            throw failed(dataset, "cannot create topic " + topic, e.getCause() instanceof Exception c ? c : e);
        }
        topics.add(topic);
        return topic;
    }

    // reading

    @Override
    public List<StoredRecord> read(String dataset, long after, int limit, @Nullable Filter filter) {
        List<StoredRecord> out = new ArrayList<>(Math.min(limit, 1000));
        if (limit <= 0) {
            return out;
        }
        scan(dataset, Math.max(0, after), true, r -> {
            StoredRecord record = record(r);
            if (filter == null || matches(record, filter)) {
                out.add(record);
            }
            return out.size() < limit;
        });
        return out;
    }

    /** As the PostgreSQL store's {@code like 'prefix%'}: a missing or null value does not match. */
    private static boolean matches(StoredRecord record, Filter filter) {
        String[] payload = record.payload();
        String value = filter.position() < payload.length ? payload[filter.position()] : null;
        return value != null && value.startsWith(filter.prefix());
    }

    @Override
    public Backlog backlog(String dataset, long after) {
        long[] counted = {0, -1, -1};
        long end = scan(dataset, Math.max(0, after), false, r -> {
            if (counted[0] == 0) {
                counted[1] = r.timestamp();
            }
            counted[0]++;
            counted[2] = r.offset();
            return counted[0] < EXACT_BACKLOG;
        });
        if (counted[0] == 0) {
            return Backlog.NONE;
        }
        // Cut short: the rest is counted by offsets, which include one transaction marker per batch.
        long rest = counted[0] < EXACT_BACKLOG ? 0 : Math.max(0, end - (counted[2] + 1));
        return new Backlog(counted[0] + rest, Instant.ofEpochMilli(counted[1]));
    }

    /**
     * The position of the last committed record. The end offset a read_committed reader sees lies past the last
     * batch's commit marker, so the last record is looked for in a window before it, widened until one is found.
     */
    @Override
    public long head(String dataset) {
        for (long window = 16; ; window *= 4) {
            long from = Math.max(0, endOffset(dataset) - window);
            long[] last = {-1};
            scan(dataset, from, false, r -> {
                last[0] = r.offset();
                return true;
            });
            if (last[0] >= 0) {
                return last[0] + 1;
            }
            if (from == 0) {
                return 0;
            }
        }
    }

    private long endOffset(String dataset) {
        return scan(dataset, Long.MAX_VALUE, false, r -> false);
    }

    /**
     * Reads the dataset's committed records from offset {@code from} up to the end offset as it was when the read
     * began, handing each to {@code visitor} until it answers false; returns that end offset. A {@code from} past
     * the end reads nothing. When {@code strict}, a {@code from} before the oldest record still kept is an error
     * (records a subscriber has not seen are gone); otherwise the read starts at the oldest kept record.
     */
    private long scan(String dataset, long from, boolean strict, Predicate<ConsumerRecord<String, byte[]>> visitor) {
        String topic = ensureTopic(dataset);
        TopicPartition partition = new TopicPartition(topic, 0);
        KafkaConsumer<String, byte[]> consumer = borrow(topic);
        boolean healthy = false;
        try {
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), timeout).get(partition);
            if (from < end) {
                consumer.seek(partition, from);
                long deadline = System.nanoTime() + timeout.toNanos();
                read:
                while (consumer.position(partition, timeout) < end) {
                    List<ConsumerRecord<String, byte[]>> records;
                    try {
                        records = consumer.poll(Duration.ofMillis(100)).records(partition);
                    } catch (OffsetOutOfRangeException e) {
                        if (strict) {
                            log.warn("Kafka store for dataset {}: records after position {} are no longer kept", dataset, from);
                            throw ExchangeProblem.storeFailed("Kafka: records after position " + from + " are no longer kept");
                        }
                        consumer.seekToBeginning(List.of(partition));
                        continue;
                    }
                    for (ConsumerRecord<String, byte[]> r : records) {
                        if (r.offset() >= end || !visitor.test(r)) {
                            break read;
                        }
                    }
                    if (!records.isEmpty()) {
                        deadline = System.nanoTime() + timeout.toNanos();
                    } else if (System.nanoTime() > deadline) {
                        throw new org.apache.kafka.common.errors.TimeoutException("No progress reading " + topic + " for " + timeout);
                    }
                }
            }
            healthy = true;
            return end;
        } catch (KafkaException e) {
            throw failed(dataset, "cannot read", e);
        } finally {
            if (healthy) {
                giveBack(topic, consumer);
            } else {
                consumer.close(CloseOptions.timeout(Duration.ZERO));
            }
        }
    }

    private StoredRecord record(ConsumerRecord<String, byte[]> r) {
        boolean deleted = r.value() == null;
        byte[] encoded = deleted ? header(r, PAYLOAD) : r.value();
        String[] payload = encoded == null ? new String[0] : json.readValue(encoded, String[].class);
        byte[] batch = header(r, BATCH);
        byte[] source = header(r, SOURCE);
        return new StoredRecord(r.offset() + 1, r.key(), payload, deleted,
                batch == null ? 0 : Long.parseLong(new String(batch, StandardCharsets.UTF_8)),
                source == null ? "" : new String(source, StandardCharsets.UTF_8), Instant.ofEpochMilli(r.timestamp()));
    }

    private static byte @Nullable [] header(ConsumerRecord<String, byte[]> r, String name) {
        Header h = r.headers().lastHeader(name);
        return h == null ? null : h.value();
    }

    private KafkaConsumer<String, byte[]> borrow(String topic) {
        KafkaConsumer<String, byte[]> idle = consumers.computeIfAbsent(topic, t -> new ConcurrentLinkedDeque<>()).pollFirst();
        if (idle != null) {
            return idle;
        }
        Map<String, Object> settings = new HashMap<>(client);
        settings.put(ConsumerConfig.CLIENT_ID_CONFIG, "zt-exchange-reader-" + instance + "-" + consumerIds.incrementAndGet());
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        settings.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        settings.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private void giveBack(String topic, KafkaConsumer<String, byte[]> consumer) {
        Deque<KafkaConsumer<String, byte[]>> idle = consumers.computeIfAbsent(topic, t -> new ConcurrentLinkedDeque<>());
        if (closed || idle.size() >= IDLE_CONSUMERS) {
            consumer.close(CloseOptions.timeout(Duration.ZERO));
        } else {
            idle.offerFirst(consumer);
        }
    }

    @Override
    public void destroy() {
        closed = true;
        producers.forEach((dataset, lane) -> {
            lane.lock.lock();
            try {
                retire(dataset, lane);
            } finally {
                lane.lock.unlock();
            }
        });
        consumers.values().forEach(idle -> {
            KafkaConsumer<String, byte[]> c;
            while ((c = idle.pollFirst()) != null) {
                c.close(CloseOptions.timeout(Duration.ZERO));
            }
        });
        admin.close(Duration.ofSeconds(5));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "hub";
        }
    }
}
