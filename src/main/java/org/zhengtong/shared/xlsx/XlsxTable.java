package org.zhengtong.shared.xlsx;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.poi.ss.util.WorkbookUtil;

/**
 * The shape of one importable or exportable sheet.
 *
 * @param sheetZh Chinese sheet name; a workbook with several sheets is searched for either name
 * @param sheetEn English sheet name
 * @param columns the columns, in template order
 * @param maxRows the most data rows a file may hold
 */
public record XlsxTable(String sheetZh, String sheetEn, List<XlsxColumn> columns, int maxRows) {

    public static final int DEFAULT_MAX_ROWS = 50_000;

    public XlsxTable {
        WorkbookUtil.validateSheetName(sheetZh);
        WorkbookUtil.validateSheetName(sheetEn);
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException("maxRows must be positive");
        }
        Set<String> keys = new HashSet<>();
        Map<String, String> headers = new HashMap<>();
        for (XlsxColumn column : columns) {
            if (!keys.add(column.key())) {
                throw new IllegalArgumentException("duplicate column key: " + column.key());
            }
            for (String header : List.of(column.headerZh(), column.headerEn())) {
                String other = headers.putIfAbsent(XlsxText.header(header), column.key());
                if (other != null && !other.equals(column.key())) {
                    throw new IllegalArgumentException("columns " + other + " and " + column.key() + " share a header");
                }
            }
        }
    }

    public static XlsxTable of(String sheetZh, String sheetEn, XlsxColumn... columns) {
        return new XlsxTable(sheetZh, sheetEn, List.of(columns), DEFAULT_MAX_ROWS);
    }

    public XlsxTable withMaxRows(int maxRows) {
        return new XlsxTable(sheetZh, sheetEn, columns, maxRows);
    }

    public Optional<XlsxColumn> column(String key) {
        return columns.stream().filter(c -> c.key().equals(key)).findFirst();
    }

    /** The column with this key; a key the table does not have is a programming error. */
    XlsxColumn columnOrThrow(String key) {
        return column(key).orElseThrow(() -> new IllegalArgumentException("no column with key " + key));
    }
}
