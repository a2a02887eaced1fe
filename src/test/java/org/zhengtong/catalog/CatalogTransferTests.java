package org.zhengtong.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.catalog.CatalogTransfer.ImportResult;
import org.zhengtong.catalog.Resource.ResourceStatus;
import org.zhengtong.catalog.Resource.VersionStatus;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.shared.xlsx.XlsxColumn;
import org.zhengtong.shared.xlsx.XlsxProblem;
import org.zhengtong.shared.xlsx.XlsxTable;

/**
 * Departments compile their catalogs in a two-sheet workbook (编目表) and import it. A good workbook is applied whole
 * as drafts; a workbook with any bad row is refused whole, each problem named by sheet, row and column in both
 * languages; a data officer imports only for their own department; a department's drafts go out to Excel and come
 * back unchanged.
 */
@PlatformTest
class CatalogTransferTests {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired CatalogTransfer transfer;
    @Autowired CatalogManagement catalog;
    @Autowired PersonAccounts accounts;
    @Autowired MessageSource messages;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aGoodWorkbookIsAppliedWholeAsDraftsWithCodesAssigned() throws Exception {
        signIn("gaj.officer");
        long auditsBefore = audits("catalog.import");
        byte[] file = workbook(
                List.of(resource("海川市导入测试户籍迁入信息", "208001001", "gaj", Map.of("shareWays", "接口、库表", "publishDate", LocalDate.of(2026, 3, 2))),
                        resource("海川市导入测试出入境记录", "208001001", "海川市公安局",
                                Map.of("format", "SPREADSHEET", "shareType", "有条件共享", "shareConditions", "限履行职责需要", "shareWays", "文件",
                                        "updateCycle", "每月", "keywords", "出入境，证件", "relatedCodes", "101001001/000001"))),
                List.of(item("海川市导入测试户籍迁入信息", "公民身份号码", "字符型", "18", "是", "是", "是", "公民身份号码"),
                        item("海川市导入测试户籍迁入信息", "迁入日期", "日期型", "", "否", "是", "否", "日期"),
                        item("海川市导入测试出入境记录", "证件号码", "字符型", "20", "是", "是", "是", "")));

        ImportResult result = transfer.importFile("good.xlsx", new ByteArrayInputStream(file));

        assertThat(result.applied()).as(messagesOf(result, Locale.SIMPLIFIED_CHINESE).toString()).isTrue();
        assertThat(result.resourceCount()).isEqualTo(2);
        assertThat(result.itemCount()).isEqualTo(3);
        assertThat(result.codes()).hasSize(2).allSatisfy(code -> assertThat(code).matches("208001001/\\d{6}"));
        Resource first = catalog.latest(result.codes().get(0));
        assertThat(first.status()).isEqualTo(ResourceStatus.DRAFT);
        assertThat(first.versionStatus()).isEqualTo(VersionStatus.DRAFT);
        assertThat(first.provider()).isEqualTo("gaj");
        assertThat(first.name()).isEqualTo("海川市导入测试户籍迁入信息");
        assertThat(first.content().format()).isEqualTo(Format.DATABASE);
        assertThat(first.content().shareWays()).containsExactly(ShareWay.API, ShareWay.TABLE);
        assertThat(first.publishDate()).isEqualTo(LocalDate.of(2026, 3, 2));
        assertThat(first.items()).extracting(DataItem::name).containsExactly("公民身份号码", "迁入日期");
        assertThat(first.items().getFirst()).isEqualTo(new DataItem("公民身份号码", DataType.STRING, 18, null, true, true, true, Standard.ID_NUMBER));
        assertThat(first.items().get(1).dataType()).isEqualTo(DataType.DATE);
        Resource second = catalog.latest(result.codes().get(1));
        assertThat(second.provider()).as("the provider may be named in full").isEqualTo("gaj");
        assertThat(second.content().shareType()).isEqualTo(ShareType.CONDITIONAL);
        assertThat(second.content().updateCycle()).isEqualTo(UpdateCycle.MONTHLY);
        assertThat(second.content().keywords()).containsExactly("出入境", "证件");
        assertThat(second.content().relatedCodes()).containsExactly("101001001/000001");
        assertThat(second.items()).extracting(DataItem::name).containsExactly("证件号码");
        assertThat(audits("catalog.import")).isEqualTo(auditsBefore + 1);
        assertThat(transfer.batch(result.id()).codes()).isEqualTo(result.codes());
    }

