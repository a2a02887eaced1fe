package org.zhengtong.shared.xlsx;

import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * Something wrong with an xlsx file, located as precisely as it can be.
 *
 * @param file       the file name as uploaded
 * @param sheet      the sheet's name in the file, or null when no sheet was read
 * @param row        the row number as Excel shows it (the header is row 1), or 0 for a problem with the whole file
 * @param field      the column's Chinese header, or null when the problem is not about one column
 * @param fieldEn    the column's English header, or null like {@code field}
 * @param messageKey the message key of the problem itself
 * @param args       the message arguments
 */
public record XlsxProblem(
        String file,
        @Nullable String sheet,
        int row,
        @Nullable String field,
        @Nullable String fieldEn,
        String messageKey,
        List<Object> args) {

    public XlsxProblem {
        args = List.copyOf(args);
    }

    public boolean isFileLevel() {
        return row == 0;
    }

    /**
     * Renders the problem with its location, e.g. {@code 文件 people.xlsx，工作表“人员”，第 7 行，字段“手机”：长度 25 超过上限 20}.
     * The message source must know the {@code messages/xlsx} bundle and the bundles of any caller's message keys.
     */
    public String message(MessageSource messages, Locale locale) {
        String where;
        if (sheet == null) {
            where = "xlsx.location.file";
        } else if (row == 0) {
            where = field == null ? "xlsx.location.sheet" : "xlsx.location.column";
        } else {
            where = field == null ? "xlsx.location.row" : "xlsx.location.cell";
        }
        // Row numbers go in as text so that they are not shown with grouping separators ("1,234").
        Object[] place = {file, sheet == null ? "" : sheet, Integer.toString(row),
                field == null ? "" : field, fieldEn == null ? "" : fieldEn};
        String location = messages.getMessage(where, place, locale);
        String detail = messages.getMessage(messageKey, args.toArray(), locale);
        return messages.getMessage("xlsx.message", new Object[] {location, detail}, locale);
    }
}
