package org.zhengtong.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;

/**
 * People sign in: every demo role reaches its workbench; wrong passwords lock an account; a temporary password
 * must be changed before anything else.
 */
@PlatformTest
class SignInTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;

    @Test
    void everyDemoRoleSignsInAndSeesItsWorkbench() throws Exception {
        Map<String, String> expected = Map.of(
                "admin", "/directory/imports", "security", "/directory/api-clients", "auditor", "/audit",
                "scjgj.admin", "/directory/exports", "scjgj.officer", "/swagger-ui/index.html", "zwfwj.clerk2", "/tools/codes",
                "scjgj.approver", "/tools/codes", "mayor", "/directory/people");
        for (var e : expected.entrySet()) {
            MockHttpSession session = Logins.session(mvc, e.getKey());
            String page = mvc.perform(get("/").session(session)).andReturn().getResponse().getContentAsString();
            assertThat(page).as(e.getKey()).contains("工作台").contains("href=\"" + e.getValue() + "\"");
        }
        String clerk = mvc.perform(get("/").session(Logins.session(mvc, "zwfwj.clerk3"))).andReturn().getResponse().getContentAsString();
        assertThat(clerk).doesNotContain("/directory/imports").doesNotContain("/audit\"");
    }

    @Test
    void fiveWrongPasswordsLockTheAccount() throws Exception {
        for (int i = 1; i <= 5; i++) {
            String target = mvc.perform(formLogin("/login").user("nsq.clerk").password("wrong-" + i)).andReturn().getResponse().getRedirectedUrl();
            assertThat(target).isEqualTo(i < 5 ? "/login?error=bad" : "/login?error=locked");
        }
        String locked = mvc.perform(formLogin("/login").user("nsq.clerk").password(Logins.DEMO_PASSWORD)).andReturn().getResponse().getRedirectedUrl();
        assertThat(locked).isEqualTo("/login?error=locked");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'directory.login' and target = 'person:nsq.clerk' and outcome = 'FAILURE'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(6);
        String page = mvc.perform(get("/login").param("error", "locked")).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("账号已被锁定");
    }

    @Test
    void aTemporaryPasswordMustBeChangedFirst() throws Exception {
        MockHttpSession security = Logins.session(mvc, "security");
        var issued = mvc.perform(post("/directory/people/xjq.clerk/temporary-password").session(security).with(csrf())).andReturn();
        String temporary = (String) issued.getFlashMap().get("temporaryPassword");
        assertThat(temporary).hasSizeGreaterThanOrEqualTo(10);

        var login = mvc.perform(formLogin("/login").user("xjq.clerk").password(temporary)).andReturn();
        assertThat(login.getResponse().getRedirectedUrl()).isEqualTo("/account/password");
        MockHttpSession clerk = (MockHttpSession) login.getRequest().getSession();
        assertThat(mvc.perform(get("/").session(clerk)).andReturn().getResponse().getRedirectedUrl()).isEqualTo("/account/password");

        String refused = mvc.perform(post("/account/password").session(clerk).with(csrf())
                        .param("currentPassword", temporary).param("newPassword", "short").param("confirmPassword", "short"))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("密码至少 10 位");

        var changed = mvc.perform(post("/account/password").session(clerk).with(csrf())
                        .param("currentPassword", temporary).param("newPassword", "Clerk#Own2026").param("confirmPassword", "Clerk#Own2026"))
                .andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/");
        assertThat(mvc.perform(get("/").session(clerk)).andReturn().getResponse().getStatus()).isEqualTo(200);
        assertThat(mvc.perform(formLogin("/login").user("xjq.clerk").password("Clerk#Own2026")).andReturn().getResponse().getRedirectedUrl())
                .isEqualTo("/");
    }
}
