package org.zhengtong.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The whole platform as a process of its own, the way an operator runs it: {@code java ... ZhengtongApplication}
 * on the test's class path, with the demo city, a data directory and fixed ports, so that it can be killed with
 * SIGKILL and started again on the same data. Its embedded PostgreSQL runs in a process of its own too (PostgreSQL
 * puts itself in a new session), so it outlives a killed platform unless it is killed as well.
 */
final class ChildPlatform implements AutoCloseable {

    private final Path home;
    private final int port;
    private final int dbPort;
    private final Map<String, String> environment;
    private final List<String> arguments;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private @Nullable Process process;
    private int starts;

    ChildPlatform(Path home, int port, int dbPort, Map<String, String> environment, List<String> arguments) {
        this.home = home;
        this.port = port;
        this.dbPort = dbPort;
        this.environment = environment;
        this.arguments = arguments;
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    int starts() {
        return starts;
    }

    /** Starts the platform and waits until it is ready: its start-up runners (recovery among them) have run. */
    void start(Duration timeout) throws IOException, InterruptedException {
        starts++;
        Path log = home.resolve("platform-" + starts + ".log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Xmx768m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Dfile.encoding=UTF-8", "-cp", classPath(), "org.zhengtong.ZhengtongApplication", "--zt.home=" + home, "--zt.demo=true",
                "--server.port=" + port, "--zt.db.port=" + dbPort, "--zt.db.pool-size=6",
                // the demo city without its generated base-database feeds, which would publish beside the test's batches
                "--zt.basedata.demo.persons=0", "--zt.basedata.demo.enterprises=0"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        Process started = builder.start();
        process = started;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!started.isAlive()) {
                throw new IllegalStateException("the platform exited with " + started.exitValue() + " while starting:\n" + tail(log));
            }
            if (ready()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the platform was not ready within " + timeout + ":\n" + tail(log));
    }

    private boolean ready() throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base().resolve("/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** SIGKILL to the platform's JVM: no shutdown hook, no graceful anything. Its PostgreSQL keeps running. */
    void kill() throws InterruptedException {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroyForcibly();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the platform did not die from SIGKILL");
            }
        }
    }

    /** SIGKILL to the embedded PostgreSQL's postmaster as well, as when the whole machine's processes die at once. */
    void killDatabase() throws IOException, InterruptedException {
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isEmpty()) {
            return;
        }
        List<ProcessHandle> backends = postmaster.get().children().toList();
        postmaster.get().destroyForcibly();
        for (ProcessHandle p : backends) {
            p.destroyForcibly();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((postmaster.get().isAlive() || backends.stream().anyMatch(ProcessHandle::isAlive)) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** The running postmaster of this data directory, if any. */
    Optional<ProcessHandle> postmaster() throws IOException {
        Path pid = home.resolve("pgdata").resolve("postmaster.pid");
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pid);
        return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.getFirst().strip())).filter(ProcessHandle::isAlive);
    }

    /** A connection to the platform's database, to look at what it holds. */
    Connection database() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + dbPort + "/zhengtong", "zhengtong", "zhengtong");
    }

    String logTail() {
        return tail(home.resolve("platform-" + starts + ".log"));
    }

    /** Stops the platform as an operator would (SIGTERM), then a PostgreSQL it only attached to and so left running. */
    @Override
    public void close() throws IOException, InterruptedException {
        Process p = process;
        if (p != null && p.isAlive()) {
            p.destroy();
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(30, TimeUnit.SECONDS);
            }
        }
        Optional<ProcessHandle> postmaster = postmaster();
        if (postmaster.isPresent()) {
            postmaster.get().destroy();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (postmaster.get().isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            if (postmaster.get().isAlive()) {
                postmaster.get().destroyForcibly();
            }
        }
    }

    static String classPath() {
        String surefire = System.getProperty("surefire.test.class.path");
        return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
    }

    static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        } catch (UncheckedIOException e) {
            return "(log unreadable)";
        }
    }
}
