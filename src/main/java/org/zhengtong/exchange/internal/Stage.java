package org.zhengtong.exchange.internal;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where the exchange pipeline spends its time, stage by stage: receiving a body into the spool, decoding it,
 * cleansing, staging with COPY, finding duplicates, storing, quarantining and finishing a batch, committing it; and
 * checking the grant for, reading, encoding, signing and logging each delivered page. Each stage is also the timer
 * {@code zt.exchange.stage} (tagged {@code stage}) in the platform's metrics; {@code ./zt bench exchange} prints them.
 */
public enum Stage {
    RECEIVE("receive"),
    LOCK("lock"),
    DECODE("decode"),
    CLEANSE("cleanse"),
    STAGE("stage"),
    DUPLICATES("duplicates"),
    STORE("store"),
    QUARANTINE("quarantine"),
    FINISH("finish"),
    COMMIT("commit"),
    PAGE_GRANT("page-grant"),
    PAGE_READ("page-read"),
    PAGE_ENCODE("page-encode"),
    PAGE_SIGN("page-sign"),
    PAGE_LOG("page-log");

    public static final List<Stage> PUBLISHING = List.of(RECEIVE, LOCK, DECODE, CLEANSE, STAGE, DUPLICATES, STORE, QUARANTINE, FINISH, COMMIT);
    public static final List<Stage> DELIVERY = List.of(PAGE_GRANT, PAGE_READ, PAGE_ENCODE, PAGE_SIGN, PAGE_LOG);

    private final String label;
    private final LongAdder nanos = new LongAdder();
    private final Timer timer;

    Stage(String label) {
        this.label = label;
        this.timer = Timer.builder("zt.exchange.stage").description("Time spent in one stage of the exchange pipeline").tag("stage", label)
                .register(Metrics.globalRegistry);
    }

    public String label() {
        return label;
    }

    public void record(long elapsedNanos) {
        nanos.add(elapsedNanos);
        timer.record(elapsedNanos, TimeUnit.NANOSECONDS);
    }

    /** Records the time since {@code startNanos} and returns now, to time the next stage from. */
    public long lap(long startNanos) {
        long now = System.nanoTime();
        record(now - startNanos);
        return now;
    }

    /** This stage's time so far, summed over every thread, in seconds. */
    public double seconds() {
        return nanos.sum() / 1e9;
    }

    /** Every stage's time so far, in seconds, in pipeline order. */
    public static Map<Stage, Double> totals() {
        Map<Stage, Double> totals = new LinkedHashMap<>();
        for (Stage s : values()) {
            totals.put(s, s.seconds());
        }
        return totals;
    }
}
