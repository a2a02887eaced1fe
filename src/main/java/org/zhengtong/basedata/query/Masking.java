package org.zhengtong.basedata.query;

import org.jspecify.annotations.Nullable;
import org.zhengtong.basedata.PersonField;

/**
 * How personal values are shown to a department whose grant does not cover them: the ID number keeps its division and
 * last four characters ({@code 370602********123X}), a phone its first three and last four digits
 * ({@code 138****5678}), an address only up to its district or county ({@code 山东省烟台市芝罘区****}).
 */
public final class Masking {

    private Masking() {}

    public static String idNumber(String id) {
        return id.length() < 10 ? "*".repeat(id.length()) : id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    public static String phone(String phone) {
        String p = phone.strip();
        return p.length() < 8 ? "****" : p.substring(0, 3) + "*".repeat(p.length() - 7) + p.substring(p.length() - 4);
    }

    public static String address(String address) {
        String a = address.strip();
        int cut = -1;
        for (char c : new char[] {'区', '县', '旗'}) {
            int i = a.indexOf(c);
            if (i >= 0 && (cut < 0 || i < cut)) {
                cut = i;
            }
        }
        if (cut < 0) {
            int city = a.indexOf('市');
            cut = city >= 0 ? city : Math.min(a.length(), 6) - 1;
        }
        return a.substring(0, cut + 1) + "****";
    }

    /** The masked form of a personal field's value. */
    public static @Nullable Object mask(PersonField field, @Nullable Object value) {
        if (value == null) {
            return null;
        }
        return switch (field) {
            case PHONE -> phone(value.toString());
            case HOUSEHOLD_ADDRESS, CURRENT_ADDRESS -> address(value.toString());
            default -> "****";
        };
    }
}
