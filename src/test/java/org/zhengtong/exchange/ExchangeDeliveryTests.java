package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.catalog.Grant;
import org.zhengtong.catalog.NewShareRequest;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.shared.Sm2;

/**
 * Subscribers receive what they are granted: only their items, through their filter, each page signed by the hub;
 * unacknowledged pages come again; revoking the grant stops delivery at once.
 */
@PlatformTest
class ExchangeDeliveryTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired SharingManagement sharing;
    @Autowired Subscriptions subscriptions;
    @Autowired PersonAccounts accounts;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private long subscriptionOf(String consumer, String datasetName) {
        return jdbc.sql("select id from exchange.subscription where consumer = ? and dataset = ? and status = 'ACTIVE' and mode = 'PULL'")
                .params(consumer, ExchangeFixture.code(jdbc, datasetName)).query(Long.class).single();
    }

    private MockHttpServletResponse pull(String client, long subscription, String query) throws Exception {
        return mvc.perform(get("/api/v1/exchange/subscriptions/" + subscription + "/records" + query)
                .header("Authorization", "Bearer " + Logins.token(mvc, client, Logins.DEMO_PASSWORD))).andReturn().getResponse();
    }

    @Test
    void aSubscriberGetsOnlyItsGrantedItemsInSignedPagesAndAcknowledges() throws Exception {
        long id = subscriptionOf("rsj", ExchangeFixture.POPULATION);
        MockHttpServletResponse page = pull("rsj-system", id, "?after=0&limit=50");
        assertThat(page.getStatus()).isEqualTo(200);
        byte[] body = page.getContentAsByteArray();
        String hubKey = mvc.perform(get("/api/v1/exchange/hub-key").header("Authorization", "Bearer " + Logins.token(mvc, "rsj-system", Logins.DEMO_PASSWORD)))
                .andReturn().getResponse().getContentAsString();
        byte[] signature = Base64.getDecoder().decode(page.getHeader("X-ZT-Signature"));
        assertThat(Sm2.verify(Sm2.publicKeyFromPem(hubKey), body, signature)).isTrue();
        body[body.length - 2] ^= 1;
        assertThat(Sm2.verify(Sm2.publicKeyFromPem(hubKey), body, signature)).as("a changed page no longer verifies").isFalse();

        String json = page.getContentAsString(StandardCharsets.UTF_8);
        assertThat((Integer) JsonPath.read(json, "$.count")).isEqualTo(50);
        assertThat((Boolean) JsonPath.read(json, "$.more")).isTrue();
        Map<String, Object> data = JsonPath.read(json, "$.records[0].data");
        assertThat(data).containsKeys("公民身份号码", "姓名").doesNotContainKey("户籍地址");
        assertThat((String) JsonPath.read(json, "$.records[0].source")).isEqualTo("gaj");
        long next = ((Number) JsonPath.read(json, "$.next")).longValue();

        // Not acknowledged: asking again from the stored cursor gives the same page (at least once).
        long cursor = jdbc.sql("select cursor from exchange.subscription where id = ?").param(id).query(Long.class).single();
        String again = pull("rsj-system", id, "?after=" + cursor + "&limit=50").getContentAsString(StandardCharsets.UTF_8);
        if (cursor == 0) {
            assertThat((List<Object>) JsonPath.read(again, "$.records[*].key")).isEqualTo(JsonPath.read(json, "$.records[*].key"));
        }
        var ack = mvc.perform(post("/api/v1/exchange/subscriptions/" + id + "/ack").param("cursor", String.valueOf(Math.max(next, cursor)))
                .header("Authorization", "Bearer " + Logins.token(mvc, "rsj-system", Logins.DEMO_PASSWORD))).andReturn().getResponse();
        assertThat(ack.getStatus()).isEqualTo(200);
        assertThat(jdbc.sql("select cursor from exchange.subscription where id = ?").param(id).query(Long.class).single()).isGreaterThanOrEqualTo(next);
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'exchange.deliver' and target = ?").param("subscription:" + id)
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aFilteredSubscriberGetsOnlyItsDistrict() throws Exception {
        long id = subscriptionOf("jyj", ExchangeFixture.POPULATION);
        String json = pull("jyj-system", id, "?after=0&limit=500").getContentAsString(StandardCharsets.UTF_8);
        List<String> divisions = JsonPath.read(json, "$.records[*].data.户籍地行政区划代码");
        assertThat(divisions).isNotEmpty().allMatch(d -> d.equals("379902"));
    }

    @Test
    void aNewRecordReachesTheSubscriberAndAnotherDepartmentCannotReadItsSubscription() throws Exception {
        long id = subscriptionOf("mzj", ExchangeFixture.POPULATION);
        String person = ExchangeFixture.id(LocalDate.of(1990, 10, 1), 301);
        var pushed = mvc.perform(post("/api/v1/exchange/datasets/" + ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION) + "/batches")
                .header("Authorization", "Bearer " + Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD)).contentType("text/csv")
                .content((ExchangeFixture.POPULATION_HEADER + "\n" + ExchangeFixture.person(person, "包拯", "379903") + "\n").getBytes(StandardCharsets.UTF_8)))
                .andReturn().getResponse();
        assertThat(pushed.getStatus()).isEqualTo(201);
        long cursor = jdbc.sql("select cursor from exchange.subscription where id = ?").param(id).query(Long.class).single();
        boolean found = false;
        long after = cursor;
        for (int i = 0; i < 20 && !found; i++) {
            String json = pull("mzj-system", id, "?after=" + after + "&limit=10000").getContentAsString(StandardCharsets.UTF_8);
            List<String> keys = JsonPath.read(json, "$.records[*].key");
            found = keys.contains(person);
            after = ((Number) JsonPath.read(json, "$.next")).longValue();
            if (!(Boolean) JsonPath.read(json, "$.more")) {
                break;
            }
        }
        assertThat(found).isTrue();

        var foreign = pull("gaj-system", id, "");
        assertThat(foreign.getStatus()).isEqualTo(403);
        assertThat(foreign.getContentAsString()).contains("exchange.not-your-subscription");
    }

    @Test
    void revokingTheGrantStopsDeliveryAtOnce() throws Exception {
        String code = ExchangeFixture.code(jdbc, ExchangeFixture.POPULATION);
        signIn("wjw.officer");
        var request = sharing.request(new NewShareRequest(code, "核对出生医学证明", "《母婴保健法》第二十三条", List.of("公民身份号码", "姓名", "出生日期"),
                "妇幼保健系统", null, LocalDate.now(ZoneId.of("Asia/Shanghai")).plusMonths(3)));
        signIn("gaj.officer");
        Grant grant = sharing.approve(request.id(), "同意");
        signIn("wjw.officer");
        Subscription s = subscriptions.subscribe(new NewSubscription(code, null, null, null, "PULL", null, null, null, null));
        assertThat(s.items()).containsExactly("公民身份号码", "姓名", "出生日期");
        SecurityContextHolder.clearContext();

        assertThat(pull("wjw-system", s.id(), "?limit=5").getStatus()).isEqualTo(200);
        signIn("gaj.officer");
        sharing.revokeGrant(grant.id(), "核对结束");
        SecurityContextHolder.clearContext();
        var refused = pull("wjw-system", s.id(), "?limit=5");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat(refused.getContentAsString()).contains("exchange.not-granted");
    }

    private void signIn(String username) {
        var person = accounts.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
