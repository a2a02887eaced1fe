package org.zhengtong.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns failures into RFC 9457 problem details (问题详情): a {@code type} URI built from the stable
 * {@code code}, the HTTP status, a title and a detail message in the request's language, and the code itself
 * as an extension member so clients can switch on it. Field problems are listed under {@code errors}.
 */
@Component
public class Problems {

    private static final String TYPE_BASE = "https://zhengtong.org/problems/";

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final JsonMapper json;

    Problems(MessageSource messages, LocaleResolver locales, JsonMapper json) {
        this.messages = messages;
        this.locales = locales;
        this.json = json;
    }

    public ProblemDetail of(PlatformException e, Locale locale) {
        ProblemDetail problem = of(e.status(), e.code(), e.messageKey(), e.args(), locale);
        if (e instanceof InvalidInput invalid) {
            problem.setProperty("errors", invalid.problems().stream()
                    .map(p -> Map.of("field", p.field(), "message", message(p.messageKey(), p.args(), locale)))
                    .toList());
        }
        return problem;
    }

    public ProblemDetail of(HttpStatus status, String code, String messageKey, Object[] args, Locale locale) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message(messageKey, args, locale));
        problem.setType(URI.create(TYPE_BASE + code));
        problem.setTitle(message("problem.title." + status.value(), new Object[0], locale, status.getReasonPhrase()));
        problem.setProperty("code", code);
        return problem;
    }

    public String message(String key, Object[] args, Locale locale) {
        return message(key, args, locale, key);
    }

    public String message(FieldProblem p, Locale locale) {
        return message(p.messageKey(), p.args(), locale);
    }

    public List<String> messages(List<FieldProblem> problems, Locale locale) {
        return problems.stream().map(p -> message(p, locale)).toList();
    }

    private String message(String key, Object[] args, Locale locale, String fallback) {
        try {
            return messages.getMessage(key, args, locale);
        } catch (NoSuchMessageException e) {
            return fallback;
        }
    }

    /** A failure in plain words for a page's notice: its message and, for invalid input, what is wrong with each field. */
    public String describe(PlatformException e, Locale locale) {
        String message = message(e.messageKey(), e.args(), locale);
        if (e instanceof InvalidInput invalid) {
            message = message + " " + String.join(" ", messages(invalid.problems(), locale));
        }
        return message;
    }

    /** The messages of an invalid input grouped by field, for showing beside each form field. */
    public Map<String, List<String>> byField(InvalidInput invalid, Locale locale) {
        Map<String, List<String>> result = new java.util.LinkedHashMap<>();
        for (FieldProblem p : invalid.problems()) {
            result.computeIfAbsent(p.field(), f -> new java.util.ArrayList<>()).add(message(p, locale));
        }
        return result;
    }

    public Locale locale(HttpServletRequest request) {
        return locales.resolveLocale(request);
    }

    /** Writes a problem straight to the response, for failures found before any controller runs. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String messageKey)
            throws IOException {
        ProblemDetail problem = of(status, code, messageKey, new Object[0], locale(request));
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
