package org.zhengtong.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/** A failure the platform explains, met on a page: the same message as the API gives, on the error page. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageErrors {

    private final Problems problems;

    PageErrors(Problems problems) {
        this.problems = problems;
    }

    /** A form post that should carry files but does not, or carries more than the platform takes at once. */
    @ExceptionHandler(MultipartException.class)
    ModelAndView upload(MultipartException e, HttpServletRequest request, HttpServletResponse response) {
        boolean tooLarge = e instanceof MaxUploadSizeExceededException;
        int status = tooLarge ? 413 : 400;
        response.setStatus(status);
        String key = tooLarge ? "problem.upload.too-large" : "problem.upload.not-multipart";
        return ErrorPage.of(status, key.substring("problem.".length()), problems.message(key, new Object[0], problems.locale(request)));
    }

    @ExceptionHandler(PlatformException.class)
    ModelAndView platform(PlatformException e, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(e.status().value());
        return ErrorPage.of(e.status().value(), e.code(), problems.message(e.messageKey(), e.args(), problems.locale(request)));
    }
}
