package org.zhengtong.shared;

import org.springframework.http.HttpStatus;

/**
 * A failure the platform explains to its user (业务错误): it carries a stable {@code code} that API clients
 * can rely on, the HTTP status it maps to, and the arguments of its message. The message itself lives in the
 * message bundles under {@code problem.<code>}, in Chinese and English, and is rendered in the language of
 * the request, both as RFC 9457 problem+json and on pages.
 *
 * <p>Modules subclass it with static factories that name the situation ({@code PersonNotFound.byUsername(..)}).
 */
public abstract class PlatformException extends RuntimeException {

    private final String code;
    private final HttpStatus status;
    private final Object[] args;

    protected PlatformException(String code, HttpStatus status, Object... args) {
        super(code);
        this.code = code;
        this.status = status;
        this.args = args.clone();
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    public String messageKey() {
        return "problem." + code;
    }

    public Object[] args() {
        return args.clone();
    }
}
