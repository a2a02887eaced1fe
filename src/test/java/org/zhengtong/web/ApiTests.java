package org.zhengtong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;

/**
 * A department system uses the API: it gets a token with its client credentials, reads the directory, checks
 * codes, and is told plainly, as problem+json in its own language, when it may not do something.
 */
@PlatformTest
class ApiTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void aDepartmentSystemGetsATokenAndReadsTheDirectory() throws Exception {
        String token = Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD);
        var response = mvc.perform(get("/api/v1/org-units").header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        List<String> codes = JsonPath.read(response.getContentAsString(), "$[*].code");
        assertThat(codes).contains("hcs", "gaj", "scjgj", "tjj", "dhq");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'directory.client.token' and actor = 'gaj-system' and org_unit = 'gaj'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void aWrongSecretGetsNoTokenAndIsAudited() throws Exception {
        var response = mvc.perform(post("/oauth2/token").param("grant_type", "client_credentials")
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("tjj-system:nope".getBytes()))).andReturn().getResponse();
        assertThat(response.getStatus()).isIn(400, 401);
        assertThat(response.getContentAsString()).contains("invalid_client").doesNotContain("access_token");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'directory.client.token' and actor = 'tjj-system' and outcome = 'FAILURE'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void withoutATokenTheApiAnswers401ProblemJsonInTheCallersLanguage() throws Exception {
        var zh = mvc.perform(get("/api/v1/org-units")).andReturn().getResponse();
        assertThat(zh.getStatus()).isEqualTo(401);
        assertThat(zh.getContentType()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(zh.getContentAsString(), "$.code")).isEqualTo("unauthenticated");
        assertThat((String) JsonPath.read(zh.getContentAsString(), "$.detail")).contains("请先登录");

        var en = mvc.perform(get("/api/v1/org-units").header("Accept-Language", "en")).andReturn().getResponse();
        assertThat((String) JsonPath.read(en.getContentAsString(), "$.detail")).contains("Please sign in");

        var forged = mvc.perform(get("/api/v1/org-units").header("Authorization", "Bearer not.a.token")).andReturn().getResponse();
        assertThat(forged.getStatus()).isEqualTo(401);
        assertThat(forged.getContentType()).startsWith("application/problem+json");
    }

    @Test
    void whatAClientMayNotDoIs403AndWhatDoesNotExistIs404WithStableCodes() throws Exception {
        String token = Logins.token(mvc, "scjgj-system", Logins.DEMO_PASSWORD);
        var person = mvc.perform(get("/api/v1/people/gaj.head").header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(person.getStatus()).isEqualTo(403);
        assertThat((String) JsonPath.read(person.getContentAsString(), "$.code")).isEqualTo("forbidden");

        var missing = mvc.perform(get("/api/v1/org-units/nowhere").header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en")).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat((String) JsonPath.read(missing.getContentAsString(), "$.code")).isEqualTo("directory.org-unit-not-found");
        assertThat((String) JsonPath.read(missing.getContentAsString(), "$.detail")).contains("nowhere");

        var noRoute = mvc.perform(get("/api/v1/no-such-thing").header("Authorization", "Bearer " + token)).andReturn().getResponse();
        assertThat(noRoute.getStatus()).isEqualTo(404);
        assertThat(noRoute.getContentType()).startsWith("application/problem+json");
        assertThat(noRoute.getContentAsString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void codesAreCheckedByTheirStandards() throws Exception {
        String token = Logins.token(mvc, "zwfwj-system", Logins.DEMO_PASSWORD);
        var good = mvc.perform(get("/api/v1/codes/id-number/11010519491231002X").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(good, "$.valid")).isTrue();
        assertThat((String) JsonPath.read(good, "$.details.birthDate")).isEqualTo("1949-12-31");
        var bad = mvc.perform(get("/api/v1/codes/credit-code/91350100M000100Y44").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(bad, "$.valid")).isFalse();
        assertThat((String) JsonPath.read(bad, "$.problem")).contains("校验码");
        var division = mvc.perform(get("/api/v1/codes/division-code/370202").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(division, "$.details.place")).isEqualTo("市南区");
    }

    @Test
    void disablingAClientTakesEffectAtOnce() throws Exception {
        String token = Logins.token(mvc, "jtysj-system", Logins.DEMO_PASSWORD);
        jdbc.sql("update directory.api_client set enabled = false where client_id = 'jtysj-system'").update();
        try {
            int status = mvc.perform(get("/api/v1/org-units").header("Authorization", "Bearer " + token)).andReturn().getResponse().getStatus();
            assertThat(status).isEqualTo(403);
        } finally {
            jdbc.sql("update directory.api_client set enabled = true where client_id = 'jtysj-system'").update();
        }
    }

    @Test
    void healthIsOpenAndTheOpenApiDocumentDescribesTheApi() throws Exception {
        assertThat(mvc.perform(get("/actuator/health")).andReturn().getResponse().getContentAsString()).contains("UP");
        var docs = mvc.perform(get("/v3/api-docs").session(Logins.session(mvc, "gaj.officer"))).andReturn().getResponse();
        assertThat(docs.getStatus()).isEqualTo(200);
        assertThat(docs.getContentAsString()).contains("/api/v1/org-units").contains("/api/v1/codes/{type}/{value}");
    }
}
