package org.zhengtong.basedata.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load: {@code clients} threads each send one request after the other for a warm-up and then a
 * measured window; every request of the window is timed, so throughput and percentiles come from the same
 * requests. A request that fails the check ends the run: a fast wrong answer is not a result.
 */
final class Load {

    /** One client's work: its n-th request. Throws when the answer is wrong. */
    @FunctionalInterface
    interface Request {
        void send(int client, long n) throws Exception;
    }

    /** What a window measured. */
    record Result(int clients, long requests, double seconds, double p50Ms, double p99Ms, double maxMs) {

        double perSecond() {
            return requests / seconds;
        }

        String json() {
            return String.format(Locale.ROOT, "{\"clients\":%d,\"requests\":%d,\"seconds\":%.1f,\"per_s\":%.0f,\"p50_ms\":%.2f,\"p99_ms\":%.2f,\"max_ms\":%.2f}",
                    clients, requests, seconds, perSecond(), p50Ms, p99Ms, maxMs);
        }
    }

    private Load() {}

    static Result run(int clients, double warmUpSeconds, double measureSeconds, Request request) throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + (long) (warmUpSeconds * 1e9);
        long end = measureFrom + (long) (measureSeconds * 1e9);
        List<long[]> latencies = new ArrayList<>();
        long[] counts = new long[clients];
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(clients);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            long[][] mine = {new long[1 << 14]};
            latencies.add(null);
            int client = c;
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                try {
                    long n = 0;
                    int recorded = 0;
                    while (failure.get() == null) {
                        long t0 = System.nanoTime();
                        if (t0 >= end) {
                            break;
                        }
                        request.send(client, n++);
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom) {
                            if (recorded == mine[0].length) {
                                mine[0] = Arrays.copyOf(mine[0], recorded * 2);
                            }
                            mine[0][recorded++] = t1 - t0;
                        }
                    }
                    counts[client] = recorded;
                    synchronized (latencies) {
                        latencies.set(client, Arrays.copyOf(mine[0], recorded));
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                } finally {
                    done.countDown();
                }
            }));
        }
        done.await();
        for (Thread t : threads) {
            t.join();
        }
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException("a request failed: " + failed, failed);
        }
        long total = Arrays.stream(counts).sum();
        long[] all = new long[(int) total];
        int at = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        Arrays.sort(all);
        return new Result(clients, total, measureSeconds, percentile(all, 0.50), percentile(all, 0.99), all.length == 0 ? 0 : all[all.length - 1] / 1e6);
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
    }
}
