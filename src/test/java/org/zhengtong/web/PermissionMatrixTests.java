package org.zhengtong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.zhengtong.catalog.CatalogLifecycleTests;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.Vocabulary;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.NewOrgUnit;
import org.zhengtong.directory.NewPerson;
import org.zhengtong.directory.OrgUnitKind;
import org.zhengtong.shared.PublicPage;

/**
 * Every endpoint, called as every role: a role reaches exactly the endpoints its privileges open, and nothing
 * else. The endpoints are read from the running platform, so a new page or API is checked the day it is added.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixTests {

    static final Pattern ONE_PRIVILEGE = Pattern.compile("hasAuthority\\('([A-Z_]+)'\\)");

    /** A demo person holding exactly each role. */
    static final Map<String, String> HOLDERS = Map.of(
            "PLATFORM_ADMIN", "admin", "SECURITY_ADMIN", "security", "AUDITOR", "auditor",
            "DEPARTMENT_ADMIN", "gaj.admin", "DATA_OFFICER", "gaj.officer", "WINDOW_CLERK", "zwfwj.clerk1",
            "APPROVER", "gaj.approver", "LEADER", "gaj.head", "DATA_ADMIN", "dataadmin",
            "APPLICANT", "citizen1");

    @Autowired MockMvc mvc;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings;
    @Autowired AccessPolicy policy;
    @Autowired DirectoryManagement directory;
    @Autowired CatalogManagement catalog;
    @Autowired PersonAccounts accounts;

    /** A catalog entry of the data officer's department, made for this test, that the catalog endpoints act on. */
    String resourceCode = "";

    record Endpoint(HttpMethod method, String path, String privilege) {
        boolean isApi() {
            return path.startsWith("/api/");
        }
    }

    @Test
    void somethingIsOpenToThePublicAndNothingElse() {
        assertThat(policy.publicPrivileges()).containsExactlyInAnyOrder("OPEN_DATA_READ", "GUIDE_READ", "LICENCE_VERIFY", "PROGRESS_QUERY");
        assertThat(endpoints).filteredOn(e -> e.privilege().equals("OPEN_DATA_READ")).extracting(Endpoint::path)
                .allMatch(p -> p.startsWith("/api/3/action/") || p.equals("/catalog.jsonld"));
        assertThat(endpoints).filteredOn(e -> e.privilege().equals("GUIDE_READ")).isNotEmpty()
                .allMatch(e -> e.method() == HttpMethod.GET && (e.path().startsWith("/guide") || e.path().startsWith("/api/v1/approval/items")));
        assertThat(endpoints).filteredOn(e -> e.privilege().equals("LICENCE_VERIFY")).extracting(Endpoint::path)
                .allMatch(p -> p.startsWith("/licences/verify") || p.endsWith("/qr.png"));
        assertThat(endpoints).filteredOn(e -> e.privilege().equals("PROGRESS_QUERY")).isNotEmpty().extracting(Endpoint::path)
                .allMatch(p -> p.equals("/progress") || p.equals("/api/v1/approval/progress"));
    }

    final List<Endpoint> endpoints = new ArrayList<>();
    final Map<String, MockHttpSession> sessions = new LinkedHashMap<>();
    final Map<String, String> tokens = new HashMap<>();

    @BeforeAll
    void discoverEndpointsAndSignEveryoneIn() throws Exception {
        asSystem(() -> {
            directory.createOrgUnit(new NewOrgUnit("matrixou", "矩阵测试处", OrgUnitKind.DIVISION, "gaj", null, "379900", 999));
            directory.createPerson(new NewPerson("matrix.target", "矩阵测试", "matrixou", null, null, null));
            directory.createApiClient("matrix-system", "矩阵测试系统", "gaj", List.of(), "Matrix@Secret2026");
            for (var role : policy.roles().entrySet()) {
                directory.createApiClient("matrix-" + role.getKey().toLowerCase().replace('_', '-'), "矩阵 " + role.getKey(), "gaj",
                        role.getValue().privileges(), "Matrix@Secret2026");
            }
        });
        actAs("gaj.officer");
        resourceCode = catalog.draft(CatalogLifecycleTests.sample("矩阵测试资源", Vocabulary.ShareType.UNCONDITIONAL)).code();
        SecurityContextHolder.clearContext();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            HandlerMethod handler = e.getValue();
            if (!handler.getBeanType().getPackageName().startsWith("org.zhengtong")) {
                continue;
            }
            if (handler.hasMethodAnnotation(PublicPage.class)) {
                continue;
            }
            PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
            assertThat(rule).as("privilege declared on " + handler).isNotNull();
            Matcher m = ONE_PRIVILEGE.matcher(rule.value());
            assertThat(m.matches()).as("exactly one named privilege on " + handler + ": " + rule.value()).isTrue();
            assertThat(policy.isPrivilege(m.group(1))).as("privilege " + m.group(1) + " is in access.yml").isTrue();
            Set<RequestMethod> methods = e.getKey().getMethodsCondition().getMethods();
            for (String pattern : e.getKey().getPatternValues()) {
                for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(HttpMethod.valueOf(method.name()), concrete(pattern), m.group(1)));
                }
            }
        }
        for (var holder : HOLDERS.entrySet()) {
            sessions.put(holder.getKey(), Logins.session(mvc, holder.getValue()));
            tokens.put(holder.getKey(), Logins.token(mvc, "matrix-" + holder.getKey().toLowerCase().replace('_', '-'), "Matrix@Secret2026"));
        }
    }

    @Test
    void everyRoleIsCoveredAndEndpointsWereFound() {
        assertThat(HOLDERS.keySet()).containsExactlyInAnyOrderElementsOf(policy.roles().keySet());
        assertThat(endpoints).extracting(Endpoint::path).contains("/", "/directory/org-units", "/api/v1/org-units");
        assertThat(endpoints.size()).isGreaterThan(30);
    }

    @Test
    void eachRoleReachesExactlyWhatItsPrivilegesOpen() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String role : HOLDERS.keySet()) {
            Set<String> granted = policy.privilegesOf(List.of(role));
            for (Endpoint endpoint : endpoints) {
                int status = call(endpoint, role);
                boolean allowed = granted.contains(endpoint.privilege());
                if (allowed && (status == 401 || status == 403)) {
                    wrong.add(role + " was refused " + endpoint + " (" + status + ")");
                } else if (!allowed && status != 403) {
                    wrong.add(role + " reached " + endpoint + " (" + status + ")");
                }
                if (status >= 500) {
                    wrong.add(role + " got a server error from " + endpoint + " (" + status + ")");
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void nobodySignedInReachesNothing() throws Exception {
        for (Endpoint endpoint : endpoints) {
            MockHttpServletRequestBuilder r = request(endpoint.method(), endpoint.path());
            if (endpoint.method() != HttpMethod.GET) {
                r = r.with(csrf());
            }
            var response = mvc.perform(r).andReturn().getResponse();
            if (policy.publicPrivileges().contains(endpoint.privilege())) {
                assertThat(response.getStatus()).as("open to the public: " + endpoint).isNotIn(302, 401, 403);
            } else if (endpoint.isApi()) {
                assertThat(response.getStatus()).as(endpoint.toString()).isEqualTo(401);
                assertThat(response.getContentType()).as(endpoint.toString()).startsWith("application/problem+json");
            } else {
                assertThat(response.getStatus()).as(endpoint.toString()).isEqualTo(302);
                assertThat(response.getRedirectedUrl()).as(endpoint.toString()).endsWith("/login");
            }
        }
    }

    @Test
    void everyWorkbenchLinkOpensForTheRoleThatSeesIt() throws Exception {
        for (String role : HOLDERS.keySet()) {
            for (String privilege : policy.privilegesOf(List.of(role))) {
                String page = policy.privileges().get(privilege).page();
                if (page == null) {
                    continue;
                }
                int status = mvc.perform(request(HttpMethod.GET, page).session(sessions.get(role))).andReturn().getResponse().getStatus();
                assertThat(status).as(role + " opens " + page).isEqualTo(200);
            }
        }
    }

    private int call(Endpoint endpoint, String role) throws Exception {
        MockHttpServletRequestBuilder r = request(endpoint.method(), endpoint.path());
        if (endpoint.isApi()) {
            r = r.header("Authorization", "Bearer " + tokens.get(role));
        } else {
            r = r.session(sessions.get(role));
        }
        if (endpoint.method() != HttpMethod.GET) {
            // Forms name an org unit the department administrator manages, so a refusal can only be for privilege.
            r = r.with(csrf()).param("orgUnitCode", "matrixou");
        }
        var response = mvc.perform(r).andReturn().getResponse();
        // A business rule may also answer 403 (another department's subscription); only code "forbidden" is the privilege check.
        if (endpoint.isApi() && response.getStatus() == 403 && !response.getContentAsString().contains("\"code\":\"forbidden\"")) {
            return 409;
        }
        return response.getStatus();
    }

    /** Fills a path's variables with values that name real things made for this test. */
    String concrete(String pattern) {
        return pattern.replace("{classification}", resourceCode.substring(0, 9))
                .replace("{sequence}", resourceCode.substring(10))
                .replace("{code}", "matrixou")
                .replace("{username}", "matrix.target")
                .replace("{clientId}", "matrix-system")
                .replace("{id}", "1")
                .replace("{kind}", "ORG_UNITS")
                .replace("{idNumber}", "11010519491231002X")
                .replace("{creditCode}", "91350100M000100Y43")
                .replace("{type}", "id-number")
                .replace("{value}", "11010519491231002X")
                .replace("{caseNumber}", "MATRIX2026000001")
                .replace("{number}", "MATRIX2026000001")
                .replace("{number:\\d{14}}", "20991231000001")
                .replace("{taskId}", "matrix-task")
                .replace("{version}", "1");
    }

    private void actAs(String username) {
        var person = accounts.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    private static void asSystem(Runnable work) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new TestingAuthenticationToken("system", null, "ORG_UNIT_MANAGE"));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
