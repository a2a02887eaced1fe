package org.zhengtong.web;

import org.springframework.web.servlet.ModelAndView;

/** The error page every failure met by a person ends on: the status, the stable code and the plain message. */
final class ErrorPage {

    private ErrorPage() {}

    static ModelAndView of(int status, String code, String message) {
        ModelAndView view = new ModelAndView("error");
        view.addObject("status", status);
        view.addObject("code", code);
        view.addObject("message", message);
        return view;
    }
}
