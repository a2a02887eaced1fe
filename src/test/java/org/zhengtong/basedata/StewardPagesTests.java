package org.zhengtong.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.exchange.ExchangeHub;

/**
 * The steward's pages and API as the data administrator uses them: the queue with counts per field, a conflict's
 * page with its form, a refused second decision in both languages as problem+json, and the rejected records with
 * their reasons and as an xlsx workbook. Other roles are turned away.
 */
@PlatformTest
class StewardPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogManagement catalog;
    @Autowired SharingManagement sharing;
    @Autowired ExchangeHub hub;
    @Autowired PersonAccounts accounts;
    @Autowired BaseDataFeeds feeds;
    @Autowired org.zhengtong.directory.DirectoryManagement directory;

    BaseDataFixture fixture;
    BaseDataFixture.Feeds feed;

    @BeforeEach
    void feeds() {
        fixture = new BaseDataFixture(jdbc, catalog, sharing, hub, accounts, feeds);
        feed = fixture.feeds();
    }

    private long conflict(String gajName, String rsjName, String id) {
        fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, BaseDataMergeTests.row(id, gajName, "女", BaseDataFixture.birth(id), "379902"));
        feeds.catchUp();
        fixture.publish(feed.rsj(), BaseDataFixture.RSJ_ITEMS, BaseDataMergeTests.row(id, rsjName, "停保"));
        feeds.catchUp();
        return jdbc.sql("select id from basedata.conflict where subject = ? and field = 'name'").param(id).query(Long.class).single();
    }

    @Test
    void theStewardDecidesOnThePageAndASecondDecisionIsRefused() throws Exception {
        String id = BaseDataFixture.newId(false);
        long conflict = conflict("罗敏", "罗民", id);
        MockHttpSession steward = Logins.session(mvc, "dataadmin");

        String queue = mvc.perform(get("/basedata/conflicts").param("base", "PERSON").param("field", "name").param("department", "rsj").session(steward))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(queue).contains("数据冲突处理", "各字段待处理冲突", "处理冲突 " + conflict, "罗民", "海川市人力资源和社会保障局");

        String english = mvc.perform(get("/basedata/conflicts").param("lang", "en").session(steward)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Data conflicts", "Open conflicts per field", "Handle conflict " + conflict, "Name");
        String englishPage = mvc.perform(get("/basedata/conflicts/" + conflict).param("lang", "en").session(steward)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(englishPage).contains("Conflict " + conflict + " · Name", "Keep the authoritative value", "Accept the other value",
                "Return to the source department", "The two sources&#39; values");
        mvc.perform(get("/basedata/conflicts").param("lang", "zh_CN").session(steward));
        String page = mvc.perform(get("/basedata/conflicts/" + conflict).session(steward)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("冲突 " + conflict + " · 姓名", id, "罗敏", "罗民", "保留权威值", "采纳冲突值", "退回来源部门", "id=\"comment\"");

        String withoutComment = mvc.perform(post("/basedata/conflicts/" + conflict + "/decision").param("decision", "ACCEPT").param("comment", " ")
                .with(csrf()).session(steward)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(withoutComment).contains("请填写处理意见。", "aria-invalid=\"true\"");
        assertThat(status(conflict)).isEqualTo("OPEN");
        String nothing = mvc.perform(post("/basedata/conflicts/" + conflict + "/decision").with(csrf()).session(steward)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(nothing).contains("请选择处理方式", "请填写处理意见。");
        assertThat(status(conflict)).isEqualTo("OPEN");

        MockHttpServletResponse kept = mvc.perform(post("/basedata/conflicts/" + conflict + "/decision").param("decision", "KEEP")
                .param("comment", "以公安户籍为准").with(csrf()).session(steward)).andReturn().getResponse();
        assertThat(kept.getRedirectedUrl()).isEqualTo("/basedata/conflicts/" + conflict);
        assertThat(status(conflict)).isEqualTo("KEPT");
        String decided = mvc.perform(get("/basedata/conflicts/" + conflict).session(steward)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(decided).contains("已保留权威值", "以公安户籍为准").doesNotContain("id=\"decision-form\"");

        var again = mvc.perform(post("/basedata/conflicts/" + conflict + "/decision").param("decision", "ACCEPT")
                .param("comment", "改为采纳").with(csrf()).session(steward)).andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/basedata/conflicts/" + conflict);
        assertThat(again.getFlashMap().get("failure")).isEqualTo("冲突记录 " + conflict + " 已处理（KEPT）。");
        assertThat(status(conflict)).isEqualTo("KEPT");
        assertThat(jdbc.sql("select name from basedata.person where id_number = ?").param(id).query(String.class).single()).isEqualTo("罗敏");
    }

    @Test
    void theApiRefusesASecondDecisionAsProblemJsonInBothLanguages() throws Exception {
        long conflict = conflict("宋佳", "宋嘉", BaseDataFixture.newId(false));
        String client = "steward-api-" + System.nanoTime();
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken("system", null, "ORG_UNIT_MANAGE"));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            directory.createApiClient(client, "数据治理工具", "zwfwj", java.util.List.of("BASEDATA_STEWARD"), "Steward@Secret2026");
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
        String token = Logins.token(mvc, client, "Steward@Secret2026");
        MockHttpServletResponse first = mvc.perform(post("/api/v1/basedata/conflicts/" + conflict + "/decision").header("Authorization", "Bearer " + token)
                .contentType("application/json").content("{\"decision\":\"RETURN\",\"comment\":\"请核实\"}")).andReturn().getResponse();
        assertThat(first.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(first.getContentAsString(StandardCharsets.UTF_8), "$.status")).isEqualTo("RETURNED");

        MockHttpServletResponse zh = mvc.perform(post("/api/v1/basedata/conflicts/" + conflict + "/decision").header("Authorization", "Bearer " + token)
                .header("Accept-Language", "zh-CN").contentType("application/json").content("{\"decision\":\"KEEP\",\"comment\":\"再次\"}"))
                .andReturn().getResponse();
        assertThat(zh.getStatus()).isEqualTo(409);
        assertThat(zh.getContentType()).startsWith("application/problem+json");
        String body = zh.getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(body, "$.code")).isEqualTo("basedata.conflict-closed");
        assertThat((String) JsonPath.read(body, "$.detail")).isEqualTo("冲突记录 " + conflict + " 已处理（RETURNED）。");
        MockHttpServletResponse en = mvc.perform(post("/api/v1/basedata/conflicts/" + conflict + "/decision").header("Authorization", "Bearer " + token)
                .header("Accept-Language", "en").contentType("application/json").content("{\"decision\":\"KEEP\",\"comment\":\"again\"}"))
                .andReturn().getResponse();
        assertThat((String) JsonPath.read(en.getContentAsString(StandardCharsets.UTF_8), "$.detail"))
                .isEqualTo("Conflict " + conflict + " has been handled already (RETURNED).");

        MockHttpServletResponse bad = mvc.perform(post("/api/v1/basedata/conflicts/" + conflict + "/decision").header("Authorization", "Bearer " + token)
                .contentType("application/json").content("{\"decision\":\"MAYBE\",\"comment\":\"x\"}")).andReturn().getResponse();
        assertThat(bad.getStatus()).isEqualTo(400);
        assertThat(bad.getContentAsString(StandardCharsets.UTF_8)).contains("\"field\":\"decision\"");
    }

    @Test
    void theRejectedRecordsShowTheirReasonsAndExportToXlsx() throws Exception {
        String good = BaseDataFixture.newId(true);
        String wrongGender = BaseDataFixture.newId(false);
        String unknownDivision = BaseDataFixture.newId(true);
        fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, BaseDataMergeTests.row(good, "谢安", "男", BaseDataFixture.birth(good), "379902"),
                BaseDataMergeTests.row(wrongGender, "谢雨", "男", BaseDataFixture.birth(wrongGender), "379902"),
                BaseDataMergeTests.row(unknownDivision, "谢云", "男", BaseDataFixture.birth(unknownDivision), "379999"));
        feeds.catchUp();
        MockHttpSession steward = Logins.session(mvc, "dataadmin");
        String page = mvc.perform(get("/basedata/rejected").param("feed", String.valueOf(feed.gaj().id())).session(steward)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("拒收记录", wrongGender, "字段“性别”：“男”与公民身份号码 " + wrongGender + " 所示性别不符。", ">性别<").doesNotContain(good);
        assertThat(page).contains("字段“户籍地行政区划代码”：“379999”不是现行的行政区划代码。");
        String english = mvc.perform(get("/basedata/rejected").param("feed", String.valueOf(feed.gaj().id())).param("lang", "en").session(steward))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).as("the field is named in the page's language, whatever the rule stored")
                .contains("Field &quot;Household division code&quot;: &quot;379999&quot; is not a current division code.");

        MockHttpServletResponse xlsx = mvc.perform(get("/basedata/rejected/export").param("feed", String.valueOf(feed.gaj().id())).session(steward))
                .andReturn().getResponse();
        assertThat(xlsx.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getContentAsByteArray()))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(4).getStringCellValue()).isEqualTo("主体标识");
            boolean found = false;
            for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                if (sheet.getRow(r).getCell(4).getStringCellValue().equals(wrongGender)) {
                    found = true;
                    assertThat(sheet.getRow(r).getCell(5).getStringCellValue()).isEqualTo("gender");
                    assertThat(sheet.getRow(r).getCell(7).getStringCellValue()).contains("gender", wrongGender);
                    assertThat(sheet.getRow(r).getCell(8).getStringCellValue()).contains("谢雨");
                }
            }
            assertThat(found).isTrue();
        }
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'basedata.rejected.export' and actor = 'dataadmin'")
                .query(Long.class).single()).isPositive();
    }

    @Test
    void otherRolesAreTurnedAway() throws Exception {
        MockHttpSession officer = Logins.session(mvc, "gaj.officer");
        assertThat(mvc.perform(get("/basedata/conflicts").session(officer)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/basedata/rejected").session(officer)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    private String status(long conflict) {
        return jdbc.sql("select status from basedata.conflict where id = ?").param(conflict).query(String.class).single();
    }
}
