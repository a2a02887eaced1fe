package org.zhengtong.exchange;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.metadata.bootstrap.BootstrapMetadata;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Kafka broker for the exchange hub's tests, one per JVM: KRaft mode, a single node that is both broker and
 * controller, listening on a free port of localhost, its data under {@code target/kafka/}. It starts on the first
 * call to {@link #bootstrapServers()} and stops when the JVM exits. No Docker: it runs Kafka's own server code from
 * Maven Central ({@code kafka-test-common-runtime}'s {@link KafkaClusterTestKit}).
 *
 * <p>The broker runs the latest production metadata version and feature levels with unstable APIs off, as a
 * released Kafka of this version does. Internal topics have one partition and one replica, which a single broker
 * on a small machine needs.
 *
 * <p>{@link #main} runs the broker in a process of its own: it prints {@code KAFKA_BOOTSTRAP=<host:port>} as the
 * only line on standard output and runs until it is killed.
 */
public final class KafkaBroker {

    /** Broker settings; KafkaClusterTestKit sets the node id, roles, listeners, quorum and log directories. */
    private static final Map<String, String> SETTINGS = settings();

    private static String bootstrapServers;
    private static boolean ownProcess;

    private KafkaBroker() {}

    /** Starts the broker if this JVM has none yet; returns its bootstrap servers ({@code localhost:<port>}). */
    public static synchronized String bootstrapServers() {
        if (bootstrapServers == null) {
            start();
        }
        return bootstrapServers;
    }

    /**
     * Runs the broker until this process is killed (SIGTERM stops it cleanly). Standard output carries one line,
     * {@code KAFKA_BOOTSTRAP=<host:port>}, once the broker is ready; the log and Kafka's own messages go to standard
     * error.
     */
    public static void main(String[] args) throws InterruptedException {
        PrintStream stdout = System.out;
        System.setOut(System.err);
        synchronized (KafkaBroker.class) {
            ownProcess = true;
        }
        stdout.println("KAFKA_BOOTSTRAP=" + bootstrapServers());
        stdout.flush();
        new CountDownLatch(1).await();
    }

    private static Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("num.partitions", "1");
        settings.put("default.replication.factor", "1");
        settings.put("auto.create.topics.enable", "true");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "1");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "1");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("background.threads", "2");
        settings.put("unstable.api.versions.enable", "false");
        settings.put("unstable.feature.versions.enable", "false");
        return settings;
    }

    private static void start() {
        long began = System.nanoTime();
        if (!ownProcess) {
            keepTheJvmAlive();
        }
        Path directory;
        try {
            Path home = Path.of(System.getProperty("basedir", "."), "target", "kafka").toAbsolutePath().normalize();
            directory = Files.createTempDirectory(Files.createDirectories(home), "broker-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot make the Kafka broker's directory under target/kafka", e);
        }
        KafkaClusterTestKit started;
        try {
            TestKitNodes nodes = new TestKitNodes.Builder(productionMetadata())
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .setBaseDirectory(directory)
                    .build();
            KafkaClusterTestKit.Builder builder = new KafkaClusterTestKit.Builder(nodes);
            SETTINGS.forEach(builder::setConfigProp);
            started = builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot configure the Kafka broker", e);
        }
        try {
            started.format();
            started.startup();
            started.waitForReadyBrokers();
        } catch (Exception e) {
            stop(started);
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("The Kafka broker did not start", e);
        }
        bootstrapServers = started.bootstrapServers();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(started), "kafka-broker-shutdown"));
        System.err.printf("Kafka broker (KRaft) at %s started in %d ms%n",
                bootstrapServers, Duration.ofNanos(System.nanoTime() - began).toMillis());
    }

    /** A released Kafka's metadata version and default feature levels, not the test kit's unstable latest ones. */
    private static BootstrapMetadata productionMetadata() {
        MetadataVersion version = MetadataVersion.latestProduction();
        Map<String, Short> features = new TreeMap<>();
        for (Feature feature : Feature.PRODUCTION_FEATURES) {
            features.put(feature.featureName(), feature.defaultLevel(version));
        }
        return BootstrapMetadata.fromVersions(version, features, "zhengtong tests");
    }

    /**
     * Inside a test JVM, a fatal broker error must fail the tests that use the broker, not end the JVM with every
     * other test in it: Kafka's exit and halt calls are reported instead of carried out.
     */
    private static void keepTheJvmAlive() {
        Exit.setExitProcedure((status, message) -> new IllegalStateException(
                "Kafka asked to exit the JVM with status " + status + ": " + message).printStackTrace());
        Exit.setHaltProcedure((status, message) -> new IllegalStateException(
                "Kafka asked to halt the JVM with status " + status + ": " + message).printStackTrace());
    }

    private static void stop(KafkaClusterTestKit broker) {
        try {
            broker.close();
        } catch (Exception e) {
            System.err.println("The Kafka broker did not stop cleanly: " + e);
        }
    }
}
