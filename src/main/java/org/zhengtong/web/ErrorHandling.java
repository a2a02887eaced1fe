package org.zhengtong.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * Errors of the API (/api/v1) as RFC 9457 problem+json. A failure the platform explains keeps its own code;
 * Spring's own failures (an unreadable body, a wrong method) get a code from their status; anything
 * unexpected is logged and answered with a plain 500 that reveals nothing of the server.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

    private final Problems problems;

    ErrorHandling(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(PlatformException.class)
    ResponseEntity<ProblemDetail> platform(PlatformException e, HttpServletRequest request) {
        ProblemDetail body = problems.of(e, problems.locale(request));
        body.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) throws Exception {
        if (e instanceof AccessDeniedException || e instanceof AuthenticationException) {
            throw e;
        }
        log.error("Unexpected failure on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail body = generic(HttpStatus.INTERNAL_SERVER_ERROR, problems.locale(request));
        body.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.internalServerError().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        Locale locale = request instanceof ServletWebRequest swr ? problems.locale(swr.getRequest()) : Locale.SIMPLIFIED_CHINESE;
        HttpStatus status = HttpStatus.valueOf(statusCode.value());
        ProblemDetail problem = generic(status, locale);
        if (request instanceof ServletWebRequest swr) {
            problem.setInstance(URI.create(swr.getRequest().getRequestURI()));
        }
        headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(problem, headers, statusCode);
    }

    private ProblemDetail generic(HttpStatus status, Locale locale) {
        String code = "http." + status.value();
        return problems.of(status, code, "problem." + code, new Object[0], locale);
    }
}
