package org.zhengtong.exchange.internal;

import org.jspecify.annotations.Nullable;
import org.zhengtong.shared.InvalidCode;

/**
 * Why one record was quarantined: a message key (its text is in the bundles in both languages), the field it
 * concerns, if any, and the message's arguments. The hub's own reasons are {@code exchange.reason.*}; a failed
 * national-standard check keeps the key the shared validators give it.
 */
record Reason(String messageKey, @Nullable String field, String... args) {

    static Reason of(String code, @Nullable String field, Object... args) {
        return new Reason("exchange.reason." + code, field, text(args));
    }

    static Reason code(InvalidCode invalid, String field) {
        return new Reason(invalid.messageKey(), field, text(invalid.args()));
    }

    private static String[] text(Object[] args) {
        String[] text = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            text[i] = String.valueOf(args[i]);
        }
        return text;
    }
}
