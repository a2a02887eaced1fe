package org.zhengtong.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;

/**
 * The unified query's pages as a browser without script sees them: the answer marks masked values and names the items
 * not granted, bad input is explained on the page (never a stack trace), the history lists one's own queries, and
 * the leaders' overview carries counts only.
 */
@PlatformTest
class BaseDataQueryPagesTests {

    @Autowired ApplicationContext context;
    @Autowired MockMvc mvc;

    @BeforeEach
    void load() {
        QueryFixture.load(context);
    }

    @Test
    void aLookupShowsMaskedValuesAsMaskedAndNamesWhatIsNotGranted() throws Exception {
        MockHttpSession jyj = Logins.session(mvc, "jyj.officer");
        String page = body(post("/basedata/query").param("base", "PERSON").param("key", QueryFixture.ID).param("purpose", "HANDLING"), jyj);
        assertThat(page).contains("138****5678", "海川市东湖区****", "已脱敏", "class=\"masked\"").doesNotContain(QueryFixture.PHONE, QueryFixture.ID);

        String enterprise = body(post("/basedata/query").param("base", "LEGAL_PERSON").param("key", QueryFixture.CREDIT_CODE)
                .param("purpose", "ENFORCEMENT"), jyj);
        assertThat(enterprise).contains(QueryFixture.ENTERPRISE, "id=\"not-granted\"", "法定代表人").doesNotContain(QueryFixture.LEGAL_REPRESENTATIVE);

        MockHttpSession gaj = Logins.session(mvc, "gaj.officer");
        assertThat(body(post("/basedata/query").param("key", QueryFixture.ID).param("purpose", "办事"), gaj))
                .contains(QueryFixture.PHONE, QueryFixture.ID, QueryFixture.HOUSEHOLD).doesNotContain("class=\"masked\"");
    }

    @Test
    void aSearchListsAtMostMaxResultsAndOpensOneOfThem() throws Exception {
        MockHttpSession clerk = Logins.session(mvc, "jyj.officer");
        String page = body(post("/basedata/query").param("bornFrom", "1931-03-01").param("bornTo", "1931-03-31").param("division", "379903")
                .param("purpose", "STATISTICS"), clerk);
        assertThat(page).contains("id=\"results-table\"", "id=\"more\"", "/basedata/query/results/100").doesNotContain("/basedata/query/results/101");
        String detail = body(get("/basedata/query/results/3"), clerk);
        assertThat(detail).contains("id=\"subject\"", "统查长者", "已脱敏");
    }

    @Test
    void badInputIsExplainedOnThePage() throws Exception {
        MockHttpSession officer = Logins.session(mvc, "gaj.officer");
        String noPurpose = body(post("/basedata/query").param("key", QueryFixture.ID), officer);
        assertThat(noPurpose).contains("请说明查询用途", "id=\"purpose-problem\"").doesNotContain(QueryFixture.PHONE, "Exception");
        String other = body(post("/basedata/query").param("key", QueryFixture.ID).param("purpose", "OTHER"), officer);
        assertThat(other).contains("用途为“其他”时须填写具体说明", "id=\"purposeText-problem\"");
        String invalid = body(post("/basedata/query").param("key", "37990219850512003X").param("purpose", "HANDLING"), officer);
        assertThat(invalid).contains("id=\"key-problem\"").doesNotContain("Exception");
        String date = body(post("/basedata/query").param("bornFrom", "1931-13-01").param("purpose", "HANDLING"), officer);
        assertThat(date).contains("id=\"bornFrom-problem\"", "1931-13-01");
        String nothing = body(post("/basedata/query").param("purpose", "HANDLING"), officer);
        assertThat(nothing).contains("请至少填写一个查询条件");
        MockHttpSession wjw = Logins.session(mvc, "wjw.officer");
        assertThat(body(get("/basedata/query"), wjw)).contains("id=\"no-grant\"");
    }

    @Test
    void theHistoryListsOnlyOnesOwnQueries() throws Exception {
        MockHttpSession mzj = Logins.session(mvc, "mzj.officer");
        body(post("/basedata/query").param("key", QueryFixture.ID).param("purpose", "OTHER").param("purposeText", "页面测试的用途"), mzj);
        assertThat(body(get("/basedata/query/history"), mzj)).contains("页面测试的用途", "按号码");
        assertThat(body(get("/basedata/query/history"), Logins.session(mvc, "rsj.officer"))).doesNotContain("页面测试的用途");
    }

    @Test
    void theOverviewShowsCountsInChartsAndTables() throws Exception {
        String page = body(get("/basedata/overview"), Logins.session(mvc, "mayor"));
        assertThat(page).contains("id=\"chart-gender\"", "id=\"gender-table\"", "id=\"industry-table\"", "信息传输、软件和信息技术服务业", "echarts.min.js")
                .doesNotContain(QueryFixture.NAME, QueryFixture.ID, QueryFixture.ENTERPRISE);
        assertThat(body(get("/basedata/overview").param("lang", "en"), Logins.session(mvc, "dataadmin")))
                .contains("Persons by gender", "Information transmission, software and IT services");
        assertThat(body(get("/basedata/query").param("lang", "en").param("base", "LEGAL_PERSON"), Logins.session(mvc, "jyj.officer")))
                .contains("Unified query", "Unified social credit code", "Purpose");
        assertThat(mvc.perform(get("/basedata/overview").session(Logins.session(mvc, "jyj.officer"))).andReturn().getResponse().getStatus())
                .isEqualTo(403);
    }

    private String body(MockHttpServletRequestBuilder request, MockHttpSession session) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.session(session).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
