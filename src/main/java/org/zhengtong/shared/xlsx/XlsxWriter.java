package org.zhengtong.shared.xlsx;

import static org.zhengtong.shared.xlsx.XlsxColumn.optional;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Writes xlsx tables that {@link XlsxReader} reads back: headers in row 1, bold and frozen, required ones marked
 * with {@code *}; every cell text-formatted, so that codes and phone numbers typed into a template stay text.
 * Rows are streamed to a temporary file, so an export of any length needs little memory.
 */
public final class XlsxWriter {

    /** The columns of the problem report a rejected import can be downloaded as. */
    static final XlsxTable PROBLEMS = XlsxTable.of("问题", "Problems",
            optional("file", "文件", "File", 255),
            optional("sheet", "工作表", "Sheet", 31),
            optional("row", "行号", "Row", 7),
            optional("field", "字段", "Field", 100),
            optional("problemZh", "问题", "Problem (Chinese)", 200),
            optional("problemEn", "问题（英文）", "Problem", 200));

    private static final int ROWS_IN_MEMORY = 100;
    private static final int MIN_WIDTH = 6;
    private static final int MAX_WIDTH = 60;
    private static final int TEMPLATE_WIDTH = 20;

    private XlsxWriter() {
    }

    /**
     * Writes the rows under the table's headers. Each row maps column keys to cell text; a missing or null value
     * leaves the cell empty.
     *
     * @param locale chooses the Chinese or the English headers and sheet name
     * @throws IllegalArgumentException if a row has a key the table has no column for
     */
    public static void write(XlsxTable table, Iterable<? extends Map<String, ? extends @Nullable String>> rows,
            Locale locale, OutputStream out) throws IOException {
        Map<XlsxTable, Iterable<? extends Map<String, ? extends @Nullable String>>> one = new LinkedHashMap<>();
        one.put(table, rows);
        writeSheets(one, locale, out);
    }

    /**
     * Writes several tables into one workbook, a sheet each in the map's order, for lists that belong together
     * (resources and their data items).
     */
    public static void writeSheets(Map<XlsxTable, ? extends Iterable<? extends Map<String, ? extends @Nullable String>>> sheets,
            Locale locale, OutputStream out) throws IOException {
        boolean english = XlsxText.english(locale);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            workbook.setCompressTempFiles(true);
            CellStyle text = workbook.createCellStyle();
            text.setDataFormat(workbook.createDataFormat().getFormat("@"));
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.cloneStyleFrom(text);
            header.setFont(bold);
            for (var entry : sheets.entrySet()) {
                writeSheet(workbook, entry.getKey(), entry.getValue(), english, text, header);
            }
            workbook.write(out);
        }
    }

    private static void writeSheet(SXSSFWorkbook workbook, XlsxTable table,
            Iterable<? extends Map<String, ? extends @Nullable String>> rows, boolean english, CellStyle text, CellStyle header) {
        List<XlsxColumn> columns = table.columns();
        Sheet sheet = workbook.createSheet(english ? table.sheetEn() : table.sheetZh());
        sheet.createFreezePane(0, 1);
        int[] widths = new int[columns.size()];
        Row headerRow = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            XlsxColumn column = columns.get(i);
            String title = (english ? column.headerEn() : column.headerZh()) + (column.required() ? "*" : "");
            Cell cell = headerRow.createCell(i);
            cell.setCellValue(title);
            cell.setCellStyle(header);
            sheet.setDefaultColumnStyle(i, text);
            widths[i] = Math.max(XlsxText.displayWidth(title), Math.min(column.maxLength(), TEMPLATE_WIDTH));
        }
        int rowIndex = 1;
        for (Map<String, ? extends @Nullable String> values : rows) {
            for (String key : values.keySet()) {
                table.columnOrThrow(key);
            }
            Row row = sheet.createRow(rowIndex++);
            for (int i = 0; i < columns.size(); i++) {
                String value = values.get(columns.get(i).key());
                if (value != null && !value.isEmpty()) {
                    Cell cell = row.createCell(i);
                    cell.setCellValue(value);
                    cell.setCellStyle(text);
                    widths[i] = Math.max(widths[i], XlsxText.displayWidth(value));
                }
            }
        }
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, (Math.clamp(widths[i], MIN_WIDTH, MAX_WIDTH) + 2) * 256);
        }
    }

    /** Writes an empty import template: just the header row. */
    public static void template(XlsxTable table, Locale locale, OutputStream out) throws IOException {
        write(table, List.of(), locale, out);
    }

    /**
     * Writes a report of problems: file, sheet, row, field and the problem in both Chinese and English, so that
     * a rejected import can be downloaded with its reasons.
     *
     * @param locale chooses the language of the headers and of the field names
     */
    public static void problems(List<XlsxProblem> problems, MessageSource messages, Locale locale,
            OutputStream out) throws IOException {
        boolean english = XlsxText.english(locale);
        List<Map<String, @Nullable String>> rows = problems.stream().map(p -> {
            Map<String, @Nullable String> row = new HashMap<>();
            row.put("file", p.file());
            row.put("sheet", p.sheet());
            row.put("row", p.row() == 0 ? null : Integer.toString(p.row()));
            row.put("field", english ? p.fieldEn() : p.field());
            row.put("problemZh", p.message(messages, Locale.SIMPLIFIED_CHINESE));
            row.put("problemEn", p.message(messages, Locale.ENGLISH));
            return row;
        }).toList();
        write(PROBLEMS, rows, locale, out);
    }
}
