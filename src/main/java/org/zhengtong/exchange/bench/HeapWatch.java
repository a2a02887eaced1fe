package org.zhengtong.exchange.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Watches this JVM's heap during a phase of a benchmark in two ways: the most heap in use at any moment (sampled
 * every 10 ms, garbage included, so it mostly shows how far the collector lets the young generation grow), and
 * the most heap still in use right after a collection (from the collectors' notifications), which is what the work
 * really holds on to.
 */
final class HeapWatch implements AutoCloseable {

    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final List<Runnable> unregister = new ArrayList<>();
    private final Thread sampler;
    private volatile boolean running = true;

    /** Peak heap figures of one phase, in bytes. */
    record Peak(long used, long afterGc, long collections) {
        long usedMb() {
            return used / (1024 * 1024);
        }

        long afterGcMb() {
            return afterGc / (1024 * 1024);
        }
    }

    HeapWatch() {
        NotificationListener listener = (notification, handback) -> {
            if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            long after = 0;
            for (var pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (heapPools.contains(pool.getKey())) {
                    after += pool.getValue().getUsed();
                }
            }
            collections.incrementAndGet();
            peakAfterGc.accumulateAndGet(after, Math::max);
        };
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                unregister.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (ListenerNotFoundException e) {
                        // already gone
                    }
                });
            }
        }
        sampler = Thread.ofPlatform().daemon().name("bench-heap-sampler").start(() -> {
            var memory = ManagementFactory.getMemoryMXBean();
            while (running) {
                MemoryUsage heap = memory.getHeapMemoryUsage();
                peakUsed.accumulateAndGet(heap.getUsed(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** Starts a new phase: forgets the peaks seen so far. */
    void reset() {
        peakUsed.set(ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        peakAfterGc.set(0);
        collections.set(0);
    }

    /** The peaks since the last {@link #reset}. */
    Peak peak() {
        return new Peak(peakUsed.get(), peakAfterGc.get(), collections.get());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
        unregister.forEach(Runnable::run);
    }
}
