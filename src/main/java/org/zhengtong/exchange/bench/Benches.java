package org.zhengtong.exchange.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What every benchmark needs around its measurements: a table line, a free port, a throw-away folder removed, and
 * checks that stop the run with a failure line of their own.
 */
public final class Benches {

    private Benches() {}

    /** One line of a benchmark's table: the label padded to a column (a Chinese character counts two), then the figures. */
    public static void line(PrintStream out, String label, String format, Object... values) {
        int width = label.codePoints().map(c -> c > 0x2E80 ? 2 : 1).sum();
        out.println("  " + label + " ".repeat(Math.max(1, 40 - width)) + String.format(Locale.ROOT, format, values));
    }

    /** A port nothing listens on now, for the platform a benchmark starts. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A check that did not hold: a wrong count or a wrong answer. The figures of such a run mean nothing. */
    public static final class CheckFailed extends RuntimeException {
        public CheckFailed(String message) {
            super(message);
        }
    }

    public static void require(boolean condition, String failure) {
        if (!condition) {
            throw new CheckFailed(failure);
        }
    }

    /** Says that a check failed, last a JSON line of its own; the exit code of such a run is 2. */
    public static int failed(PrintStream out, String bench, CheckFailed e) {
        out.println("检查未通过 / CHECK FAILED: " + e.getMessage());
        out.println("{\"bench\":\"" + bench + "\",\"checks_passed\":false,\"failure\":\""
                + String.valueOf(e.getMessage()).replace("\\", "\\\\").replace("\"", "'") + "\"}");
        return 2;
    }

    public static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    /** Removes a benchmark's throw-away folder; says so, but does not fail, when something in it cannot go. */
    public static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not remove " + dir + ": " + e.getMessage());
        }
    }
}
