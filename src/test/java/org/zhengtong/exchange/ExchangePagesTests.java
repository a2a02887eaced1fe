package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.shared.IdCardNumber;

/**
 * The exchange's pages as their users meet them: each role sees its own scope; a data officer fixes a rejected
 * record (a value still wrong is explained and changes nothing; a right one is stored and the record marked), or
 * discards it with a reason; another department's records stay out of reach; the dashboards show lag alerts.
 */
@PlatformTest
class ExchangePagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry meters;
    @Autowired PrometheusMeterRegistry prometheus;

    // pages and scope

    @Test
    void eachRoleOpensItsPagesAndSeesItsScope() throws Exception {
        MockHttpSession officer = Logins.session(mvc, "gaj.officer");
        String datasets = page(get("/exchange/datasets"), officer);
        assertThat(datasets).contains("海川市户籍人口信息", "海川市婚姻登记记录", "提供这个数据集", "获得了这个数据集的共享授权", "最近的批次",
                "<th scope=\"row\">户籍地行政区划代码</th>", "<th scope=\"row\">男方公民身份号码</th>")
                .doesNotContain("海川市主要经济指标", "海川市市场主体登记信息");
        String monitor = page(get("/exchange"), officer);
        assertThat(monitor).contains("交换监控", "海川市公安局", "海川市户籍人口信息", "chart-datasets", "datasets-table", "daily-table")
                .doesNotContain("海川市主要经济指标");
        assertThat(page(get("/exchange/subscriptions"), officer)).contains("本部门的订阅", "海川市婚姻登记记录", "海川市死亡登记信息");

        MockHttpSession admin = Logins.session(mvc, "admin");
        assertThat(page(get("/exchange/overview"), admin)).contains("交换总览", "全市", "海川市主要经济指标", "海川市市场主体登记信息",
                "海川市婚姻登记记录");
        assertThat(page(get("/exchange/datasets"), admin)).contains("全市可交换的数据集", "海川市主要经济指标");

        MockHttpSession mayor = Logins.session(mvc, "mayor");
        assertThat(page(get("/exchange/overview"), mayor)).contains("全市", "海川市主要经济指标", "subscriptions-table");
        assertThat(mvc.perform(get("/exchange/quarantine").session(mayor)).andReturn().getResponse().getStatus()).isEqualTo(403);

        MockHttpSession dataadmin = Logins.session(mvc, "dataadmin");
        assertThat(page(get("/exchange/overview?lang=en"), dataadmin)).contains("Exchange overview", "whole city", "Received, stored and rejected");
    }

    @Test
    void anOfficerSeesOnlyTheRejectedRecordsOfItsOwnDatasetsAndCannotTouchOthers() throws Exception {
        long mzjRecord = jdbc.sql("""
                select q.id from exchange.quarantine q join exchange.dataset d on d.code = q.dataset
                where d.provider = 'mzj' and q.status = 'OPEN' order by q.id limit 1""").query(Long.class).single();
        MockHttpSession officer = Logins.session(mvc, "gaj.officer");
        String list = page(get("/exchange/quarantine"), officer);
        assertThat(list).contains("海川市户籍人口信息").doesNotContain("海川市婚姻登记记录", "海川市死亡登记信息");
        assertThat(page(get("/exchange/quarantine?dataset=" + dataset(ExchangeFixture.MARRIAGES)), officer))
                .contains("没有这样的问题数据");

        assertThat(status(get("/exchange/quarantine/" + mzjRecord), officer)).isEqualTo(404);
        assertThat(status(post("/exchange/quarantine/" + mzjRecord + "/discard").param("reason", "不是我们的"), officer)).isEqualTo(404);
        assertThat(status(post("/exchange/quarantine/" + mzjRecord + "/resubmit").param("item.登记证号", "X"), officer)).isEqualTo(404);
        assertThat(jdbc.sql("select status from exchange.quarantine where id = ?").param(mzjRecord).query(String.class).single()).isEqualTo("OPEN");
        assertThat(jdbc.sql("""
                select count(*) from audit.audit_record where actor = 'gaj.officer' and action in ('exchange.quarantine.discard', 'exchange.quarantine.read')
                and target = ? and outcome = 'DENIED'""").param("quarantine:" + mzjRecord).query(Long.class).single()).isEqualTo(2);
        assertThat(status(get("/exchange/quarantine/99999999"), officer)).isEqualTo(404);

        MockHttpSession mzj = Logins.session(mvc, "mzj.officer");
        assertThat(page(get("/exchange/quarantine/" + mzjRecord), mzj)).contains("问题记录", "原始内容", "重新提交", "作废");
    }

    // fixing a rejected record

    @Test
    void aValueThatIsStillWrongIsExplainedInTheReadersLanguageAndChangesNothing() throws Exception {
        String right = ExchangeFixture.id(LocalDate.of(1971, 2, 3), 401);
        long id = rejected(right, "卫一");
        MockHttpSession officer = Logins.session(mvc, "gaj.officer");

        String record = page(get("/exchange/quarantine/" + id), officer);
        assertThat(record).contains(wrong(right, 0) + ",卫一,男", "身份证号码 " + wrong(right, 0) + " 的校验码不正确", "value=\"卫一\"",
                "name=\"item.公民身份号码\"", "value=\"" + wrong(right, 0) + "\"", "aria-invalid=\"true\"");
        assertThat(audits("exchange.quarantine.read", id)).isEqualTo(1);

        long resubmits = jdbc.sql("select count(*) from exchange.batch where channel = 'RESUBMIT'").query(Long.class).single();
        String still = wrong(right, 1);
        String answer = page(fix(id, still, "卫一", "379902"), officer);
        assertThat(answer).contains("身份证号码 " + still + " 的校验码不正确", "value=\"" + still + "\"");
        answer = page(fix(id, right, "", "379999"), officer);
        assertThat(answer).contains("姓名 不能为空", "户籍地行政区划代码 不是现行行政区划代码：379999", "value=\"379999\"");
        answer = page(fix(id, still, "卫一", "379902").param("lang", "en"), Logins.session(mvc, "gaj.officer"));
        assertThat(answer).contains("The check character of ID number " + still + " is wrong");

        assertThat(jdbc.sql("select status from exchange.quarantine where id = ?").param(id).query(String.class).single()).isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from exchange.batch where channel = 'RESUBMIT'").query(Long.class).single()).isEqualTo(resubmits);
        assertThat(stored(right)).isNull();
        assertThat(stored(still)).isNull();
        assertThat(audits("exchange.quarantine.resubmit", id)).isZero();
    }

    @Test
    void aCorrectedRecordIsStoredThroughThePipelineAndTheRejectedOneMarkedResubmitted() throws Exception {
        String right = ExchangeFixture.id(LocalDate.of(1972, 4, 5), 402);
        long id = rejected(right, "卫二");
        MockHttpSession officer = Logins.session(mvc, "gaj.officer");

        var response = mvc.perform(fix(id, " " + right.toLowerCase() + " ", "卫二", "３７９９０２").session(officer).with(csrf())).andReturn()
                .getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).isEqualTo("/exchange/quarantine");

        Map<String, Object> row = jdbc.sql("select status, resubmit_batch, handled_by, handled_at from exchange.quarantine where id = ?").param(id)
                .query().singleRow();
        assertThat(row.get("status")).isEqualTo("RESUBMITTED");
        assertThat(row.get("handled_by")).isEqualTo("gaj.officer");
        assertThat(row.get("handled_at")).isNotNull();
        long batch = (Long) row.get("resubmit_batch");
        Map<String, Object> b = jdbc.sql("select channel, status, received, accepted, corrected, submitted_by from exchange.batch where id = ?")
                .param(batch).query().singleRow();
        assertThat(b).containsEntry("channel", "RESUBMIT").containsEntry("status", "DONE").containsEntry("received", 1).containsEntry("accepted", 1)
                .containsEntry("corrected", 1).containsEntry("submitted_by", "gaj.officer");
        assertThat(stored(right)).isEqualTo(new String[] {right, "卫二", "男", "汉族", right.substring(6, 10) + "-" + right.substring(10, 12) + "-"
                + right.substring(12, 14), "海川市东湖区1号", "379902", "正常", "2026-01-01"});
        assertThat(jdbc.sql("select batch_id from exchange.record where dataset = ? and record_key = ?").params(population(), right)
                .query(Long.class).single()).isEqualTo(batch);
        assertThat(audits("exchange.quarantine.resubmit", id)).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'exchange.batch' and target = ?").param("batch:" + batch)
                .query(Long.class).single()).isEqualTo(1);

        String page = page(get("/exchange/quarantine?status=RESUBMITTED"), officer);
        assertThat(page).contains("查看与处理 " + id);
        assertThat(page(get("/exchange/quarantine/" + id), officer)).contains("已重新提交", String.valueOf(batch)).doesNotContain("id=\"fix-form\"");
        // Done is done: the same record cannot be resubmitted or discarded again.
        var again = mvc.perform(fix(id, right, "卫二", "379902").session(officer).with(csrf())).andReturn().getResponse();
        assertThat(again.getRedirectedUrl()).isEqualTo("/exchange/quarantine/" + id);
        assertThat(jdbc.sql("select count(*) from exchange.batch where channel = 'RESUBMIT' and id > ?").param(batch).query(Long.class).single())
                .isZero();
    }

    @Test
    void discardingNeedsAReasonAndKeepsIt() throws Exception {
        String right = ExchangeFixture.id(LocalDate.of(1973, 6, 7), 403);
        long id = rejected(right, "卫三");
        MockHttpSession officer = Logins.session(mvc, "gaj.officer");

        String answer = page(post("/exchange/quarantine/" + id + "/discard").param("reason", "   "), officer);
        assertThat(answer).contains("作废理由：请写明为什么作废这条记录", "id=\"discard-reason-problem\"");
        assertThat(page(post("/exchange/quarantine/" + id + "/discard").param("lang", "en"), Logins.session(mvc, "gaj.officer")))
                .contains("Reason for discarding: say why this record is discarded");
        assertThat(jdbc.sql("select status from exchange.quarantine where id = ?").param(id).query(String.class).single()).isEqualTo("OPEN");

        var response = mvc.perform(post("/exchange/quarantine/" + id + "/discard").param("reason", "重复报送，源系统已更正").session(officer).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);
        Map<String, Object> row = jdbc.sql("select status, discard_reason, handled_by from exchange.quarantine where id = ?").param(id).query()
                .singleRow();
        assertThat(row).containsEntry("status", "DISCARDED").containsEntry("discard_reason", "重复报送，源系统已更正")
                .containsEntry("handled_by", "gaj.officer");
        assertThat(audits("exchange.quarantine.discard", id)).isEqualTo(1);
        assertThat(stored(wrong(right, 0))).isNull();
        assertThat(page(get("/exchange/quarantine?status=DISCARDED"), officer)).contains("查看与处理 " + id);
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'exchange.quarantine.list' and actor = 'gaj.officer'")
                .query(Long.class).single()).isPositive();
    }

    // monitoring

    @Test
    void aSubscriptionFallingBehindRaisesAnAlertOnTheDashboardsInTheGaugesAndOnceInTheLog() throws Exception {
        String indicators = dataset(ExchangeFixture.INDICATORS);
        long subscription = jdbc.sql("select id from exchange.subscription where dataset = ? and consumer = 'fgw' and status = 'ACTIVE'")
                .param(indicators).query(Long.class).single();
        Logger logger = (Logger) LoggerFactory.getLogger(ExchangeMonitor.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        // 发改委 has pulled nothing; make what waits for it three hours old.
        jdbc.sql("update exchange.record set updated_at = updated_at - interval '3 hours' where dataset = ?").param(indicators).update();
        try {
            MockHttpSession fgw = Logins.session(mvc, "fgw.officer");
            String monitor = page(get("/exchange"), fgw);
            assertThat(monitor).contains("id=\"lag-alerts\"", "海川市发展和改革委员会订阅的海川市主要经济指标", "超过告警阈值 60 分钟");
            assertThat(page(get("/exchange/subscriptions"), fgw)).contains("超过 60 分钟");
            assertThat(page(get("/exchange/overview"), Logins.session(mvc, "mayor"))).contains("id=\"lag-alerts\"", "海川市主要经济指标");
            assertThat(page(get("/exchange"), Logins.session(mvc, "gaj.officer"))).doesNotContain("海川市主要经济指标");

            var lag = meters.find("zt.exchange.lag.seconds").tag("subscription", Long.toString(subscription)).gauge();
            assertThat(lag).isNotNull();
            assertThat(lag.value()).isGreaterThan(3 * 3600 - 60);
            var backlog = meters.find("zt.exchange.backlog.records").tag("subscription", Long.toString(subscription)).gauge();
            assertThat(backlog.value()).isPositive().isEqualTo(jdbc.sql("select count(*) from exchange.record where dataset = ?")
                    .param(indicators).query(Long.class).single().doubleValue());
            assertThat(meters.find("zt.exchange.quarantine.open").tag("dataset", indicators).gauge().value()).isGreaterThanOrEqualTo(1);
            assertThat(prometheus.scrape()).contains("zt_exchange_lag_seconds{consumer=\"fgw\",dataset=\"" + indicators + "\",subscription=\""
                    + subscription + "\"}", "zt_exchange_backlog_records{", "zt_exchange_quarantine_open{dataset=\"" + indicators + "\"}");

            assertThat(log.list).filteredOn(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
                    && e.getFormattedMessage().startsWith("Exchange lag alert: subscription " + subscription + " ")).hasSize(1);
        } finally {
            jdbc.sql("update exchange.record set updated_at = updated_at + interval '3 hours' where dataset = ?").param(indicators).update();
            logger.detachAppender(log);
        }
    }

    // subscriptions

    @Test
    void anOfficerSubscribesToAGrantedDatasetAndCancelsOnlyItsOwnSubscriptions() throws Exception {
        String deaths = dataset(ExchangeFixture.DEATHS);
        MockHttpSession officer = Logins.session(mvc, "gaj.officer");
        String form = page(get("/exchange/subscriptions").param("dataset", deaths), officer);
        assertThat(form).contains("订阅海川市死亡登记信息", "name=\"items\"", "value=\"死亡日期\"").doesNotContain("value=\"火化日期\"");

        String refused = page(post("/exchange/subscriptions").param("dataset", deaths).param("mode", "WEBHOOK"), officer);
        assertThat(refused).contains("请填写分发目标", "订阅海川市死亡登记信息");
        assertThat(page(post("/exchange/subscriptions").param("dataset", deaths).param("mode", "PULL"), officer))
                .contains("已经以同样的方式订阅了数据集");
        assertThat(page(post("/exchange/subscriptions"), officer)).contains("数据集：请选择要订阅的数据集");

        var response = mvc.perform(post("/exchange/subscriptions").param("dataset", deaths).param("mode", "WEBHOOK")
                .param("target", "https://gaj.example.invalid/exchange").param("items", "公民身份号码", "死亡日期").session(officer).with(csrf()))
                .andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(302);
        long id = jdbc.sql("select id from exchange.subscription where consumer = 'gaj' and mode = 'WEBHOOK' and status = 'ACTIVE'")
                .query(Long.class).single();
        assertThat(jdbc.sql("select items from exchange.subscription where id = ?").param(id).query((rs, n) -> rs.getArray(1).getArray()).single())
                .isEqualTo(new String[] {"公民身份号码", "死亡日期"});
        assertThat(page(get("/exchange/subscriptions"), officer)).contains("推送到地址", "https://gaj.example.invalid/exchange");

        long other = jdbc.sql("select id from exchange.subscription where consumer = 'rsj' and status = 'ACTIVE' order by id limit 1")
                .query(Long.class).single();
        assertThat(status(post("/exchange/subscriptions/" + other + "/cancel"), officer)).isEqualTo(404);
        assertThat(jdbc.sql("select status from exchange.subscription where id = ?").param(other).query(String.class).single()).isEqualTo("ACTIVE");

        assertThat(status(post("/exchange/subscriptions/" + id + "/cancel"), officer)).isEqualTo(302);
        assertThat(jdbc.sql("select status from exchange.subscription where id = ?").param(id).query(String.class).single()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action in ('exchange.subscribe', 'exchange.unsubscribe') and target = ?")
                .param("subscription:" + id).query(Long.class).single()).isEqualTo(2);
    }

    // helpers

    /** Publishes, as 公安局's system, one person whose ID number has a wrong check character; returns the rejected record. */
    private long rejected(String right, String name) throws Exception {
        String csv = ExchangeFixture.POPULATION_HEADER + "\n" + ExchangeFixture.person(wrong(right, 0), name, "379902") + "\n";
        String token = Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD);
        var response = mvc.perform(post("/api/v1/exchange/datasets/" + population() + "/batches").header("Authorization", "Bearer " + token)
                .contentType("text/csv; charset=UTF-8").content(csv.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        long batch = ((Number) JsonPath.read(response.getContentAsString(), "$.batchId")).longValue();
        return jdbc.sql("select id from exchange.quarantine where batch_id = ? and reason_code = 'code.id-number.check'").param(batch)
                .query(Long.class).single();
    }

    /** The ID number with its check character replaced by the k-th character that is not the right one. */
    static String wrong(String right, int k) {
        char check = IdCardNumber.checkCharacter(right.substring(0, 17));
        List<Character> others = "0123456789X".chars().mapToObj(c -> (char) c).filter(c -> c != check).toList();
        return right.substring(0, 17) + others.get(k);
    }

    private MockHttpServletRequestBuilder fix(long id, String number, String name, String division) {
        String birth = number.strip().length() >= 14 ? number.strip().substring(6, 10) + "-" + number.strip().substring(10, 12) + "-"
                + number.strip().substring(12, 14) : "";
        return post("/exchange/quarantine/" + id + "/resubmit").param("item.公民身份号码", number).param("item.姓名", name).param("item.性别", "男")
                .param("item.民族", "汉族").param("item.出生日期", birth).param("item.户籍地址", "海川市东湖区1号").param("item.户籍地行政区划代码", division)
                .param("item.人口状态", "正常").param("item.登记日期", "2026-01-01");
    }

    private String population() {
        return dataset(ExchangeFixture.POPULATION);
    }

    /** The demo dataset of this name (the demo catalog may hold an entry of the same name that is not exchanged). */
    private String dataset(String name) {
        return jdbc.sql("""
                select r.code from catalog.resource r join catalog.resource_version v on v.resource_id = r.id and v.version = r.published_version
                where v.name = ? and r.code in (select code from exchange.dataset)""").param(name).query(String.class).single();
    }

    private String @org.jspecify.annotations.Nullable [] stored(String key) {
        return jdbc.sql("select payload from exchange.record where dataset = ? and record_key = ?").params(population(), key)
                .query((rs, n) -> (String[]) rs.getArray(1).getArray()).optional().orElse(null);
    }

    private long audits(String action, long id) {
        return jdbc.sql("select count(*) from audit.audit_record where action = ? and target = ? and outcome = 'SUCCESS'")
                .params(action, "quarantine:" + id).query(Long.class).single();
    }

    private String page(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        if (!"GET".equals(request.buildRequest(new org.springframework.mock.web.MockServletContext()).getMethod())) {
            request = request.with(csrf());
        }
        MockHttpServletResponse response = mvc.perform(request.session(session)).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private int status(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        return mvc.perform(request.session(session).with(csrf())).andReturn().getResponse().getStatus();
    }
}
