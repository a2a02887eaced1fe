package org.zhengtong.basedata.internal;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.zhengtong.shared.PlatformException;

/**
 * Why a feed stopped, kept so it can be shown in the reader's language: a platform problem is stored as its message
 * key and arguments separated by {@link #SEPARATOR}; anything else as the exception's text.
 */
public final class LastError {

    public static final char SEPARATOR = '\u001F';

    private LastError() {}

    public static String of(PlatformException e) {
        StringBuilder s = new StringBuilder(e.messageKey());
        for (Object arg : e.args()) {
            s.append(SEPARATOR).append(arg);
        }
        return s.toString();
    }

    public static String render(String stored, MessageSource messages, Locale locale) {
        if (!stored.startsWith("problem.")) {
            return stored;
        }
        String[] parts = stored.split(String.valueOf(SEPARATOR), -1);
        Object[] args = Arrays.copyOfRange(parts, 1, parts.length);
        return messages.getMessage(parts[0], args, String.join(" ", parts), locale);
    }
}
