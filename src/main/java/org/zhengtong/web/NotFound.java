package org.zhengtong.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.zhengtong.shared.Problems;

/**
 * An address nothing answers: 404 as problem+json under /api, the error page elsewhere. Handled here rather than
 * left to the servlet container, so the answer is the same wherever the platform runs.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class NotFound {

    private final Problems problems;

    NotFound(Problems problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    @Nullable
    ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            problems.write(request, response, HttpStatus.NOT_FOUND, "http.404", "problem.http.404");
            return null;
        }
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return ErrorPage.of(404, "http.404", problems.message("problem.http.404", new Object[0], problems.locale(request)));
    }
}
