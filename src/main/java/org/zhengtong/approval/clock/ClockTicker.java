package org.zhengtong.approval.clock;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The clocks' own timer: every {@code zt.approval.supervision.tick} (one minute unless set) it counts the running
 * clocks again if the working-day calendar changed, records the warnings raised since the last tick, and sets the
 * gauge {@code zt.approval.warnings} (cases and steps due within the warning look-ahead or past due, all departments)
 * that Prometheus scrapes. {@code zt.approval.supervision.enabled=false} switches it off; a run in progress is never
 * overtaken.
 */
@Component
class ClockTicker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClockTicker.class);

    private final ClockCalendar clockCalendar;
    private final Warnings warnings;
    private final boolean enabled;
    private final Duration interval;
    private final AtomicLong due = new AtomicLong();
    private @Nullable ScheduledExecutorService timer;
    private volatile boolean running;

    ClockTicker(ClockCalendar clockCalendar, Warnings warnings, Environment env, ObjectProvider<MeterRegistry> meters) {
        this.clockCalendar = clockCalendar;
        this.warnings = warnings;
        this.enabled = env.getProperty("zt.approval.supervision.enabled", Boolean.class, true);
        this.interval = env.getProperty("zt.approval.supervision.tick", Duration.class, Duration.ofMinutes(1));
        MeterRegistry registry = meters.getIfAvailable();
        if (registry != null) {
            Gauge.builder("zt.approval.warnings", due, AtomicLong::get)
                    .description("Cases and steps due within the warning look-ahead or past their promised deadline")
                    .register(registry);
        }
    }

    /** One round: the calendar, the warnings, the gauge. Tests call it instead of waiting. */
    void tick() {
        clockCalendar.ensureCurrent();
        int raised = warnings.record(CaseClocks.today());
        due.set(warnings.count(CaseClocks.today()));
        if (raised > 0) {
            log.info("{} new deadline warnings", raised);
        }
    }

    /** What the gauge shows now. */
    long gauge() {
        return due.get();
    }

    @Override
    public void start() {
        if (enabled) {
            ScheduledExecutorService t = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("zt-approval-clock").daemon().factory());
            long millis = Math.max(1000, interval.toMillis());
            t.scheduleWithFixedDelay(this::safeTick, millis, millis, TimeUnit.MILLISECONDS);
            timer = t;
        }
        running = true;
    }

    private void safeTick() {
        try {
            tick();
        } catch (RuntimeException e) {
            // Tried again at the next tick; the timer itself must keep going.
            log.warn("Clock tick failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService t = timer;
        if (t != null) {
            t.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
