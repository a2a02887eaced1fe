package org.zhengtong.basedata.economy;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A statistical period (统计期): a year {@code 2025}, a quarter {@code 2025-Q3} or a month {@code 2025-07}. These
 * are the stored forms; a feed may also write {@code 2025Q3}, {@code 202507}, {@code 2025年}, {@code 2025年7月} or
 * {@code 2025年第三季度}, as statistical tables do. The stored forms of one kind sort by their text.
 */
record Period(String text, Kind kind) {

    enum Kind { YEAR, QUARTER, MONTH }

    private static final Pattern YEAR = Pattern.compile("(\\d{4})年?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})\\s*(?:-?[Qq]([1-4])|年\\s*第?([1-4一二三四])季度?)");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})(?:[-/.]?(\\d{2})|[-/.](\\d)|年(\\d{1,2})月?)");

    /** The period a feed wrote, or null when it is none of the accepted forms. */
    static @Nullable Period parse(@Nullable String raw) {
        if (raw == null) {
            return null;
        }
        String v = raw.strip();
        Matcher m = YEAR.matcher(v);
        if (m.matches()) {
            return year(m.group(1)) ? new Period(m.group(1), Kind.YEAR) : null;
        }
        m = QUARTER.matcher(v);
        if (m.matches()) {
            String q = m.group(2) != null ? m.group(2) : String.valueOf("一二三四".indexOf(m.group(3)) >= 0 ? "一二三四".indexOf(m.group(3)) + 1 : m.group(3));
            return year(m.group(1)) ? new Period(m.group(1) + "-Q" + q, Kind.QUARTER) : null;
        }
        m = MONTH.matcher(v);
        if (m.matches()) {
            String month = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            int n = Integer.parseInt(month);
            return year(m.group(1)) && n >= 1 && n <= 12 ? new Period(m.group(1) + "-" + (n < 10 ? "0" : "") + n, Kind.MONTH) : null;
        }
        return null;
    }

    private static boolean year(String y) {
        int n = Integer.parseInt(y);
        return n >= 1949 && n <= 2100;
    }

    static Kind kindOf(String stored) {
        return stored.length() == 4 ? Kind.YEAR : stored.contains("Q") ? Kind.QUARTER : Kind.MONTH;
    }
}
