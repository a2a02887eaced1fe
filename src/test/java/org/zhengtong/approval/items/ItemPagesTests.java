package org.zhengtong.approval.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;

/**
 * 卫健委's data officer drafts an item through the form, is told on the form that the promise exceeds the law, fixes
 * it, uploads a form, and publishes it; anyone, signed in or not, then reads the guide, downloads the form and finds
 * the item through the API, while a draft stays hidden from the public.
 */
@PlatformTest
class ItemPagesTests {

    @Autowired MockMvc mvc;

    static final String MATERIALS = "医疗机构执业许可申请书|原件|1|是||\n营业执照|复印件|1|是|YYZZ|\n法定代表人身份证明|复印件|1|是||legal.legalRepresentative";

    @Test
    void anOfficerPublishesAnItemAndThePublicReadsItsGuideWithoutSigningIn() throws Exception {
        MockHttpSession officer = Logins.session(mvc, "wjw.officer");
        assertThat(page(get("/approval/items").session(officer))).contains("本部门政务服务事项", "海川市卫生健康委员会");

        String refused = page(item(post("/approval/items").session(officer), "TEST-WJW-001", "30", "45"));
        assertThat(refused).contains("承诺时限 45 个工作日超过了法定时限 30 个工作日", "aria-invalid=\"true\"");

        MvcResult created = mvc.perform(item(post("/approval/items").session(officer), "TEST-WJW-001", "30", "20")).andReturn();
        assertThat(created.getResponse().getRedirectedUrl()).isEqualTo("/approval/items/TEST-WJW-001");
        assertThat(page(get("/approval/items/TEST-WJW-001").session(officer))).contains("诊所执业许可（测试）", "草稿", "YYZZ");

        assertThat(mvc.perform(get("/guide/TEST-WJW-001")).andReturn().getResponse().getStatus()).as("a draft is not public").isEqualTo(404);

        mvc.perform(multipart("/approval/items/TEST-WJW-001/forms")
                .file(new MockMultipartFile("file", "诊所执业申请表.pdf", "application/pdf", "%PDF-1.7\n%test".getBytes()))
                .session(officer).with(csrf())).andReturn();
        mvc.perform(post("/approval/items/TEST-WJW-001/publish").session(officer).with(csrf())).andReturn();
        assertThat(page(get("/approval/items/TEST-WJW-001").session(officer))).contains("已发布第 1 版");

        String list = page(get("/guide").param("q", "诊所执业").param("type", "LICENSING"));
        assertThat(list).contains("找到 1 个事项", "诊所执业许可（测试）", "/guide/TEST-WJW-001");
        String guide = page(get("/guide/TEST-WJW-001"));
        assertThat(guide).contains("诊所执业许可（测试）", "《医疗机构管理条例》", "30 个工作日", "20 个工作日", "可用电子证照（YYZZ）代替",
                "海川市政务服务中心三楼 C05 窗口", "诊所执业申请表.pdf", "/services/TEST-WJW-001/apply", "<caption>申请材料（3 项）</caption>");
        String formLink = guide.replaceAll("(?s).*href=\"(/guide/TEST-WJW-001/forms/\\d+)\".*", "$1");
        var download = mvc.perform(get(formLink)).andReturn().getResponse();
        assertThat(download.getStatus()).isEqualTo(200);
        assertThat(download.getContentType()).isEqualTo("application/pdf");

        assertThat(page(get("/guide/TEST-WJW-001").param("lang", "en"))).contains("Materials (3)", "An e-licence (YYZZ) replaces it");

        var api = mvc.perform(get("/api/v1/approval/items/TEST-WJW-001")).andReturn().getResponse();
        assertThat(api.getStatus()).isEqualTo(200);
        String json = api.getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(json, "$.template")).isEqualTo("SINGLE");
        assertThat((List<String>) JsonPath.read(json, "$.materials[*].licenceType")).contains("YYZZ");
        assertThat((Integer) JsonPath.read(json, "$.version")).isEqualTo(1);
        var missing = mvc.perform(get("/api/v1/approval/items/NO-SUCH-ITEM")).andReturn().getResponse();
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentType()).startsWith("application/problem+json");
        assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("\"code\":\"approval-items.not-found\"");
        assertThat(mvc.perform(get("/api/v1/approval/items").param("type", "nonsense")).andReturn().getResponse().getStatus()).isEqualTo(400);
    }

    @Test
    void aBadFormIsRefusedOnThePage() throws Exception {
        MockHttpSession officer = Logins.session(mvc, "wjw.officer");
        mvc.perform(item(post("/approval/items").session(officer), "TEST-WJW-002", "30", "20")).andReturn();
        MvcResult r = mvc.perform(multipart("/approval/items/TEST-WJW-002/forms")
                .file(new MockMultipartFile("file", "申请表.docx", "application/octet-stream", "not a zip".getBytes()))
                .session(officer).with(csrf())).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/approval/items/TEST-WJW-002");
        assertThat((String) r.getFlashMap().get("failure")).contains("不是 PDF、Word（.docx）或 Excel（.xlsx）文件");
        MockHttpSession other = Logins.session(mvc, "gaj.officer");
        assertThat(mvc.perform(get("/approval/items/TEST-WJW-002").session(other)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theTransferPageListsEveryProblemOfARefusedWorkbookInBothLanguagesAndOffersTheTemplateAndTheExport() throws Exception {
        MockHttpSession officer = Logins.session(mvc, "wjw.officer");
        byte[] bad = ItemTransferTests.workbook(
                List.<String[]>of(ItemTransferTests.item("TEST-WJW-010", "母婴保健技术服务执业许可（测试）", "行政许可", "20", "30", "SINGLE")),
                List.of(), List.of(), List.of(), List.of());
        String page = page(multipart("/approval/items/transfer").file(new MockMultipartFile("file", "卫健事项.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", bad)).session(officer).with(csrf()));
        assertThat(page).contains("没有导入 卫健事项.xlsx：发现 1 个问题",
                "文件 卫健事项.xlsx，工作表“事项”，第 2 行，字段“承诺时限（工作日）”：承诺时限 30 个工作日超过了法定时限 20 个工作日。",
                "File 卫健事项.xlsx, sheet &quot;事项&quot;, row 2, field &quot;Promised limit (working days)&quot;");
        var template = mvc.perform(get("/approval/items/transfer/template").session(officer)).andReturn().getResponse();
        assertThat(template.getStatus()).isEqualTo(200);
        assertThat(template.getContentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var export = mvc.perform(get("/approval/items/transfer/export").session(officer)).andReturn().getResponse();
        assertThat(export.getStatus()).isEqualTo(200);
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(export.getContentAsByteArray()))) {
            assertThat(wb.getSheet("事项").getLastRowNum()).as("the demo items of 卫健委").isGreaterThanOrEqualTo(2);
            assertThat(wb.getSheet("申请材料")).isNotNull();
        }
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder item(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder r, String code, String legal, String promised) {
        return r.with(csrf()).param("code", code).param("name", "诊所执业许可（测试）").param("type", "LICENSING")
                .param("legalBasis", "《医疗机构管理条例》第九条、第十五条").param("conditions", "符合医疗机构基本标准，有相应的医务人员。")
                .param("procedure", "申请\n受理\n审查（现场核查）\n决定\n发证").param("legalLimitDays", legal).param("promisedLimitDays", promised)
                .param("feeText", "").param("feeAmount", "").param("template", "SINGLE").param("leadDepartment", "")
                .param("steps", "").param("materials", MATERIALS)
                .param("formFields", "clinicName|诊所名称|text|是|legal.name\nsubject|诊疗科目|select|是|")
                .param("windows", "海川市政务服务中心三楼 C05 窗口|工作日 9:00-17:00|0535-12340005");
    }

    private String page(org.springframework.test.web.servlet.RequestBuilder r) throws Exception {
        var response = mvc.perform(r).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }
}
