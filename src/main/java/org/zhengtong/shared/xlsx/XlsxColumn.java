package org.zhengtong.shared.xlsx;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One column of an xlsx table. A file may head the column with either the Chinese or the English header.
 *
 * @param key       stable id used by code, e.g. {@code "mobile"}
 * @param headerZh  Chinese header, e.g. {@code "手机"}
 * @param headerEn  English header, e.g. {@code "Mobile"}
 * @param required  whether every data row must have a non-blank value (the column itself must then be present)
 * @param maxLength the longest accepted value, in characters (code points)
 * @param check     validates a non-blank value that is not too long; returns why it is invalid, or null
 */
public record XlsxColumn(
        String key,
        String headerZh,
        String headerEn,
        boolean required,
        int maxLength,
        @Nullable Function<String, @Nullable Invalid> check) {

    public XlsxColumn {
        if (key.isBlank() || headerZh.isBlank() || headerEn.isBlank()) {
            throw new IllegalArgumentException("key and headers must not be blank");
        }
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive: " + key);
        }
    }

    public static XlsxColumn required(String key, String headerZh, String headerEn, int maxLength) {
        return new XlsxColumn(key, headerZh, headerEn, true, maxLength, null);
    }

    public static XlsxColumn optional(String key, String headerZh, String headerEn, int maxLength) {
        return new XlsxColumn(key, headerZh, headerEn, false, maxLength, null);
    }

    public XlsxColumn withCheck(Function<String, @Nullable Invalid> check) {
        return new XlsxColumn(key, headerZh, headerEn, required, maxLength, check);
    }

    /** Why a cell value is invalid: a message key (of any bundle the message source knows) and its arguments. */
    public record Invalid(String messageKey, List<Object> args) {

        public Invalid {
            args = List.copyOf(args);
        }

        public static Invalid of(String messageKey, Object... args) {
            return new Invalid(messageKey, List.of(args));
        }
    }
}