    @Test
    void aWorkbookWithBadRowsIsRefusedWholeAndEveryBadRowIsNamed() throws Exception {
        signIn("scjgj.officer");
        Resource ownDraft = catalog.draft(CatalogLifecycleTests.sample("海川市导入测试本部门草稿", ShareType.UNCONDITIONAL));
        String otherDepartments = catalog.publishedEntries("gaj", null, 1).getFirst().code();
        long resourcesBefore = count("catalog.resource");
        long itemsBefore = count("catalog.data_item");
        Resource draftBefore = catalog.latest(ownDraft.code());

        Map<String, Object> noSummary = resource("坏行无摘要", "204001001", "scjgj", Map.of());
        noSummary.remove("summary");
        byte[] file = workbook(
                List.of(resource("好行", "205001001", "scjgj", Map.of("code", ownDraft.code())),
                        noSummary,
                        resource("坏行未知提供方", "204001001", "nowhere", Map.of()),
                        resource("坏行重复代码", "205001001", "scjgj", Map.of("code", ownDraft.code())),
                        resource("坏行他人代码", "204001001", "scjgj", Map.of("code", otherDepartments)),
                        resource("坏行不予共享", "204001001", "scjgj", Map.of("shareType", "不予共享", "shareWays", "")),
                        resource("坏行日期不是日期", "204001001", "scjgj", Map.of("publishDate", "去年春天")),
                        resource("坏行日期不存在", "204001001", "scjgj", Map.of("publishDate", "2026-02-30")),
                        resource("坏行日期在将来", "204001001", "scjgj", Map.of("publishDate", LocalDate.now().plusYears(1))),
                        resource("坏行没有信息项", "204001001", "scjgj", Map.of()),
                        resource("坏行格式用语", "204001001", "scjgj", Map.of("format", "纸质文件"))),
                List.of(item("好行", "甲", "字符型", "", "", "", "", ""),
                        item("坏行无摘要", "甲", "字符型", "", "", "", "", ""),
                        item("坏行未知提供方", "甲", "字符型", "", "", "", "", ""),
                        item("坏行重复代码", "甲", "字符型", "", "", "", "", ""),
                        item("坏行他人代码", "甲", "字符型", "", "", "", "", ""),
                        item("坏行不予共享", "甲", "字符型", "", "", "", "", ""),
                        item("坏行日期不是日期", "甲", "字符型", "", "", "", "", ""),
                        item("坏行日期不存在", "甲", "字符型", "", "", "", "", ""),
                        item("坏行日期在将来", "甲", "字符型", "", "", "", "", ""),
                        item("坏行格式用语", "甲", "字符型", "", "", "", "", ""),
                        item("没有这个资源", "甲", "字符型", "", "", "", "", ""),
                        item("好行", "乙", "文本型", "", "也许", "", "", "")));

        ImportResult result = transfer.importFile("bad.xlsx", new ByteArrayInputStream(file));

        assertThat(result.applied()).isFalse();
        assertThat(count("catalog.resource")).as("nothing half-imported").isEqualTo(resourcesBefore);
        assertThat(count("catalog.data_item")).isEqualTo(itemsBefore);
        assertThat(catalog.latest(ownDraft.code()).content()).as("the draft a good row names is unchanged").isEqualTo(draftBefore.content());
        List<String> zh = messagesOf(result, Locale.SIMPLIFIED_CHINESE);
        List<String> en = messagesOf(result, Locale.ENGLISH);
        String resources = "bad.xlsx，工作表“信息资源”，";
        String items = "bad.xlsx，工作表“信息项”，";
        assertThat(zh).as("the good row").noneSatisfy(m -> assertThat(m).contains(resources + "第 2 行"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(resources + "第 3 行，字段“资源摘要”", "不能为空"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(resources + "第 4 行，字段“提供方”", "nowhere"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(resources + "第 5 行，字段“资源代码”", ownDraft.code(), "第 2 行"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(resources + "第 6 行，字段“资源代码”", otherDepartments, "海川市公安局"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(resources + "第 7 行，字段“不予共享依据”", "依据"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(resources + "第 8 行，字段“发布日期”", "去年春天", "不是日期"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(resources + "第 9 行，字段“发布日期”", "2026-02-30", "不存在"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(resources + "第 10 行，字段“发布日期”", "晚于今天"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(resources + "第 11 行，字段“资源名称”", "坏行没有信息项", "没有信息项"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(resources + "第 12 行，字段“资源格式”", "纸质文件", "电子文件"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(items + "第 12 行，字段“资源名称”", "没有这个资源"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(items + "第 13 行，字段“数据类型”", "文本型"));
        assertThat(zh).anySatisfy(m -> assertThat(m).contains(items + "第 13 行，字段“是否主键”", "也许"));

        assertThat(en).anySatisfy(m -> assertThat(m).contains("bad.xlsx", "sheet \"信息资源\", row 3, field \"Summary\"", "must not be blank"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息资源\", row 4, field \"Provider\"", "nowhere"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息资源\", row 5, field \"Resource code\"", "already in row 2"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息资源\", row 6, field \"Resource code\"", "only drafts of your own"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息资源\", row 7, field \"Basis for not sharing\""));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息资源\", row 8, field \"Publish date\"", "is not a date"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息资源\", row 9, field \"Publish date\"", "does not exist"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息资源\", row 10, field \"Publish date\"", "in the future"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息资源\", row 11, field \"Resource name\"", "no data items"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息资源\", row 12, field \"Format\"", "not a term of the cataloguing guide"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息项\", row 12, field \"Resource name\"", "no resource named"));
        assertThat(en).anySatisfy(m -> assertThat(m).contains("sheet \"信息项\", row 13, field \"Data type\"", "文本型"));

        ImportResult kept = transfer.batch(result.id());
        assertThat(kept.problems()).hasSameSizeAs(result.problems());
        assertThat(transfer.recentBatches(5)).extracting(ImportResult::id).contains(result.id());
        assertThat(jdbc.sql("select outcome from audit.audit_record where action = 'catalog.import' order by seq desc limit 1")
                .query(String.class).single()).isEqualTo("FAILURE");
    }

    @Test
    void aDataOfficerImportsOnlyForTheirOwnDepartmentAndTheDataAdministratorForAny() throws Exception {
        byte[] file = workbook(List.of(resource("海川市导入测试他部门资源", "204001001", "scjgj", Map.of())),
                List.of(item("海川市导入测试他部门资源", "统一社会信用代码", "字符型", "18", "是", "是", "否", "统一社会信用代码")));
        long before = count("catalog.resource");

        signIn("gaj.officer");
        ImportResult refused = transfer.importFile("other.xlsx", new ByteArrayInputStream(file));
        assertThat(refused.applied()).isFalse();
        assertThat(count("catalog.resource")).isEqualTo(before);
        assertThat(messagesOf(refused, Locale.SIMPLIFIED_CHINESE)).singleElement()
                .satisfies(m -> assertThat(m).contains("工作表“信息资源”，第 2 行，字段“提供方”", "scjgj", "海川市公安局"));
        assertThat(messagesOf(refused, Locale.ENGLISH)).singleElement()
                .satisfies(m -> assertThat(m).contains("row 2, field \"Provider\"", "not your department"));

        signIn("scjgj.officer");
        assertThatThrownBy(() -> transfer.batch(refused.id())).as("another department's attempt is not shown")
                .isInstanceOf(CatalogTransfer.ImportNotFound.class);
        assertThat(transfer.recentBatches(50)).extracting(ImportResult::id).doesNotContain(refused.id());

        signIn("dataadmin");
        ImportResult applied = transfer.importFile("other.xlsx", new ByteArrayInputStream(file));
        assertThat(applied.applied()).as(messagesOf(applied, Locale.SIMPLIFIED_CHINESE).toString()).isTrue();
        assertThat(catalog.latest(applied.codes().getFirst()).provider()).isEqualTo("scjgj");
        assertThat(transfer.batch(refused.id()).id()).as("the data administrator sees every department's attempts").isEqualTo(refused.id());
    }

    @Test
    void aDepartmentsDraftsGoOutToExcelAndComeBackUnchanged() throws Exception {
        signIn("jyj.officer");
        byte[] file = workbook(List.of(resource("海川市导入测试校舍信息", "203001001", "jyj", Map.of("publishDate", "2026-01-05"))),
                List.of(item("海川市导入测试校舍信息", "学校标识码", "字符型", "10", "是", "是", "否", ""),
                        item("海川市导入测试校舍信息", "建筑面积", "数值型", "", "否", "否", "否", "")));
        ImportResult first = transfer.importFile("school.xlsx", new ByteArrayInputStream(file));
        assertThat(first.applied()).as(messagesOf(first, Locale.SIMPLIFIED_CHINESE).toString()).isTrue();
        List<Resource> drafts = catalog.entries("jyj", null, 1000).stream().filter(r -> r.versionStatus() == VersionStatus.DRAFT)
                .map(r -> catalog.latest(r.code())).toList();
        assertThat(drafts).extracting(Resource::code).contains(first.codes().getFirst());
        long before = count("catalog.resource");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfer.exportDrafts(Locale.SIMPLIFIED_CHINESE, out);
        ImportResult again = transfer.importFile("jyj-drafts.xlsx", new ByteArrayInputStream(out.toByteArray()));

        assertThat(again.applied()).as(messagesOf(again, Locale.SIMPLIFIED_CHINESE).toString()).isTrue();
        assertThat(count("catalog.resource")).as("every row updated its draft").isEqualTo(before);
        assertThat(again.codes()).containsExactlyInAnyOrderElementsOf(drafts.stream().map(Resource::code).toList());
        for (Resource draft : drafts) {
            assertThat(catalog.latest(draft.code()).content()).as(draft.code()).isEqualTo(draft.content());
        }

        ByteArrayOutputStream english = new ByteArrayOutputStream();
        transfer.exportDrafts(Locale.ENGLISH, english);
        assertThat(transfer.importFile("jyj-drafts-en.xlsx", new ByteArrayInputStream(english.toByteArray())).applied())
                .as("English headers and sheet names are read as well").isTrue();
    }

    @Test
    void publishedEntriesExportInTheImportLayoutAndCannotBeOverwrittenByImport() throws Exception {
        signIn("gaj.officer");
        List<Resource> published = catalog.publishedEntries("gaj", null, 1000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        transfer.export("gaj", Locale.SIMPLIFIED_CHINESE, out);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            assertThat(wb.getNumberOfSheets()).isEqualTo(2);
            assertThat(headers(wb.getSheet("信息资源"))).containsExactlyElementsOf(headers(CatalogTransfer.RESOURCES));
            assertThat(headers(wb.getSheet("信息项"))).containsExactlyElementsOf(headers(CatalogTransfer.ITEMS));
            assertThat(wb.getSheet("信息资源").getLastRowNum()).isEqualTo(published.size());
            assertThat(wb.getSheet("信息项").getLastRowNum()).isGreaterThanOrEqualTo(published.size());
        }
        long before = count("catalog.resource");
        ImportResult again = transfer.importFile("gaj-published.xlsx", new ByteArrayInputStream(out.toByteArray()));
        assertThat(again.applied()).isFalse();
        assertThat(count("catalog.resource")).isEqualTo(before);
        assertThat(again.problems()).extracting(XlsxProblem::messageKey).containsOnly("catalog-transfer.code.not-draft");
    }

    @Test
    void garbageAndMislabelledWorkbooksAreRefusedWithAReasonAndNoException() throws Exception {
        signIn("gaj.officer");
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        byte[] oneSheet;
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("信息资源").createRow(0).createCell(0).setCellValue("资源名称");
            wb.write(out);
            oneSheet = out.toByteArray();
        }
        Map<String, byte[]> files = Map.of("random.xlsx", random, "empty.xlsx", new byte[0],
                "text.xlsx", "资源名称,信息项名称\n".getBytes(StandardCharsets.UTF_8), "one-sheet.xlsx", oneSheet,
                "zip.xlsx", new byte[] {'P', 'K', 3, 4, 0, 0, 0});
        for (var file : files.entrySet()) {
            ImportResult result = transfer.importFile(file.getKey(), new ByteArrayInputStream(file.getValue()));
            assertThat(result.applied()).as(file.getKey()).isFalse();
            assertThat(result.problems()).as(file.getKey()).isNotEmpty();
            assertThat(messagesOf(result, Locale.ENGLISH)).as(file.getKey()).allSatisfy(m -> assertThat(m).contains(file.getKey()));
        }
        ImportResult oneSheetResult = transfer.importFile("one-sheet.xlsx", new ByteArrayInputStream(oneSheet));
        assertThat(messagesOf(oneSheetResult, Locale.SIMPLIFIED_CHINESE)).anySatisfy(m -> assertThat(m).contains("信息项"));
    }

    @Test
    void theImportPagesWorkForADataOfficer() throws Exception {
        MockHttpSession officer = Logins.session(mvc, "gaj.officer");
        String page = mvc.perform(get("/catalog/imports").session(officer)).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("导入导出资源目录", "导入后提交审核", "/catalog/imports/template");

        var template = mvc.perform(get("/catalog/imports/template").session(officer)).andReturn().getResponse();
        assertThat(template.getStatus()).isEqualTo(200);
        assertThat(template.getContentType()).startsWith(XLSX);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template.getContentAsByteArray()))) {
            assertThat(wb.getSheetName(0)).isEqualTo("信息资源");
            assertThat(wb.getSheetName(1)).isEqualTo("信息项");
            assertThat(new DataFormatter().formatCellValue(wb.getSheetAt(0).getRow(0).getCell(1))).isEqualTo("资源名称*");
        }

        byte[] good = workbook(List.of(resource("海川市导入测试页面资源", "208001001", "gaj", Map.of())),
                List.of(item("海川市导入测试页面资源", "证件号码", "字符型", "20", "是", "是", "是", "")));
        var uploaded = mvc.perform(multipart("/catalog/imports")
                        .file(new MockMultipartFile("file", "page.xlsx", XLSX, good))
                        .param("submit", "true").session(officer).with(csrf()))
                .andReturn();
        assertThat(uploaded.getResponse().getStatus()).isEqualTo(302);
        String after = mvc.perform(get("/catalog/imports").session(officer).flashAttrs(uploaded.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(after).contains("page.xlsx", "已提交审核");
        signIn("gaj.officer");
        ImportResult applied = transfer.recentBatches(1).getFirst();
        assertThat(applied.submitted()).isTrue();
        assertThat(catalog.latest(applied.codes().getFirst()).versionStatus()).isEqualTo(VersionStatus.SUBMITTED);
        SecurityContextHolder.clearContext();

        var garbage = mvc.perform(multipart("/catalog/imports")
                        .file(new MockMultipartFile("file", "broken.xlsx", "application/octet-stream", new byte[] {1, 2, 3}))
                        .session(officer).with(csrf()))
                .andReturn();
        assertThat(garbage.getResponse().getStatus()).isEqualTo(302);
        String refused = mvc.perform(get("/catalog/imports").session(officer).flashAttrs(garbage.getFlashMap()))
                .andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("broken.xlsx", "未导入");
        signIn("gaj.officer");
        long id = transfer.recentBatches(1).getFirst().id();
        SecurityContextHolder.clearContext();
        var report = mvc.perform(get("/catalog/imports/" + id + "/problems").session(officer)).andReturn().getResponse();
        assertThat(report.getStatus()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(report.getContentAsByteArray()))) {
            assertThat(wb.getSheetAt(0).getPhysicalNumberOfRows()).isGreaterThan(1);
        }
        MockHttpSession otherOfficer = Logins.session(mvc, "swj.officer");
        assertThat(mvc.perform(get("/catalog/imports/" + id + "/problems").session(otherOfficer)).andReturn().getResponse().getStatus())
                .as("another department's problem report").isEqualTo(404);

        var drafts = mvc.perform(get("/catalog/imports/drafts").session(officer)).andReturn().getResponse();
        assertThat(drafts.getStatus()).isEqualTo(200);
        var export = mvc.perform(get("/catalog/export").param("provider", "gaj").session(officer)).andReturn().getResponse();
        assertThat(export.getStatus()).isEqualTo(200);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(export.getContentAsByteArray()))) {
            assertThat(wb.getSheet("信息资源").getLastRowNum()).isPositive();
        }
        MockHttpSession clerk = Logins.session(mvc, "zwfwj.clerk1");
        assertThat(mvc.perform(get("/catalog/imports").session(clerk)).andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(get("/catalog/export").session(clerk)).andReturn().getResponse().getStatus()).isEqualTo(200);
    }

    // workbooks

    /** A resource row that passes every check; {@code changes} replaces or adds cells (a String, or a LocalDate as a date cell). */
    static Map<String, Object> resource(String name, String classification, String provider, Map<String, Object> changes) {
        Map<String, Object> row = new HashMap<>();
        row.put("name", name);
        row.put("classification", classification);
        row.put("provider", provider);
        row.put("summary", name + "的摘要。");
        row.put("format", "数据库");
        row.put("shareType", "无条件共享");
        row.put("shareWays", "接口");
        row.put("openType", "不予开放");
        row.put("updateCycle", "每日");
        row.put("contactName", "联系人");
        row.put("contactPhone", "0535-1234567");
        row.putAll(changes);
        return row;
    }

    static Map<String, Object> item(String resource, String name, String type, String length, String key, String required, String personal,
            String standard) {
        Map<String, Object> row = new HashMap<>();
        row.put("resource", resource);
        row.put("name", name);
        row.put("dataType", type);
        row.put("length", length);
        row.put("key", key);
        row.put("required", required);
        row.put("personal", personal);
        row.put("standard", standard);
        return row;
    }

    static byte[] workbook(List<Map<String, Object>> resources, List<Map<String, Object>> items) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("yyyy/m/d"));
            sheet(wb, CatalogTransfer.RESOURCES, resources, date);
            sheet(wb, CatalogTransfer.ITEMS, items, date);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void sheet(XSSFWorkbook wb, XlsxTable table, List<Map<String, Object>> rows, CellStyle date) {
        Sheet sheet = wb.createSheet(table.sheetZh());
        List<XlsxColumn> columns = table.columns();
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            header.createCell(c).setCellValue(columns.get(c).headerZh() + (columns.get(c).required() ? "*" : ""));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            for (int c = 0; c < columns.size(); c++) {
                Object value = rows.get(r).get(columns.get(c).key());
                if (value instanceof LocalDate d) {
                    Cell cell = row.createCell(c);
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (value instanceof String s && !s.isEmpty()) {
                    row.createCell(c).setCellValue(s);
                }
            }
        }
    }

    private static List<String> headers(Sheet sheet) {
        List<String> headers = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> headers.add(cell.getStringCellValue()));
        return headers;
    }

    private static List<String> headers(XlsxTable table) {
        return table.columns().stream().map(c -> c.headerZh() + (c.required() ? "*" : "")).toList();
    }

    private List<String> messagesOf(ImportResult result, Locale locale) {
        return result.problems().stream().map(p -> p.message(messages, locale)).toList();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long audits(String action) {
        return jdbc.sql("select count(*) from audit.audit_record where action = ?").param(action).query(Long.class).single();
    }

    private void signIn(String username) {
        var person = accounts.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
