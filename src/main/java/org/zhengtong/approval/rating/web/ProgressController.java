package org.zhengtong.approval.rating.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengtong.approval.rating.ProgressQuery;
import org.zhengtong.approval.rating.RatingProblem;
import org.zhengtong.shared.Problems;

/**
 * The public progress page (办件进度查询), open to anyone without signing in: a GET form, like the licence
 * verification page, so that it works without a session; the referrer policy keeps the query code from leaving the
 * site. A wrong number or code answers 404 on the same page with one message that does not say which was wrong.
 */
@Controller
class ProgressController {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final ProgressQuery query;
    private final Problems problems;

    ProgressController(ProgressQuery query, Problems problems) {
        this.query = query;
        this.problems = problems;
    }

    @GetMapping("/progress")
    @PreAuthorize("hasAuthority('PROGRESS_QUERY')")
    String query(@RequestParam(required = false) @Nullable String number, @RequestParam(required = false) @Nullable String code, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        model.addAttribute("zone", CHINA);
        if (!request.getParameterMap().containsKey("number") && !request.getParameterMap().containsKey("code")) {
            return "progress/query";
        }
        model.addAttribute("number", number == null ? "" : number.strip());
        try {
            model.addAttribute("progress", query.find(number == null ? "" : number, code == null ? "" : code));
        } catch (RatingProblem e) {
            response.setStatus(e.status().value());
            model.addAttribute("failure", problems.describe(e, problems.locale(request)));
        }
        return "progress/query";
    }
}
