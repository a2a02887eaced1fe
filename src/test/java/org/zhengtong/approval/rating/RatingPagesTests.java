package org.zhengtong.approval.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockServletContext;
import org.thymeleaf.context.WebContext;
import org.thymeleaf.web.servlet.JakartaServletWebApplication;
import org.zhengtong.approval.clock.CaseClocks;
import org.thymeleaf.spring6.ISpringTemplateEngine;
import org.thymeleaf.spring6.expression.ThymeleafEvaluationContext;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.approval.CaseItems;
import org.zhengtong.approval.Cases;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.directory.security.PersonAccounts;

/**
 * The pages and API of progress and ratings, through the web as the public, the applicant, the department and the
 * leader meet them.
 */
@PlatformTest
class RatingPagesTests {

    @Autowired MockMvc mvc;
    @Autowired Cases cases;
    @Autowired ServiceItems items;
    @Autowired CaseItems caseItems;
    @Autowired PersonAccounts accounts;
    @Autowired Ratings ratings;
    @Autowired ISpringTemplateEngine templates;
    @Autowired ApplicationContext context;
    @Autowired CaseClocks clocks;

    RatingFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new RatingFixture(items, caseItems, cases, accounts);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anyoneFollowsACaseByNumberAndCodeAndAWrongOneSaysTheSameWhicheverIsWrong() throws Exception {
        String code = fixture.publish();
        var c = fixture.approved(code, RatingFixture.CITIZEN);

        assertThat(mvc.perform(get("/progress")).andReturn().getResponse().getStatus()).isEqualTo(200);
        MockHttpServletResponse found = query(c.number(), c.queryCode(), "zh");
        assertThat(found.getStatus()).isEqualTo(200);
        String page = found.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("房屋建筑工程竣工验收备案（评价测试）", "海川市住房和城乡建设局", "准予许可（已办结）", "网上提交申请", "窗口受理",
                "办结：准予许可", "符合条件，准予备案。",
                "<time datetime=\"" + clocks.deadline(c.number()).orElseThrow().promisedDue() + "\">");
        assertThat(page).as("no staff names, no internal comments").doesNotContain("zwfwj.clerk1", "zjj.approver", "材料齐全，予以受理。",
                "林海涛", "379902198503120013");

        var running = fixture.submit(code, RatingFixture.CITIZEN);
        String open = query(running.number(), running.queryCode(), "zh").getContentAsString(StandardCharsets.UTF_8);
        var due = clocks.deadline(running.number()).orElseThrow();
        assertThat(open).contains("已提交，等待窗口受理", "承诺办结期限", "法定办结期限",
                "<time datetime=\"" + due.promisedDue() + "\">", "<time datetime=\"" + due.legalDue() + "\">", "承诺 5 个工作日，法定 10 个工作日");

        String wrongCode = c.queryCode().equals("000000") ? "000001" : "000000";
        for (String lang : List.of("zh", "en")) {
            MockHttpServletResponse badCode = query(c.number(), wrongCode, lang);
            MockHttpServletResponse badNumber = query("20990101999999", c.queryCode(), lang);
            assertThat(badCode.getStatus()).isEqualTo(404);
            assertThat(badNumber.getStatus()).isEqualTo(404);
            String one = failure(badCode.getContentAsString(StandardCharsets.UTF_8));
            assertThat(one).isEqualTo(failure(badNumber.getContentAsString(StandardCharsets.UTF_8)))
                    .isEqualTo(lang.equals("zh") ? "没有找到这个办件。请核对办件编号和查询码（查询码在提交申请后的回执上）。"
                            : "No such case was found. Check the case number and the query code (both are on the receipt of your application).");
        }
        assertThat(query("", "", "zh").getStatus()).isEqualTo(404);
        assertThat(query("x".repeat(5000), "'; drop table x", "zh").getStatus()).isEqualTo(404);
    }

