package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.shared.Sm2;

/**
 * What the hub does with bad input: each case gets a clear per-record reason or a problem+json error in both
 * languages, the quarantine counts are exact, nothing is half-applied, and no case ends in a server error.
 */
@PlatformTest
class ExchangeBadInputTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired ExchangeStore store;
    @LocalServerPort int port;

    private MockHttpServletResponse push(String client, String code, String contentType, byte[] body, String... headers) throws Exception {
        var request = post("/api/v1/exchange/datasets/" + code + "/batches").header("Authorization", "Bearer " + Logins.token(mvc, client, Logins.DEMO_PASSWORD))
                .contentType(contentType).content(body);
        for (int i = 0; i < headers.length; i += 2) {
            request = request.header(headers[i], headers[i + 1]);
        }
        return mvc.perform(request).andReturn().getResponse();
    }

    private String population() {
        return ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION);
    }

    private static String problemCode(MockHttpServletResponse r) throws Exception {
        assertThat(r.getContentType()).startsWith("application/problem+json");
        return JsonPath.read(r.getContentAsString(StandardCharsets.UTF_8), "$.code");
    }

    @Test
    void aGbkFileDeclaredAsUtf8IsRefusedWithAHintAndTheSameFileDeclaredAsGb18030IsTaken() throws Exception {
        String id = ExchangeFixture.id(LocalDate.of(1970, 1, 2), 201);
        byte[] gbk = (ExchangeFixture.POPULATION_HEADER + "\n" + ExchangeFixture.person(id, "欧阳修", "379902") + "\n").getBytes(Charset.forName("GBK"));
        long before = store.head(population());

        var refused = push("gaj-system", population(), "text/csv; charset=UTF-8", gbk);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(problemCode(refused)).isEqualTo("exchange.header-encoding");
        assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("charset=GB18030");
        assertThat(store.head(population())).isEqualTo(before);
        assertThat(store.read(population(), before, 10, null)).isEmpty();

        var taken = push("gaj-system", population(), "text/csv; charset=GB18030", gbk);
        assertThat(taken.getStatus()).isEqualTo(201);
        assertThat((Integer) JsonPath.read(taken.getContentAsString(), "$.accepted")).isEqualTo(1);
        assertThat(ExchangeFixture.latest(store, population(), id).payload()[1]).isEqualTo("欧阳修");
    }

    @Test
    void aGbkRowInAUtf8FileIsQuarantinedWithItsOriginalBytes() throws Exception {
        String ok = ExchangeFixture.id(LocalDate.of(1971, 3, 4), 202);
        String gbkRow = ExchangeFixture.person(ExchangeFixture.id(LocalDate.of(1971, 3, 5), 203), "司马光", "379902");
        byte[] head = (ExchangeFixture.POPULATION_HEADER + "\n" + ExchangeFixture.person(ok, "苏轼", "379902") + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] bad = (gbkRow + "\n").getBytes(Charset.forName("GBK"));
        byte[] body = new byte[head.length + bad.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(bad, 0, body, head.length, bad.length);
        var r = push("gaj-system", population(), "text/csv", body);
        assertThat(r.getStatus()).isEqualTo(201);
        long batch = ((Number) JsonPath.read(r.getContentAsString(), "$.batchId")).longValue();
        assertThat((Integer) JsonPath.read(r.getContentAsString(), "$.quarantined")).isEqualTo(1);
        var q = jdbc.sql("select line_no, reason_code, raw from exchange.quarantine where batch_id = ?").param(batch).query().singleRow();
        assertThat(q.get("line_no")).isEqualTo(3L);
        assertThat(q.get("reason_code")).isEqualTo("exchange.reason.encoding");
        assertThat((byte[]) q.get("raw")).isEqualTo(gbkRow.getBytes(Charset.forName("GBK")));
    }

    @Test
    void missingAndExtraColumnsAreNamedAndAShortRowIsQuarantined() throws Exception {
        var missing = push("gaj-system", population(), "text/csv", "姓名,性别\n张三,男\n".getBytes(StandardCharsets.UTF_8));
        assertThat(missing.getStatus()).isEqualTo(400);
        assertThat(problemCode(missing)).isEqualTo("exchange.missing-columns");
        assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("公民身份号码");

        var extra = push("gaj-system", population(), "text/csv", (ExchangeFixture.POPULATION_HEADER + ",血型\n").getBytes(StandardCharsets.UTF_8),
                "Accept-Language", "en");
        assertThat(extra.getStatus()).isEqualTo(400);
        assertThat(problemCode(extra)).isEqualTo("exchange.unknown-columns");
        assertThat(extra.getContentAsString(StandardCharsets.UTF_8)).contains("血型").contains("columns the dataset does not");
        assertThat(jdbc.sql("select count(*) from exchange.batch where status = 'FAILED' and failure = 'exchange.unknown-columns'").query(Long.class)
                .single()).isPositive();
    }

    @Test
    void wrongCheckCharactersAndBadDatesAreQuarantinedOneByOneWithExactCounts() throws Exception {
        String code = ExchangeFixture.code(jdbc, ExchangeFixture.ENTERPRISES);
        String header = "统一社会信用代码,企业名称,法定代表人,企业类型,注册资本,成立日期,住所,所在区县代码,登记状态\n";
        String rows = "91379902MA3C5QXX4K,海川甲公司,张三,有限责任公司,100,2020-01-01,海川市,379902,存续\n"
                + "91379902MA3C5QXX4,海川乙公司,李四,有限责任公司,100,2020-02-30,海川市,379902,存续\n"
                + "not-a-code,海川丙公司,王五,有限责任公司,一百,2020-01-01,海川市,379902,存续\n";
        var r = push("scjgj-system", code, "text/csv", (header + rows).getBytes(StandardCharsets.UTF_8));
        assertThat(r.getStatus()).isEqualTo(201);
        String body = r.getContentAsString();
        assertThat((Integer) JsonPath.read(body, "$.received")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(body, "$.accepted") + (Integer) JsonPath.read(body, "$.quarantined")).isEqualTo(3);
        long batch = ((Number) JsonPath.read(body, "$.batchId")).longValue();
        var reasons = jdbc.sql("select reason_code from exchange.quarantine where batch_id = ? order by line_no").param(batch).query(String.class).list();
        assertThat(reasons).hasSize((Integer) JsonPath.read(body, "$.quarantined"));
        assertThat(reasons).allMatch(c -> c.startsWith("code.credit-code") || c.startsWith("exchange.reason."));
        assertThat(reasons).anyMatch(c -> c.startsWith("code.credit-code"));
    }

    @Test
    void anUnknownDatasetOrSomeoneElsesIsRefusedAsProblemJson() throws Exception {
        var unknown = push("gaj-system", "309999999/000001", "text/csv", "a\n1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(unknown.getStatus()).isEqualTo(404);
        assertThat(problemCode(unknown)).isEqualTo("exchange.unknown-dataset");

        var notMine = push("rsj-system", population(), "text/csv", (ExchangeFixture.POPULATION_HEADER + "\n").getBytes(StandardCharsets.UTF_8));
        assertThat(notMine.getStatus()).isEqualTo(403);
        assertThat(problemCode(notMine)).isEqualTo("exchange.not-provider");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'exchange.batch' and outcome = 'DENIED' and actor = 'rsj-system'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aForgedSignatureIsRefusedAndAGenuineOneRecordedAsValid() throws Exception {
        KeyPair node = Sm2.generateKeyPair();
        String token = Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD);
        var registered = mvc.perform(put("/api/v1/exchange/node-key").header("Authorization", "Bearer " + token).contentType("text/plain")
                .content(Sm2.toPem(node.getPublic()))).andReturn().getResponse();
        assertThat(registered.getStatus()).isEqualTo(204);

        byte[] body = (ExchangeFixture.POPULATION_HEADER + "\n" + ExchangeFixture.person(ExchangeFixture.id(LocalDate.of(1972, 5, 6), 204), "范仲淹", "379902")
                + "\n").getBytes(StandardCharsets.UTF_8);
        String forged = Base64.getEncoder().encodeToString(Sm2.sign(Sm2.generateKeyPair().getPrivate(), body));
        var refused = push("gaj-system", population(), "text/csv", body, "X-ZT-Signature", forged);
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(problemCode(refused)).isEqualTo("exchange.forged-signature");
        assertThat(jdbc.sql("select count(*) from exchange.batch where signature = 'INVALID' and status = 'FAILED'").query(Long.class).single()).isPositive();

        String genuine = Base64.getEncoder().encodeToString(Sm2.sign(node.getPrivate(), body));
        var taken = push("gaj-system", population(), "text/csv", body, "X-ZT-Signature", genuine);
        assertThat(taken.getStatus()).isEqualTo(201);
        assertThat((String) JsonPath.read(taken.getContentAsString(), "$.signature")).isEqualTo("VALID");
    }

    @Test
    void jsonLinesAndXmlRunThroughTheSamePipeline() throws Exception {
        String a = ExchangeFixture.id(LocalDate.of(1973, 7, 8), 205);
        String jsonl = "{\"公民身份号码\":\"" + a + "\",\"姓名\":\"岳飞\",\"性别\":\"男\",\"出生日期\":\"19730708\",\"户籍地行政区划代码\":\"379904\",\"人口状态\":\"正常\"}\n"
                + "{\"公民身份号码\":\"" + a + "\",\"身高\":180}\n"
                + "[1,2]\n";
        var j = push("gaj-system", population(), "application/x-ndjson", jsonl.getBytes(StandardCharsets.UTF_8));
        assertThat(j.getStatus()).isEqualTo(201);
        assertThat((Integer) JsonPath.read(j.getContentAsString(), "$.accepted")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(j.getContentAsString(), "$.quarantined")).isEqualTo(2);
        assertThat(ExchangeFixture.latest(store, population(), a).payload()[4]).isEqualTo("1973-07-08");

        String b = ExchangeFixture.id(LocalDate.of(1974, 9, 10), 206);
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><records><record><公民身份号码>" + b + "</公民身份号码><姓名>文天祥</姓名><性别>男</性别>"
                + "<出生日期>1974-09-10</出生日期><户籍地行政区划代码>379903</户籍地行政区划代码><人口状态>正常</人口状态></record></records>";
        var x = push("gaj-system", population(), "application/xml", xml.getBytes(StandardCharsets.UTF_8));
        assertThat(x.getStatus()).isEqualTo(201);
        assertThat((Integer) JsonPath.read(x.getContentAsString(), "$.accepted")).isEqualTo(1);

        var broken = push("gaj-system", population(), "application/xml", "<records><record><姓名>x</record>".getBytes(StandardCharsets.UTF_8));
        assertThat(broken.getStatus()).isEqualTo(400);
        assertThat(problemCode(broken)).isEqualTo("exchange.malformed-xml");
    }

    @Test
    void aTwoHundredMegabyteBodyIsStreamedAndItsOverlongRecordQuarantined() throws Exception {
        long size = 200L * 1024 * 1024;
        byte[] header = (ExchangeFixture.POPULATION_HEADER + "\n").getBytes(StandardCharsets.UTF_8);
        InputStream body = new InputStream() {
            long sent;

            @Override
            public int read() {
                return read(new byte[1], 0, 1) < 0 ? -1 : 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - sent);
                for (int i = 0; i < n; i++) {
                    long p = sent + i;
                    b[off + i] = p < header.length ? header[(int) p] : (byte) '"';
                }
                sent += n;
                return n;
            }
        };
        String token = Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/exchange/datasets/" + population() + "/batches"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        assertThat((Integer) JsonPath.read(response.body(), "$.received")).isEqualTo(1);
        assertThat((Integer) JsonPath.read(response.body(), "$.quarantined")).isEqualTo(1);
        long batch = ((Number) JsonPath.read(response.body(), "$.batchId")).longValue();
        assertThat(jdbc.sql("select bytes from exchange.batch where id = ?").param(batch).query(Long.class).single()).isEqualTo(size);
        assertThat(jdbc.sql("select reason_code from exchange.quarantine where batch_id = ?").param(batch).query(String.class).single())
                .isEqualTo("exchange.reason.too-long");
    }
}
