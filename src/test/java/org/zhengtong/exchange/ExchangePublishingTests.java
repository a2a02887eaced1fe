package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;

/**
 * A provider department's system publishes to its dataset: the batch is decoded, validated, cleansed and keyed;
 * what is wrong waits in quarantine with its reason and line; the counts always add up.
 */
@PlatformTest
class ExchangePublishingTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ExchangeStore store;

    @Test
    void theDemoCityHasLiveDatasetsWithSubscribersAndQuarantine() throws Exception {
        String token = Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD);
        var response = mvc.perform(get("/api/v1/exchange/datasets").header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        List<String> names = JsonPath.read(body, "$[*].name");
        assertThat(names).contains(ExchangeFixture.POPULATION, ExchangeFixture.MARRIAGES, ExchangeFixture.DEATHS);
        int population = names.indexOf(ExchangeFixture.POPULATION);
        List<String> items = JsonPath.read(body, "$[" + population + "].items[*].name");
        assertThat(items).contains("公民身份号码", "姓名");
        assertThat((String) JsonPath.read(body, "$[" + population + "].provider")).isEqualTo("gaj");

        assertThat(jdbc.sql("select count(*) from exchange.batch where status = 'DONE' and accepted + quarantined <> received").query(Long.class).single())
                .isZero();
        assertThat(jdbc.sql("select count(distinct dataset) from exchange.quarantine where status = 'OPEN'").query(Long.class).single())
                .isGreaterThanOrEqualTo(3);
        // At least the five demo datasets; tests sharing this context may add their own.
        assertThat(jdbc.sql("select count(distinct dataset) from exchange.subscription").query(Long.class).single()).isGreaterThanOrEqualTo(5);
        assertThat(jdbc.sql("select sum(delivered) from exchange.subscription").query(Long.class).single()).isPositive();
    }

    @Test
    void aBatchIsCleansedKeyedAndItsBadRecordsQuarantinedWithReasonAndLine() throws Exception {
        String code = ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION);
        String good = ExchangeFixture.id(LocalDate.of(1980, 5, 17), 11);
        String wide = ExchangeFixture.id(LocalDate.of(1981, 6, 18), 12);
        String badCheck = ExchangeFixture.id(LocalDate.of(1982, 7, 19), 13);
        badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '0' ? '1' : '0');
        String csv = "\uFEFF" + ExchangeFixture.POPULATION_HEADER + "\r\n"
                + ExchangeFixture.person(good, "周一", "379902") + "\r\n"
                + ExchangeFixture.person(wide, "  吴二 ", "３７９９０３").replace("1981-06-18", "1981/6/18") + "\r\n"
                + ExchangeFixture.person(badCheck, "郑三", "379902") + "\r\n"
                + ExchangeFixture.person(good, "周一改", "379902") + "\r\n"
                + good + ",少一列\r\n";
        String token = Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD);
        var response = mvc.perform(post("/api/v1/exchange/datasets/" + code + "/batches").header("Authorization", "Bearer " + token)
                .contentType("text/csv; charset=UTF-8").content(csv.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        String body = response.getContentAsString();
        assertThat((Integer) JsonPath.read(body, "$.received")).isEqualTo(5);
        assertThat((Integer) JsonPath.read(body, "$.accepted")).isEqualTo(2);
        assertThat((Integer) JsonPath.read(body, "$.quarantined")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(body, "$.corrected")).isEqualTo(1);
        Map<String, Integer> corrections = JsonPath.read(body, "$.corrections");
        assertThat(corrections).containsEntry("trim", 1).containsEntry("width", 1).containsEntry("date", 1);
        long batch = ((Number) JsonPath.read(body, "$.batchId")).longValue();

        List<Map<String, Object>> quarantined = jdbc.sql("select line_no, field, reason_code, convert_from(raw, 'UTF8') raw from exchange.quarantine where batch_id = ? order by line_no")
                .param(batch).query().listOfRows();
        assertThat(quarantined).extracting(r -> r.get("line_no")).containsExactly(4L, 5L, 6L);
        assertThat(quarantined.get(0).get("reason_code")).isEqualTo("code.id-number.check");
        assertThat(quarantined.get(0).get("field")).isEqualTo("公民身份号码");
        assertThat((String) quarantined.get(0).get("raw")).startsWith(badCheck + ",郑三");
        assertThat(quarantined.get(1).get("reason_code")).isEqualTo("exchange.reason.duplicate-key");
        assertThat((String) quarantined.get(1).get("raw")).contains("周一改");
        assertThat(quarantined.get(2).get("reason_code")).isEqualTo("exchange.reason.field-count");

        StoredRecord stored = ExchangeFixture.latest(store, code, wide);
        assertThat(stored.payload()).isEqualTo(
                new String[] {wide, "吴二", "男", "汉族", "1981-06-18", "海川市东湖区1号", "379903", "正常", "2026-01-01"});
        assertThat(stored.source()).isEqualTo("gaj");
        assertThat(stored.batchId()).isEqualTo(batch);
        assertThat(stored.deleted()).isFalse();
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'exchange.batch' and target = ?").param("batch:" + batch)
                .query(Long.class).single()).isEqualTo(1);
    }
}