    @Test
    void theProgressApiAnswersJsonAndOneProblemForEitherWrongInput() throws Exception {
        String code = fixture.publish();
        var c = fixture.refused(code, RatingFixture.CITIZEN);
        var ok = mvc.perform(get("/api/v1/approval/progress").param("number", c.number()).param("code", c.queryCode())).andReturn().getResponse();
        assertThat(ok.getStatus()).isEqualTo(200);
        String json = ok.getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(json, "$.status")).isEqualTo("REFUSED");
        assertThat((String) JsonPath.read(json, "$.departmentName")).isEqualTo("海川市住房和城乡建设局");
        assertThat((String) JsonPath.read(json, "$.reason")).contains("不属于本部门");
        assertThat((List<String>) JsonPath.read(json, "$.timeline[*].kind")).containsExactly("SUBMITTED", "REFUSED");
        assertThat(json).doesNotContain("zwfwj.clerk1", "citizen1", "林海涛");

        String wrongCode = c.queryCode().equals("000000") ? "000001" : "000000";
        var badCode = mvc.perform(get("/api/v1/approval/progress").param("number", c.number()).param("code", wrongCode)).andReturn().getResponse();
        var badNumber = mvc.perform(get("/api/v1/approval/progress").param("number", "20990101999999").param("code", c.queryCode()))
                .andReturn().getResponse();
        var missing = mvc.perform(get("/api/v1/approval/progress")).andReturn().getResponse();
        for (var bad : List.of(badCode, badNumber, missing)) {
            assertThat(bad.getStatus()).isEqualTo(404);
            assertThat(bad.getContentType()).startsWith("application/problem+json");
            String body = bad.getContentAsString(StandardCharsets.UTF_8);
            assertThat((String) JsonPath.read(body, "$.code")).isEqualTo("approval.rating.no-such-case");
            assertThat((String) JsonPath.read(body, "$.detail")).isEqualTo((String) JsonPath.read(
                    badCode.getContentAsString(StandardCharsets.UTF_8), "$.detail"));
        }
    }

    @Test
    void theApplicantRatesOnTheWebOnceAndTheDepartmentClosesTheFollowUp() throws Exception {
        String code = fixture.publish();
        var c = fixture.refused(code, RatingFixture.CITIZEN);
        MockHttpSession citizen1 = Logins.session(mvc, "citizen1");
        MockHttpSession citizen2 = Logins.session(mvc, "citizen2");

        assertThat(fragment(c.number())).contains("rating-form", "/services/mine/" + c.number() + "/rating", "非常不满意");

        assertThat(rate(c.number(), citizen2, "1", "不是我的").getStatus()).isEqualTo(403);
        MockHttpServletResponse noReason = rate(c.number(), citizen1, "2", "");
        assertThat(noReason.getStatus()).isEqualTo(400);
        assertThat(noReason.getContentAsString(StandardCharsets.UTF_8)).contains("请写明原因");
        assertThat(rate(c.number(), citizen1, "abc", "x").getStatus()).isEqualTo(400);
        MockHttpServletResponse done = rate(c.number(), citizen1, "2", "窗口没有告诉我应该去哪个部门办理。");
        assertThat(done.getStatus()).isEqualTo(302);
        assertThat(done.getRedirectedUrl()).isEqualTo("/services/mine/" + c.number() + "#rating");
        assertThat(rate(c.number(), citizen1, "5", "").getStatus()).as("only once").isEqualTo(409);
        assertThat(fragment(c.number())).contains("我的评价", "不满意", "窗口没有告诉我应该去哪个部门办理。", "部门正在整改").doesNotContain("rating-form");

        FollowUp f = ratings.followUpOf(c.number()).orElseThrow();
        MockHttpSession zjj = Logins.session(mvc, "zjj.approver");
        MockHttpSession gaj = Logins.session(mvc, "gaj.approver");
        assertThat(mvc.perform(get("/approval/ratings/follow-ups").param("status", "OPEN").session(zjj)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("follow-up-" + f.id(), c.number(), "窗口没有告诉我应该去哪个部门办理。");
        assertThat(mvc.perform(get("/approval/ratings/follow-ups").session(gaj)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).doesNotContain(c.number());
        assertThat(close(f.id(), gaj, "关掉别人的").getStatus()).as("another department's is not found").isEqualTo(404);
        var blank = close(f.id(), zjj, " ");
        assertThat(blank.getStatus()).isEqualTo(302);
        assertThat((String) blank.getHeader("Location")).contains("/approval/ratings/follow-ups");
        assertThat(ratings.followUpOf(c.number()).orElseThrow().open()).isTrue();
        assertThat(close(f.id(), zjj, "已电话回访，并在窗口张贴各部门受理范围说明。").getStatus()).isEqualTo(302);
        assertThat(ratings.followUpOf(c.number()).orElseThrow().open()).isFalse();
        assertThat(mvc.perform(get("/approval/ratings/follow-ups").param("status", "CLOSED").session(zjj)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("已电话回访，并在窗口张贴各部门受理范围说明。", "zjj.approver");
        assertThat(fragment(c.number())).contains("回访：部门已于", "已电话回访，并在窗口张贴各部门受理范围说明。");
    }

    @Test
    void leadersSeeTheFiguresAndExportThem() throws Exception {
        String code = fixture.publish();
        for (int g : new int[] {5, 4, 1}) {
            var c = fixture.refused(code, RatingFixture.CITIZEN);
            ratings.rate(c.number(), "citizen1", g, g <= 2 ? "太慢" : null);
        }
        MockHttpSession leader = Logins.session(mvc, "gaj.head");
        var page = mvc.perform(get("/approval/ratings").session(leader)).andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(200);
        String html = page.getContentAsString(StandardCharsets.UTF_8);
        String row = html.substring(html.indexOf("data-code=\"" + code + "\""));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains(">3<", ">3.33<", "2 (66.7%)", "1 (33.3%)", ">1<");
        assertThat(html).contains("chart-items", "海川市住房和城乡建设局");
        var xlsx = mvc.perform(get("/approval/ratings.xlsx").session(leader)).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(xlsx.getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');
        assertThat(mvc.perform(get("/approval/ratings").session(Logins.session(mvc, "zjj.approver"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    @Test
    void everyRoleHoldingTheNewPrivilegesOpensTheirPages() throws Exception {
        for (String person : List.of("gaj.approver", "gaj.admin")) {
            assertThat(mvc.perform(get("/approval/ratings/follow-ups").session(Logins.session(mvc, person))).andReturn().getResponse()
                    .getStatus()).as(person).isEqualTo(200);
        }
        for (String person : List.of("gaj.head", "dataadmin", "admin")) {
            assertThat(mvc.perform(get("/approval/ratings").session(Logins.session(mvc, person))).andReturn().getResponse().getStatus())
                    .as(person).isEqualTo(200);
        }
        assertThat(mvc.perform(get("/progress").session(Logins.session(mvc, "citizen1"))).andReturn().getResponse().getStatus())
                .isEqualTo(200);
        assertThat(mvc.perform(get("/approval/ratings/follow-ups").session(Logins.session(mvc, "citizen1"))).andReturn().getResponse()
                .getStatus()).isEqualTo(403);
    }

    private MockHttpServletResponse query(String number, String code, String lang) throws Exception {
        return mvc.perform(get("/progress").param("number", number).param("code", code).param("lang", lang)).andReturn()
                .getResponse();
    }

    private static String failure(String page) {
        return page.replaceAll("(?s).*id=\"progress-failure\"[^>]*>([^<]*)<.*", "$1").strip();
    }

    private MockHttpServletResponse rate(String number, MockHttpSession session, String grade, String comment) throws Exception {
        return mvc.perform(post("/services/mine/{n}/rating", number).param("grade", grade).param("comment", comment).session(session)
                .with(csrf())).andReturn().getResponse();
    }

    private MockHttpServletResponse close(long id, MockHttpSession session, String note) throws Exception {
        MockHttpServletRequestBuilder r = post("/approval/ratings/follow-ups/{id}/close", id).param("note", note).session(session).with(csrf());
        return mvc.perform(r).andReturn().getResponse();
    }

    /** The rating fragment as the applicant's case page includes it. */
    private String fragment(String number) {
        var request = new MockHttpServletRequest(new MockServletContext(), "GET", "/services/mine/" + number);
        var exchange = JakartaServletWebApplication.buildApplication(request.getServletContext()).buildExchange(request,
                new org.springframework.mock.web.MockHttpServletResponse());
        WebContext ctx = new WebContext(exchange, Locale.SIMPLIFIED_CHINESE);
        ctx.setVariable(ThymeleafEvaluationContext.THYMELEAF_EVALUATION_CONTEXT_CONTEXT_VARIABLE_NAME,
                new ThymeleafEvaluationContext(context, null));
        ctx.setVariable("number", number);
        return templates.process("test/rating-include", ctx);
    }
}
