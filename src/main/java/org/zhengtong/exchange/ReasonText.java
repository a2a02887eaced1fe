package org.zhengtong.exchange;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Why a record was rejected, in the reader's language: the quarantine keeps a message key ({@code
 * exchange.reason.required}, or a national-standard check's key such as {@code code.id-number.check}) and its
 * arguments, and the bundles hold the words in Chinese and English. A key no bundle knows shows as itself, with
 * its arguments.
 */
@Component
public class ReasonText {

    private final MessageSource messages;

    ReasonText(MessageSource messages) {
        this.messages = messages;
    }

    public String render(String messageKey, List<String> args, Locale locale) {
        String fallback = args.isEmpty() ? messageKey : messageKey + " (" + String.join(", ", args) + ")";
        String text = messages.getMessage(messageKey, args.toArray(), fallback, locale);
        return text == null ? fallback : text;
    }
}
