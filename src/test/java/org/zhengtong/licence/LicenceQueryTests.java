package org.zhengtong.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.licence.internal.LicenceLibrary;
import org.zhengtong.licence.internal.LicenceStore;

/**
 * Departments use licences: 市场监管局's approver finds the permits the department issued, opens one with its QR code
 * and revokes it, once; 生态环境局 may look up a holder's licences of every department only after it is granted the
 * licence library (电子证照库), and each such read is audited with its purpose; its system does the same through the API,
 * and bad calls get problem+json with a stable code.
 */
@PlatformTest
class LicenceQueryTests {

    static final LocalDate TODAY = LocalDate.now(Licences.CHINA);
    static final String HOLDER = LicenceFixture.id("37990419780304251");

    @Autowired MockMvc mvc;
    @Autowired Licences licences;
    @Autowired LicenceStore store;
    @Autowired LicenceLibrary library;
    @Autowired PersonAccounts accounts;
    @Autowired DirectoryManagement directory;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void types() {
        LicenceFixture.types(store);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    Licence permit(String holder) {
        return licences.issue(new NewLicence(LicenceFixture.PERMIT, holder, "林小雨", TODAY, null,
                Map.of("address", "海川市南山区学府路 3 号", "scope", "预包装食品销售"), "HC-2026-000777"), "scjgj");
    }

    @Test
    void aDepartmentQueriesByHolderAcrossDepartmentsOnlyWithAGrantAndEveryReadIsAudited() {
        Licence issued = permit(HOLDER);
        LicenceFixture.actAs(accounts, "sthjj.approver");
        assertThat(licences.mayQueryByHolder()).isFalse();
        assertThatThrownBy(() -> licences.queryByHolder(HOLDER, "核验排污许可申请人材料"))
                .isInstanceOfSatisfying(LicenceProblem.class, e -> {
                    assertThat(e.code()).isEqualTo("licence.no-grant");
                    assertThat(e.status().value()).isEqualTo(403);
                });
        assertThatThrownBy(() -> licences.readForDepartment(issued.number(), "核验"))
                .isInstanceOfSatisfying(LicenceProblem.class, e -> assertThat(e.code()).isEqualTo("licence.no-grant"));
        assertThat(audit("holder:" + HOLDER)).contains("licence.query.holder DENIED");

        SecurityContextHolder.clearContext();
        library.grant("sthjj", "test");
        LicenceFixture.actAs(accounts, "sthjj.approver");
        assertThatThrownBy(() -> licences.queryByHolder(HOLDER, " "))
                .isInstanceOfSatisfying(LicenceProblem.class, e -> assertThat(e.code()).isEqualTo("licence.purpose-required"));
        List<Licence> found = licences.queryByHolder(HOLDER, "核验排污许可申请人材料");

        assertThat(found).extracting(Licence::number).containsExactly(issued.number());
        assertThat(found.getFirst().issuerName()).isEqualTo("海川市市场监督管理局");
        assertThat(audit("holder:" + HOLDER)).contains("licence.query.holder SUCCESS purpose: 核验排污许可申请人材料");
        assertThat(licences.readForDepartment(issued.number(), "核验").holderId()).isEqualTo(HOLDER);
    }

    @Test
    void theIssuingDepartmentListsOpensAndRevokesItsLicencesOnItsPages() throws Exception {
        Licence l = permit(LicenceFixture.id("37990219950707111"));
        MockHttpSession scjgj = Logins.session(mvc, "scjgj.approver");

        String list = mvc.perform(get("/licences").param("q", l.number()).session(scjgj)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains(l.number()).contains("林小雨").contains("共 1 份");
        String detail = mvc.perform(get("/licences/" + l.number()).session(scjgj)).andReturn().getResponse().getContentAsString();
        assertThat(detail).contains("电子印章有效").contains("海川市南山区学府路 3 号").contains("/licences/" + l.number() + "/qr.png")
                .contains("HC-2026-000777");
        assertThat(mvc.perform(get("/licences/" + l.number()).session(Logins.session(mvc, "zjj.approver"))).andReturn().getResponse()
                .getStatus()).as("another department's licence").isEqualTo(403);

        var revoked = mvc.perform(post("/licences/" + l.number() + "/revoke").param("reason", "许可事项终止").with(csrf()).session(scjgj))
                .andReturn();
        assertThat(revoked.getResponse().getRedirectedUrl()).isEqualTo("/licences/" + l.number());
        assertThat(revoked.getFlashMap().get("done")).isEqualTo("电子证照 " + l.number() + " 已注销。");
        assertThat(licences.verify(l.number()).status()).isEqualTo(LicenceStatus.REVOKED);
        var again = mvc.perform(post("/licences/" + l.number() + "/revoke").param("reason", "再次").with(csrf()).session(scjgj)).andReturn();
        assertThat(again.getFlashMap().get("failure")).isEqualTo("电子证照 " + l.number() + " 已经注销，不能再次注销。");
        String expired = mvc.perform(get("/licences").param("status", "REVOKED").param("q", l.number()).session(scjgj)).andReturn()
                .getResponse().getContentAsString();
        assertThat(expired).contains(l.number());
    }

    @Test
    void departmentSystemsUseTheApiAndGetProblemsWithStableCodes() throws Exception {
        Licence l = permit(LicenceFixture.id("37990319660918333"));
        asSystem(() -> {
            directory.createApiClient("licence-scjgj-test", "市场监管测试系统", "scjgj", List.of("LICENCE_QUERY", "LICENCE_REVOKE"), "Licence@Secret2026");
            directory.createApiClient("licence-jtysj-test", "交通运输测试系统", "jtysj", List.of("LICENCE_QUERY"), "Licence@Secret2026");
        });
        String scjgj = "Bearer " + Logins.token(mvc, "licence-scjgj-test", "Licence@Secret2026");
        String jtysj = "Bearer " + Logins.token(mvc, "licence-jtysj-test", "Licence@Secret2026");

        MockHttpServletResponse own = mvc.perform(get("/api/v1/licences/" + l.number()).header("Authorization", scjgj)).andReturn().getResponse();
        assertThat(own.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(own.getContentAsString(), "$.holderName")).isEqualTo("林小雨");
        assertThat((Boolean) JsonPath.read(own.getContentAsString(), "$.sealIntact")).isTrue();
        assertThat((String) JsonPath.read(own.getContentAsString(), "$.data.scope")).isEqualTo("预包装食品销售");

        MockHttpServletResponse missing = mvc.perform(get("/api/v1/licences/TSTP1999000000").header("Authorization", scjgj)).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(missing.getContentAsString(), "$.code")).isEqualTo("licence.not-found");

        MockHttpServletResponse refused = mvc.perform(get("/api/v1/licences").param("holder", l.holderId()).param("purpose", "核验")
                .header("Authorization", jtysj)).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat((String) JsonPath.read(refused.getContentAsString(), "$.code")).isEqualTo("licence.no-grant");

        MockHttpServletResponse check = mvc.perform(get("/api/v1/licences/" + l.number() + "/check").header("Authorization", jtysj))
                .andReturn().getResponse();
        assertThat((String) JsonPath.read(check.getContentAsString(), "$.maskedHolderName")).isEqualTo("林**");

        String body = "{\"reason\":\"许可证被依法撤销\"}";
        MockHttpServletResponse first = mvc.perform(post("/api/v1/licences/" + l.number() + "/revoke").contentType(MediaType.APPLICATION_JSON)
                .content(body).header("Authorization", scjgj)).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(first.getContentAsString(), "$.status")).isEqualTo("REVOKED");
        MockHttpServletResponse second = mvc.perform(post("/api/v1/licences/" + l.number() + "/revoke").contentType(MediaType.APPLICATION_JSON)
                .content(body).header("Authorization", scjgj)).andReturn().getResponse();
        assertThat(second.getStatus()).isEqualTo(409);
        assertThat((String) JsonPath.read(second.getContentAsString(), "$.code")).isEqualTo("licence.already-revoked");
    }

    private String audit(String target) {
        return jdbc.sql("select coalesce(string_agg(action || ' ' || outcome || ' ' || detail, ' | ' order by seq), '') from audit.audit_record where target = ?")
                .param(target).query(String.class).single();
    }

    private static void asSystem(Runnable work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestingAuthenticationToken("system", null, "ORG_UNIT_MANAGE", "API_CLIENT_MANAGE"));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
