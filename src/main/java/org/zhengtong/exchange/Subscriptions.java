package org.zhengtong.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.catalog.Grant;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.exchange.internal.NodeKeys;
import org.zhengtong.exchange.internal.Stage;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.Sm2;
import tools.jackson.databind.json.JsonMapper;

/**
 * Subscriptions and delivery (订阅与分发). A department holding a grant subscribes to a dataset and receives the
 * items its grant covers, each record once in position order: by pulling pages and acknowledging them, or by the
 * hub pushing them to its webhook or writing them into its database. Every page is signed by the hub, logged, and
 * recorded in the audit chain. The grant is checked again for every page, so revoking it stops delivery at once.
 *
 * <p>Delivery is at least once: a page that was not acknowledged is sent again. Records carry their key and
 * position, so applying them as upserts by key makes the subscriber see each record exactly once.
 */
@Service
public class Subscriptions {

    public static final int MAX_PAGE = 10_000;

    private final JdbcClient jdbc;
    private final ExchangeHub hub;
    private final SharingManagement sharing;
    private final Departments departments;
    private final ExchangeStore store;
    private final NodeKeys keys;
    private final AuditLog audit;
    private final JsonMapper json;

    Subscriptions(JdbcClient jdbc, ExchangeHub hub, SharingManagement sharing, Departments departments, ExchangeStore store, NodeKeys keys,
            AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.hub = hub;
        this.sharing = sharing;
        this.departments = departments;
        this.store = store;
        this.keys = keys;
        this.audit = audit;
        this.json = json;
    }

