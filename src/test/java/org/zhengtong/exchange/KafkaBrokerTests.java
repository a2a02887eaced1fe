package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The test broker is a real Kafka: topics are created through the Admin API with their configuration, transactions
 * commit and abort as they do in production, and a read_committed consumer sees only committed records.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KafkaBrokerTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void createsACompactedTopicThroughTheAdminApi() throws Exception {
        String topic = newTopic(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

        try (Admin admin = admin()) {
            assertThat(admin.listTopics().names().get()).contains(topic);
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            Config config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value())
                    .isEqualTo(TopicConfig.CLEANUP_POLICY_COMPACT);
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions())
                    .hasSize(1);
        }
    }

    @Test
    void aReadCommittedConsumerSeesExactlyTheCommittedRecords() {
        String topic = newTopic(Map.of());

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "k1", "一"));
            producer.send(new ProducerRecord<>(topic, "k2", "二"));
            producer.send(new ProducerRecord<>(topic, "k3", "三"));
            producer.commitTransaction();
        }

        assertThat(readAll(topic, "read_committed"))
                .extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("k1", "一"), tuple("k2", "二"), tuple("k3", "三"));
    }

    @Test
    void anAbortedTransactionIsNotSeenByAReadCommittedConsumer() {
        String topic = newTopic(Map.of());

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "before", "committed"));
            producer.commitTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "aborted-1", "aborted"));
            producer.send(new ProducerRecord<>(topic, "aborted-2", "aborted"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "after", "committed"));
            producer.commitTransaction();
        }

        assertThat(readAll(topic, "read_committed"))
                .extracting(ConsumerRecord::key)
                .containsExactly("before", "after");
        // The aborted records did reach the log: only the isolation level hides them.
        assertThat(readAll(topic, "read_uncommitted"))
                .extracting(ConsumerRecord::key)
                .containsExactly("before", "aborted-1", "aborted-2", "after");
    }

    @Test
    void aTombstoneArrivesWithANullValue() {
        String topic = newTopic(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));

        try (KafkaProducer<String, String> producer = transactionalProducer()) {
            producer.initTransactions();
            producer.beginTransaction();
            producer.send(new ProducerRecord<>(topic, "entry-1", "v1"));
            producer.send(new ProducerRecord<>(topic, "entry-1", null));
            producer.commitTransaction();
        }

        List<ConsumerRecord<String, String>> records = readAll(topic, "read_committed");
        assertThat(records).extracting(ConsumerRecord::key, ConsumerRecord::value)
                .containsExactly(tuple("entry-1", "v1"), tuple("entry-1", null));
        assertThat(records.get(1).value()).isNull();
    }

    /** A fresh single-partition topic with the given configuration; it exists when this returns. */
    private static String newTopic(Map<String, String> config) {
        String topic = "zt-test-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1).configs(config)))
                    .all().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("Cannot create topic " + topic, e);
        }
        return topic;
    }

    private static Admin admin() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        return Admin.create(properties);
    }

    private static KafkaProducer<String, String> transactionalProducer() {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        properties.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "zt-test-" + UUID.randomUUID());
        properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
    }

    /**
     * Every record of the topic's single partition that a consumer with this isolation level can see: it reads
     * from the start up to the end offset, which for read_committed is the last stable offset.
     */
    private static List<ConsumerRecord<String, String>> readAll(String topic, String isolationLevel) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, isolationLevel);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        TopicPartition partition = new TopicPartition(topic, 0);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            // The log's end, transaction markers included: a transaction's markers are written after
            // commitTransaction() returns, so a read_committed consumer's own end offset may not cover them yet.
            long end = logEnd(partition);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(partition, WAIT) < end) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Read " + records.size() + " records of " + topic
                            + " but did not reach its end offset " + end + " in " + WAIT);
                }
                consumer.poll(Duration.ofMillis(200)).records(partition).forEach(records::add);
            }
        }
        return records;
    }

    private static long logEnd(TopicPartition partition) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers());
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_uncommitted");
        try (KafkaConsumer<String, String> consumer =
                new KafkaConsumer<>(properties, new StringDeserializer(), new StringDeserializer())) {
            return consumer.endOffsets(List.of(partition), WAIT).get(partition);
        }
    }
}
