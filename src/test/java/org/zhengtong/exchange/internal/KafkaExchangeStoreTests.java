package org.zhengtong.exchange.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.exchange.ExchangeFixture;
import org.zhengtong.exchange.ExchangeStore;
import org.zhengtong.exchange.KafkaBroker;
import org.zhengtong.exchange.KafkaPlatformTest;
import org.zhengtong.exchange.StoredRecord;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Kafka store as Kafka sees it: one single-partition topic per dataset that keeps every change, records in the
 * documented form (key, JSON payload, lineage headers, tombstones), and batches that are Kafka transactions: a
 * batch whose transaction fails is FAILED and rolled back in PostgreSQL too, and what a read_committed reader
 * cannot see, the store does not deliver.
 */
@KafkaPlatformTest
class KafkaExchangeStoreTests {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ExchangeStore store;
    @Autowired JsonMapper json;

    @Test
    void everyDemoDatasetHasOneTopicOfOnePartitionThatKeepsEveryChange() throws Exception {
        KafkaExchangeStore kafka = (KafkaExchangeStore) store;
        assertThat(store.name()).isEqualTo("kafka");
        List<String> codes = jdbc.sql("select code from exchange.dataset order by code").query(String.class).list();
        assertThat(codes).hasSize(5);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers()))) {
            for (String code : codes) {
                String topic = kafka.topic(code);
                assertThat(topic).endsWith(code.replace('/', '-')).doesNotContain("/");
                assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get(30, TimeUnit.SECONDS).get(topic).partitions()).hasSize(1);
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                Config config = admin.describeConfigs(List.of(resource)).all().get(30, TimeUnit.SECONDS).get(resource);
                assertThat(config.get(TopicConfig.CLEANUP_POLICY_CONFIG).value()).isEqualTo(TopicConfig.CLEANUP_POLICY_DELETE);
                assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
                assertThat(config.get(TopicConfig.RETENTION_BYTES_CONFIG).value()).isEqualTo("-1");
            }
        }
        String population = ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION);
        List<ConsumerRecord<String, byte[]>> records = readAll(kafka.topic(population));
        assertThat(records).hasSizeGreaterThanOrEqualTo(2900);
        assertThat(store.head(population)).isEqualTo(records.get(records.size() - 1).offset() + 1);
    }

    @Test
    void aRecordIsItsKeyAJsonArrayOfValuesAndItsLineageAndADeleteIsATombstone() throws Exception {
        KafkaExchangeStore kafka = (KafkaExchangeStore) store;
        String code = ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION);
        String id = ExchangeFixture.id(LocalDate.of(1973, 4, 5), 51);
        String row = ExchangeFixture.person(id, "冯\"引号\"", "379903");
        long upsert = batchId(publish(code, ExchangeFixture.POPULATION_HEADER + "\n" + row.replace("冯\"引号\"", "\"冯\"\"引号\"\"\"") + "\n"));
        long delete = batchId(publish(code, ExchangeFixture.POPULATION_HEADER + ",_op\n" + row.replace("冯\"引号\"", "冯") + ",D\n"));

        List<ConsumerRecord<String, byte[]>> mine = readAll(kafka.topic(code)).stream().filter(r -> r.key().equals(id)).toList();
        assertThat(mine).hasSize(2);
        ConsumerRecord<String, byte[]> value = mine.get(0);
        assertThat(json.readValue(value.value(), String[].class))
                .containsExactly(id, "冯\"引号\"", "男", "汉族", "1973-04-05", "海川市东湖区1号", "379903", "正常", "2026-01-01");
        assertThat(header(value, KafkaExchangeStore.BATCH)).isEqualTo(Long.toString(upsert));
        assertThat(header(value, KafkaExchangeStore.SOURCE)).isEqualTo("gaj");
        assertThat(value.headers().lastHeader(KafkaExchangeStore.PAYLOAD)).isNull();
        ConsumerRecord<String, byte[]> tombstone = mine.get(1);
        assertThat(tombstone.value()).isNull();
        assertThat(header(tombstone, KafkaExchangeStore.BATCH)).isEqualTo(Long.toString(delete));
        assertThat(json.readValue(tombstone.headers().lastHeader(KafkaExchangeStore.PAYLOAD).value(), String[].class))
                .containsExactly(id, null, null, null, null, null, null, null, null);
        assertThat(tombstone.offset()).isGreaterThan(value.offset());
        assertThat(ExchangeFixture.latest(store, code, id).position()).isEqualTo(tombstone.offset() + 1);
    }

    @Test
    void aFencedProducerFailsTheBatchWholeAndAnOpenOrAbortedTransactionIsNeverDelivered() throws Exception {
        KafkaExchangeStore kafka = (KafkaExchangeStore) store;
        String code = ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION);
        String topic = kafka.topic(code);
        long head = store.head(code);
        long lastSeq = jdbc.sql("select last_seq from exchange.dataset where code = ?").param(code).query(Long.class).single();
        String refused = ExchangeFixture.id(LocalDate.of(1974, 5, 6), 61);
        String later = ExchangeFixture.id(LocalDate.of(1974, 5, 7), 62);

        // Another producer with the hub's transactional id (a hub instance started twice, say) fences the hub's own.
        try (KafkaProducer<String, byte[]> zombie = producer(kafka.transactionalId(code))) {
            zombie.initTransactions();
            zombie.beginTransaction();
            zombie.send(new ProducerRecord<>(topic, "zombie", json.writeValueAsBytes(new String[] {"zombie"})));
            zombie.flush();
            assertThat(store.read(code, head, 10, null)).isEmpty();
            assertThat(store.head(code)).isEqualTo(head);
            assertThat(store.backlog(code, head)).isEqualTo(ExchangeStore.Backlog.NONE);

            MockHttpServletResponse failed = publish(code, ExchangeFixture.POPULATION_HEADER + "\n"
                    + ExchangeFixture.person(refused, "蒋拒", "379902") + "\n" + refused.substring(0, 17) + ",坏行\n");
            assertThat(failed.getStatus()).as(failed.getContentAsString()).isEqualTo(503);
            assertThat((String) JsonPath.read(failed.getContentAsString(), "$.code")).isEqualTo("exchange.store-failed");
            var batch = jdbc.sql("select id, status, failure from exchange.batch where dataset = ? order by id desc limit 1").param(code)
                    .query().singleRow();
            assertThat(batch.get("status")).isEqualTo("FAILED");
            assertThat(batch.get("failure")).isEqualTo("exchange.store-failed");
            assertThat(jdbc.sql("select count(*) from exchange.quarantine where batch_id = ?").param(batch.get("id")).query(Long.class).single())
                    .isZero();
            assertThat(jdbc.sql("select last_seq from exchange.dataset where code = ?").param(code).query(Long.class).single()).isEqualTo(lastSeq);

            zombie.abortTransaction();
        }
        assertThat(store.read(code, head, 10, null)).isEmpty();
        assertThat(store.head(code)).isEqualTo(head);

        // The hub makes a new producer, which fences the other in turn, and the next batch goes through.
        assertThat(publish(code, ExchangeFixture.POPULATION_HEADER + "\n" + ExchangeFixture.person(later, "蒋后", "379902") + "\n")
                .getStatus()).isEqualTo(201);
        // A committed transaction becomes visible to read_committed readers once its markers are written, a moment later.
        List<StoredRecord> after = store.read(code, head, 10, null);
        for (int i = 0; i < 100 && after.isEmpty(); i++) {
            Thread.sleep(100);
            after = store.read(code, head, 10, null);
        }
        assertThat(after).extracting(StoredRecord::key).containsExactly(later);
        assertThat(store.head(code)).isEqualTo(after.get(0).position());
        assertThat(readAll(topic)).extracting(ConsumerRecord::key).doesNotContain("zombie", refused);
    }

    private MockHttpServletResponse publish(String code, String csv) throws Exception {
        String token = Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD);
        return mvc.perform(post("/api/v1/exchange/datasets/" + code + "/batches").header("Authorization", "Bearer " + token)
                .contentType("text/csv; charset=UTF-8").content(csv.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
    }

    private static long batchId(MockHttpServletResponse response) throws Exception {
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        return ((Number) JsonPath.read(response.getContentAsString(), "$.batchId")).longValue();
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static KafkaProducer<String, byte[]> producer(String transactionalId) {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.bootstrapServers(),
                ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId), new StringSerializer(), new ByteArraySerializer());
    }

    /** Every committed record of the topic, as a read_committed consumer of its own sees them. */
    private static List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        TopicPartition partition = new TopicPartition(topic, 0);
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaBroker.bootstrapServers(), ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.assign(List.of(partition));
            consumer.seekToBeginning(List.of(partition));
            long end = consumer.endOffsets(List.of(partition), WAIT).get(partition);
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (consumer.position(partition, WAIT) < end) {
                assertThat(System.nanoTime()).as("read %s up to %d in %s", topic, end, WAIT).isLessThan(deadline);
                consumer.poll(Duration.ofMillis(200)).records(partition).forEach(records::add);
            }
        }
        return records;
    }
}
