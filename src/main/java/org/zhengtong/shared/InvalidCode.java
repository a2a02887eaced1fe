package org.zhengtong.shared;

import org.springframework.context.MessageSourceResolvable;

/**
 * A national-standard code that failed validation (代码校验失败). It carries a stable message key rather
 * than prose, so that the web layer can explain the problem in the reader's language from the
 * {@code messages/shared} bundles.
 *
 * <p>The offending value is deliberately kept out of {@link #getMessage()}: codes such as citizen ID
 * numbers are personal data, and exception messages end up in logs. It is still available through
 * {@link #value()} and as argument {@code {0}} for a message shown to the person who typed it.
 */
public final class InvalidCode extends IllegalArgumentException implements MessageSourceResolvable {

    private static final long serialVersionUID = 1L;

    private final String messageKey;

    private final String value;

    private final Object[] args;

    private InvalidCode(String messageKey, String value, Object[] args) {
        super(messageKey);
        this.messageKey = messageKey;
        this.value = value;
        this.args = args;
    }

    /**
     * Reports {@code value} as invalid for the reason named by {@code messageKey}. The value becomes
     * message argument {@code {0}}, followed by {@code moreArgs} as {@code {1}}, {@code {2}} and so on.
     */
    public static InvalidCode of(String messageKey, String value, Object... moreArgs) {
        Object[] args = new Object[moreArgs.length + 1];
        args[0] = value;
        System.arraycopy(moreArgs, 0, args, 1, moreArgs.length);
        return new InvalidCode(messageKey, value, args);
    }

    public String messageKey() {
        return this.messageKey;
    }

    public String value() {
        return this.value;
    }

    /** The message arguments, the offending value first. */
    public Object[] args() {
        return this.args.clone();
    }

    @Override
    public String[] getCodes() {
        return new String[] { this.messageKey };
    }

    @Override
    public Object[] getArguments() {
        return args();
    }

}
