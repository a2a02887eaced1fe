package org.zhengtong.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.directory.security.ApplicantPrincipal;

/**
 * Applicants sign in on the staff login page: they land on their own cases page, hold the APPLICANT role's
 * privileges and nothing else, are locked after wrong passwords like staff, and the security administrator finds,
 * locks and unlocks them. Staff do not see an applicant's page without the applicant privilege.
 */
@PlatformTest
class ApplicantSignInTests {

    static final String PASSWORD = ApplicantRegistrationTests.PASSWORD;

    @Autowired MockMvc mvc;
    @Autowired Applicants applicants;
    @Autowired DirectoryManagement directory;
    @Autowired AccessPolicy policy;
    @Autowired JdbcClient jdbc;

    private Applicant register(String loginName, String idNumber, String name) {
        return applicants.register(new NewApplicant(loginName, ApplicantKind.PERSON, idNumber, name, null, "13912340000", PASSWORD));
    }

    private MockHttpSession signIn(String loginName, String password, String expectedTarget) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(loginName).password(password)).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).as("sign-in of " + loginName).isEqualTo(expectedTarget);
        return (MockHttpSession) result.getRequest().getSession();
    }

    @Test
    void anApplicantSignsInLandsOnTheirCasesAndHoldsOnlyTheApplicantPrivileges() throws Exception {
        String id = ApplicantRegistrationTests.idNumber("19830405", 51);
        register("sign.lin", id, "林晓岚");
        MockHttpSession session = signIn("sign.lin", PASSWORD, "/services/mine");

        SecurityContext context = (SecurityContext) session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
        assertThat(context.getAuthentication().getPrincipal()).isInstanceOf(ApplicantPrincipal.class);
        // Spring Security adds a FACTOR_PASSWORD authority to every password sign-in, staff or applicant.
        assertThat(context.getAuthentication().getAuthorities()).extracting(GrantedAuthority::getAuthority)
                .filteredOn(a -> !a.startsWith("FACTOR_"))
                .containsExactlyInAnyOrderElementsOf(policy.privilegesOf(List.of("APPLICANT")))
                .contains("APPLICANT_SELF", "APPLY")
                .doesNotContain("WORKBENCH_VIEW", "ACCOUNT_MANAGE_OWN", "DIRECTORY_VIEW");

        String page = mvc.perform(get("/services/mine").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("我的办件").contains("林晓岚").contains("379902********" + id.substring(14)).contains("查看我的办件")
                .doesNotContain(id).doesNotContain("19830405").doesNotContain(">工作台<").doesNotContain("href=\"/directory");
        String english = mvc.perform(get("/services/mine").param("lang", "en").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("My cases").contains("Open my cases");
        assertThat(mvc.perform(get("/services/mine/cases").header("HX-Request", "true").session(session)).andReturn().getResponse()
                .getContentAsString()).as("the list the page loads").contains("还没有办件").doesNotContain("<html");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'directory.login' and target = 'applicant:sign.lin' and outcome = 'SUCCESS'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anApplicantIsRefusedEveryStaffPage() throws Exception {
        register("sign.chen", ApplicantRegistrationTests.idNumber("19790607", 62), "陈立");
        MockHttpSession session = signIn("sign.chen", PASSWORD, "/services/mine");
        for (String page : List.of("/", "/account/password", "/directory/org-units", "/directory/people", "/directory/applicants",
                "/directory/accounts", "/tools/codes", "/catalog", "/audit", "/exchange/datasets", "/basedata/query")) {
            assertThat(mvc.perform(get(page).session(session)).andReturn().getResponse().getStatus()).as(page).isEqualTo(403);
        }
        assertThat(mvc.perform(post("/directory/applicants/sign.chen/lock").session(session).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/api/v1/org-units").session(session)).andReturn().getResponse().getStatus())
                .as("the API takes no session").isEqualTo(401);
    }

    @Test
    void aSignedOutApplicantIsTakenBackToTheirPageButNeverToAStaffPage() throws Exception {
        register("sign.back", ApplicantRegistrationTests.idNumber("19810709", 71), "白露");
        MvcResult toMine = mvc.perform(get("/services/mine")).andReturn();
        assertThat(toMine.getResponse().getRedirectedUrl()).endsWith("/login");
        MockHttpSession anonymous = (MockHttpSession) toMine.getRequest().getSession();
        String target = mvc.perform(post("/login").param("username", "sign.back").param("password", PASSWORD).with(csrf()).session(anonymous)).andReturn()
                .getResponse().getRedirectedUrl();
        assertThat(target).startsWith("http://localhost/services/mine");

        MvcResult toWorkbench = mvc.perform(get("/")).andReturn();
        MockHttpSession other = (MockHttpSession) toWorkbench.getRequest().getSession();
        assertThat(mvc.perform(post("/login").param("username", "sign.back").param("password", PASSWORD).with(csrf()).session(other)).andReturn()
                .getResponse().getRedirectedUrl()).isEqualTo("/services/mine");
    }

    @Test
    void staffOpenTheApplicantPageOnlyWithTheApplicantPrivilege() throws Exception {
        assertThat(mvc.perform(get("/services/mine").session(Logins.session(mvc, "gaj.officer"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
        assertThat(mvc.perform(get("/services/mine").session(Logins.session(mvc, "security"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);

        directory.createPerson(new NewPerson("sign.staff", "窗口体验员", "gaj", null, null, null));
        directory.setPassword("sign.staff", Logins.DEMO_PASSWORD, false);
        jdbc.sql("insert into directory.person_role (person_id, role) select id, 'APPLICANT' from directory.person where username = 'sign.staff'")
                .update();
        MockHttpSession staff = signIn("sign.staff", Logins.DEMO_PASSWORD, "/");
        String page = mvc.perform(get("/services/mine").session(staff)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("窗口体验员").contains("这是工作人员账号");
        assertThat(applicants.find("sign.staff")).as("a staff account is no applicant").isEmpty();
    }

    @Test
    void fiveWrongPasswordsLockAnApplicantUntilTheSecurityAdministratorUnlocksIt() throws Exception {
        register("sign.lock", ApplicantRegistrationTests.idNumber("19750808", 81), "洛克");
        for (int i = 1; i <= 5; i++) {
            String target = mvc.perform(formLogin("/login").user("sign.lock").password("Wrong#Pass" + i)).andReturn().getResponse().getRedirectedUrl();
            assertThat(target).isEqualTo(i < 5 ? "/login?error=bad" : "/login?error=locked");
        }
        signIn("sign.lock", PASSWORD, "/login?error=locked");
        assertThat(applicants.find("sign.lock").orElseThrow().locked()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'directory.login' and target = 'applicant:sign.lock' and outcome = 'FAILURE'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(6);

        MockHttpSession security = Logins.session(mvc, "security");
        String list = mvc.perform(get("/directory/applicants").session(security)).andReturn().getResponse().getContentAsString();
        assertThat(list).contains("id=\"locked-applicants\"").contains("sign.lock");
        var unlocked = mvc.perform(post("/directory/applicants/sign.lock/unlock").session(security).with(csrf())).andReturn();
        assertThat(unlocked.getResponse().getRedirectedUrl()).isEqualTo("/directory/applicants");
        assertThat(applicants.find("sign.lock").orElseThrow().locked()).isFalse();
        signIn("sign.lock", PASSWORD, "/services/mine");
    }

    @Test
    void theSecurityAdministratorFindsApplicantsWithMaskedIdNumbersAndLocksOne() throws Exception {
        String id = ApplicantRegistrationTests.idNumber("19700101", 91);
        register("sign.masked", id, "马思可");
        MockHttpSession security = Logins.session(mvc, "security");
        String page = mvc.perform(get("/directory/applicants").param("q", "sign.masked").session(security)).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("马思可").contains("379902********" + id.substring(14)).doesNotContain(id).doesNotContain("13912340000");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'directory.applicant.read' and detail like '%sign.masked%'")
                .query(Long.class).single()).isEqualTo(1);

        var locked = mvc.perform(post("/directory/applicants/sign.masked/lock").session(security).with(csrf())).andReturn();
        assertThat(locked.getFlashMap().get("done")).isEqualTo("已锁定 sign.masked。");
        signIn("sign.masked", PASSWORD, "/login?error=locked");
        var missing = mvc.perform(post("/directory/applicants/nobody.here/lock").session(security).with(csrf())).andReturn();
        assertThat((String) missing.getFlashMap().get("failure")).contains("nobody.here");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'directory.applicant.lock' and target = 'applicant:sign.masked'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anApplicantChangesTheirPasswordAndTheChangeIsAudited() throws Exception {
        register("sign.pass", ApplicantRegistrationTests.idNumber("19860303", 33), "帕斯");
        MockHttpSession session = signIn("sign.pass", PASSWORD, "/services/mine");
        String wrong = mvc.perform(post("/services/mine/password").session(session).with(csrf())
                .param("currentPassword", "Not#MyPass2026").param("newPassword", "New#Haichuan27").param("confirmPassword", "New#Haichuan27"))
                .andReturn().getResponse().getContentAsString();
        assertThat(wrong).contains("currentPassword-problem").contains("当前密码不正确");
        String weak = mvc.perform(post("/services/mine/password").session(session).with(csrf())
                .param("currentPassword", PASSWORD).param("newPassword", "short").param("confirmPassword", "short"))
                .andReturn().getResponse().getContentAsString();
        assertThat(weak).contains("newPassword-problem").contains("密码至少 10 位");
        var changed = mvc.perform(post("/services/mine/password").session(session).with(csrf())
                .param("currentPassword", PASSWORD).param("newPassword", "New#Haichuan27").param("confirmPassword", "New#Haichuan27")).andReturn();
        assertThat(changed.getResponse().getRedirectedUrl()).isEqualTo("/services/mine");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'directory.applicant.password' and target = 'applicant:sign.pass' and outcome = 'SUCCESS'")
                .query(Long.class).single()).isEqualTo(1);
        signIn("sign.pass", PASSWORD, "/login?error=bad");
        signIn("sign.pass", "New#Haichuan27", "/services/mine");
    }

    @Test
    void theRegistrationPageNamesEachBadFieldInChineseAndEnglish() throws Exception {
        String good = ApplicantRegistrationTests.idNumber("19910101", 17);
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        assertThat(mvc.perform(get("/register")).andReturn().getResponse().getStatus()).as("open without signing in").isEqualTo(200);
        var refused = mvc.perform(post("/register").with(csrf()).param("loginName", "form.bad").param("kind", "PERSON")
                .param("holderId", bad).param("name", "表单").param("phone", "12345").param("password", "weak").param("confirmPassword", "other"))
                .andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(200);
        assertThat(refused.getContentAsString()).contains("id=\"holderId-problem\"").contains("校验码不正确")
                .contains("id=\"phone-problem\"").contains("手机号码 12345 应为 11 位").contains("id=\"password-problem\"")
                .contains("id=\"confirmPassword-problem\"").contains("value=\"form.bad\"").doesNotContain("value=\"weak\"");
        String english = mvc.perform(post("/register").param("lang", "en").with(csrf()).param("loginName", "form.bad").param("holderId", good)
                .param("name", "表单").param("phone", "13812345678").param("password", PASSWORD).param("confirmPassword", PASSWORD))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("id=\"kind-problem\"").contains("Choose the kind of applicant");
        var accepted = mvc.perform(post("/register").with(csrf()).param("loginName", "form.good").param("kind", "PERSON").param("holderId", good)
                .param("name", "表单").param("phone", "13812345678").param("password", PASSWORD).param("confirmPassword", PASSWORD)).andReturn();
        assertThat(accepted.getResponse().getRedirectedUrl()).isEqualTo("/login?registered");
        assertThat(applicants.find("form.good")).isPresent();
    }
}
