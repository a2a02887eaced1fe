package org.zhengtong.catalog.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;

/**
 * The pinyin initials of a name (人口基础信息 → {@code rkjcxx}), so that a query typed as initials finds it.
 *
 * <p>Every Chinese character contributes the first letter of each of its readings (行 is {@code x} or {@code h}),
 * ASCII letters and digits contribute themselves in lower case, anything else nothing. A name with several
 * readings has several initial strings, up to {@value #MAX_VARIANTS}.
 */
final class PinyinInitials {

    static final int MAX_VARIANTS = 16;
    static final int MAX_LENGTH = 48;

    private static final char[] NONE = new char[0];
    private static final ConcurrentHashMap<Character, char[]> CACHE = new ConcurrentHashMap<>();

    private PinyinInitials() {}

    /** The possible initials of one character, in reading order; empty if it has none. */
    static char[] of(char c) {
        if (c < 128) {
            return Character.isLetterOrDigit(c) ? new char[] {Character.toLowerCase(c)} : NONE;
        }
        return CACHE.computeIfAbsent(c, PinyinInitials::lookUp);
    }

    private static char[] lookUp(char c) {
        String[] readings = PinyinHelper.toHanyuPinyinStringArray(c);
        if (readings == null) {
            return NONE;
        }
        StringBuilder initials = new StringBuilder(2);
        for (String reading : readings) {
            if (!reading.isEmpty()) {
                char initial = Character.toLowerCase(reading.charAt(0));
                if (initial >= 'a' && initial <= 'z' && initials.indexOf(String.valueOf(initial)) < 0) {
                    initials.append(initial);
                }
            }
        }
        return initials.toString().toCharArray();
    }

    /** The initial strings of the whole name (several when characters have several readings). */
    static Set<String> variants(String name) {
        List<StringBuilder> variants = new ArrayList<>(List.of(new StringBuilder()));
        for (int i = 0; i < name.length() && variants.getFirst().length() < MAX_LENGTH; i++) {
            char[] initials = of(name.charAt(i));
            if (initials.length == 0) {
                continue;
            }
            if (initials.length == 1 || variants.size() * initials.length > MAX_VARIANTS) {
                variants.forEach(v -> v.append(initials[0]));
            } else {
                List<StringBuilder> expanded = new ArrayList<>(variants.size() * initials.length);
                for (StringBuilder v : variants) {
                    for (char initial : initials) {
                        expanded.add(new StringBuilder(v).append(initial));
                    }
                }
                variants = expanded;
            }
        }
        Set<String> result = new LinkedHashSet<>();
        for (StringBuilder v : variants) {
            if (!v.isEmpty()) {
                result.add(v.toString());
            }
        }
        return result;
    }

    /** Every suffix of at least two letters of every variant: lets initials match from any character on. */
    static Set<String> suffixes(Set<String> variants) {
        Set<String> result = new LinkedHashSet<>();
        for (String v : variants) {
            for (int start = 0; start + 2 <= v.length(); start++) {
                result.add(v.substring(start));
            }
        }
        return result;
    }

    /**
     * Which characters of {@code text} the initials {@code query} (lower-case ASCII letters) spell, matching
     * from any character on; {@code marked} gets them set.
     */
    static void mark(String text, String query, boolean[] marked) {
        List<Integer> positions = new ArrayList<>(text.length());
        List<char[]> initials = new ArrayList<>(text.length());
        for (int i = 0; i < text.length(); i++) {
            char[] of = of(text.charAt(i));
            if (of.length > 0) {
                positions.add(i);
                initials.add(of);
            }
        }
        for (int start = 0; start + query.length() <= positions.size(); start++) {
            boolean matches = true;
            for (int j = 0; j < query.length() && matches; j++) {
                matches = contains(initials.get(start + j), query.charAt(j));
            }
            if (matches) {
                int from = positions.get(start);
                int to = positions.get(start + query.length() - 1);
                for (int i = from; i <= to; i++) {
                    marked[i] = true;
                }
            }
        }
    }

    private static boolean contains(char[] chars, char c) {
        for (char x : chars) {
            if (x == c) {
                return true;
            }
        }
        return false;
    }
}
