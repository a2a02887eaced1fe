package org.zhengtong.basedata.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhengtong.basedata.BaseDataFeeds;

/**
 * Catches the feeds up every {@code zt.basedata.feeds.interval} (30 seconds unless set), so the base databases follow
 * the exchange without anyone asking. {@code zt.basedata.feeds.enabled=false} switches it off; a run still in progress
 * when the next is due is not overtaken.
 */
@Component
class FeedClock implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(FeedClock.class);

    private final BaseDataFeeds feeds;
    private final boolean enabled;
    private final Duration interval;
    private ScheduledExecutorService clock;
    private volatile boolean running;

    FeedClock(BaseDataFeeds feeds, Environment env) {
        this.feeds = feeds;
        this.enabled = env.getProperty("zt.basedata.feeds.enabled", Boolean.class, true);
        this.interval = env.getProperty("zt.basedata.feeds.interval", Duration.class, Duration.ofSeconds(30));
    }

    @Override
    public void start() {
        if (enabled) {
            clock = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("zt-basedata-feeds").daemon().factory());
            long millis = Math.max(1000, interval.toMillis());
            clock.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
        }
        running = true;
    }

    private void tick() {
        try {
            var done = feeds.catchUpIfIdle();
            if (done != null && done.records() > 0) {
                log.info("Feeds took {} records in {} pages", done.records(), done.pages());
            }
        } catch (RuntimeException e) {
            // A failed run is tried again at the next tick; the clock itself must keep going.
            log.warn("Feed run failed: {}", e.toString());
        }
    }

    @Override
    public void stop() {
        running = false;
        if (clock != null) {
            clock.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
