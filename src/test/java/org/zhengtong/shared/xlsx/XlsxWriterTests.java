package org.zhengtong.shared.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxWriterTests {

    @Test
    void writtenRowsReadBackUnchanged() throws IOException {
        Map<String, String> alice = Map.of("username", "alice", "name", "张三", "mobile", "13800138000",
                "division", "010000000000", "birthday", "1990-01-02");
        Map<String, String> bob = new HashMap<>();
        bob.put("username", "=1+1");
        bob.put("name", "李四");
        bob.put("mobile", null);

        XlsxReadResult result = Workbooks.read(write(List.of(alice, bob), Locale.SIMPLIFIED_CHINESE));

        assertThat(result.problems()).isEmpty();
        assertThat(result.rows()).hasSize(2);
        XlsxRow first = result.rows().get(0);
        for (String key : alice.keySet()) {
            assertThat(first.get(key)).as(key).isEqualTo(alice.get(key));
        }
        XlsxRow second = result.rows().get(1);
        assertThat(second.rowNumber()).isEqualTo(3);
        assertThat(second.get("username")).isEqualTo("=1+1");
        assertThat(second.get("mobile")).isNull();
    }

    @Test
    void theHeaderRowIsBoldFrozenMarkedAndTheColumnsAreText() throws IOException {
        try (XSSFWorkbook workbook = open(template(Locale.SIMPLIFIED_CHINESE))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("人员");
            assertThat(sheet.getLastRowNum()).isZero();
            assertThat(texts(sheet.getRow(0))).containsExactly("用户名*", "姓名*", "手机", "区划代码（12位）", "出生日期");
            XSSFCell first = sheet.getRow(0).getCell(0);
            assertThat(first.getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getColumnStyle(2).getDataFormatString()).isEqualTo("@");
            assertThat(sheet.getColumnWidth(3)).isGreaterThan(sheet.getColumnWidth(1));
        }
    }

    @Test
    void anEnglishTemplateIsReadBack() throws IOException {
        byte[] template = template(Locale.ENGLISH);
        try (XSSFWorkbook workbook = open(template)) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("People");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Username*");
        }

        XlsxReadResult result = Workbooks.read(template);

        assertThat(result.problems()).extracting(XlsxProblem::messageKey).containsExactly("xlsx.rows.none");
    }

    @Test
    void aRowWithAKeyTheTableLacksIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> write(List.of(Map.of("username", "alice", "nickname", "al")), Locale.ENGLISH));
    }

    @Test
    void problemsAreWrittenAsAReportInBothLanguages() throws IOException {
        XlsxReadResult read = Workbooks.read(Workbooks.xlsx(List.of("用户名", "姓名"), List.of("alice", "")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        XlsxWriter.problems(read.problems(), Workbooks.messages(), Locale.SIMPLIFIED_CHINESE, out);

        try (XSSFWorkbook workbook = open(out.toByteArray())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(texts(sheet.getRow(0))).containsExactly("文件", "工作表", "行号", "字段", "问题", "问题（英文）");
            assertThat(texts(sheet.getRow(1))).containsExactly(
                    "people.xlsx", "人员", "2", "姓名",
                    "文件 people.xlsx，工作表“人员”，第 2 行，字段“姓名”：不能为空",
                    "File people.xlsx, sheet \"人员\", row 2, field \"Name\": must not be blank");
        }
    }

    @Test
    void aHundredThousandRowsAreWrittenAndReadBack(@TempDir Path dir) throws IOException {
        int count = 100_000;
        List<Map<String, String>> rows = new AbstractList<>() {
            @Override
            public Map<String, String> get(int i) {
                return Map.of("username", "user" + i, "name", "姓名" + i % 1000, "mobile",
                        Long.toString(13_800_000_000L + i));
            }

            @Override
            public int size() {
                return count;
            }
        };
        Path file = dir.resolve("people.xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            XlsxWriter.write(Workbooks.PEOPLE, rows, Locale.SIMPLIFIED_CHINESE, out);
        }

        try (InputStream in = Files.newInputStream(file)) {
            XlsxReadResult result = XlsxReader.read("people.xlsx", in, Workbooks.PEOPLE.withMaxRows(count));
            assertThat(result.problems()).isEmpty();
            assertThat(result.rows()).hasSize(count);
            XlsxRow last = result.rows().getLast();
            assertThat(last.rowNumber()).isEqualTo(count + 1);
            assertThat(last.get("username")).isEqualTo("user99999");
            assertThat(last.get("mobile")).isEqualTo("13800099999");
        }
    }

    private static byte[] write(List<? extends Map<String, String>> rows, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxWriter.write(Workbooks.PEOPLE, rows, locale, out);
        return out.toByteArray();
    }

    private static byte[] template(Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        XlsxWriter.template(Workbooks.PEOPLE, locale, out);
        return out.toByteArray();
    }

    private static List<String> texts(Row row) {
        DataFormatter formatter = new DataFormatter();
        List<String> texts = new ArrayList<>();
        row.forEach(cell -> texts.add(formatter.formatCellValue(cell)));
        return texts;
    }

    private static XSSFWorkbook open(byte[] xlsx) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(xlsx));
    }
}
