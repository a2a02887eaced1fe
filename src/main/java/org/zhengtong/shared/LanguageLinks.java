package org.zhengtong.shared;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switch's links: the page the person is on, with everything they chose on it (a year, a search, a
 * filter) kept, and only the language changed.
 */
@ControllerAdvice
class LanguageLinks {

    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        return Map.of("zh_CN", link(request, "zh_CN"), "en", link(request, "en"));
    }

    private static String link(HttpServletRequest request, String lang) {
        return UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
                .replaceQueryParam("lang", lang).build().toUriString();
    }
}
