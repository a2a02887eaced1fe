package org.zhengtong.exchange.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhengtong.exchange.DeliveredPage;
import org.zhengtong.exchange.Subscription;
import org.zhengtong.exchange.Subscriptions;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.PlatformException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushes records to subscribers (推送分发): to a webhook, each signed page POSTed as it was signed; or into a table of
 * the subscriber's own database, each page upserted by key in one transaction. The cursor moves on only after the
 * subscriber took the page (a 2xx answer, or a commit), so delivery is at least once; a page delivered again
 * changes nothing, because a record is applied by its key and never over a later position of the same key.
 * A failure waits before the next attempt, twice as long each time up to a cap; the grant is checked for every
 * page, so a revoked grant stops delivery at once.
 */
@Component
public class PushDelivery implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PushDelivery.class);
    public static final String SIGNATURE = "X-ZT-Signature";
    public static final String ALGORITHM = "X-ZT-Signature-Algorithm";

    private final Subscriptions subscriptions;
    private final JsonMapper json;
    private final HttpClient http;
    private final int pageSize;
    private final int pagesPerTurn;
    private final Duration requestTimeout;
    private final Map<Long, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Set<String> tables = ConcurrentHashMap.newKeySet();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    PushDelivery(Subscriptions subscriptions, JsonMapper json, Environment env) {
        this.subscriptions = subscriptions;
        this.json = json;
        this.pageSize = env.getProperty("zt.exchange.delivery.page-size", Integer.class, 1000);
        this.pagesPerTurn = env.getProperty("zt.exchange.delivery.pages-per-turn", Integer.class, 50);
        this.requestTimeout = Duration.ofSeconds(env.getProperty("zt.exchange.delivery.timeout-seconds", Integer.class, 30));
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What one turn of delivery did. */
    public record Outcome(int pages, long records, @Nullable String error) {}

    /** Starts a turn for every push subscription that is due and not being delivered already. */
    public void deliverDue() {
        for (Subscription s : subscriptions.duePushes()) {
            ReentrantLock lock = lock(s.id());
            if (lock.isLocked()) {
                continue;
            }
            try {
                workers.execute(() -> {
                    if (lock.tryLock()) {
                        try {
                            // Read it again under the lock: a turn that just ended may have moved its cursor or its next attempt.
                            Subscription fresh = active(s.id());
                            if (fresh != null && !fresh.nextAttemptAt().isAfter(java.time.Instant.now())) {
                                turn(fresh);
                            }
                        } finally {
                            lock.unlock();
                        }
                    }
                });
            } catch (RejectedExecutionException e) {
                return;
            }
        }
    }

    /** Delivers one subscription now, whatever its backoff says, after any turn under way. */
    public Outcome deliverNow(long subscription) {
        ReentrantLock lock = lock(subscription);
        lock.lock();
        try {
            Subscription s = active(subscription);
            if (s == null || s.mode().equals("PULL")) {
                return new Outcome(0, 0, "not an active push subscription");
            }
            return turn(s);
        } finally {
            lock.unlock();
        }
    }

    private @Nullable Subscription active(long id) {
        return subscriptions.all().stream().filter(x -> x.id() == id).findFirst().orElse(null);
    }

    private ReentrantLock lock(long id) {
        return locks.computeIfAbsent(id, k -> new ReentrantLock());
    }

    private Outcome turn(Subscription s) {
        Subscription current = s;
        int pages = 0;
        long records = 0;
        try {
            while (pages < pagesPerTurn) {
                DeliveredPage page;
                try {
                    page = subscriptions.page(current, current.cursor(), pageSize, Actor.SYSTEM);
                } catch (PlatformException e) {
                    // The grant was revoked or has expired, or the dataset is gone: nothing is sent.
                    subscriptions.failed(current, e.code());
                    return new Outcome(pages, records, e.code());
                }
                if (page.count() == 0) {
                    break;
                }
                String error = switch (current.mode()) {
                    case "WEBHOOK" -> post(current, page);
                    case "JDBC" -> write(current, page);
                    default -> "mode " + current.mode() + " is not pushed";
                };
                if (error != null) {
                    subscriptions.failed(current, error);
                    return new Outcome(pages, records, error);
                }
                subscriptions.advance(current, page.next(), Actor.SYSTEM);
                pages++;
                records += page.count();
                current = moved(current, page.next());
                if (!page.more()) {
                    break;
                }
            }
            return new Outcome(pages, records, null);
        } catch (RuntimeException e) {
            log.warn("Delivery of subscription {} failed", s.id(), e);
            String error = e instanceof PlatformException p ? p.code() : e.getClass().getSimpleName() + ": " + e.getMessage();
            subscriptions.failed(current, error);
            return new Outcome(pages, records, error);
        }
    }

    /** POSTs the page exactly as signed; the webhook took it if it answers 2xx. */
    private @Nullable String post(Subscription s, DeliveredPage page) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(String.valueOf(s.target()))).timeout(requestTimeout)
                    .header("Content-Type", "application/json")
                    .header(SIGNATURE, page.signature())
                    .header(ALGORITHM, "SM3withSM2")
                    .header("X-ZT-Subscription", String.valueOf(s.id()))
                    .header("X-ZT-Next", String.valueOf(page.next()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(page.body())).build();
        } catch (IllegalArgumentException e) {
            return "bad webhook address: " + e.getMessage();
        }
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return status >= 200 && status < 300 ? null : "HTTP " + status + " from the webhook";
        } catch (IOException e) {
            return "webhook unreachable: " + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Upserts the page's records into the subscriber's table in one transaction, making the table on first use: a
     * text column per subscribed item, and {@code _key} (primary key), {@code _position}, {@code _deleted},
     * {@code _updated_at}. A record never overwrites a later position of its key, so pages delivered again, or
     * late, leave the table as it was.
     */
    private @Nullable String write(Subscription s, DeliveredPage page) {
        String[] account = subscriptions.targetAccount(s.id());
        String table = JdbcTargets.quoteTable(String.valueOf(s.targetTable()));
        List<String> items = s.items();
        JsonNode body = json.readTree(page.body());
        try (Connection c = JdbcTargets.connect(String.valueOf(s.target()), account[0], account[1], 300)) {
            c.setAutoCommit(false);
            String shape = s.id() + "|" + s.target() + "|" + table;
            if (!tables.contains(shape)) {
                makeTable(c, table, items);
            }
            StringBuilder columns = new StringBuilder();
            StringBuilder marks = new StringBuilder();
            StringBuilder updates = new StringBuilder();
            for (String item : items) {
                String q = JdbcTargets.quote(item);
                columns.append(q).append(", ");
                marks.append("?, ");
                updates.append(q).append(" = excluded.").append(q).append(", ");
            }
            String upsert = "insert into " + table + " as t (" + columns + "_key, _position, _deleted, _updated_at) values (" + marks
                    + "?, ?, false, ?) on conflict (_key) do update set " + updates
                    + "_position = excluded._position, _deleted = false, _updated_at = excluded._updated_at where t._position <= excluded._position";
            String delete = "insert into " + table + " as t (_key, _position, _deleted, _updated_at) values (?, ?, true, ?) "
                    + "on conflict (_key) do update set _deleted = true, _position = excluded._position, _updated_at = excluded._updated_at "
                    + "where t._position <= excluded._position";
            try (PreparedStatement up = c.prepareStatement(upsert); PreparedStatement del = c.prepareStatement(delete)) {
                for (JsonNode r : body.get("records")) {
                    String key = r.get("key").asString();
                    long position = r.get("position").asLong();
                    OffsetDateTime at = OffsetDateTime.parse(r.get("at").asString());
                    if (r.get("op").asString().equals("delete")) {
                        del.setString(1, key);
                        del.setLong(2, position);
                        del.setObject(3, at);
                        del.addBatch();
                        continue;
                    }
                    JsonNode data = r.get("data");
                    int i = 1;
                    for (String item : items) {
                        JsonNode v = data.get(item);
                        if (v == null || v.isNull()) {
                            up.setNull(i++, Types.VARCHAR);
                        } else {
                            up.setString(i++, v.asString());
                        }
                    }
                    up.setString(i++, key);
                    up.setLong(i++, position);
                    up.setObject(i, at);
                    up.addBatch();
                }
                up.executeBatch();
                del.executeBatch();
            }
            c.commit();
            tables.add(shape);
            return null;
        } catch (PlatformException e) {
            return e.code() + (e.args().length > 0 ? ": " + e.args()[0] : "");
        } catch (SQLException e) {
            return "subscriber database: " + JdbcTargets.describe(e.getNextException() != null ? e.getNextException() : e);
        }
    }

    private static void makeTable(Connection c, String table, List<String> items) throws SQLException {
        StringBuilder ddl = new StringBuilder("create table if not exists ").append(table).append(" (");
        for (String item : items) {
            ddl.append(JdbcTargets.quote(item)).append(" text, ");
        }
        ddl.append("_key text primary key, _position bigint not null, _deleted boolean not null default false, _updated_at timestamptz)");
        try (Statement st = c.createStatement()) {
            st.execute(ddl.toString());
            for (String item : items) {
                st.execute("alter table " + table + " add column if not exists " + JdbcTargets.quote(item) + " text");
            }
        }
    }

    /** The subscription as it stands after a page was taken: cursor moved on, failures cleared. */
    private static Subscription moved(Subscription s, long cursor) {
        return new Subscription(s.id(), s.dataset(), s.consumer(), s.items(), s.filterItem(), s.filterPrefix(), s.mode(), s.target(),
                s.targetTable(), cursor, s.delivered(), 0, null, s.lastSuccess(), s.nextAttemptAt(), s.status(), s.createdBy(), s.createdAt());
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
    }
}