    /** The acting department subscribes to a dataset it holds a grant for. */
    @Transactional
    public Subscription subscribe(NewSubscription s) {
        Dataset dataset = hub.dataset(s.dataset());
        String consumer = departments.acting().code();
        Set<String> granted = grantedItems(consumer, dataset.code());
        if (granted.isEmpty()) {
            audit.recordFailure(Actor.current(), "exchange.subscribe", "dataset:" + dataset.code(), Outcome.DENIED, "no grant for " + consumer);
            throw ExchangeProblem.notGranted(dataset.code(), consumer);
        }
        List<String> items = s.items() == null || s.items().isEmpty()
                ? dataset.itemNames().stream().filter(granted::contains).toList() : List.copyOf(new LinkedHashSet<>(s.items()));
        for (String item : items) {
            if (dataset.item(item) == null) {
                throw ExchangeProblem.unknownItem(dataset.code(), item);
            }
            if (!granted.contains(item)) {
                throw ExchangeProblem.notGranted(dataset.code() + " / " + item, consumer);
            }
        }
        String filterItem = blankToNull(s.filterItem());
        String filterPrefix = blankToNull(s.filterPrefix());
        if ((filterItem == null) != (filterPrefix == null)) {
            throw InvalidInput.of(filterItem == null ? "filterItem" : "filterPrefix", "exchange.field.filter.both");
        }
        if (filterItem != null && dataset.item(filterItem) == null) {
            throw ExchangeProblem.unknownItem(dataset.code(), filterItem);
        }
        String mode = s.mode() == null ? "PULL" : s.mode().toUpperCase(Locale.ROOT);
        if (!List.of("PULL", "WEBHOOK", "JDBC").contains(mode)) {
            throw InvalidInput.of("mode", "exchange.field.mode.invalid");
        }
        String target = blankToNull(s.target());
        if (!mode.equals("PULL") && target == null) {
            throw InvalidInput.of("target", "exchange.field.target.required");
        }
        if (mode.equals("WEBHOOK") && !(target.startsWith("http://") || target.startsWith("https://"))) {
            throw InvalidInput.of("target", "exchange.field.target.url");
        }
        if (mode.equals("JDBC") && (!target.startsWith("jdbc:postgresql:") || blankToNull(s.targetTable()) == null
                || !s.targetTable().matches("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?"))) {
            throw InvalidInput.of(blankToNull(s.targetTable()) == null || !target.startsWith("jdbc:postgresql:") ? "target" : "targetTable",
                    "exchange.field.target.jdbc");
        }
        jdbc.sql("insert into exchange.dataset (code, provider) values (?, ?) on conflict (code) do nothing")
                .params(dataset.code(), dataset.provider()).update();
        long id;
        try {
            id = jdbc.sql("""
                    insert into exchange.subscription (dataset, consumer, items, filter_item, filter_prefix, mode, target, target_table,
                      target_user, target_secret, created_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                    .params(dataset.code(), consumer, items.toArray(String[]::new), filterItem, filterPrefix, mode, target,
                            blankToNull(s.targetTable()), blankToNull(s.targetUser()), blankToNull(s.targetSecret()), Actor.current().username())
                    .query(Long.class).single();
        } catch (DuplicateKeyException e) {
            throw ExchangeProblem.alreadySubscribed(dataset.code());
        }
        audit.record("exchange.subscribe", "subscription:" + id, "dataset %s, items %s, mode %s".formatted(dataset.code(), items, mode));
        return find(id);
    }

    @Transactional
    public void cancel(long id) {
        Subscription s = mine(id);
        jdbc.sql("update exchange.subscription set status = 'CANCELLED' where id = ?").param(id).update();
        audit.record("exchange.unsubscribe", "subscription:" + id, "dataset " + s.dataset());
    }

    /** The acting department's subscriptions; all of them for those who oversee the hub. */
    public List<Subscription> visible() {
        String consumer = Departments.holds(ExchangeHub.OVERSEE) ? null : departments.acting().code();
        return jdbc.sql(SELECT + " where status = 'ACTIVE' and (?::text is null or consumer = ?) order by id").params(consumer, consumer)
                .query((rs, n) -> subscription(rs)).list();
    }

    /** Subscriptions to the datasets a department provides, or to one dataset. */
    public List<Subscription> ofDataset(String dataset) {
        return jdbc.sql(SELECT + " where status = 'ACTIVE' and dataset = ? order by id").param(dataset).query((rs, n) -> subscription(rs)).list();
    }

    public List<Subscription> all() {
        return jdbc.sql(SELECT + " where status = 'ACTIVE' order by id").query((rs, n) -> subscription(rs)).list();
    }

    /** A subscription of the acting department (or any, for those who oversee the hub). */
    public Subscription mine(long id) {
        Subscription s = find(id);
        if (!Departments.holds(ExchangeHub.OVERSEE) && !s.consumer().equals(departments.acting().code())) {
            throw ExchangeProblem.notYourSubscription(id);
        }
        return s;
    }

    Subscription find(long id) {
        return jdbc.sql(SELECT + " where id = ?").param(id).query((rs, n) -> subscription(rs)).optional()
                .orElseThrow(() -> ExchangeProblem.unknownSubscription(id));
    }

    // delivery

    /**
     * The next page for the acting department's pull subscription: records after {@code after} (or after the
     * acknowledged cursor), at most {@code limit}.
     */
    @Transactional
    public DeliveredPage pull(long id, @Nullable Long after, int limit) {
        Subscription s = find(id);
        String acting = departments.acting().code();
        if (!s.consumer().equals(acting) || !s.status().equals("ACTIVE")) {
            throw ExchangeProblem.notYourSubscription(id);
        }
        return page(s, after == null ? s.cursor() : after, limit, Actor.current());
    }

    /**
     * Builds, signs and logs one page for a subscription, checking its grant first. Push deliveries call it with
     * the system as actor.
     */
    @Transactional
    public DeliveredPage page(Subscription s, long after, int limit, Actor actor) {
        long t = System.nanoTime();
        Dataset dataset = granted(s, actor);
        int[] positions = s.items().stream().mapToInt(dataset::position).toArray();
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        t = Stage.PAGE_GRANT.lap(t);
        List<StoredRecord> records = store.read(s.dataset(), after, size + 1, filter(s, dataset));
        t = Stage.PAGE_READ.lap(t);
        boolean more = records.size() > size;
        if (more) {
            records = records.subList(0, size);
        }
        long next = records.isEmpty() ? after : records.get(records.size() - 1).position();
        byte[] bytes = PageJson.write(json, s, after, next, more, records, positions);
        t = Stage.PAGE_ENCODE.lap(t);
        String signature = Base64.getEncoder().encodeToString(Sm2.sign(keys.hubPrivateKey(), bytes));
        t = Stage.PAGE_SIGN.lap(t);
        log(s, after, next, records.size(), signature, actor);
        Stage.PAGE_LOG.lap(t);
        return new DeliveredPage(s.id(), after, next, records.size(), more, bytes, signature);
    }

    /**
     * The next page for a platform module that consumes a subscription in process, such as the base databases
     * consuming as the big-data bureau: the stored records after {@code after}, at most {@code limit}, with the
     * subscribed items' names and positions. The grant is checked for every page exactly as for {@link #page},
     * and the page is logged and audited the same way, with no signature because nothing leaves the node. The
     * consumer applies the page and then calls {@link #advance}; taken again before that, the same records come
     * again (at least once), so a consumer that applies them idempotently sees each record exactly once.
     */
    @Transactional
    public RecordPage take(long id, long after, int limit, Actor actor) {
        Subscription s = find(id);
        if (!s.status().equals("ACTIVE")) {
            throw ExchangeProblem.unknownSubscription(id);
        }
        Dataset dataset = granted(s, actor);
        int size = Math.max(1, Math.min(limit, MAX_PAGE));
        List<StoredRecord> records = store.read(s.dataset(), after, size + 1, filter(s, dataset));
        boolean more = records.size() > size;
        if (more) {
            records = records.subList(0, size);
        }
        long next = records.isEmpty() ? after : records.get(records.size() - 1).position();
        log(s, after, next, records.size(), null, actor);
        return new RecordPage(s, after, next, more, s.items(), s.items().stream().mapToInt(dataset::position).toArray(), records);
    }

    /** A subscription by its id, for platform modules that consume in process and keep the id of their own. */
    public Subscription subscription(long id) {
        return find(id);
    }

    private Dataset granted(Subscription s, Actor actor) {
        if (!sharing.isGranted(s.consumer(), s.dataset(), s.items())) {
            audit.recordFailure(actor, "exchange.deliver", "subscription:" + s.id(), Outcome.DENIED, "grant revoked or expired");
            throw ExchangeProblem.notGranted(s.dataset(), s.consumer());
        }
        return hub.dataset(s.dataset());
    }

    private static ExchangeStore.@Nullable Filter filter(Subscription s, Dataset dataset) {
        return s.filterItem() == null ? null : new ExchangeStore.Filter(dataset.position(s.filterItem()), s.filterPrefix());
    }

    private void log(Subscription s, long after, long next, int records, @Nullable String signature, Actor actor) {
        if (records == 0) {
            return;
        }
        // A page asked for again after a restart replaces the unacknowledged pages it overlaps.
        jdbc.sql("delete from exchange.delivery where subscription = ? and acked_at is null and after_seq >= ?").params(s.id(), after).update();
        jdbc.sql("insert into exchange.delivery (subscription, after_seq, until_seq, records, signature) values (?, ?, ?, ?, ?)")
                .params(s.id(), after, next, records, signature).update();
        audit.record(actor, "exchange.deliver", "subscription:" + s.id(), Outcome.SUCCESS,
                "dataset %s: %d records after %d to %s".formatted(s.dataset(), records, after, s.consumer()));
    }

    /** The subscriber confirms it has applied everything up to {@code cursor}. */
    @Transactional
    public Subscription acknowledge(long id, long cursor) {
        Subscription s = find(id);
        if (!s.consumer().equals(departments.acting().code())) {
            throw ExchangeProblem.notYourSubscription(id);
        }
        advance(s, cursor, Actor.current());
        return find(id);
    }

    /** Moves a subscription's cursor forward (never back) and counts what the logged pages up to it delivered. */
    @Transactional
    public void advance(Subscription s, long cursor, Actor actor) {
        Long delivered = jdbc.sql("select max(until_seq) from exchange.delivery where subscription = ?").param(s.id()).query(Long.class).optional()
                .orElse(null);
        if (cursor > (delivered == null ? 0 : delivered)) {
            throw ExchangeProblem.cursorAhead(cursor, delivered == null ? 0 : delivered);
        }
        if (cursor <= s.cursor()) {
            return;
        }
        long records = jdbc.sql("""
                with acked as (update exchange.delivery set acked_at = now() where subscription = ? and acked_at is null and until_seq <= ?
                  and after_seq >= ? returning records) select coalesce(sum(records), 0) from acked""")
                .params(s.id(), cursor, s.cursor()).query(Long.class).single();
        jdbc.sql("""
                update exchange.subscription set cursor = ?, delivered = delivered + ?, last_success = now(), failures = 0, last_error = null
                where id = ? and cursor < ?""").params(cursor, records, s.id(), cursor).update();
        audit.record(actor, "exchange.ack", "subscription:" + s.id(), Outcome.SUCCESS, "acknowledged up to " + cursor);
    }

    /** Records a failed push attempt and when to try again (backoff doubling from 5 s up to 15 min). */
    @Transactional
    public void failed(Subscription s, String error) {
        long backoff = Math.min(900, 5L << Math.min(s.failures(), 8));
        jdbc.sql("""
                update exchange.subscription set failures = failures + 1, last_error = ?, next_attempt_at = now() + make_interval(secs => ?)
                where id = ?""").params(error.length() > 500 ? error.substring(0, 500) : error, backoff, s.id()).update();
    }

    /** Push subscriptions whose next attempt is due. */
    public List<Subscription> duePushes() {
        return jdbc.sql(SELECT + " where status = 'ACTIVE' and mode <> 'PULL' and next_attempt_at <= now() order by next_attempt_at")
                .query((rs, n) -> subscription(rs)).list();
    }

    /** The account a JDBC delivery signs in to the subscriber's database with. */
    public String[] targetAccount(long id) {
        return jdbc.sql("select coalesce(target_user, ''), coalesce(target_secret, '') from exchange.subscription where id = ?").param(id)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).single();
    }

    /** The items the consumer's active grants for a dataset cover today. */
    public Set<String> grantedItems(String consumer, String dataset) {
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        Set<String> items = new LinkedHashSet<>();
        for (Grant g : sharing.grantsTo(consumer)) {
            if (g.resourceCode().equals(dataset) && g.activeOn(today)) {
                items.addAll(g.items());
            }
        }
        return items;
    }

    private static final String SELECT = """
            select id, dataset, consumer, items, filter_item, filter_prefix, mode, target, target_table, cursor, delivered, failures,
              last_error, last_success, next_attempt_at, status, created_by, created_at from exchange.subscription""";

    private static Subscription subscription(ResultSet rs) throws SQLException {
        var lastSuccess = rs.getTimestamp("last_success");
        return new Subscription(rs.getLong("id"), rs.getString("dataset"), rs.getString("consumer"),
                Arrays.asList((String[]) rs.getArray("items").getArray()), rs.getString("filter_item"), rs.getString("filter_prefix"),
                rs.getString("mode"), rs.getString("target"), rs.getString("target_table"), rs.getLong("cursor"), rs.getLong("delivered"),
                rs.getInt("failures"), rs.getString("last_error"), lastSuccess == null ? null : lastSuccess.toInstant(),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("status"), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Instant now() {
        return Instant.now();
    }
}
