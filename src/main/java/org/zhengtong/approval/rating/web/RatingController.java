package org.zhengtong.approval.rating.web;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;
import org.zhengtong.approval.rating.RatingProblem;
import org.zhengtong.approval.rating.Ratings;
import org.zhengtong.directory.Applicant;
import org.zhengtong.directory.Applicants;

/**
 * The applicant rates a finished case (好差评) from the form the case page includes ({@code approval/rating/form ::
 * form(caseNumber)}), and is sent back to the case page. A refusal is shown on the error page with its status: 403
 * not their case, 404 unknown case, 409 not finished or rated already, 400 a bad grade or a missing comment.
 */
@Controller
class RatingController {

    private final Ratings ratings;
    private final Applicants applicants;

    RatingController(Ratings ratings, Applicants applicants) {
        this.ratings = ratings;
        this.applicants = applicants;
    }

    @PostMapping("/services/mine/{number}/rating")
    @PreAuthorize("hasAuthority('APPLICANT_SELF')")
    String rate(@PathVariable String number, @RequestParam(required = false) @Nullable String grade, @RequestParam(required = false) @Nullable String comment,
            RedirectAttributes flash) {
        String login = applicants.current().map(Applicant::loginName).orElseThrow(() -> RatingProblem.notYourCase(number));
        String given = grade == null ? "" : grade.strip();
        int value;
        try {
            value = Integer.parseInt(given);
        } catch (NumberFormatException e) {
            throw RatingProblem.badGrade(given);
        }
        ratings.rate(number, login, value, comment);
        flash.addFlashAttribute("ratingSaved", true);
        return "redirect:/services/mine/" + UriUtils.encodePathSegment(number, StandardCharsets.UTF_8) + "#rating";
    }
}
