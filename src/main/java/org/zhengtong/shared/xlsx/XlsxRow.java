package org.zhengtong.shared.xlsx;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/** One data row of a read table. */
public final class XlsxRow {

    private final XlsxTable table;
    private final int rowNumber;
    private final Map<String, String> values;

    XlsxRow(XlsxTable table, int rowNumber, Map<String, String> values) {
        this.table = table;
        this.rowNumber = rowNumber;
        this.values = Map.copyOf(values);
    }

    /** The row number as Excel shows it; the header is row 1, so the first data row is usually row 2. */
    public int rowNumber() {
        return rowNumber;
    }

    /**
     * The trimmed cell text of the column with this key, or null when the cell is blank or the column is absent.
     *
     * @throws IllegalArgumentException if the table has no column with this key
     */
    public @Nullable String get(String key) {
        table.columnOrThrow(key);
        return values.get(key);
    }

    @Override
    public String toString() {
        return "XlsxRow[" + rowNumber + ": " + values + "]";
    }
}
