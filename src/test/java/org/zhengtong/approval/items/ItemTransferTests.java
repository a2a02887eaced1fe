package org.zhengtong.approval.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.PlatformTest;
import org.zhengtong.approval.items.ItemTransfer.ImportResult;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.shared.xlsx.XlsxProblem;

/**
 * 交通运输局's data officer keeps the department's items in a workbook: a correct one is imported and published in
 * one go; one with a promise beyond the law, a material of an unknown form, a step of an item the file does not have
 * and an unknown type is refused whole, every problem named by sheet, row and field in Chinese and English; the
 * department's items export to a workbook that imports again unchanged.
 */
@PlatformTest
class ItemTransferTests {

    @Autowired ItemTransfer transfer;
    @Autowired ServiceItems items;
    @Autowired PersonAccounts accounts;
    @Autowired MessageSource messages;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static final String[] ITEM_HEADERS = {"事项编码", "事项名称", "事项类型", "设定依据", "受理条件", "办理流程", "法定时限（工作日）",
        "承诺时限（工作日）", "收费项目及依据", "收费金额（元）", "办理方式", "牵头部门"};

    static String[] item(String code, String name, String type, String legal, String promised, String template) {
        return new String[] {code, name, type, "《中华人民共和国公路法》第四十四条、第四十五条", "涉路施工不影响公路安全。", "申请→受理→审查→决定",
            legal, promised, "", "", template, ""};
    }

    @Test
    void aCorrectWorkbookIsImportedAndPublishedWhole() throws Exception {
        signIn("jtysj.officer");
        byte[] file = workbook(
                List.of(item("TEST-JTYSJ-001", "涉路施工许可（测试）", "行政许可", "20", "10", "PARALLEL"),
                        item("TEST-JTYSJ-002", "道路运输经营许可（测试）", "行政许可", "20", "5", "单部门")),
                List.<String[]>of(new String[] {"TEST-JTYSJ-001", "涉路施工申请书", "原件", "1", "是", "", ""},
                        new String[] {"TEST-JTYSJ-001", "营业执照", "电子", "0", "是", "YYZZ", ""},
                        new String[] {"TEST-JTYSJ-002", "经营者身份证明", "复印件", "1", "是", "", "person.idNumber"}),
                List.<String[]>of(new String[] {"TEST-JTYSJ-001", "gaj", "5"}, new String[] {"TEST-JTYSJ-001", "zjj", "7"}),
                List.<String[]>of(new String[] {"TEST-JTYSJ-001", "roadName", "涉及公路", "text", "是", ""}),
                List.<String[]>of(new String[] {"TEST-JTYSJ-001", "海川市政务服务中心一楼 A08 窗口", "工作日 9:00-17:00", "0535-12340008"},
                        new String[] {"TEST-JTYSJ-002", "海川市政务服务中心一楼 A08 窗口", "工作日 9:00-17:00", "0535-12340008"}));
        ImportResult result = transfer.importFile("交通事项.xlsx", new ByteArrayInputStream(file), true);
        assertThat(result.problems()).isEmpty();
        assertThat(result.applied()).isTrue();
        assertThat(result.created()).containsExactly("TEST-JTYSJ-001", "TEST-JTYSJ-002");
        ServiceItem joint = items.published("TEST-JTYSJ-001").orElseThrow();
        assertThat(joint.template()).isEqualTo(ProcessTemplate.PARALLEL);
        assertThat(joint.leadDepartment()).isEqualTo("jtysj");
        assertThat(joint.steps()).containsExactly(new Step("gaj", 5), new Step("zjj", 7));
        assertThat(joint.materials()).extracting(Material::licenceType).containsExactly(null, "YYZZ");
        assertThat(items.published("TEST-JTYSJ-002").orElseThrow().steps()).containsExactly(new Step("jtysj", 5));

        ByteArrayOutputStream exported = new ByteArrayOutputStream();
        transfer.export("jtysj", Locale.SIMPLIFIED_CHINESE, exported);
        ImportResult again = transfer.importFile("导出.xlsx", new ByteArrayInputStream(exported.toByteArray()), false);
        assertThat(again.problems()).isEmpty();
        assertThat(again.updated()).contains("TEST-JTYSJ-001", "TEST-JTYSJ-002");
        assertThat(items.own("TEST-JTYSJ-001").content().steps()).containsExactly(new Step("gaj", 5), new Step("zjj", 7));
    }

