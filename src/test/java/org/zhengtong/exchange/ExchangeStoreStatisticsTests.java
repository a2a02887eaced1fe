package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.shared.IdCardNumber;

/**
 * A batch that grows its dataset by a fifth or more refreshes the store's statistics as soon as it is committed,
 * so that pages are read along the position index: on stale statistics PostgreSQL took a freshly loaded dataset for
 * nearly empty and sorted every record after the cursor for each page.
 */
@PlatformTest
class ExchangeStoreStatisticsTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void aLargeBatchRefreshesTheStatisticsAndPagesAreReadAlongThePositionIndex() throws Exception {
        String code = ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION);
        Timestamp before = jdbc.sql("select clock_timestamp()").query(Timestamp.class).single();
        StringBuilder csv = new StringBuilder(ExchangeFixture.POPULATION_HEADER).append('\n');
        for (int n = 0; n < 6_000; n++) {
            String first17 = "370103" + LocalDate.of(1960, 1, 1).plusDays(n % 3_000).toString().replace("-", "") + String.format("%03d", 500 + n / 3_000);
            csv.append(ExchangeFixture.person(first17 + IdCardNumber.checkCharacter(first17), "统计" + n, "379903")).append('\n');
        }
        String token = Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD);
        var response = mvc.perform(post("/api/v1/exchange/datasets/" + code + "/batches").header("Authorization", "Bearer " + token)
                .contentType("text/csv; charset=UTF-8").content(csv.toString().getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);

        Timestamp analyzed = jdbc.sql("select coalesce(last_analyze, 'epoch') from pg_stat_user_tables "
                + "where schemaname = 'exchange' and relname = 'record'").query(Timestamp.class).single();
        assertThat(analyzed).as("when exchange.record was last analysed, by the hub rather than by autovacuum").isAfter(before);
        List<String> plan = jdbc.sql("explain select seq, record_key, payload from exchange.record where dataset = ? and seq > ? order by seq limit ?")
                .params(code, 0L, 1_000).query(String.class).list();
        assertThat(String.join("\n", plan)).contains("Index Scan using record_seq").doesNotContain("Sort");
    }
}
