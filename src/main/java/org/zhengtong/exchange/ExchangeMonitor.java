package org.zhengtong.exchange;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How the exchange is doing (交换监控): per dataset what came in, what cleansing corrected, what was quarantined and
 * still waits, and how its batches went; per subscription what was delivered, how many records wait and how long
 * the oldest has waited (the lag). A subscription whose lag passes its dataset's {@code lag_alert_minutes} is in
 * alert, and the hub logs a warning once when an alert starts.
 *
 * <p>A department sees the datasets it provides or subscribes to and the subscriptions on either side of them;
 * those who oversee the hub see everything. The same figures are Prometheus gauges ({@code
 * zt_exchange_backlog_records}, {@code zt_exchange_lag_seconds}, {@code zt_exchange_quarantine_open}), computed at
 * most every {@link #GAUGE_AGE} however often they are scraped.
 */
@Service
public class ExchangeMonitor {

    public static final Duration GAUGE_AGE = Duration.ofSeconds(30);
    public static final int DAYS = 14;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final Logger log = LoggerFactory.getLogger(ExchangeMonitor.class);

    private final JdbcClient jdbc;
    private final ExchangeHub hub;
    private final Subscriptions subscriptions;
    private final ExchangeStore store;
    private final Departments departments;
    private final @Nullable MeterRegistry meters;

    private final Object refreshing = new Object();
    private volatile @Nullable Snapshot latest;
    private final Set<Long> alerting = ConcurrentHashMap.newKeySet();
    private final Map<String, List<Meter>> gauges = new ConcurrentHashMap<>();

    ExchangeMonitor(JdbcClient jdbc, ExchangeHub hub, Subscriptions subscriptions, ExchangeStore store, Departments departments,
            ObjectProvider<MeterRegistry> meters) {
        this.jdbc = jdbc;
        this.hub = hub;
        this.subscriptions = subscriptions;
        this.store = store;
        this.departments = departments;
        this.meters = meters.getIfAvailable();
    }

    /** Whose exchange the acting party watches: every department's, or one. */
    public record Scope(boolean all, @Nullable String department, @Nullable String departmentName) {}

    public record DatasetFlow(
            String code,
            String name,
            String provider,
            String providerName,
            long batches,
            long failedBatches,
            long received,
            long accepted,
            long corrected,
            long quarantined,
            long openQuarantine,
            @Nullable Instant lastBatchAt,
            @Nullable String lastFailure,
            @Nullable Instant lastFailureAt,
            int lagAlertMinutes) {}

    /**
     * @param backlog records after the subscription's cursor, -1 when the store could not tell
     * @param lagSeconds how long the oldest of them has waited, 0 when none waits
     */
    public record SubscriptionFlow(
            long id,
            String dataset,
            String datasetName,
            String provider,
            String consumer,
            String consumerName,
            String mode,
            long cursor,
            long delivered,
            long backlog,
            @Nullable Instant oldestWaiting,
            long lagSeconds,
            @Nullable Instant lastSuccess,
            int failures,
            @Nullable String lastError,
            int lagAlertMinutes) {

        public boolean alert() {
            return lagSeconds > lagAlertMinutes * 60L;
        }

        public long lagMinutes() {
            return lagSeconds / 60;
        }
    }

    public record DailyFlow(LocalDate day, long received, long accepted, long quarantined) {}

    public record Overview(Scope scope, Instant at, String store, List<DatasetFlow> datasets, List<SubscriptionFlow> subscriptions,
            List<DailyFlow> daily) {

        public List<SubscriptionFlow> alerts() {
            return subscriptions.stream().filter(SubscriptionFlow::alert).toList();
        }

        public long received() {
            return datasets.stream().mapToLong(DatasetFlow::received).sum();
        }

        public long accepted() {
            return datasets.stream().mapToLong(DatasetFlow::accepted).sum();
        }

        public long corrected() {
            return datasets.stream().mapToLong(DatasetFlow::corrected).sum();
        }

        public long quarantined() {
            return datasets.stream().mapToLong(DatasetFlow::quarantined).sum();
        }

        public long openQuarantine() {
            return datasets.stream().mapToLong(DatasetFlow::openQuarantine).sum();
        }

        public long delivered() {
            return subscriptions.stream().mapToLong(SubscriptionFlow::delivered).sum();
        }

        public long backlog() {
            return subscriptions.stream().mapToLong(s -> Math.max(0, s.backlog())).sum();
        }
    }

    /** Everything at one moment, for every department; pages cut out their scope, gauges read it. */
    private record Snapshot(Instant at, List<DatasetFlow> datasets, List<SubscriptionFlow> subscriptions,
            Map<String, Map<LocalDate, long[]>> daily) {}

    // reading

    public Scope scope() {
        if (Departments.holds(ExchangeHub.OVERSEE)) {
            return new Scope(true, null, null);
        }
        var department = departments.acting();
        return new Scope(false, department.code(), department.name());
    }

    /** The acting party's view: everything for those who oversee the hub, their own department's otherwise. */
    public Overview overview() {
        return of(scope(), refresh());
    }

    /** The acting department's view, whatever else the party may see. */
    public Overview department() {
        var department = departments.acting();
        return of(new Scope(false, department.code(), department.name()), refresh());
    }

    /** The figures as of at most {@link #GAUGE_AGE} ago. */
    private Snapshot cached() {
        Snapshot s = latest;
        if (s == null || s.at().plus(GAUGE_AGE).isBefore(Instant.now())) {
            synchronized (refreshing) {
                s = latest;
                if (s == null || s.at().plus(GAUGE_AGE).isBefore(Instant.now())) {
                    s = refresh();
                }
            }
        }
        return s;
    }

    private Overview of(Scope scope, Snapshot s) {
        List<DatasetFlow> datasets = s.datasets();
        List<SubscriptionFlow> subs = s.subscriptions();
        if (!scope.all()) {
            String d = scope.department();
            Set<String> consumed = new java.util.HashSet<>();
            subs.stream().filter(x -> x.consumer().equals(d)).forEach(x -> consumed.add(x.dataset()));
            datasets = datasets.stream().filter(x -> x.provider().equals(d) || consumed.contains(x.code())).toList();
            subs = subs.stream().filter(x -> x.consumer().equals(d) || x.provider().equals(d)).toList();
        }
        Map<LocalDate, long[]> days = new TreeMap<>();
        LocalDate today = LocalDate.ofInstant(s.at(), CHINA);
        for (int i = DAYS - 1; i >= 0; i--) {
            days.put(today.minusDays(i), new long[3]);
        }
        for (DatasetFlow d : datasets) {
            s.daily().getOrDefault(d.code(), Map.of()).forEach((day, n) -> {
                long[] sum = days.get(day);
                if (sum != null) {
                    for (int k = 0; k < 3; k++) {
                        sum[k] += n[k];
                    }
                }
            });
        }
        List<DailyFlow> daily = new ArrayList<>();
        days.forEach((day, n) -> daily.add(new DailyFlow(day, n[0], n[1], n[2])));
        return new Overview(scope, s.at(), store.name(), datasets, subs, daily);
    }

    // computing

    private Snapshot refresh() {
        Snapshot s = compute();
        latest = s;
        watch(s);
        return s;
    }

    private Snapshot compute() {
        Instant now = Instant.now();
        Map<String, long[]> counts = new HashMap<>();
        Map<String, Instant> lastBatch = new HashMap<>();
        jdbc.sql("""
                select dataset, count(*), count(*) filter (where status = 'FAILED'), coalesce(sum(received) filter (where status = 'DONE'), 0),
                  coalesce(sum(accepted) filter (where status = 'DONE'), 0), coalesce(sum(corrected) filter (where status = 'DONE'), 0),
                  coalesce(sum(quarantined) filter (where status = 'DONE'), 0), max(coalesce(finished_at, started_at))
                from exchange.batch group by dataset""").query(rs -> {
            counts.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)});
            lastBatch.put(rs.getString(1), rs.getTimestamp(8).toInstant());
        });
        Map<String, Object[]> failures = new HashMap<>();
        jdbc.sql("""
                select distinct on (dataset) dataset, failure, coalesce(finished_at, started_at) from exchange.batch
                where status = 'FAILED' order by dataset, id desc""")
                .query(rs -> {
                    failures.put(rs.getString(1), new Object[] {rs.getString(2), rs.getTimestamp(3).toInstant()});
                });
        Map<String, Long> open = new HashMap<>();
        jdbc.sql("select dataset, count(*) from exchange.quarantine where status = 'OPEN' group by dataset")
                .query(rs -> {
                    open.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Map<LocalDate, long[]>> daily = new HashMap<>();
        jdbc.sql("""
                select dataset, (started_at at time zone 'Asia/Shanghai')::date, sum(received), sum(accepted), sum(quarantined)
                from exchange.batch where status = 'DONE' and started_at >= now() - make_interval(days => ?) group by 1, 2""")
                .param(DAYS + 1).query(rs -> {
                    daily.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getDate(2).toLocalDate(),
                            new long[] {rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        Map<String, String> providers = new HashMap<>();
        Map<String, String> departmentNames = new HashMap<>();
        Map<String, Integer> alertMinutes = new HashMap<>();
        List<DatasetFlow> datasets = new ArrayList<>();
        jdbc.sql("select code, provider, lag_alert_minutes from exchange.dataset order by code").query(rs -> {
            alertMinutes.put(rs.getString(1), rs.getInt(3));
            providers.put(rs.getString(1), rs.getString(2));
        });
        for (var e : new TreeMap<>(providers).entrySet()) {
            String code = e.getKey();
            String provider = e.getValue();
            long[] n = counts.getOrDefault(code, new long[6]);
            Object[] failure = failures.get(code);
            datasets.add(new DatasetFlow(code, datasetName(code), provider, departmentNames.computeIfAbsent(provider, departments::name), n[0], n[1],
                    n[2], n[3], n[4], n[5], open.getOrDefault(code, 0L), lastBatch.get(code), failure == null ? null : (String) failure[0],
                    failure == null ? null : (Instant) failure[1], alertMinutes.get(code)));
        }
        Map<String, String> datasetNames = new HashMap<>();
        datasets.forEach(d -> datasetNames.put(d.code(), d.name()));
        List<SubscriptionFlow> subs = new ArrayList<>();
        for (Subscription s : subscriptions.all()) {
            long backlog;
            Instant oldest;
            try {
                ExchangeStore.Backlog b = store.backlog(s.dataset(), s.cursor());
                backlog = b.records();
                oldest = b.oldest();
            } catch (RuntimeException e) {
                log.debug("No backlog for subscription {}: {}", s.id(), e.toString());
                backlog = -1;
                oldest = null;
            }
            long lag = oldest == null ? 0 : Math.max(0, Duration.between(oldest, now).toSeconds());
            subs.add(new SubscriptionFlow(s.id(), s.dataset(), datasetNames.getOrDefault(s.dataset(), s.dataset()),
                    providers.getOrDefault(s.dataset(), ""), s.consumer(), departmentNames.computeIfAbsent(s.consumer(), departments::name), s.mode(),
                    s.cursor(), s.delivered(), backlog, oldest, lag, s.lastSuccess(), s.failures(), s.lastError(),
                    alertMinutes.getOrDefault(s.dataset(), 60)));
        }
        return new Snapshot(now, List.copyOf(datasets), List.copyOf(subs), daily);
    }

    private String datasetName(String code) {
        try {
            return hub.findDataset(code).map(Dataset::name).orElse(code);
        } catch (RuntimeException e) {
            return code;
        }
    }

    /** Warns once when a subscription's lag passes its alert, notes when it catches up, and keeps the gauges in step. */
    private void watch(Snapshot s) {
        Set<Long> present = new java.util.HashSet<>();
        for (SubscriptionFlow f : s.subscriptions()) {
            present.add(f.id());
            if (f.alert() && alerting.add(f.id())) {
                log.warn("Exchange lag alert: subscription {} of {} to dataset {} has {} records waiting, the oldest for {} minutes (alert after {}).",
                        f.id(), f.consumer(), f.dataset(), f.backlog(), f.lagMinutes(), f.lagAlertMinutes());
            } else if (!f.alert() && alerting.remove(f.id())) {
                log.info("Exchange lag alert over: subscription {} of {} to dataset {} is within {} minutes.", f.id(), f.consumer(),
                        f.dataset(), f.lagAlertMinutes());
            }
        }
        alerting.retainAll(present);
        if (meters == null) {
            return;
        }
        Set<String> keys = new java.util.HashSet<>();
        for (SubscriptionFlow f : s.subscriptions()) {
            String key = "subscription:" + f.id();
            keys.add(key);
            gauges.computeIfAbsent(key, k -> List.of(
                    gauge("zt.exchange.backlog.records", "Records waiting for a subscription", f, x -> x.backlog() < 0 ? Double.NaN : x.backlog()),
                    gauge("zt.exchange.lag.seconds", "How long the oldest record waiting for a subscription has waited", f,
                            x -> x.backlog() < 0 ? Double.NaN : x.lagSeconds())));
        }
        for (DatasetFlow d : s.datasets()) {
            String key = "dataset:" + d.code();
            keys.add(key);
            gauges.computeIfAbsent(key, k -> List.of(Gauge.builder("zt.exchange.quarantine.open", this, m -> m.openQuarantine(d.code()))
                    .description("Rejected records of a dataset waiting to be fixed or discarded").tag("dataset", d.code())
                    .strongReference(true).register(meters)));
        }
        for (String key : List.copyOf(gauges.keySet())) {
            if (!keys.contains(key)) {
                gauges.remove(key).forEach(meters::remove);
            }
        }
    }

    private Meter gauge(String name, String description, SubscriptionFlow f, ToDoubleFunction<SubscriptionFlow> value) {
        long id = f.id();
        return Gauge.builder(name, this, m -> m.subscriptionValue(id, value)).description(description).tag("dataset", f.dataset())
                .tag("subscription", Long.toString(id)).tag("consumer", f.consumer()).strongReference(true).register(meters);
    }

    private double subscriptionValue(long id, ToDoubleFunction<SubscriptionFlow> value) {
        try {
            for (SubscriptionFlow f : cached().subscriptions()) {
                if (f.id() == id) {
                    return value.applyAsDouble(f);
                }
            }
        } catch (RuntimeException e) {
            log.debug("Exchange gauges unavailable: {}", e.toString());
        }
        return Double.NaN;
    }

    private double openQuarantine(String dataset) {
        try {
            for (DatasetFlow d : cached().datasets()) {
                if (d.code().equals(dataset)) {
                    return d.openQuarantine();
                }
            }
        } catch (RuntimeException e) {
            log.debug("Exchange gauges unavailable: {}", e.toString());
        }
        return Double.NaN;
    }

    /** Registers the gauges as soon as the platform is up, so the first scrape has them. */
    @EventListener(ApplicationReadyEvent.class)
    void start() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("Exchange monitor could not read the exchange at start-up: {}", e.toString());
        }
    }
}
