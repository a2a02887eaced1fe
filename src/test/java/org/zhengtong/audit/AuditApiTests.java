package org.zhengtong.audit;

import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.PlatformTest;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.shared.Actor;

/** The audit API, called by department systems with real access tokens. */
@PlatformTest
class AuditApiTests {

    static final String SECRET = "Zhengtong@2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    DirectoryManagement directory;

    @Test
    void aSystemWithoutTheAuditPrivilegesIsRefused() throws Exception {
        String token = token("gaj-system");

        mvc.perform(get("/api/v1/audit/records").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("forbidden"));
        mvc.perform(get("/api/v1/audit/verification").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void withoutATokenTheApiAsksForOne() throws Exception {
        mvc.perform(get("/api/v1/audit/records"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("unauthenticated"));
    }

    @Test
    void aSystemWithAuditViewSearchesTheLog() throws Exception {
        String actor = "api-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            audit.record(new Actor(actor, "gaj", null), "test.api", "thing:" + i, i == 1 ? Outcome.DENIED : Outcome.SUCCESS, "");
        }
        String token = token(client("AUDIT_VIEW"));

        mvc.perform(get("/api/v1/audit/records").param("actor", actor).header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(3))
                .andExpect(jsonPath("$.page").value(1))
                .andExpect(jsonPath("$.items", hasSize(3)))
                .andExpect(jsonPath("$.items[0].target").value("thing:2"))
                .andExpect(jsonPath("$.items[2].target").value("thing:0"))
                .andExpect(jsonPath("$.items[0].hash").isString());
        mvc.perform(get("/api/v1/audit/records").param("actor", actor).param("outcome", "DENIED")
                        .header("Authorization", "Bearer " + token))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].target").value("thing:1"));
        mvc.perform(get("/api/v1/audit/records").param("size", "201").param("outcome", "MAYBE")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("invalid-input"))
                .andExpect(jsonPath("$.errors[0].field").value("outcome"));
        mvc.perform(get("/api/v1/audit/records").param("size", "201").header("Authorization", "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/audit/verification").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
    }

    @Test
    void aSystemWithAuditVerifyVerifiesTheChain() throws Exception {
        String token = token(client("AUDIT_VERIFY"));

        mvc.perform(get("/api/v1/audit/verification").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.intact").value(true))
                .andExpect(jsonPath("$.checked", greaterThan(0)))
                .andExpect(jsonPath("$.brokenAt").value(nullValue()));
        mvc.perform(get("/api/v1/audit/records").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
    }

    /** A department system holding only the given privilege, created as the security administrator would. */
    private String client(String privilege) {
        String clientId = "audit-test-" + UUID.randomUUID().toString().substring(0, 8);
        directory.createApiClient(clientId, "审计接口测试", null, List.of(privilege), SECRET);
        return clientId;
    }

    private String token(String clientId) throws Exception {
        String body = mvc.perform(post("/oauth2/token").with(httpBasic(clientId, SECRET)).param("grant_type", "client_credentials"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        return JsonPath.read(body, "$.access_token");
    }
}
