package org.zhengtong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.UUID;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.zhengtong.PlatformTest;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.shared.Actor;

/** The auditor's pages, used as a signed-in person uses them. */
@PlatformTest
class AuditPagesTests {

    static final String PASSWORD = "Zhengtong@2026";

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditLog audit;

    @Autowired
    AuditQueries queries;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void theAuditorSeesTheLogAndFiltersItByActor() throws Exception {
        String actor = "page-" + UUID.randomUUID();
        audit.record(new Actor(actor, "gaj", "10.9.8.7"), "test.page", "person:li.si", Outcome.DENIED, "looked at a file");
        MockHttpSession auditor = signIn("auditor");

        mvc.perform(get("/audit").session(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<main id=\"main\">")))
                .andExpect(content().string(containsString("<caption>")))
                .andExpect(content().string(containsString("<th scope=\"col\">操作人</th>")))
                .andExpect(content().string(containsString("<label for=\"actor\">操作人</label>")))
                .andExpect(content().string(containsString("hx-target=\"#results\"")))
                .andExpect(content().string(containsString("directory.login")))
                .andExpect(content().string(containsString(actor)));
        mvc.perform(get("/audit").param("actor", actor).session(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("共 1 条记录")))
                .andExpect(content().string(containsString("looked at a file")))
                .andExpect(content().string(containsString("<span class=\"tag outcome-denied\">拒绝（无权限）</span>")))
                .andExpect(content().string(not(containsString("directory.login"))));
        mvc.perform(get("/audit").param("actor", "auditor").param("action", "directory.login").session(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("directory.login")))
                .andExpect(content().string(not(containsString(actor))));
    }

    @Test
    void thePageSpeaksEnglishWhenAskedTo() throws Exception {
        MockHttpSession auditor = signIn("auditor");

        mvc.perform(get("/audit").param("lang", "en").param("actor", "auditor").session(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<th scope=\"col\">Actor</th>")))
                .andExpect(content().string(containsString("<span class=\"tag outcome-success\">Success</span>")));
    }

    @Test
    void aMistypedConditionIsExplainedOnThePage() throws Exception {
        MockHttpSession auditor = signIn("auditor");

        mvc.perform(get("/audit").param("outcome", "MAYBE").param("from", "yesterday").session(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("无法识别的结果“MAYBE”")))
                .andExpect(content().string(containsString("起始时间“yesterday”的格式不对")));
    }

    @Test
    void morePagesAreReachedByOrdinaryLinks() throws Exception {
        String actor = "pager-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            audit.record(new Actor(actor, null, null), "test.pager", "thing:" + i, Outcome.SUCCESS, "");
        }
        MockHttpSession auditor = signIn("auditor");

        mvc.perform(get("/audit").param("actor", actor).param("size", "2").param("page", "2").session(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第 2 页，共 2 页")))
                .andExpect(content().string(containsString("thing:0")))
                .andExpect(content().string(not(containsString("thing:2"))))
                .andExpect(content().string(containsString("href=\"/audit?actor=" + actor + "&amp;page=1&amp;size=2\"")));
    }

    @Test
    void theExportIsAnXlsxOfTheFilteredLogAndIsRecorded() throws Exception {
        String actor = "export-" + UUID.randomUUID();
        audit.record(new Actor(actor, "gaj", "10.9.8.7"), "test.export", "person:li.si", Outcome.FAILURE, "第一条");
        audit.record(new Actor(actor, "gaj", "10.9.8.7"), "test.export", "person:wang.wu", Outcome.SUCCESS, "第二条");
        MockHttpSession auditor = signIn("auditor");
        AuditFilter exports = new AuditFilter("auditor", null, "audit.export", null, null, null, null, actor);

        MvcResult result = mvc.perform(get("/audit/export.xlsx").param("actor", actor).session(auditor))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn();

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(result.getResponse().getContentAsByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("序号");
            assertThat(header.getCell(2).getStringCellValue()).isEqualTo("操作人");
            assertThat(header.getCell(6).getStringCellValue()).isEqualTo("结果");
            assertThat(workbook.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitTopRow()).isEqualTo((short) 1);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row newest = sheet.getRow(1);
            assertThat(newest.getCell(2).getStringCellValue()).isEqualTo(actor);
            assertThat(newest.getCell(3).getStringCellValue()).isEqualTo("gaj");
            assertThat(newest.getCell(5).getStringCellValue()).isEqualTo("person:wang.wu");
            assertThat(newest.getCell(6).getStringCellValue()).isEqualTo("成功");
            assertThat(newest.getCell(8).getStringCellValue()).isEqualTo("第二条");
            assertThat(sheet.getRow(2).getCell(6).getStringCellValue()).isEqualTo("失败");
            assertThat((long) sheet.getRow(2).getCell(0).getNumericCellValue()).isEqualTo((long) newest.getCell(0).getNumericCellValue() - 1);
        }
        assertThat(queries.count(exports)).isEqualTo(1);
    }

    @Test
    void thePlatformAdministratorCannotReadTheLog() throws Exception {
        MockHttpSession admin = signIn("admin");

        mvc.perform(get("/audit").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export.xlsx").session(admin)).andExpect(status().isForbidden());
        mvc.perform(get("/audit/verify").session(admin)).andExpect(status().isForbidden());
        mvc.perform(post("/audit/verify").with(csrf()).session(admin)).andExpect(status().isForbidden());
    }

    @Test
    void strangersAreSentToSignIn() throws Exception {
        mvc.perform(get("/audit")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void verifyingAnIntactChainSaysSoInEitherLanguage() throws Exception {
        MockHttpSession auditor = signIn("auditor");
        AuditFilter verifications = new AuditFilter("auditor", null, "audit.verify", null, Outcome.SUCCESS, null, null, null);
        long before = queries.count(verifications);

        mvc.perform(get("/audit/verify").session(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("开始校验")))
                .andExpect(content().string(not(containsString("审计链完整"))));
        mvc.perform(post("/audit/verify").with(csrf()).session(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("审计链完整。")))
                .andExpect(content().string(containsString("没有发现被修改、删除或调换顺序的记录")));
        mvc.perform(post("/audit/verify").param("lang", "en").with(csrf()).session(auditor))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("The audit chain is intact.")));

        assertThat(queries.count(verifications)).isEqualTo(before + 2);
    }

    @Test
    void verifyingABrokenChainNamesTheRecord() throws Exception {
        MockHttpSession auditor = signIn("auditor");
        AuditFilter failedVerifications = new AuditFilter("auditor", null, "audit.verify", null, Outcome.FAILURE, null, null, null);
        try (AuditSnapshot snapshot = AuditSnapshot.take(jdbc, transactions)) {
            long before = queries.count(failedVerifications);
            long seq = jdbc.sql("select max(seq) - 1 from audit.audit_record").query(Long.class).single();
            jdbc.sql("update audit.audit_record set actor = 'nobody' where seq = ?").param(seq).update();

            mvc.perform(post("/audit/verify").with(csrf()).session(auditor))
                    .andExpect(status().isOk())
                    .andExpect(content().string(containsString("审计链已损坏。")))
                    .andExpect(content().string(containsString("第 " + seq + " 号记录在写入之后被修改过。")));

            assertThat(queries.count(failedVerifications)).isEqualTo(before + 1);
        }
    }

    @Test
    void verifyingNeedsTheFormsCsrfToken() throws Exception {
        MockHttpSession auditor = signIn("auditor");

        mvc.perform(post("/audit/verify").session(auditor)).andExpect(status().isForbidden());
    }

    private MockHttpSession signIn(String username) throws Exception {
        MvcResult result = mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andExpect(authenticated())
                .andReturn();
        return (MockHttpSession) result.getRequest().getSession();
    }
}
