package org.zhengtong.shared.xlsx;

import java.util.Locale;

/** Text helpers shared by the reader and the writer. */
final class XlsxText {

    private XlsxText() {
    }

    /** Strips leading and trailing white space, including non-breaking, full-width and zero-width spaces. */
    static String trim(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200B' || c == '\uFEFF';
    }

    /**
     * A header in the form headers are compared in: white space removed, {@code *} markers of required columns
     * dropped, full-width parentheses made half-width, lower case.
     */
    static String header(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            if (c == '*' || c == '＊' || c <= Character.MAX_VALUE && isSpace((char) c)) {
                return;
            }
            b.appendCodePoint(c == '（' ? '(' : c == '）' ? ')' : c);
        });
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** The column letters Excel shows for a 0-based column index: 0 → A, 26 → AA. */
    static String columnLetters(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }

    /** Roughly how many Latin characters wide the text is: CJK and full-width characters count twice. */
    static int displayWidth(String s) {
        return s.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
    }

    static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