    @Test
    void aWorkbookWithAnyProblemIsRefusedWholeWithEveryProblemLocated() throws Exception {
        signIn("jtysj.officer");
        byte[] file = workbook(
                List.of(item("TEST-JTYSJ-010", "出租汽车驾驶员从业资格证核发（测试）", "行政许可", "20", "10", "SINGLE"),
                        item("TEST-JTYSJ-011", "超限运输许可（测试）", "行政许可", "10", "15", "SINGLE"),
                        item("TEST-JTYSJ-012", "公路赔偿（测试）", "行政罚款", "20", "10", "SINGLE")),
                List.<String[]>of(new String[] {"TEST-JTYSJ-010", "驾驶证", "扫描件", "1", "是", "", ""}),
                List.<String[]>of(new String[] {"TEST-JTYSJ-099", "gaj", "5"}),
                List.of(),
                List.<String[]>of(new String[] {"TEST-JTYSJ-010", "一楼 A08 窗口", "工作日", "0535-12340008"}));
        ImportResult result = transfer.importFile("有问题.xlsx", new ByteArrayInputStream(file), false);
        assertThat(result.applied()).isFalse();
        assertThat(items.entries("jtysj")).extracting(ItemEntry::code).doesNotContain("TEST-JTYSJ-010", "TEST-JTYSJ-011");
        List<String> zh = new ArrayList<>();
        List<String> en = new ArrayList<>();
        for (XlsxProblem p : result.problems()) {
            zh.add(p.message(messages, Locale.SIMPLIFIED_CHINESE));
            en.add(p.message(messages, Locale.ENGLISH));
        }
        assertThat(zh).contains(
                "文件 有问题.xlsx，工作表“事项”，第 3 行，字段“承诺时限（工作日）”：承诺时限 15 个工作日超过了法定时限 10 个工作日。",
                "文件 有问题.xlsx，工作表“申请材料”，第 2 行，字段“材料形式”：材料形式“扫描件”不对：应为 原件、复印件 或 电子。",
                "文件 有问题.xlsx，工作表“办理环节”，第 2 行，字段“事项编码”：“事项”工作表中没有事项编码 TEST-JTYSJ-099");
        assertThat(zh).anyMatch(m -> m.startsWith("文件 有问题.xlsx，工作表“事项”，第 4 行，字段“事项类型”："));
        assertThat(en).contains(
                "File 有问题.xlsx, sheet \"事项\", row 3, field \"Promised limit (working days)\": The promised limit of 15 working days exceeds the legal limit of 10 working days.");
    }

    @Test
    void aWorkbookWithoutItsSheetsOrNotAWorkbookIsRefused() throws Exception {
        signIn("jtysj.officer");
        ImportResult notXlsx = transfer.importFile("事项.xlsx", new ByteArrayInputStream("不是工作簿".getBytes()), false);
        assertThat(notXlsx.applied()).isFalse();
        assertThat(notXlsx.problems()).hasSize(1);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("事项").createRow(0).createCell(0).setCellValue("事项编码");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            ImportResult missing = transfer.importFile("只有事项.xlsx", new ByteArrayInputStream(out.toByteArray()), false);
            assertThat(missing.applied()).isFalse();
            assertThat(missing.problems()).extracting(p -> p.message(messages, Locale.SIMPLIFIED_CHINESE))
                    .contains("文件 只有事项.xlsx：找不到工作表“申请材料”（Materials）");
        }
    }

    static byte[] workbook(List<String[]> itemRows, List<String[]> materials, List<String[]> steps, List<String[]> fields,
            List<String[]> windows) throws IOException {
        Map<String, List<String[]>> sheets = new LinkedHashMap<>();
        sheets.put("事项", prepend(ITEM_HEADERS, itemRows));
        sheets.put("申请材料", prepend(new String[] {"事项编码", "材料名称", "材料形式", "份数", "是否必需", "可代替的电子证照类型", "可代替的基础数据项"}, materials));
        sheets.put("办理环节", prepend(new String[] {"事项编码", "部门代码", "环节时限（工作日）"}, steps));
        sheets.put("表单字段", prepend(new String[] {"事项编码", "字段名", "显示名称", "字段类型", "是否必填", "预填来源"}, fields));
        sheets.put("办理窗口", prepend(new String[] {"事项编码", "窗口地址", "办公时间", "咨询电话"}, windows));
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            for (var e : sheets.entrySet()) {
                Sheet sheet = wb.createSheet(e.getKey());
                int r = 0;
                for (String[] values : e.getValue()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.length; c++) {
                        row.createCell(c).setCellValue(values[c]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static List<String[]> prepend(String[] header, List<String[]> rows) {
        List<String[]> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        return all;
    }

    private void signIn(String username) {
        var person = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
    }
}
