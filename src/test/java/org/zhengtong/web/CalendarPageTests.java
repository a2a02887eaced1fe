package org.zhengtong.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.WorkingDays;
import org.zhengtong.shared.WorkingDays.CalendarDay;
import org.zhengtong.shared.WorkingDays.Kind;

/**
 * The platform administrator's calendar page: the year's list, adding and removing a day, and the Excel list of
 * a year, imported whole or not at all. Every test leaves the calendar as it found it.
 */
@PlatformTest
class CalendarPageTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired MockMvc mvc;
    @Autowired WorkingDays workingDays;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    MockHttpSession admin;

    @BeforeEach
    void signIn() throws Exception {
        admin = Logins.session(mvc, "admin");
    }

    @Test
    void thePageListsTheYearsHolidaysAndMakeUpWorkdays() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/calendar").param("year", "2026").session(admin)).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(page).contains("2026 年工作日历", "春节", "2026-02-15", "2026-02-23", "国庆节", "调休上班", "2026-10-10")
                .contains("2026 年的节假日安排已录入", "国务院办公厅关于2026年部分节假日安排的通知")
                .contains("2026 年共列出 39 天")
                .doesNotContain("2,026");
        assertThat(page).as("the month grid marks 15 Feb as a day off").containsPattern(
                "<td\\s+class=\"holiday\"\\s+title=\"春节\">\\s*<span>15</span><span class=\"mark\">休</span>");

        String english = mvc.perform(get("/calendar").param("year", "2026").param("lang", "en").session(admin))
                .andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Working-day calendar 2026", "Make-up workday", "39 days listed in 2026");
    }

    @Test
    void aYearNotEnteredIsShownWithAWarning() throws Exception {
        String page = mvc.perform(get("/calendar").param("year", "2031").session(admin)).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("2031 年的节假日安排尚未录入").contains("2031 年共列出 0 天");
    }

    @Test
    void aDayIsAddedAndRemovedOnThePage() throws Exception {
        LocalDate monday = LocalDate.of(2026, 3, 16);
        long audited = audited("calendar.day.set") + audited("calendar.day.clear");
        try {
            var added = mvc.perform(post("/calendar/days").session(admin).with(csrf())
                    .param("day", "2026-03-16").param("kind", "HOLIDAY").param("name", "页面测试假日")).andReturn();
            assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/calendar?year=2026");
            String page = mvc.perform(get("/calendar").param("year", "2026").session(admin).flashAttrs(added.getFlashMap()))
                    .andReturn().getResponse().getContentAsString();
            assertThat(page).contains("2026-03-16 已保存", "页面测试假日", "2026 年共列出 40 天");
            assertThat(workingDays.isWorkingDay(monday)).isFalse();

            var removed = mvc.perform(post("/calendar/days/remove").session(admin).with(csrf()).param("day", "2026-03-16")).andReturn();
            assertThat(removed.getResponse().getRedirectedUrl()).isEqualTo("/calendar?year=2026");
            assertThat(workingDays.isWorkingDay(monday)).isTrue();
            assertThat(audited("calendar.day.set") + audited("calendar.day.clear")).isEqualTo(audited + 2);
        } finally {
            workingDays.clearDay(monday);
        }
    }

    @Test
    void aBadDayIsShownBesideItsFieldAndChangesNothing() throws Exception {
        List<CalendarDay> before = workingDays.year(2026);

        var response = mvc.perform(post("/calendar/days").session(admin).with(csrf())
                .param("day", "2026-03-10").param("kind", "WORKDAY").param("name", "调休")).andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(page).contains("2026-03-10 是周一至周五，本来就是工作日").contains("aria-invalid=\"true\"")
                .contains("value=\"2026-03-10\"");
        var badDate = mvc.perform(post("/calendar/days").session(admin).with(csrf())
                .param("day", "2026-02-30").param("kind", "HOLIDAY")).andReturn().getResponse().getContentAsString();
        assertThat(badDate).contains("日期 2026-02-30 无法识别").contains("放假日请填写所属节日的名称");
        assertThat(workingDays.year(2026)).isEqualTo(before);
    }

    @Test
    void aBadImportNamesEveryBadRowAndChangesNothing() throws Exception {
        List<CalendarDay> before = workingDays.year(2026);
        long failures = jdbc.sql("select count(*) from audit.audit_record where action = 'calendar.import' and outcome = 'FAILURE'")
                .query(Long.class).single();
        byte[] file = workbook("工作日历", List.of(
                List.of("日期", "类型", "名称"),
                List.of("2026-03-10", "调休上班", "测试"),   // row 2: a Tuesday cannot be a make-up workday
                List.of("2026-02-30", "放假", "测试"),       // row 3: no such date
                List.of("2026-03-14", "周末", "测试"),       // row 4: unknown kind
                List.of("2026-03-16", "放假", "测试"),       // row 5: fine, but must not be applied
                List.of("2027-01-01", "放假", "元旦"),       // row 6: another year
                List.of("2026-03-17", "放假", ""),           // row 7: a holiday without a name
                List.of("2026-03-16", "放假", "重复")));     // row 8: the date of row 5 again

        var response = mvc.perform(multipart("/calendar/import")
                        .file(new MockMultipartFile("file", "bad.xlsx", XLSX, file))
                        .param("year", "2026").session(admin).with(csrf()))
                .andReturn().getResponse();

        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString();
        assertThat(page).contains("文件 bad.xlsx 有 6 处问题");
        assertThat(page).contains("第 2 行，字段“类型”：2026-03-10 是周一至周五");
        assertThat(page).contains("第 3 行，字段“日期”：日期 2026-02-30 无法识别");
        assertThat(page).contains("第 4 行，字段“类型”：类型 周末 无法识别");
        assertThat(page).contains("第 6 行，字段“日期”：日期 2027-01-01 不在所导入的 2026 年内");
        assertThat(page).contains("第 7 行，字段“名称”：放假日请填写所属节日的名称");
        assertThat(page).contains("第 8 行，字段“日期”：日期 2026-03-16 与第 5 行重复");
        assertThat(page).doesNotContain("第 5 行，");
        assertThat(workingDays.year(2026)).isEqualTo(before);
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 3, 16))).isTrue();
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'calendar.import' and outcome = 'FAILURE'")
                .query(Long.class).single()).isEqualTo(failures + 1);
    }

    @Test
    void anImportWithoutAFileOrYearSaysSo() throws Exception {
        String page = mvc.perform(multipart("/calendar/import").session(admin).with(csrf()))
                .andReturn().getResponse().getContentAsString();

        assertThat(page).contains("请选择要导入的 Excel 文件").contains("请填写年份");
    }

    @Test
    void anExportedYearImportsBackToTheSameList() throws Exception {
        List<CalendarDay> original = workingDays.year(2026);
        String source = workingDays.yearSource(2026).orElseThrow();
        LocalDate extra = LocalDate.of(2026, 3, 18);
        try {
            byte[] exported = export("2026", null);
            List<List<String>> rows = rows(exported);
            assertThat(rows.getFirst()).containsExactly("日期*", "类型*", "名称");
            assertThat(rows).contains(List.of("2026-02-15", "放假", "春节"), List.of("2026-02-14", "调休上班", "春节"));
            assertThat(rows).hasSize(original.size() + 1);

            // Changes the import must undo: a day added, a day taken away, a day renamed.
            workingDays.setDay(extra, Kind.HOLIDAY, "多出的一天");
            workingDays.clearDay(LocalDate.of(2026, 6, 19));
            workingDays.setDay(LocalDate.of(2026, 1, 1), Kind.HOLIDAY, "改名");

            var imported = mvc.perform(multipart("/calendar/import")
                            .file(new MockMultipartFile("file", "2026.xlsx", XLSX, exported))
                            .param("year", "2026").session(admin).with(csrf()))
                    .andReturn();
            assertThat(imported.getResponse().getRedirectedUrl()).as(imported.getResponse().getContentAsString())
                    .isEqualTo("/calendar?year=2026");
            assertThat(workingDays.year(2026)).isEqualTo(original);
            assertThat(workingDays.yearSource(2026)).contains(source);
            assertThat(jdbc.sql("select detail from audit.audit_record where action = 'calendar.import' and outcome = 'SUCCESS' order by seq desc limit 1")
                    .query(String.class).single()).startsWith("2026.xlsx: " + original.size() + " days");

            byte[] english = export("2026", "en");
            assertThat(rows(english).getFirst()).containsExactly("Date*", "Kind*", "Name");
            assertThat(rows(english)).contains(List.of("2026-02-15", "HOLIDAY", "春节"));
            var again = mvc.perform(multipart("/calendar/import")
                            .file(new MockMultipartFile("file", "2026-en.xlsx", XLSX, english))
                            .param("year", "2026").session(admin).with(csrf()))
                    .andReturn();
            assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/calendar?year=2026");
            assertThat(workingDays.year(2026)).isEqualTo(original);
        } finally {
            workingDays.clearDay(extra);
            for (CalendarDay d : original) {
                workingDays.setDay(d.day(), d.kind(), d.name());
            }
            workingDays.markYearEntered(2026, source);
        }
    }

    @Test
    void aChangeWhoseAuditRecordFailsIsNotMade() {
        AuditLog failing = new AuditLog() {
            @Override
            public void record(Actor actor, String action, String target, Outcome outcome, String detail) {
                throw new IllegalStateException("the audit log is unavailable");
            }

            @Override
            public void recordFailure(Actor actor, String action, String target, Outcome outcome, String detail) {
                throw new IllegalStateException("the audit log is unavailable");
            }
        };
        CalendarChanges changes = new CalendarChanges(workingDays, failing, transactionManager);
        LocalDate friday = LocalDate.of(2026, 3, 20);
        try {
            assertThatIllegalStateException().isThrownBy(() -> changes.setDay(friday, Kind.HOLIDAY, "未审计"));
            assertThat(workingDays.isWorkingDay(friday)).isTrue();
            assertThat(workingDays.year(2026)).extracting(CalendarDay::day).doesNotContain(friday);

            String source = workingDays.yearSource(2026).orElseThrow();
            assertThatIllegalStateException().isThrownBy(() -> changes.markYearEntered(2026, "未审计的来源"));
            assertThat(workingDays.yearSource(2026)).contains(source);
            assertThatIllegalStateException().isThrownBy(() -> changes.clearDay(LocalDate.of(2026, 2, 15)));
            assertThat(workingDays.holidayName(LocalDate.of(2026, 2, 15))).contains("春节");
        } finally {
            workingDays.clearDay(friday);
        }
    }

    private byte[] export(String year, String lang) throws Exception {
        var request = get("/calendar/export").param("year", year).session(admin);
        if (lang != null) {
            request = request.param("lang", lang);
        }
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo(XLSX);
        assertThat(response.getHeader("Content-Disposition")).contains(year + ".xlsx");
        return response.getContentAsByteArray();
    }

    private long audited(String action) {
        return jdbc.sql("select count(*) from audit.audit_record where action = ? and actor = 'admin'")
                .param(action).query(Long.class).single();
    }

    static List<List<String>> rows(byte[] xlsx) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        DataFormatter formatter = new DataFormatter();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (Row row : wb.getSheetAt(0)) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 3; c++) {
                    cells.add(row.getCell(c) == null ? "" : formatter.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    static byte[] workbook(String sheetName, List<List<String>> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    if (!rows.get(r).get(c).isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r).get(c));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
