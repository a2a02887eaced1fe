package org.zhengtong.shared.xlsx;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Builds test workbooks in memory and holds the table the tests read. */
final class Workbooks {

    static final XlsxTable PEOPLE = XlsxTable.of("人员", "People",
            XlsxColumn.required("username", "用户名", "Username", 20),
            XlsxColumn.required("name", "姓名", "Name", 10),
            XlsxColumn.optional("mobile", "手机", "Mobile", 20).withCheck(v ->
                    v.matches("1\\d{10}") ? null : XlsxColumn.Invalid.of("test.mobile.invalid", v)),
            XlsxColumn.optional("division", "区划代码（12位）", "Division code (12 digits)", 12),
            XlsxColumn.optional("birthday", "出生日期", "Date of birth", 20));

    /** Marks a cell value that is to be written as a formula. */
    record Formula(String text) {
    }

    /** Marks a number that is to be shown with the given Excel number format. */
    record Formatted(Object value, String format) {
    }

    private Workbooks() {
    }

    /** One sheet named 人员: the first list is the header row, the rest are data rows; null leaves a cell empty. */
    static byte[] xlsx(List<?>... rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            fill(workbook, workbook.createSheet("人员"), rows);
            return bytes(workbook);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void fill(Workbook workbook, Sheet sheet, List<?>... rows) {
        for (int r = 0; r < rows.length; r++) {
            Row row = sheet.createRow(r);
            for (int c = 0; c < rows[r].size(); c++) {
                Object value = rows[r].get(c);
                if (value != null) {
                    set(workbook, row.createCell(c), value);
                }
            }
        }
        workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    private static void set(Workbook workbook, Cell cell, Object value) {
        switch (value) {
            case String s -> cell.setCellValue(s);
            case Number n -> cell.setCellValue(n.doubleValue());
            case Boolean b -> cell.setCellValue(b);
            case Formula f -> cell.setCellFormula(f.text());
            case LocalDate d -> {
                cell.setCellValue(d);
                cell.setCellStyle(style(workbook, "yyyy/m/d"));
            }
            case LocalDateTime t -> {
                cell.setCellValue(t);
                cell.setCellStyle(style(workbook, "yyyy/m/d h:mm"));
            }
            case Formatted f -> {
                set(workbook, cell, f.value());
                cell.setCellStyle(style(workbook, f.format()));
            }
            default -> throw new IllegalArgumentException(value.toString());
        }
    }

    private static CellStyle style(Workbook workbook, String format) {
        CellStyle style = workbook.createCellStyle();
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    static byte[] bytes(Workbook workbook) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        workbook.write(out);
        return out.toByteArray();
    }

    static XlsxReadResult read(byte[] file) {
        return XlsxReader.read("people.xlsx", new ByteArrayInputStream(file), PEOPLE);
    }

    static XlsxReadResult read(byte[] file, XlsxTable table) {
        return XlsxReader.read("people.xlsx", new ByteArrayInputStream(file), table);
    }

    /** The real bundles, plus a test bundle with the message keys the test table's check and callers use. */
    static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("messages/xlsx", "messages/xlsx-test");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
