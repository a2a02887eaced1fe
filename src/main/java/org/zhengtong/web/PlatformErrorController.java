package org.zhengtong.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.zhengtong.shared.Problems;
import org.zhengtong.shared.PublicPage;

/**
 * Where the servlet container sends every error no handler dealt with (an unknown address, a refusal, a
 * crash): problem+json for the API, the error page for people, and never a stack trace.
 */
@Controller
class PlatformErrorController implements ErrorController {

    private final Problems problems;

    PlatformErrorController(Problems problems) {
        this.problems = problems;
    }

    @PublicPage
    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    @Nullable
    ModelAndView page(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpStatus status = status(request);
        if (isApi(request)) {
            problems.write(request, response, status, code(status), "problem." + code(status));
            return null;
        }
        response.setStatus(status.value());
        return ErrorPage.of(status.value(), code(status),
                problems.message("problem." + code(status), new Object[0], problems.locale(request)));
    }

    @PublicPage
    @RequestMapping("/error")
    ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        HttpStatus status = status(request);
        String code = code(status);
        ProblemDetail body = problems.of(status, code, "problem." + code, new Object[0], problems.locale(request));
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri != null) {
            body.setInstance(URI.create(uri.toString()));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }

    private static String code(HttpStatus status) {
        return switch (status) {
            case UNAUTHORIZED -> "unauthenticated";
            case FORBIDDEN -> "forbidden";
            default -> "http." + status.value();
        };
    }

    private static boolean isApi(HttpServletRequest request) {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return uri != null && uri.toString().startsWith("/api/");
    }

    private static HttpStatus status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
