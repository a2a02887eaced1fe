package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.Cookie;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.catalog.Grant;
import org.zhengtong.catalog.NewShareRequest;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.exchange.internal.DropFolders;
import org.zhengtong.exchange.internal.JdbcTargets;
import org.zhengtong.exchange.internal.PushDelivery;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.OrganizationCode;
import org.zhengtong.shared.Sm2;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * The exchange's other channels, against real parts only: a department's own PostgreSQL database (a second
 * database in the embedded cluster) read in full and incrementally, files dropped into a dataset's folder, a real
 * HTTP server receiving signed pages, and a subscriber's database receiving upserts.
 */
@PlatformTest
class ExchangeChannelsTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    static final String HEADER = ExchangeFixture.POPULATION_HEADER;

    @Autowired Sources sources;
    @Autowired DropFolders drops;
    @Autowired PushDelivery delivery;
    @Autowired Subscriptions subscriptions;
    @Autowired ExchangeHub hub;
    @Autowired SharingManagement sharing;
    @Autowired PersonAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    // pull from the department's database

    @Test
    void aDepartmentDatabaseIsPulledInFullThenIncrementallyAndTheWatermarkMovesOnlyWithCommittedBatches() throws Exception {
        String code = dataset(ExchangeFixture.POPULATION);
        String url = department("dept_gaj", "gaj_reader");
        try (Connection c = connect(url, "gaj_reader")) {
            exec(c, """
                    create table hj_population ("公民身份号码" text, "姓名" text, "性别" text, "民族" text, "出生日期" date, "户籍地址" text,
                      "户籍地行政区划代码" text, "人口状态" text, "登记日期" date, "变更序号" bigint, "内部备注" text)""");
            for (int i = 1; i <= 5; i++) {
                insertPerson(c, person(i), "同步" + i, i);
            }
            String bad = person(6).substring(0, 17) + (person(6).charAt(17) == '0' ? '1' : '0');
            insertPerson(c, bad, "校验错", 6);
        }
        signIn("gaj.officer");
        sources.save(code, settings(url, "gaj_reader", "public.hj_population", "FULL", null));
        Source full = run(code);
        assertThat(full.state()).as(String.valueOf(full.lastErrorCode())).isEqualTo("DONE");
        assertThat(full.rowsRead()).isEqualTo(6);
        assertThat(full.watermark()).isNull();
        BatchResult first = hub.batch(full.lastBatch());
        assertThat(first.channel()).isEqualTo("PULL");
        assertThat(first.received()).isEqualTo(6);
        assertThat(first.accepted()).isEqualTo(5);
        assertThat(first.quarantined()).isEqualTo(1);
        assertThat(jdbc.sql("select reason_code || ' ' || field from exchange.quarantine where batch_id = ?").param(first.batchId())
                .query(String.class).single()).isEqualTo("code.id-number.check 公民身份号码");
        assertThat(payload(code, person(3))).containsExactly(person(3), "同步3", "男", "汉族", birth(3).toString(), "海川市东湖区1号", "379902", "正常",
                "2026-01-01");

        // Incremental by the change number: the first run reads everything, then only what changed.
        sources.save(code, settings(url, "gaj_reader", "select * from hj_population where \"人口状态\" <> '注销'", "INCREMENTAL", "变更序号"));
        assertThat(sources.source(code).watermark()).as("a new query starts afresh").isNull();
        Source all = run(code);
        assertThat(all.rowsRead()).isEqualTo(6);
        assertThat(all.watermark()).isEqualTo("6");
        try (Connection c = connect(url, "gaj_reader")) {
            insertPerson(c, person(7), "新增七", 7);
            insertPerson(c, person(8), "新增八", 8);
            exec(c, "update hj_population set \"姓名\" = '改名一', \"变更序号\" = 9 where \"公民身份号码\" = '" + person(1) + "'");
        }
        Source changed = run(code);
        assertThat(changed.rowsRead()).isEqualTo(3);
        assertThat(changed.watermark()).isEqualTo("9");
        BatchResult second = hub.batch(changed.lastBatch());
        assertThat(second.received()).isEqualTo(3);
        assertThat(second.accepted()).isEqualTo(3);
        assertThat(payload(code, person(1))[1]).isEqualTo("改名一");
        assertThat(payload(code, person(8))[1]).isEqualTo("新增八");

        Source idle = run(code);
        assertThat(idle.rowsRead()).isZero();
        assertThat(idle.lastBatch()).as("nothing new, no batch").isEqualTo(changed.lastBatch());
        assertThat(idle.watermark()).isEqualTo("9");

        // A run that breaks half-way stores nothing and keeps the watermark; the next one reads the same rows again.
        try (Connection c = connect(url, "gaj_reader")) {
            insertPerson(c, person(10), "十号", 10);
            insertPerson(c, person(11), "十一号", 11);
        }
        sources.save(code, settings(url, "gaj_reader", "select *, 1 / (\"变更序号\" - 11) as \"除零\" from hj_population", "INCREMENTAL", "变更序号"));
        jdbc.sql("update exchange.source set watermark = '9' where dataset = ?").param(code).update();
        Source broken = run(code);
        assertThat(broken.state()).isEqualTo("FAILED");
        assertThat(broken.lastErrorCode()).isEqualTo("exchange.source-query-failed");
        assertThat(broken.lastErrorArgs().getFirst()).contains("22012");
        assertThat(broken.watermark()).isEqualTo("9");
        assertThat(jdbc.sql("select count(*) from exchange.record where dataset = ? and record_key = ?").params(code, person(10))
                .query(Long.class).single()).isZero();
        sources.save(code, settings(url, "gaj_reader", "select * from hj_population where \"人口状态\" <> '注销'", "INCREMENTAL", "变更序号"));
        jdbc.sql("update exchange.source set watermark = '9' where dataset = ?").param(code).update();
        Source mended = run(code);
        assertThat(mended.rowsRead()).isEqualTo(2);
        assertThat(mended.watermark()).isEqualTo("11");
        assertThat(payload(code, person(10))[1]).isEqualTo("十号");
        assertThat(audits("exchange.source.save", "dataset:" + code)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void theClockRunsAnEnabledSourceAndATimestampColumnNeverSkipsRowsCommittedLateAtTheSameTime() throws Exception {
        String code = dataset(ExchangeFixture.ENTERPRISES);
        String url = department("dept_scjgj", "scjgj_reader");
        try (Connection c = connect(url, "scjgj_reader")) {
            exec(c, """
                    create table qy ("统一社会信用代码" text primary key, "企业名称" text, "法定代表人" text, "企业类型" text, "注册资本" numeric,
                      "成立日期" date, "住所" text, "所在区县代码" text, "登记状态" text, "更新时间" timestamptz not null)""");
            for (int i = 1; i <= 3; i++) {
                insertEnterprise(c, i, "2026-03-01 08:00:0" + i + "+08");
            }
        }
        signIn("scjgj.officer");
        sources.save(code, new SourceSettings(url, "scjgj_reader", "Reader@2026", "qy", "INCREMENTAL", "更新时间", "INTERVAL", "3600", null, true));
        await(() -> asOfficer("scjgj.officer", () -> sources.source(code).lastBatch() != null && !sources.source(code).running()),
                Duration.ofSeconds(30), "the clock runs a due source by itself");
        signIn("scjgj.officer");
        Source scheduled = sources.source(code);
        assertThat(scheduled.state()).isEqualTo("DONE");
        assertThat(scheduled.rowsRead()).isEqualTo(3);
        assertThat(scheduled.watermark()).startsWith("2026-03-01 0").contains(":03");
        assertThat(scheduled.nextRunAt()).isAfter(Instant.now().plusSeconds(3000));
        assertThat(hub.batch(scheduled.lastBatch()).accepted()).isEqualTo(3);
        assertThat(payload(code, creditCode(2))[1]).isEqualTo("海川市测试企业2有限公司");

        // The last timestamp is read again (a row may commit late with it), but alone it publishes nothing.
        sources.save(code, new SourceSettings(url, "scjgj_reader", null, "qy", "INCREMENTAL", "更新时间", "INTERVAL", "3600", null, false));
        Source again = run(code);
        assertThat(again.rowsRead()).isEqualTo(1);
        assertThat(again.lastBatch()).isEqualTo(scheduled.lastBatch());
        try (Connection c = connect(url, "scjgj_reader")) {
            insertEnterprise(c, 4, "2026-03-01 08:00:03+08");
        }
        Source late = run(code);
        assertThat(late.rowsRead()).isEqualTo(2);
        assertThat(late.lastBatch()).isNotEqualTo(scheduled.lastBatch());
        assertThat(payload(code, creditCode(4))[1]).isEqualTo("海川市测试企业4有限公司");
    }

    @Test
    void badSourceSettingsAreRefusedFieldByFieldAndTheHubsOwnDatabaseIsNoSource() throws Exception {
        String code = dataset(ExchangeFixture.POPULATION);
        signIn("gaj.officer");
        assertThatThrownBy(() -> sources.save(code, new SourceSettings("mysql://x", null, null, "drop table x", "INCREMENTAL", null, "CRON",
                "every day", null, true)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .containsExactlyInAnyOrder("jdbcUrl", "query", "incrementalColumn", "scheduleValue"));
        assertThatThrownBy(() -> sources.save(code, new SourceSettings("jdbc:postgresql://h/db?socketFactory=x.Y", null, null, "t", "FULL", null,
                "WINDOW", "25:00-06:00", 5, true)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(p -> p.field())
                        .containsExactlyInAnyOrder("jdbcUrl", "scheduleValue", "windowInterval"));
        assertThat(JdbcTargets.check("jdbcUrl", "jdbc:postgresql://h/db?%73ocketFactory=x.Y")).as("an encoded parameter name").isNotNull();
        assertThat(JdbcTargets.check("jdbcUrl", "jdbc:postgresql://h:5432/db?sslmode=require&ApplicationName=gaj")).isNull();
        String hubUrl = hubUrl();
        assertThatThrownBy(() -> sources.test(code, settings(hubUrl, "zhengtong", "exchange.record", "FULL", null)))
                .isInstanceOfSatisfying(ChannelProblem.class, e -> assertThat(e.code()).isEqualTo("exchange.hub-database"));
        String other = dataset(ExchangeFixture.ENTERPRISES);
        assertThatThrownBy(() -> sources.save(other, settings("jdbc:postgresql://h/db", null, "t", "FULL", null)))
                .isInstanceOfSatisfying(ExchangeProblem.class, e -> assertThat(e.code()).isEqualTo("exchange.not-provider"));

        // On the page, in both languages, each problem beside its field.
        var officer = Logins.session(mvc, "gaj.officer");
        String zh = mvc.perform(post("/exchange/sources/" + code).session(officer).with(csrf()).param("jdbcUrl", "mysql://x").param("query", "t")
                .param("mode", "FULL").param("scheduleKind", "INTERVAL").param("scheduleValue", "5")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(zh).contains("数据库地址应以 jdbc:postgresql: 开头", "同步间隔应是 10 到 604,800 之间的秒数", "aria-invalid=\"true\"");
        String en = mvc.perform(post("/exchange/sources/" + code).session(officer).with(csrf()).cookie(new Cookie("zt-lang", "en"))
                .param("jdbcUrl", "mysql://x").param("query", "t").param("mode", "FULL").param("scheduleKind", "INTERVAL").param("scheduleValue", "5"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(en).contains("The database address starts with jdbc:postgresql:", "The sync interval is a number of seconds from 10 to 604,800");
    }

    @Test
    void theSourcesPageShowsEachDatasetsFolderAndSourceTestsTheConnectionAndMakesANodeKeyOnce() throws Exception {
        String code = dataset(ExchangeFixture.DEATHS);
        String url = department("dept_mzj", "mzj_reader");
        try (Connection c = connect(url, "mzj_reader")) {
            exec(c, "create table sw (\"公民身份号码\" text, \"姓名\" text, \"死亡日期\" date, \"备注\" text)");
        }
        assertThat(mvc.perform(get("/exchange/sources").session(Logins.session(mvc, "gaj.officer"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        var officer = Logins.session(mvc, "mzj.officer");
        var page = mvc.perform(get("/exchange/sources").session(officer)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains(ExchangeFixture.DEATHS, "exchange" + java.io.File.separator + "drop" + java.io.File.separator
                + code.replace('/', '_'), "尚未配置数据库同步");
        assertThat(Files.isDirectory(drops.folder(code).resolve(DropFolders.PROCESSING))).isTrue();

        String tested = mvc.perform(post("/exchange/sources/" + code + "/test").session(officer).with(csrf()).param("jdbcUrl", url)
                .param("jdbcUser", "mzj_reader").param("jdbcSecret", "Reader@2026").param("query", "sw").param("mode", "FULL")
                .param("scheduleKind", "CRON").param("scheduleValue", "0 0 2 * * *")).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(tested).contains("连接成功：PostgreSQL", "公民身份号码", "备注", "户籍地行政区划代码");

        var saved = mvc.perform(post("/exchange/sources/" + code).session(officer).with(csrf()).param("jdbcUrl", url).param("jdbcUser", "mzj_reader")
                .param("jdbcSecret", "Reader@2026").param("query", "sw").param("mode", "FULL").param("scheduleKind", "WINDOW")
                .param("scheduleValue", "22:00-06:00").param("windowInterval", "600")).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        signIn("mzj.officer");
        Source source = sources.source(code);
        assertThat(source.enabled()).isFalse();
        assertThat(source.hasSecret()).isTrue();
        assertThat(source.scheduleKind()).isEqualTo("WINDOW");

        var run = mvc.perform(post("/exchange/sources/" + code + "/run").session(officer).with(csrf())).andReturn().getResponse();
        assertThat(run.getStatus()).isEqualTo(302);
        await(() -> asOfficer("mzj.officer", () -> !sources.source(code).running() && sources.source(code).finishedAt() != null),
                Duration.ofSeconds(20), "the run started by hand ends");
        String progress = mvc.perform(get("/exchange/sources/" + code + "/progress").session(officer)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(progress).contains("失败", "户籍地行政区划代码").doesNotContain("hx-trigger");

        var key = mvc.perform(post("/exchange/sources/node-key").session(officer).with(csrf())).andReturn().getResponse();
        assertThat(key.getStatus()).isEqualTo(200);
        String pem = key.getContentAsString(StandardCharsets.UTF_8);
        assertThat(pem).contains("PRIVATE KEY", "只显示这一次");
        assertThat(jdbc.sql("select private_key is null from exchange.node_key where department = 'mzj'").query(Boolean.class).single()).isTrue();
    }

    // file drop

    @Test
    void droppedFilesArePublishedInUtf8AndGb18030AndARefusedOneIsExplainedInBothLanguages() throws Exception {
        String code = dataset(ExchangeFixture.POPULATION);
        signIn("gaj.officer");
        Path dir = sources.dropFolder(code);
        String a = ExchangeFixture.id(LocalDate.of(1991, 2, 3), 701);
        String b = ExchangeFixture.id(LocalDate.of(1992, 3, 4), 702);
        String c = ExchangeFixture.id(LocalDate.of(1993, 4, 5), 703);
        Files.writeString(dir.resolve("people-1.csv.part"), HEADER + "\n" + ExchangeFixture.person(a, "文件甲", "379902") + "\n");
        Files.move(dir.resolve("people-1.csv.part"), dir.resolve("people-1.csv"));
        Files.write(dir.resolve("people-2.gb18030.csv"), (HEADER + "\r\n" + ExchangeFixture.person(b, "欧阳䶮", "379903") + "\r\n")
                .getBytes(Charset.forName("GB18030")));
        Files.writeString(dir.resolve("bad.csv"), HEADER + ",不存在的列\n" + ExchangeFixture.person(c, "丙", "379902") + ",x\n");
        Files.writeString(dir.resolve("half.csv.part"), HEADER + "\n");
        // A file the hub was working on when it stopped is published on the next look.
        Files.writeString(dir.resolve(DropFolders.PROCESSING).resolve("left.csv"), HEADER + "\n" + ExchangeFixture.person(c, "遗留丙", "379904") + "\n");

        await(() -> {
            drops.poll();
            return Files.exists(dir.resolve("done/people-1.csv")) && Files.exists(dir.resolve("done/people-2.gb18030.csv"))
                    && Files.exists(dir.resolve("failed/bad.csv")) && Files.exists(dir.resolve("done/left.csv"));
        }, Duration.ofSeconds(20), "the dropped files are taken");

        assertThat(payload(code, a)[1]).isEqualTo("文件甲");
        assertThat(payload(code, b)[1]).as("GB18030, four-byte character included").isEqualTo("欧阳䶮");
        assertThat(payload(code, b)[6]).isEqualTo("379903");
        assertThat(payload(code, c)[1]).isEqualTo("遗留丙");
        assertThat(jdbc.sql("select distinct channel from exchange.batch b join exchange.record r on r.batch_id = b.id where r.record_key in (?, ?)")
                .params(a, b).query(String.class).list()).containsExactly("FILE");
        assertThat(jdbc.sql("select charset from exchange.batch b join exchange.record r on r.batch_id = b.id where r.record_key = ?")
                .param(b).query(String.class).single()).isEqualTo("GB18030");
        String why = Files.readString(dir.resolve("failed/bad.csv.problem.txt"));
        assertThat(why).contains("整批未接收", "不存在的列", "Nothing was taken", "the header has columns the dataset does not", "exchange.unknown-columns");
        assertThat(Files.exists(dir.resolve("half.csv.part"))).as("a file still being written is left alone").isTrue();
        assertThat(Files.list(dir.resolve(DropFolders.PROCESSING)).toList()).isEmpty();
    }

    // push delivery

    @Test
    void aWebhookReceivesSignedPagesIsRetriedWithBackoffAndStopsTheMomentTheGrantIsRevoked() throws Exception {
        String code = dataset(ExchangeFixture.POPULATION);
        Grant grant = grant(code, "wjw", List.of("公民身份号码", "姓名", "人口状态"));
        Webhook hook = new Webhook(500, 500);
        try {
            signIn("wjw.officer");
            Subscription sub = subscriptions.subscribe(new NewSubscription(code, null, null, null, "WEBHOOK", hook.url(), null, null, null));
            parkFromClock(sub);
            while (hook.count(500) < 2) {
                delivery.deliverNow(sub.id());
            }
            var failing = jdbc.sql("select failures, last_error, extract(epoch from next_attempt_at - now()) wait, cursor from exchange.subscription where id = ?")
                    .param(sub.id()).query().singleRow();
            assertThat(failing.get("failures")).isEqualTo(2);
            assertThat((String) failing.get("last_error")).contains("HTTP 500");
            assertThat(((Number) failing.get("wait")).doubleValue()).as("the second failure waits twice as long").isBetween(7.0, 10.5);
            assertThat(failing.get("cursor")).isEqualTo(0L);

            PushDelivery.Outcome ok = delivery.deliverNow(sub.id());
            assertThat(ok.error()).isNull();
            long records = jdbc.sql("select count(*) from exchange.record where dataset = ?").param(code).query(Long.class).single();
            long head = jdbc.sql("select max(seq) from exchange.record where dataset = ?").param(code).query(Long.class).single();
            var after = jdbc.sql("select failures, last_error, cursor from exchange.subscription where id = ?").param(sub.id()).query().singleRow();
            assertThat(after.get("failures")).isEqualTo(0);
            assertThat(after.get("last_error")).isNull();
            assertThat(after.get("cursor")).isEqualTo(head);

            var hubKey = Sm2.publicKeyFromPem(hub.hubPublicKey());
            List<Webhook.Received> taken = hook.received.stream().filter(r -> r.status() == 200).toList();
            assertThat(taken).isNotEmpty();
            long delivered = 0;
            for (Webhook.Received r : taken) {
                assertThat(r.algorithm()).isEqualTo("SM3withSM2");
                assertThat(Sm2.verify(hubKey, r.body(), Base64.getDecoder().decode(r.signature()))).as("signed by the hub").isTrue();
                String json = new String(r.body(), StandardCharsets.UTF_8);
                delivered += ((Number) JsonPath.read(json, "$.count")).longValue();
                List<String> items = JsonPath.read(json, "$.items");
                assertThat(items).containsExactly("公民身份号码", "姓名", "人口状态");
            }
            assertThat(delivered).isEqualTo(records);
            byte[] forged = taken.getFirst().body().clone();
            forged[forged.length / 2] ^= 1;
            assertThat(Sm2.verify(hubKey, forged, Base64.getDecoder().decode(taken.getFirst().signature()))).isFalse();

            // The grant is revoked: nothing more leaves the hub, whatever is published.
            signIn("gaj.officer");
            sharing.revokeGrant(grant.id(), "卫健核查工作结束");
            String fresh = ExchangeFixture.id(LocalDate.of(1994, 5, 6), 801);
            hub.publish(code, new ByteArrayInputStream((HEADER + "\n" + ExchangeFixture.person(fresh, "撤销后", "379902") + "\n")
                    .getBytes(StandardCharsets.UTF_8)), "text/csv", null, null);
            int before = hook.received.size();
            PushDelivery.Outcome refused = delivery.deliverNow(sub.id());
            assertThat(refused.error()).isEqualTo("exchange.not-granted");
            assertThat(refused.pages()).isZero();
            assertThat(hook.received.size()).isEqualTo(before);
            var stopped = jdbc.sql("select last_error, cursor from exchange.subscription where id = ?").param(sub.id()).query().singleRow();
            assertThat(stopped.get("last_error")).isEqualTo("exchange.not-granted");
            assertThat(stopped.get("cursor")).isEqualTo(head);
            assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'exchange.deliver' and target = ? and outcome = 'DENIED'")
                    .param("subscription:" + sub.id()).query(Long.class).single()).isPositive();
        } finally {
            hook.stop();
        }
    }

    @Test
    void aSubscriberDatabaseTableReceivesUpsertsAndTombstonesAndAPageDeliveredTwiceChangesNothing() throws Exception {
        String code = dataset(ExchangeFixture.POPULATION);
        grant(code, "zwfwj", List.of("公民身份号码", "姓名", "人口状态"));
        String url = department("dept_zwfwj", "zwfwj_writer");
        signIn("zwfwj.officer");
        Subscription sub = subscriptions.subscribe(new NewSubscription(code, null, null, null, "JDBC", url, "public.hk_copy", "zwfwj_writer",
                "Writer@2026"));
        parkFromClock(sub);
        deliverAll(sub.id());
        long records = jdbc.sql("select count(*) from exchange.record where dataset = ?").param(code).query(Long.class).single();
        String someone = jdbc.sql("select record_key from exchange.record where dataset = ? and not deleted order by seq limit 1").param(code)
                .query(String.class).single();
        String name = payload(code, someone)[1];
        try (Connection c = connect(url, "zwfwj_writer")) {
            assertThat(count(c, "select count(*) from hk_copy")).isEqualTo(records);
            assertThat(text(c, "select \"姓名\" || '|' || \"人口状态\" || '|' || _deleted from hk_copy where _key = '" + someone + "'"))
                    .isEqualTo(name + "|正常|false");
            assertThat(count(c, "select count(*) from information_schema.columns where table_name = 'hk_copy' and column_name = '性别'"))
                    .as("only the subscribed items").isZero();
        }
        String digest = tableDigest(url);

        // The hub forgets the acknowledgement (as after a crash) and delivers every page again.
        jdbc.sql("update exchange.subscription set cursor = 0 where id = ?").param(sub.id()).update();
        PushDelivery.Outcome again = deliverAll(sub.id());
        assertThat(again.records()).isEqualTo(records);
        assertThat(tableDigest(url)).isEqualTo(digest);

        // A delete arrives as a tombstone.
        signIn("gaj.officer");
        hub.publish(code, new ByteArrayInputStream((HEADER + ",_op\n" + someone + ",,,,,,,,,delete\n").getBytes(StandardCharsets.UTF_8)),
                "text/csv", null, null);
        // This time the exchange's own clock delivers it.
        jdbc.sql("update exchange.subscription set next_attempt_at = now() where id = ?").param(sub.id()).update();
        await(() -> {
            try (Connection c = connect(url, "zwfwj_writer")) {
                return text(c, "select \"姓名\" || '|' || _deleted from hk_copy where _key = '" + someone + "'").equals(name + "|true");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, Duration.ofSeconds(20), "the clock delivers the tombstone");
        try (Connection c = connect(url, "zwfwj_writer")) {
            assertThat(count(c, "select count(*) from hk_copy")).isEqualTo(records);
        }

        // The hub's own database is never a delivery target, however it is spelled.
        signIn("zwfwj.officer");
        Subscription intoHub = subscriptions.subscribe(new NewSubscription(code, null, null, null, "JDBC",
                hubUrl() + "?ApplicationName=copy", "exchange.record", "zhengtong", "zhengtong"));
        PushDelivery.Outcome refused = delivery.deliverNow(intoHub.id());
        assertThat(refused.error()).isEqualTo("exchange.hub-database");
        assertThat(jdbc.sql("select cursor from exchange.subscription where id = ?").param(intoHub.id()).query(Long.class).single()).isZero();
        subscriptions.cancel(intoHub.id());
    }

    // helpers

    /** Runs a source by hand, as the page's button does, and waits for the run to end. */
    private Source run(String code) {
        Instant before = Instant.now();
        String officer = SecurityContextHolder.getContext().getAuthentication().getName();
        sources.runNow(code);
        await(() -> asOfficer(officer, () -> {
            Source s = sources.source(code);
            return !s.running() && s.finishedAt() != null && s.finishedAt().isAfter(before.minusMillis(1));
        }), Duration.ofSeconds(30), "the run of " + code + " ends");
        signIn(officer);
        return sources.source(code);
    }

    /** The code of the demo dataset of that name (the catalog may hold other entries of the same name). */
    private String dataset(String name) {
        return jdbc.sql("""
                select r.code from catalog.resource r join catalog.resource_version v on v.resource_id = r.id and v.version = r.published_version
                where v.name = ? and r.code in (select code from exchange.dataset)""").param(name).query(String.class).single();
    }

    /** Keeps the exchange's clock away from a subscription, so that only the test delivers it. */
    private void parkFromClock(Subscription sub) {
        jdbc.sql("update exchange.subscription set next_attempt_at = now() + interval '1 hour' where id = ?").param(sub.id()).update();
    }

    private PushDelivery.Outcome deliverAll(long subscription) {
        long pages = 0;
        long records = 0;
        for (int turn = 0; turn < 20; turn++) {
            PushDelivery.Outcome o = delivery.deliverNow(subscription);
            assertThat(o.error()).as("delivery of subscription " + subscription).isNull();
            pages += o.pages();
            records += o.records();
            if (o.pages() == 0) {
                break;
            }
        }
        return new PushDelivery.Outcome((int) pages, records, null);
    }

    private Grant grant(String code, String consumer, List<String> items) {
        signIn(consumer + ".officer");
        var request = sharing.request(new NewShareRequest(code, "核对服务对象的户籍信息", "《政务信息资源共享管理暂行办法》第十条", items,
                consumer + "业务系统", null, TODAY.plusYears(1)));
        signIn("gaj.officer");
        return sharing.approve(request.id(), "同意");
    }

    private SourceSettings settings(String url, String user, String query, String mode, String column) {
        return new SourceSettings(url, user, "Reader@2026", query, mode, column, "INTERVAL", "3600", null, false);
    }

    /** A database of the department's own, in the same PostgreSQL, with an account of its own that owns it. */
    private String department(String database, String role) throws SQLException {
        String hub = hubUrl();
        String base = hub.substring(0, hub.lastIndexOf('/') + 1);
        try (Connection admin = DriverManager.getConnection(base + "postgres", "postgres", ""); Statement st = admin.createStatement()) {
            try (ResultSet rs = st.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                if (!rs.next()) {
                    st.execute("create role " + role + " login password '" + (role.endsWith("writer") ? "Writer@2026" : "Reader@2026") + "'");
                }
            }
            try (ResultSet rs = st.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                if (!rs.next()) {
                    st.execute("create database " + database + " owner " + role + " encoding 'UTF8'");
                }
            }
        }
        return base + database;
    }

    private String hubUrl() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getURL();
        }
    }

    private static Connection connect(String url, String role) throws SQLException {
        return DriverManager.getConnection(url, role, role.endsWith("writer") ? "Writer@2026" : "Reader@2026");
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String text(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String tableDigest(String url) throws SQLException {
        try (Connection c = connect(url, "zwfwj_writer")) {
            return text(c, "select md5(string_agg(t::text, '\n' order by _key)) from hk_copy t");
        }
    }

    private static LocalDate birth(int i) {
        return LocalDate.of(1960, 1, 1).plusDays(97L * i);
    }

    private static String person(int i) {
        return ExchangeFixture.id(birth(i), 600 + i);
    }

    private static void insertPerson(Connection c, String id, String name, long seq) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into hj_population values (?, ?, '男', '汉族', ?, '海川市东湖区1号', '379902', '正常', date '2026-01-01', ?, '不同步的备注')""")) {
            st.setString(1, id);
            st.setString(2, name);
            LocalDate born = LocalDate.parse(id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14));
            st.setObject(3, born);
            st.setLong(4, seq);
            st.executeUpdate();
        }
    }

    private static String creditCode(int i) {
        String org8 = String.format("%08d", 52000000 + i);
        String first17 = "91379902" + org8 + OrganizationCode.checkCharacter(org8);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    private static void insertEnterprise(Connection c, int i, String updated) throws SQLException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into qy values (?, ?, '张三', '有限责任公司', 100, date '2020-01-01', '海川市东湖区工业路1号', '379902', '存续', ?::timestamptz)""")) {
            st.setString(1, creditCode(i));
            st.setString(2, "海川市测试企业" + i + "有限公司");
            st.setString(3, updated);
            st.executeUpdate();
        }
    }

    private String[] payload(String code, String key) {
        return jdbc.sql("select payload from exchange.record where dataset = ? and record_key = ?").params(code, key)
                .query((rs, n) -> (String[]) rs.getArray(1).getArray()).single();
    }

    private long audits(String action, String target) {
        return jdbc.sql("select count(*) from audit.audit_record where action = ? and target = ?").params(action, target).query(Long.class).single();
    }

    private void signIn(String username) {
        var person = accounts.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    private boolean asOfficer(String username, BooleanSupplier check) {
        signIn(username);
        return check.getAsBoolean();
    }

    private static void await(BooleanSupplier done, Duration limit, String what) {
        long until = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting until " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** A subscriber's webhook: a real HTTP server that answers with the given statuses first, then 200. */
    static final class Webhook {

        record Received(int status, byte[] body, String signature, String algorithm) {}

        final HttpServer server;
        final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        final List<Received> received = new CopyOnWriteArrayList<>();

        Webhook(Integer... first) throws java.io.IOException {
            answers.addAll(List.of(first));
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                byte[] body = exchange.getRequestBody().readAllBytes();
                Integer status = answers.poll();
                int answer = status == null ? 200 : status;
                received.add(new Received(answer, body, String.valueOf(exchange.getRequestHeaders().getFirst("X-ZT-Signature")),
                        String.valueOf(exchange.getRequestHeaders().getFirst("X-ZT-Signature-Algorithm"))));
                exchange.sendResponseHeaders(answer, -1);
                exchange.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        long count(int status) {
            return received.stream().filter(r -> r.status() == status).count();
        }

        void stop() {
            server.stop(0);
        }
    }
}
