package org.zhengtong.shared.xlsx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What {@link XlsxReader} found: the data rows and every problem. Callers add the problems only they can see
 * (a duplicate within the file, a clash with the database, an unknown parent) with {@link #addProblem}, so that
 * all problems are reported together; the file is applied only when {@link #isAcceptable()}.
 */
public final class XlsxReadResult {

    private final String file;
    private final @Nullable String sheet;
    private final XlsxTable table;
    private final List<XlsxRow> rows;
    private final List<XlsxProblem> problems;

    XlsxReadResult(String file, @Nullable String sheet, XlsxTable table, List<XlsxRow> rows,
            List<XlsxProblem> problems) {
        this.file = file;
        this.sheet = sheet;
        this.table = table;
        this.rows = List.copyOf(rows);
        this.problems = new ArrayList<>(problems);
    }

    /** The data rows, blank rows left out; empty when the file has a file-level problem. */
    public List<XlsxRow> rows() {
        return rows;
    }

    /** Every problem, file-level ones first, then by row number. */
    public List<XlsxProblem> problems() {
        List<XlsxProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(XlsxProblem::row));
        return List.copyOf(sorted);
    }

    public boolean isAcceptable() {
        return problems.isEmpty();
    }

    /**
     * Adds a problem with a row.
     *
     * @param columnKey the key of the column the problem is about, or null for the row as a whole
     */
    public void addProblem(XlsxRow row, @Nullable String columnKey, String messageKey, Object... args) {
        XlsxColumn column = columnKey == null ? null : table.columnOrThrow(columnKey);
        problems.add(new XlsxProblem(file, sheet, row.rowNumber(),
                column == null ? null : column.headerZh(), column == null ? null : column.headerEn(),
                messageKey, List.of(args)));
    }
}
