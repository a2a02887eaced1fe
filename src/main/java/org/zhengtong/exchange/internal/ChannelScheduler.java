package org.zhengtong.exchange.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The exchange's clock: every few seconds it starts the pull sources that are due, looks into the drop folders,
 * and pushes to the subscriptions whose next attempt is due. Each can be switched off
 * ({@code zt.exchange.sync.enabled}, {@code zt.exchange.drop.enabled}, {@code zt.exchange.delivery.enabled}).
 * On start it marks the runs the node was doing when it stopped as interrupted, so they run again.
 */
@Component
class ChannelScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ChannelScheduler.class);

    private final JdbcSync sync;
    private final DropFolders drops;
    private final PushDelivery delivery;
    private final SourceTable sources;
    private final JdbcClient jdbc;
    private final boolean syncEnabled;
    private final boolean dropEnabled;
    private final boolean deliveryEnabled;
    private final long tickMillis;
    private ScheduledExecutorService clock;
    private volatile boolean running;
    private long ticks;

    ChannelScheduler(JdbcSync sync, DropFolders drops, PushDelivery delivery, SourceTable sources, JdbcClient jdbc, Environment env) {
        this.sync = sync;
        this.drops = drops;
        this.delivery = delivery;
        this.sources = sources;
        this.jdbc = jdbc;
        this.syncEnabled = env.getProperty("zt.exchange.sync.enabled", Boolean.class, true);
        this.dropEnabled = env.getProperty("zt.exchange.drop.enabled", Boolean.class, true);
        this.deliveryEnabled = env.getProperty("zt.exchange.delivery.enabled", Boolean.class, true);
        this.tickMillis = Math.max(200, (long) (env.getProperty("zt.exchange.tick-seconds", Double.class, 3.0) * 1000));
    }

    @Override
    public void start() {
        int interrupted = sources.interrupted();
        if (interrupted > 0) {
            log.info("{} pull runs were interrupted when the hub stopped; they run again now", interrupted);
        }
        clock = Executors.newScheduledThreadPool(3, Thread.ofPlatform().name("zt-exchange-clock-", 1).daemon().factory());
        if (syncEnabled) {
            clock.scheduleWithFixedDelay(guarded("pull", sync::startDue), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        }
        if (dropEnabled) {
            clock.scheduleWithFixedDelay(guarded("file drop", this::lookIntoDrops), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        }
        if (deliveryEnabled) {
            clock.scheduleWithFixedDelay(guarded("delivery", delivery::deliverDue), tickMillis, tickMillis, TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    /** Makes the drop folders of datasets in use (about once a minute), then looks into them. */
    private void lookIntoDrops() {
        if (ticks++ % Math.max(1, 60_000 / tickMillis) == 0) {
            drops.ensure(jdbc.sql("select code from exchange.dataset").query(String.class).list());
        }
        drops.pollIfIdle();
    }

    private static Runnable guarded(String what, Runnable work) {
        return () -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // A tick that fails is tried again on the next one; the clock itself must keep going.
                log.warn("Exchange {} tick failed: {}", what, e.toString());
            }
        };
    }

    @Override
    public void stop() {
        running = false;
        if (clock != null) {
            clock.shutdownNow();
            try {
                clock.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
