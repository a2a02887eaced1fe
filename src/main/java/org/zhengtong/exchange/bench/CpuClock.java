package org.zhengtong.exchange.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * CPU time spent so far by this JVM (the platform and the benchmark's clients, which share it) and by the embedded
 * PostgreSQL (its postmaster and every process under it), and the machine's load: on a small machine these tell
 * whether the hub waited for the database, the database for the hub, or both for the rest of the machine.
 */
public final class CpuClock {

    private final Path dataDirectory;

    public CpuClock(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public double jvmSeconds() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e9;
        }
        return Double.NaN;
    }

    /** The CPU time of the PostgreSQL processes alive now (a backend that exited takes its share with it). */
    public double postgresSeconds() {
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            return Double.NaN;
        }
        return Stream.concat(Stream.of(postmaster.get()), postmaster.get().descendants())
                .mapToDouble(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9).sum();
    }

    private Optional<ProcessHandle> postmaster() {
        try {
            List<String> pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return pid.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(pid.getFirst().strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
