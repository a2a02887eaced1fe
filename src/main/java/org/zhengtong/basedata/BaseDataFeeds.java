package org.zhengtong.basedata;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.basedata.internal.LastError;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.exchange.NewSubscription;
import org.zhengtong.exchange.RecordPage;
import org.zhengtong.exchange.StoredRecord;
import org.zhengtong.exchange.Subscription;
import org.zhengtong.exchange.Subscriptions;
import org.zhengtong.shared.ActingPrincipal;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.PlatformException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds (数据接入): how the base databases take department data from the exchange. The base databases are a consumer
 * like any department: the big-data bureau ({@code zt.basedata.department}, 政务服务和大数据管理局 by default)
 * requests grants in the catalog and subscribes to datasets, and a feed names which data item fills which field.
 *
 * <p>{@link #catchUp()} takes every active feed's pages in order until none is left; a clock does the same every
 * {@code zt.basedata.feeds.interval} (off with {@code zt.basedata.feeds.enabled=false}). Each page is one
 * transaction: the exchange checks the grant, the records are cut by exchange batch, each batch becomes a
 * {@link SourceBatch} (the lineage its values will carry), the base's {@link FeedConsumer} merges them, and the
 * counts, the rejected records and the subscription's cursor are written with the merge, or nothing is. A
 * revoked grant pauses the feed with the reason until the platform admin resumes it.
 */
@Service
public class BaseDataFeeds {

    private static final Logger log = LoggerFactory.getLogger(BaseDataFeeds.class);

    /** The bases merged by field authority; other bases are consumed by the modules that register them. */
    static final Set<String> KEYED = Set.of(Base.PERSON.name(), Base.LEGAL_PERSON.name());

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ExchangeHub hub;
    private final Subscriptions subscriptions;
    private final SharingManagement sharing;
    private final DirectoryManagement directory;
    private final AuditLog audit;
    private final ObjectProvider<FeedConsumer> consumers;
    private final JsonMapper json;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String bureau;
    private final int pageSize;
    private final ReentrantLock running = new ReentrantLock();

    BaseDataFeeds(JdbcClient jdbc, JdbcTemplate template, ExchangeHub hub, Subscriptions subscriptions, SharingManagement sharing,
            DirectoryManagement directory, AuditLog audit, ObjectProvider<FeedConsumer> consumers, JsonMapper json,
            PlatformTransactionManager transactionManager, ObjectProvider<Clock> clock, Environment env) {
        this.jdbc = jdbc;
        this.template = template;
        this.hub = hub;
        this.subscriptions = subscriptions;
        this.sharing = sharing;
        this.directory = directory;
        this.audit = audit;
        this.consumers = consumers;
        this.json = json;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.bureau = env.getProperty("zt.basedata.department", "zwfwj");
        this.pageSize = Math.max(1, Math.min(Subscriptions.MAX_PAGE, env.getProperty("zt.basedata.page-size", Integer.class, Subscriptions.MAX_PAGE)));
    }

    /** The department the base databases consume as. */
    public String bureau() {
        return bureau;
    }

    /** The actor of the base databases' own work: the bureau's system. */
    public Actor actor() {
        return new Actor(bureau + "-system", bureau, null);
    }

    // registering

    /** Registers a feed of the population or legal-person database; see {@link #register(String, String, Map)}. */
    @Transactional
    public Feed register(Base base, String dataset, Map<String, String> mapping) {
        return register(base.name(), dataset, mapping);
    }

    /**
     * Registers a feed: the dataset must exist, every mapped data item must be one of its items and every field one
     * of the base's, each field fed by one item, the key fields mapped, and the bureau must hold a grant covering the
     * mapped items. The bureau's system then subscribes to exactly those items. Registering the same feed again
     * returns it.
     *
     * @param base {@code PERSON}, {@code LEGAL_PERSON}, or a base a {@link FeedConsumer} takes ({@code MACRO}, {@code SPATIAL})
     * @param mapping data item name to field name, e.g. {@code 公民身份号码 → id_number}, {@code 姓名 → name}
     */
    @Transactional
    public Feed register(String base, String datasetCode, Map<String, String> mapping) {
        FeedConsumer consumer = consumerOf(base);
        Dataset dataset = hub.findDataset(datasetCode).orElseThrow(() -> BaseDataProblem.unknownDataset(datasetCode));
        Set<String> fields = consumer.fields(base);
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String> e : mapping.entrySet()) {
            if (dataset.item(e.getKey()) == null) {
                throw BaseDataProblem.unknownItem(dataset.code(), e.getKey());
            }
            if (!fields.contains(e.getValue())) {
                throw BaseDataProblem.unknownField(base, e.getValue());
            }
            if (!seen.add(e.getValue())) {
                throw BaseDataProblem.fieldTwice(e.getValue());
            }
        }
        for (String key : consumer.keyFields(base)) {
            if (!seen.contains(key)) {
                throw BaseDataProblem.keyNotMapped(dataset.code(), key);
            }
        }
        Map<String, String> ordered = new LinkedHashMap<>();
        dataset.itemNames().stream().filter(mapping::containsKey).forEach(i -> ordered.put(i, mapping.get(i)));
        Feed existing = find(base, dataset.code());
        if (existing != null) {
            if (!existing.mapping().equals(ordered)) {
                throw BaseDataProblem.feedExists(base, dataset.code());
            }
            return existing;
        }
        if (directory.findOrgUnit(bureau).isEmpty()) {
            throw BaseDataProblem.noBureau(bureau);
        }
        List<String> items = List.copyOf(ordered.keySet());
        if (!sharing.isGranted(bureau, dataset.code(), items)) {
            throw BaseDataProblem.notGranted(dataset.code(), bureau, String.join("、", items));
        }
        long subscription = subscriptionFor(dataset, items);
        long id = jdbc.sql("""
                insert into basedata.feed (base, dataset, department, subscription, mapping) values (?, ?, ?, ?, ?::jsonb) returning id""")
                .params(base, dataset.code(), dataset.provider(), subscription, json.writeValueAsString(ordered)).query(Long.class).single();
        audit.record(actor(), "basedata.feed.register", "feed:" + id, Outcome.SUCCESS,
                "base %s, dataset %s of %s, items %s".formatted(base, dataset.code(), dataset.provider(), items));
        return feed(id);
    }

    /** The bureau's pull subscription to the dataset covering the items: an existing one, or a new one as its system. */
    private long subscriptionFor(Dataset dataset, List<String> items) {
        for (Subscription s : subscriptions.ofDataset(dataset.code())) {
            if (s.consumer().equals(bureau) && s.mode().equals("PULL") && s.filterItem() == null && s.items().containsAll(items)) {
                return s.id();
            }
        }
        return asBureau(() -> subscriptions.subscribe(new NewSubscription(dataset.code(), items, null, null, "PULL", null, null, null, null))).id();
    }

    private <T> T asBureau(Supplier<T> work) {
        var before = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new Bureau(bureau + "-system", bureau), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    private record Bureau(String username, String orgUnitCode) implements ActingPrincipal {

        @Override
        public String displayName() {
            return username;
        }
    }

    // reading

    public List<Feed> feeds() {
        return jdbc.sql(SELECT + " order by base, id").query((rs, n) -> feed(rs)).list();
    }

    public Feed feed(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> feed(rs)).optional().orElseThrow(() -> BaseDataProblem.unknownFeed(id));
    }

    public @Nullable Feed find(String base, String dataset) {
        return jdbc.sql(SELECT + " where base = ? and dataset = ?").params(base, dataset).query((rs, n) -> feed(rs)).optional().orElse(null);
    }

    /** Every field's counts of what one feed said, for the quality dashboard: field name to counts. */
    public Map<String, FieldTally> tallies(long feed) {
        Map<String, FieldTally> tallies = new LinkedHashMap<>();
        jdbc.sql("select field, received, agreed, changed, conflicted from basedata.feed_field where feed = ? order by field").param(feed)
                .query((rs, n) -> new FieldTally(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
                .list().forEach(t -> tallies.put(t.field(), t));
        return tallies;
    }

    /** What one feed said about one field: non-empty values received, and how they fared. */
    public record FieldTally(String field, long received, long agreed, long changed, long conflicted) {}

    // pausing

    /** The platform admin pauses a feed; it takes nothing until resumed. */
    @Transactional
    public void pause(long id) {
        feed(id);
        jdbc.sql("update basedata.feed set status = 'PAUSED' where id = ?").param(id).update();
        audit.record("basedata.feed.pause", "feed:" + id, "paused");
    }

    /** The platform admin resumes a paused feed (after the grant was renewed, say); it goes on from its cursor. */
    @Transactional
    public void resume(long id) {
        feed(id);
        jdbc.sql("update basedata.feed set status = 'ACTIVE', last_error = null where id = ?").param(id).update();
        audit.record("basedata.feed.resume", "feed:" + id, "resumed");
    }

    // taking pages

    /** What a catch-up took: pages and records over all feeds, and the feeds that stopped with an error. */
    public record CatchUp(int pages, long records, List<Long> failedFeeds) {}

    /** Takes and merges every active feed's pages until none is left, waiting for a run in progress to end first. */
    public CatchUp catchUp() {
        return catchUp(clock);
    }

    /**
     * {@link #catchUp()} with the merge's time read from {@code clock}: the time merged values become valid, and
     * the time their source batches record. Tests and replays place merges at known instants with it.
     */
    public CatchUp catchUp(Clock clock) {
        running.lock();
        try {
            return run(clock);
        } finally {
            running.unlock();
        }
    }

    /** A catch-up unless one is running already (the scheduled clock's call); null when it skipped. */
    public @Nullable CatchUp catchUpIfIdle() {
        if (!running.tryLock()) {
            return null;
        }
        try {
            return run(clock);
        } finally {
            running.unlock();
        }
    }

    private CatchUp run(Clock clock) {
        int pages = 0;
        long records = 0;
        List<Long> failed = new ArrayList<>();
        List<Long> active = jdbc.sql("select id from basedata.feed where status = 'ACTIVE' and subscription is not null order by id")
                .query(Long.class).list();
        for (long id : active) {
            while (true) {
                Taken taken;
                try {
                    taken = transactions.execute(status -> takePage(id, clock));
                } catch (RuntimeException e) {
                    failed(id, e);
                    failed.add(id);
                    break;
                }
                if (taken == null || taken.records() == 0) {
                    break;
                }
                pages++;
                records += taken.records();
                if (!taken.more()) {
                    break;
                }
            }
        }
        return new CatchUp(pages, records, failed);
    }

    private record Taken(int records, boolean more) {}

    private @Nullable Taken takePage(long id, Clock clock) {
        Feed feed = jdbc.sql(SELECT + " where id = ? for update").param(id).query((rs, n) -> feed(rs)).optional().orElse(null);
        if (feed == null || !feed.active() || feed.subscription() == null) {
            return null;
        }
        Instant now = clock.instant();
        Actor actor = actor();
        RecordPage page = subscriptions.take(feed.subscription(), feed.cursor(), pageSize, actor);
        if (page.records().isEmpty()) {
            jdbc.sql("update basedata.feed set last_run = ?, last_error = null where id = ?").params(Timestamp.from(now), id).update();
            return new Taken(0, false);
        }
        FeedConsumer consumer = consumerOf(feed.base());
        String[] fieldOf = page.items().stream().map(i -> feed.mapping().get(i)).toArray(String[]::new);
        Map<Long, List<StoredRecord>> byBatch = new LinkedHashMap<>();
        for (StoredRecord r : page.records()) {
            byBatch.computeIfAbsent(r.batchId(), b -> new ArrayList<>()).add(r);
        }
        long merged = 0;
        long conflicts = 0;
        List<FeedConsumer.Rejection> rejections = new ArrayList<>();
        Map<FeedConsumer.Rejection, Long> rejectedIn = new IdentityHashMap<>();
        Map<String, long[]> counts = new HashMap<>();
        for (List<StoredRecord> part : byBatch.values()) {
            SourceBatch batch = sourceBatch(feed, part, now);
            List<FeedRecord> records = new ArrayList<>(part.size());
            for (StoredRecord r : part) {
                Map<String, @Nullable String> values = new HashMap<>();
                for (int i = 0; i < fieldOf.length; i++) {
                    if (fieldOf[i] != null) {
                        String v = page.value(r, i);
                        values.put(fieldOf[i], v);
                        if (!r.deleted() && v != null && !v.isBlank()) {
                            counts.computeIfAbsent(fieldOf[i], f -> new long[4])[0]++;
                        }
                    }
                }
                records.add(new FeedRecord(r.position(), r.key(), r.deleted(), values));
            }
            FeedConsumer.Outcome outcome = consumer.consume(feed, batch, records);
            merged += outcome.merged();
            conflicts += outcome.conflicts();
            for (FeedConsumer.Rejection rejection : outcome.rejections()) {
                rejections.add(rejection);
                rejectedIn.put(rejection, batch.id());
            }
            outcome.fields().forEach((field, c) -> {
                long[] n = counts.computeIfAbsent(field, f -> new long[4]);
                n[1] += c.agreed();
                n[2] += c.changed();
                n[3] += c.conflicted();
            });
        }
        long rejected = reject(feed, rejections, rejectedIn, page);
        tally(feed.id(), counts);
        jdbc.sql("""
                update basedata.feed set cursor = ?, received = received + ?, merged = merged + ?, conflicts = conflicts + ?,
                  rejected = rejected + ?, last_run = ?, last_error = null where id = ?""")
                .params(page.next(), page.records().size(), merged, conflicts, rejected, Timestamp.from(now), id).update();
        subscriptions.advance(page.subscription(), page.next(), actor);
        audit.record(actor, "basedata.merge", "feed:" + id, Outcome.SUCCESS,
                "base %s, dataset %s, positions %d to %d: %d records, %d merged, %d conflicts, %d rejected".formatted(feed.base(),
                        feed.dataset(), page.after(), page.next(), page.records().size(), merged, conflicts, rejections.size()));
        return new Taken(page.records().size(), page.more());
    }

    /** The source batch of one exchange batch as this feed takes it in: the one recorded on an earlier page, or a new one. */
    private SourceBatch sourceBatch(Feed feed, List<StoredRecord> part, Instant now) {
        StoredRecord first = part.get(0);
        Instant received = part.stream().map(StoredRecord::updatedAt).min(Instant::compareTo).orElse(now);
        jdbc.sql("""
                insert into basedata.source_batch (base, feed, department, dataset, exchange_batch, received_at, merged_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (feed, exchange_batch) where feed is not null do nothing""")
                .params(feed.base(), feed.id(), first.source(), feed.dataset(), first.batchId(), Timestamp.from(received), Timestamp.from(now))
                .update();
        return jdbc.sql(SOURCE_BATCH + " where feed = ? and exchange_batch = ?").params(feed.id(), first.batchId())
                .query((rs, n) -> sourceBatch(rs)).single();
    }

    static final String SOURCE_BATCH = "select id, base, feed, department, dataset, exchange_batch, received_at, merged_at from basedata.source_batch";

    static SourceBatch sourceBatch(ResultSet rs) throws SQLException {
        long feed = rs.getLong("feed");
        Long feedId = rs.wasNull() ? null : feed;
        long exchangeBatch = rs.getLong("exchange_batch");
        Long batchId = rs.wasNull() ? null : exchangeBatch;
        return new SourceBatch(rs.getLong("id"), rs.getString("base"), feedId, rs.getString("department"), rs.getString("dataset"), batchId,
                rs.getTimestamp("received_at").toInstant(), rs.getTimestamp("merged_at").toInstant());
    }

    /**
     * Keeps each rejected record whole, by data item name, with its reason, once: a record taken again (a rewound
     * cursor) is already kept. Returns how many were newly kept.
     */
    private long reject(Feed feed, List<FeedConsumer.Rejection> rejections, Map<FeedConsumer.Rejection, Long> batches, RecordPage page) {
        if (rejections.isEmpty()) {
            return 0;
        }
        List<String> records = new ArrayList<>(rejections.size());
        for (FeedConsumer.Rejection r : rejections) {
            Map<String, Object> whole = new LinkedHashMap<>();
            for (String item : page.items()) {
                String field = feed.mapping().get(item);
                whole.put(item, field == null ? null : r.record().values().get(field));
            }
            if (r.record().deleted()) {
                whole.put("_op", "delete");
            }
            whole.put("_position", r.record().position());
            records.add(json.writeValueAsString(whole));
        }
        int[] kept = template.batchUpdate("""
                insert into basedata.rejected (base, feed, source_batch, department, subject, field, reason_key, reason_args, record)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
                on conflict (feed, source_batch, ((record ->> '_position'))) where feed is not null do nothing""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                FeedConsumer.Rejection r = rejections.get(i);
                ps.setString(1, feed.base());
                ps.setLong(2, feed.id());
                ps.setLong(3, batches.get(r));
                ps.setString(4, feed.department());
                ps.setString(5, r.record().key());
                ps.setString(6, r.field());
                ps.setString(7, r.reasonKey());
                Array args = ps.getConnection().createArrayOf("text", r.args().toArray());
                ps.setArray(8, args);
                ps.setString(9, records.get(i));
            }

            @Override
            public int getBatchSize() {
                return rejections.size();
            }
        });
        return java.util.Arrays.stream(kept).filter(n -> n > 0 || n == java.sql.Statement.SUCCESS_NO_INFO).count();
    }

    private void tally(long feed, Map<String, long[]> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<Map.Entry<String, long[]>> rows = new ArrayList<>(counts.entrySet());
        template.batchUpdate("""
                insert into basedata.feed_field as f (feed, field, received, agreed, changed, conflicted) values (?, ?, ?, ?, ?, ?)
                on conflict (feed, field) do update set received = f.received + excluded.received, agreed = f.agreed + excluded.agreed,
                  changed = f.changed + excluded.changed, conflicted = f.conflicted + excluded.conflicted""", new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                ps.setLong(1, feed);
                ps.setString(2, rows.get(i).getKey());
                long[] n = rows.get(i).getValue();
                for (int k = 0; k < 4; k++) {
                    ps.setLong(3 + k, n[k]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        });
    }

    /** Keeps why a feed stopped; a revoked grant pauses it, anything else is tried again on the next run. */
    private void failed(long id, RuntimeException e) {
        boolean revoked = e instanceof PlatformException p && p.code().equals("exchange.not-granted");
        String why = e instanceof PlatformException p ? LastError.of(p) : e.getClass().getSimpleName() + ": " + e.getMessage();
        log.warn("Feed {} stopped: {}", id, why.replace(LastError.SEPARATOR, ' '));
        transactions.executeWithoutResult(status -> jdbc.sql("""
                update basedata.feed set last_error = ?, last_run = now(), status = case when ? then 'PAUSED' else status end where id = ?""")
                .params(why.length() > 1000 ? why.substring(0, 1000) : why, revoked, id).update());
        audit.recordFailure(actor(), "basedata.merge", "feed:" + id, revoked ? Outcome.DENIED : Outcome.FAILURE, why.replace(LastError.SEPARATOR, ' '));
    }

    private FeedConsumer consumerOf(String base) {
        return consumers.orderedStream().filter(c -> c.bases().contains(base)).findFirst().orElseThrow(() -> BaseDataProblem.unknownBase(base));
    }

    private static final String SELECT = """
            select id, base, dataset, department, subscription, mapping, cursor, received, merged, conflicts, rejected, status, last_run,
              last_error, created_at from basedata.feed""";

    private Feed feed(ResultSet rs) throws SQLException {
        long subscription = rs.getLong("subscription");
        Long sub = rs.wasNull() ? null : subscription;
        Timestamp lastRun = rs.getTimestamp("last_run");
        Map<String, String> mapping = json.readValue(rs.getString("mapping"), new TypeReference<LinkedHashMap<String, String>>() {});
        return new Feed(rs.getLong("id"), rs.getString("base"), rs.getString("dataset"), rs.getString("department"), sub, mapping,
                rs.getLong("cursor"), rs.getLong("received"), rs.getLong("merged"), rs.getLong("conflicts"), rs.getLong("rejected"),
                rs.getString("status"), lastRun == null ? null : lastRun.toInstant(), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant());
    }
}
