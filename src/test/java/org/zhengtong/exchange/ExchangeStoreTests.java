package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;

/**
 * What every exchange store promises, whichever backend holds the records: positions order a dataset's changes;
 * reading after a position yields each later change once, in order, with its lineage; a page stops at its limit
 * and the next one goes on after its last position; a delete is a tombstone carrying its key; a filter keeps the
 * records whose value starts with a prefix; the backlog and the head agree with what was read.
 */
@PlatformTest
class ExchangeStoreTests {

    /** The position of 户籍地行政区划代码 among the population dataset's items. */
    private static final int DIVISION = 6;

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ExchangeStore store;

    @Test
    void readingAfterAPositionYieldsEveryLaterChangeOnceInOrderWithItsLineage() throws Exception {
        String code = ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION);
        long head = store.head(code);
        assertThat(store.backlog(code, head)).isEqualTo(ExchangeStore.Backlog.NONE);
        assertThat(store.read(code, head, 10, null)).isEmpty();
        List<String> ids = List.of(ExchangeFixture.id(LocalDate.of(1970, 1, 2), 21), ExchangeFixture.id(LocalDate.of(1970, 1, 3), 22),
                ExchangeFixture.id(LocalDate.of(1970, 1, 4), 23), ExchangeFixture.id(LocalDate.of(1970, 1, 5), 24));
        Instant before = Instant.now();
        long batch = publish(code, ExchangeFixture.POPULATION_HEADER + "\n" + String.join("\n", ids.stream()
                .map(id -> ExchangeFixture.person(id, "钱" + id.substring(16), "379902")).toList()) + "\n");

        List<StoredRecord> changes = store.read(code, head, 100, null);
        assertThat(changes).extracting(StoredRecord::key).containsExactlyElementsOf(ids);
        assertThat(changes).allSatisfy(r -> {
            assertThat(r.deleted()).isFalse();
            assertThat(r.source()).isEqualTo("gaj");
            assertThat(r.batchId()).isEqualTo(batch);
            assertThat(r.payload()).hasSize(9).startsWith(r.key(), "钱" + r.key().substring(16), "男");
            assertThat(r.updatedAt()).isBetween(before.minusSeconds(5), Instant.now().plusSeconds(5));
        });
        assertThat(changes.get(0).position()).isGreaterThan(head);
        assertThat(changes).extracting(StoredRecord::position).isSorted().doesNotHaveDuplicates();
        long last = changes.get(3).position();
        assertThat(store.head(code)).isEqualTo(last);

        List<StoredRecord> first = store.read(code, head, 2, null);
        assertThat(first).extracting(StoredRecord::key).containsExactlyElementsOf(ids.subList(0, 2));
        assertThat(store.read(code, first.get(1).position(), 10, null)).extracting(StoredRecord::key)
                .containsExactlyElementsOf(ids.subList(2, 4));
        assertThat(store.read(code, last, 10, null)).isEmpty();

        ExchangeStore.Backlog backlog = store.backlog(code, head);
        assertThat(backlog.records()).isEqualTo(4);
        assertThat(backlog.oldest()).isEqualTo(changes.get(0).updatedAt());
        assertThat(store.backlog(code, first.get(1).position()).records()).isEqualTo(2);
        assertThat(store.backlog(code, last)).isEqualTo(ExchangeStore.Backlog.NONE);
    }

    @Test
    void aDeleteIsATombstoneThatKeepsOnlyItsKey() throws Exception {
        String code = ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION);
        String id = ExchangeFixture.id(LocalDate.of(1971, 2, 3), 31);
        String row = ExchangeFixture.person(id, "孙删", "379902");
        publish(code, ExchangeFixture.POPULATION_HEADER + "\n" + row + "\n");
        long head = store.head(code);
        assertThat(ExchangeFixture.latest(store, code, id).deleted()).isFalse();

        long batch = publish(code, ExchangeFixture.POPULATION_HEADER + ",_op\n" + row + ",delete\n");

        List<StoredRecord> changes = store.read(code, head, 10, null);
        assertThat(changes).hasSize(1);
        StoredRecord tombstone = changes.get(0);
        assertThat(tombstone.key()).isEqualTo(id);
        assertThat(tombstone.deleted()).isTrue();
        assertThat(tombstone.batchId()).isEqualTo(batch);
        assertThat(tombstone.payload()).containsExactly(id, null, null, null, null, null, null, null, null);
        assertThat(ExchangeFixture.latest(store, code, id)).usingRecursiveComparison().isEqualTo(tombstone);
    }

    @Test
    void aFilterKeepsTheRecordsWhoseValueStartsWithThePrefixUpToTheLimit() throws Exception {
        String code = ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION);
        long head = store.head(code);
        String east1 = ExchangeFixture.id(LocalDate.of(1972, 3, 4), 41);
        String west1 = ExchangeFixture.id(LocalDate.of(1972, 3, 5), 42);
        String east2 = ExchangeFixture.id(LocalDate.of(1972, 3, 6), 43);
        String west2 = ExchangeFixture.id(LocalDate.of(1972, 3, 7), 44);
        publish(code, ExchangeFixture.POPULATION_HEADER + "\n" + ExchangeFixture.person(east1, "李东", "379902") + "\n"
                + ExchangeFixture.person(west1, "李西", "379903") + "\n" + ExchangeFixture.person(east2, "李东二", "379902") + "\n"
                + ExchangeFixture.person(west2, "李西二", "379903") + "\n");

        assertThat(store.read(code, head, 10, new ExchangeStore.Filter(DIVISION, "379903"))).extracting(StoredRecord::key)
                .containsExactly(west1, west2);
        assertThat(store.read(code, head, 10, new ExchangeStore.Filter(DIVISION, "3799"))).hasSize(4);
        assertThat(store.read(code, head, 1, new ExchangeStore.Filter(DIVISION, "379902"))).extracting(StoredRecord::key)
                .containsExactly(east1);
        assertThat(store.read(code, head, 10, new ExchangeStore.Filter(DIVISION, "110"))).isEmpty();
    }

    private long publish(String code, String csv) throws Exception {
        String token = Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD);
        var response = mvc.perform(post("/api/v1/exchange/datasets/" + code + "/batches").header("Authorization", "Bearer " + token)
                .contentType("text/csv; charset=UTF-8").content(csv.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        assertThat((Integer) JsonPath.read(response.getContentAsString(), "$.quarantined")).isZero();
        return ((Number) JsonPath.read(response.getContentAsString(), "$.batchId")).longValue();
    }
}
