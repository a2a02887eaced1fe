package org.zhengtong.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.PlatformTest;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.WorkingDays;

/**
 * Departments share under 共享为原则、不共享为例外: an unconditional resource is granted at once, a conditional one
 * waits for its provider's answer within ten working days, a resource that is not shared cannot be requested, and
 * a grant is what decides whether data may be used.
 */
@PlatformTest
class SharingTests {

    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Autowired SharingManagement sharing;
    @Autowired CatalogManagement catalog;
    @Autowired WorkingDays workingDays;
    @Autowired PersonAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aConditionalRequestWaitsForTheProviderWhoseGrantThenDecidesAccess() {
        Resource resource = first("rsj", ShareType.CONDITIONAL);
        List<String> wanted = resource.items().stream().limit(2).map(DataItem::name).toList();
        signIn("mzj.officer");
        ShareRequest q = sharing.request(new NewShareRequest(resource.code(), "核对低保对象参保情况", "《社会救助暂行办法》第十一条", wanted,
                "民政社会救助系统", null, TODAY.plusMonths(6)));
        assertThat(q.status()).isEqualTo(ShareRequest.Status.PENDING);
        assertThat(q.dueOn()).isEqualTo(workingDays.addWorkingDays(TODAY, 10));
        assertThat(sharing.isGranted("mzj", resource.code(), wanted)).isFalse();

        signIn("scjgj.officer");
        assertThatThrownBy(() -> sharing.approve(q.id(), null))
                .isInstanceOfSatisfying(CatalogProblem.class, e -> assertThat(e.code()).isEqualTo("catalog.not-your-department"));

        signIn("rsj.officer");
        Grant grant = sharing.approve(q.id(), "同意，限用于社会救助核对");
        assertThat(grant.consumer()).isEqualTo("mzj");
        assertThat(sharing.isGranted("mzj", resource.code(), wanted)).isTrue();
        assertThat(sharing.isGranted("mzj", resource.code(), resource.items().stream().map(DataItem::name).toList()))
                .as("only the items granted").isEqualTo(wanted.size() == resource.items().size());
        assertThat(sharing.isGranted("gaj", resource.code(), wanted)).as("only the consumer granted").isFalse();
        assertThat(sharing.grantsTo("mzj")).extracting(Grant::id).contains(grant.id());
        assertThat(sharing.grantsOf("rsj")).extracting(Grant::id).contains(grant.id());

        sharing.revokeGrant(grant.id(), "核对工作结束");
        assertThat(sharing.isGranted("mzj", resource.code(), wanted)).isFalse();
        assertThat(audits("request:" + q.id())).contains("catalog.share.request", "catalog.share.approve");
        assertThat(audits("grant:" + grant.id())).contains("catalog.share.grant", "catalog.share.revoke");
    }

    @Test
    void anUnconditionalResourceIsGrantedAtOnce() {
        Resource resource = first("tjj", ShareType.UNCONDITIONAL);
        List<String> items = List.of(resource.items().getFirst().name());
        signIn("fgw.officer");
        ShareRequest q = sharing.request(new NewShareRequest(resource.code(), "编制年度发展报告", null, items, null, null, TODAY.plusYears(1)));
        assertThat(q.status()).isEqualTo(ShareRequest.Status.APPROVED);
        assertThat(sharing.isGranted("fgw", resource.code(), items)).isTrue();
    }

    @Test
    void whatIsNotSharedOrAlreadyOwnedCannotBeRequestedAndBadRequestsNameTheirFields() {
        Resource none = catalog.publishedEntries(null, null, 1000).stream()
                .filter(r -> r.content().shareType() == ShareType.NONE && !r.provider().equals("jyj")).findFirst().orElseThrow();
        signIn("jyj.officer");
        assertThatThrownBy(() -> sharing.request(new NewShareRequest(none.code(), "用途", "依据", List.of("x"), "系统", null, TODAY.plusDays(30))))
                .isInstanceOfSatisfying(CatalogProblem.class, e -> assertThat(e.code()).isEqualTo("catalog.not-shareable"));
        Resource own = first("jyj", ShareType.CONDITIONAL);
        assertThatThrownBy(() -> sharing.request(new NewShareRequest(own.code(), "用途", "依据", List.of("x"), "系统", null, TODAY.plusDays(30))))
                .isInstanceOfSatisfying(CatalogProblem.class, e -> assertThat(e.code()).isEqualTo("catalog.own-resource"));
        Resource other = first("wjw", ShareType.CONDITIONAL);
        assertThatThrownBy(() -> sharing.request(new NewShareRequest(other.code(), " ", null, List.of("不存在的项"), null, TODAY.minusDays(1), TODAY.minusDays(2))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .contains("purpose", "legalBasis", "systems", "items", "validUntil"));
    }

    @Test
    void requestsLeftUnansweredBeyondTheirLimitAreFlaggedOverdue() {
        Resource resource = first("zjj", ShareType.CONDITIONAL);
        signIn("sthjj.officer");
        ShareRequest q = sharing.request(new NewShareRequest(resource.code(), "核查建设项目", "《环境影响评价法》", List.of(resource.items().getFirst().name()),
                "环评审批系统", null, TODAY.plusMonths(3)));
        assertThat(sharing.overdue()).extracting(ShareRequest::id).doesNotContain(q.id());
        jdbc.sql("update catalog.share_request set due_on = ? where id = ?").params(TODAY.minusDays(1), q.id()).update();
        assertThat(sharing.overdue()).extracting(ShareRequest::id).contains(q.id());
    }

    @Test
    void revokingAResourceRevokesItsGrants() {
        Resource resource = first("jtysj", ShareType.UNCONDITIONAL);
        List<String> items = List.of(resource.items().getFirst().name());
        signIn("gaj.officer");
        sharing.request(new NewShareRequest(resource.code(), "查验营运车辆", null, items, null, null, TODAY.plusMonths(2)));
        assertThat(sharing.isGranted("gaj", resource.code(), items)).isTrue();
        signIn("dataadmin");
        catalog.revoke(resource.code(), "资源整合");
        assertThat(sharing.isGranted("gaj", resource.code(), items)).isFalse();
    }

    @Test
    void leadersSeeTheStatisticsAsChartsAndAsTables() throws Exception {
        var page = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/catalog/statistics")
                .session(org.zhengtong.Logins.session(mvc, "mayor"))).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString();
        assertThat(html).contains("id=\"chart-departments\"").contains("echarts.min.js").contains("海川市公安局");
        String data = html.substring(html.indexOf("<script id=\"chart-data\" type=\"application/json\">") + 48);
        data = data.substring(0, data.indexOf("</script>"));
        long published = catalog.publishedEntries(null, null, 10_000).size();
        java.util.Map<String, Integer> mix = com.jayway.jsonpath.JsonPath.read(data, "$.shareMix");
        assertThat(mix.values().stream().mapToLong(Integer::longValue).sum()).isEqualTo(published);
    }

    private Resource first(String provider, ShareType type) {
        return catalog.publishedEntries(provider, null, 100).stream().filter(r -> r.content().shareType() == type)
                .map(r -> catalog.published(r.code()).orElseThrow()).findFirst().orElseThrow();
    }

    private String audits(String target) {
        return jdbc.sql("select string_agg(action, ',' order by seq) from audit.audit_record where target = ?").param(target)
                .query(String.class).single();
    }

    private void signIn(String username) {
        var person = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
    }
}
