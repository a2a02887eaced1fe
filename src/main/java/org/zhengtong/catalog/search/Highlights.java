package org.zhengtong.catalog.search;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Marks what a query matched in a name or a summary: the text is HTML-escaped character by character and the
 * matched runs are wrapped in {@code <mark>}, so nothing in the data can become markup.
 *
 * <p>A query matches where its words (as typed, and as smartcn segments them, two characters or more) occur
 * in the text, ignoring ASCII case, and, for a query of pinyin initials, where the initials spell it.
 */
final class Highlights {

    static final int SNIPPET_CHARS = 100;
    private static final int LEAD_CHARS = 20;

    private Highlights() {}

    /** The whole text, escaped and marked. */
    static String whole(String text, List<String> literals, @Nullable String initials) {
        boolean[] marked = marks(text, literals, initials);
        return html(text, marked, 0, text.length());
    }

    /** A window of at most {@value #SNIPPET_CHARS} characters around the first match, escaped and marked. */
    static String snippet(String text, List<String> literals) {
        boolean[] marked = marks(text, literals, null);
        if (text.length() <= SNIPPET_CHARS) {
            return html(text, marked, 0, text.length());
        }
        int first = 0;
        while (first < marked.length && !marked[first]) {
            first++;
        }
        int start = first == marked.length ? 0 : Math.max(0, first - LEAD_CHARS);
        int end = Math.min(text.length(), start + SNIPPET_CHARS);
        start = Math.max(0, end - SNIPPET_CHARS);
        if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
            start++;
        }
        if (end < text.length() && Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        return (start > 0 ? "…" : "") + html(text, marked, start, end) + (end < text.length() ? "…" : "");
    }

    static boolean[] marks(String text, List<String> literals, @Nullable String initials) {
        boolean[] marked = new boolean[text.length()];
        String folded = fold(text);
        for (String literal : literals) {
            String needle = fold(literal);
            if (needle.isEmpty()) {
                continue;
            }
            for (int at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
                for (int i = at; i < at + needle.length(); i++) {
                    marked[i] = true;
                }
            }
        }
        if (initials != null) {
            PinyinInitials.mark(text, initials, marked);
        }
        return marked;
    }

    /** Lower-cases ASCII only, so that positions in the folded text are positions in the original. */
    private static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] >= 'A' && chars[i] <= 'Z') {
                chars[i] = (char) (chars[i] + ('a' - 'A'));
            }
        }
        return new String(chars);
    }

    private static String html(String text, boolean[] marked, int start, int end) {
        StringBuilder out = new StringBuilder((end - start) + 16);
        boolean open = false;
        for (int i = start; i < end; i++) {
            if (marked[i] != open) {
                out.append(open ? "</mark>" : "<mark>");
                open = marked[i];
            }
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        if (open) {
            out.append("</mark>");
        }
        return out.toString();
    }
}
