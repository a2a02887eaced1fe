package org.zhengtong.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.shared.OrganizationCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;
import org.zhengtong.shared.xlsx.XlsxProblem;

/**
 * A platform administrator imports the city's lists from Excel. A good file is applied whole; a file with any
 * bad row is refused whole, every problem named by row and field in both languages, and the attempt is kept.
 */
@PlatformTest
class DirectoryImportTests {

    static final String[] ORG_HEADER = {"简码", "名称", "类型", "上级简码", "统一社会信用代码", "行政区划代码", "排序"};
    static final String[] PEOPLE_HEADER = {"用户名", "姓名", "所属机构简码", "职务", "手机", "电子邮箱", "角色"};

    @Autowired MockMvc mvc;
    @Autowired DirectoryTransfer transfer;
    @Autowired DirectoryManagement directory;
    @Autowired MessageSource messages;
    @Autowired JdbcClient jdbc;

    @Test
    void aGoodOrgUnitFileIsAppliedWholeWithParentsAfterChildren() throws Exception {
        byte[] file = workbook("组织机构", ORG_HEADER, List.of(
                new String[] {"tjjzhc", "综合处", "处室", "tjjnew", "", "379900", "1"},
                new String[] {"tjjnew", "海川市统计调查队", "部门", "hcs", credit(901), "379900", "5"}));
        DirectoryTransfer.ImportBatch batch = upload(DirectoryTransfer.Kind.ORG_UNITS, "units.xlsx", file);

        assertThat(batch.applied()).as(batch.problems().toString()).isTrue();
        assertThat(directory.orgUnit("tjjzhc").parentCode()).isEqualTo("tjjnew");
        assertThat(directory.orgUnit("tjjnew").kind()).isEqualTo(OrgUnitKind.DEPARTMENT);
        assertThat(auditCount("directory.import.org_units")).isPositive();
    }

    @Test
    void aFileWithBadRowsIsRefusedWholeAndEveryProblemIsNamed() throws Exception {
        long before = countPeople();
        byte[] file = workbook("人员", PEOPLE_HEADER, List.of(
                new String[] {"imp.good", "好人", "gaj", "科员", "13900000001", "good@example.gov", ""},
                new String[] {"imp.dup", "重复甲", "gaj", "", "", "", ""},
                new String[] {"imp.dup", "重复乙", "gaj", "", "", "", ""},
                new String[] {"imp.far", "远方", "nowhere", "", "1390000", "not-an-email", ""},
                new String[] {"imp.long", "长".repeat(51), "gaj", "", "", "", ""},
                new String[] {"imp.roles", "越权", "gaj", "", "", "", "安全管理员"}));
        DirectoryTransfer.ImportBatch batch = upload(DirectoryTransfer.Kind.PEOPLE, "people.xlsx", file);

        assertThat(batch.applied()).isFalse();
        assertThat(countPeople()).as("nothing half-imported").isEqualTo(before);
        assertThat(directory.findPerson("imp.good")).isEmpty();
        List<String> zh = batch.problems().stream().map(p -> p.message(messages, Locale.SIMPLIFIED_CHINESE)).toList();
        List<String> en = batch.problems().stream().map(p -> p.message(messages, Locale.ENGLISH)).toList();
        assertThat(zh).anySatisfy(m -> assertThat(m).contains("people.xlsx", "第 4 行", "用户名", "imp.dup"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains("第 5 行", "所属机构简码", "nowhere"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains("第 5 行", "手机"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains("第 5 行", "电子邮箱"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains("第 6 行", "姓名", "51"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains("第 7 行", "角色"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("people.xlsx", "row 4", "Username", "more than once"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("row 6", "Full name", "exceeds"));
        assertThat(transfer.batch(batch.id()).problems()).hasSameSizeAs(batch.problems());
    }

    @Test
    void invalidCreditAndDivisionCodesAreRefusedWithTheirReasons() throws Exception {
        byte[] file = workbook("组织机构", ORG_HEADER, List.of(
                new String[] {"badcredit", "坏代码局", "部门", "hcs", "91350100M000100Y44", "379900", ""},
                new String[] {"baddiv", "坏区划局", "部门", "hcs", credit(902), "999999", ""},
                new String[] {"badkind", "坏类型", "公司", "hcs", credit(903), "379900", ""}));
        DirectoryTransfer.ImportBatch batch = upload(DirectoryTransfer.Kind.ORG_UNITS, "codes.xlsx", file);

        assertThat(batch.applied()).isFalse();
        List<String> zh = batch.problems().stream().map(p -> p.message(messages, Locale.SIMPLIFIED_CHINESE)).toList();
        assertThat(zh).anySatisfy(m -> assertThat(m).contains("第 2 行", "统一社会信用代码", "校验码"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains("第 3 行", "行政区划代码", "999999"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains("第 4 行", "类型", "公司"));
        assertThat(directory.findOrgUnit("badcredit")).isEmpty();
        assertThat(directory.findOrgUnit("baddiv")).isEmpty();
    }

    @Test
    void missingAndUnknownColumnsAndMislabelledFilesAreFileLevelProblems() throws Exception {
        byte[] missing = workbook("人员", new String[] {"用户名", "姓名", "手机", "籍贯"}, List.<String[]>of(new String[] {"a.b", "某", "", "x"}));
        DirectoryTransfer.ImportBatch columns = upload(DirectoryTransfer.Kind.PEOPLE, "columns.xlsx", missing);
        assertThat(columns.applied()).isFalse();
        assertThat(columns.problems()).allSatisfy(p -> assertThat(p.isFileLevel()).isTrue());
        List<String> zh = columns.problems().stream().map(p -> p.message(messages, Locale.SIMPLIFIED_CHINESE)).toList();
        assertThat(String.join("\n", zh)).contains("所属机构简码").contains("籍贯");

        DirectoryTransfer.ImportBatch csv = upload(DirectoryTransfer.Kind.PEOPLE, "people.xlsx",
                "用户名,姓名\nzhang,张三\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(csv.applied()).isFalse();
        assertThat(csv.problems()).singleElement().satisfies(p -> {
            assertThat(p.isFileLevel()).isTrue();
            assertThat(p.message(messages, Locale.ENGLISH)).contains("people.xlsx");
        });
    }

    @Test
    void theImportPageRefusesABadFileWithoutAServerErrorAndOffersTheProblemReport() throws Exception {
        MockHttpSession admin = Logins.session(mvc, "admin");
        var result = mvc.perform(multipart("/directory/imports")
                        .file(new MockMultipartFile("file", "broken.xlsx", "application/octet-stream", new byte[] {1, 2, 3}))
                        .param("kind", "PEOPLE").session(admin).with(csrf()))
                .andReturn();
        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        String page = mvc.perform(get("/directory/imports").session(admin).flashAttrs(result.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("broken.xlsx").contains("未导入");
        long id = transfer.recentBatches(1).getFirst().id();
        var report = mvc.perform(get("/directory/imports/" + id + "/problems").session(admin)).andReturn().getResponse();
        assertThat(report.getStatus()).isEqualTo(200);
        try (var wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(report.getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(1);
        }
    }

    @Test
    void anExportCanBeImportedAgainUnchanged() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfer.exportOrgUnits(Locale.SIMPLIFIED_CHINESE, out);
        DirectoryTransfer.ImportBatch again = upload(DirectoryTransfer.Kind.ORG_UNITS, "roundtrip.xlsx", out.toByteArray());
        assertThat(again.applied()).as(again.problems().stream().map(XlsxProblem::messageKey).toList().toString()).isTrue();
        assertThat(again.rowCount()).isEqualTo(directory.orgUnits().size());
    }

    private DirectoryTransfer.ImportBatch upload(DirectoryTransfer.Kind kind, String name, byte[] content) throws Exception {
        return asAdmin(() -> transfer.importFile(kind, name, new java.io.ByteArrayInputStream(content)));
    }

    private static <T> T asAdmin(java.util.concurrent.Callable<T> work) throws Exception {
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new org.springframework.security.authentication.TestingAuthenticationToken("admin", null,
                "DIRECTORY_IMPORT", "PERSON_MANAGE", "ORG_UNIT_MANAGE"));
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        try {
            return work.call();
        } finally {
            org.springframework.security.core.context.SecurityContextHolder.clearContext();
        }
    }

    private long countPeople() {
        return jdbc.sql("select count(*) from directory.person").query(Long.class).single();
    }

    private long auditCount(String action) {
        return jdbc.sql("select count(*) from audit.audit_record where action = ?").param(action).query(Long.class).single();
    }

    static String credit(int serial) {
        String first8 = String.format("%08d", 2_000_000 + serial);
        String organization = first8 + OrganizationCode.checkCharacter(first8);
        String first17 = "11379900" + organization;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static byte[] workbook(String sheetName, String[] header, List<String[]> rows) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(sheetName);
            Row h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows.get(r).length; c++) {
                    if (!rows.get(r)[c].isEmpty()) {
                        row.createCell(c).setCellValue(rows.get(r)[c]);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
