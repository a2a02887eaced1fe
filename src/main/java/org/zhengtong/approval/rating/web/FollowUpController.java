package org.zhengtong.approval.rating.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.approval.rating.FollowUp;
import org.zhengtong.approval.rating.RatingProblem;
import org.zhengtong.approval.rating.Ratings;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.Problems;

/**
 * The follow-ups (差评整改) of the signed-in person's own department: the bad ratings its cases received, open ones
 * first, each closed with a note of what was put right. Another department's follow-up answers 404, as if it did not
 * exist. Reading the list is audited, as it shows applicants' comments.
 */
@Controller
class FollowUpController {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final int LIMIT = 500;

    private final Ratings ratings;
    private final DirectoryManagement directory;
    private final AuditLog audit;
    private final Problems problems;

    FollowUpController(Ratings ratings, DirectoryManagement directory, AuditLog audit, Problems problems) {
        this.ratings = ratings;
        this.directory = directory;
        this.audit = audit;
        this.problems = problems;
    }

    @GetMapping("/approval/ratings/follow-ups")
    @PreAuthorize("hasAuthority('RATING_FOLLOW_UP')")
    String list(@RequestParam(required = false) FollowUp.@Nullable Status status, Authentication auth, Model model) {
        Optional<OrgUnit> department = directory.departmentOf(auth.getName());
        List<FollowUp> followUps = department.map(d -> ratings.followUps(d.code(), status, LIMIT)).orElse(List.of());
        department.ifPresent(d -> audit.record("approval.rating.follow-up.list", "department:" + d.code(),
                (status == null ? "all" : status.name()) + ", " + followUps.size() + " follow-ups"));
        model.addAttribute("department", department.orElse(null));
        model.addAttribute("followUps", followUps);
        model.addAttribute("status", status);
        model.addAttribute("statuses", FollowUp.Status.values());
        model.addAttribute("zone", CHINA);
        return "approval/rating/follow-ups";
    }

    @PostMapping("/approval/ratings/follow-ups/{id}/close")
    @PreAuthorize("hasAuthority('RATING_FOLLOW_UP')")
    String close(@PathVariable long id, @RequestParam(required = false) @Nullable String note, Authentication auth, HttpServletRequest request,
            RedirectAttributes flash) {
        String department = directory.departmentOf(auth.getName()).map(OrgUnit::code).orElseThrow(() -> RatingProblem.unknownFollowUp(id));
        try {
            ratings.close(id, department, note == null ? "" : note);
            flash.addFlashAttribute("closed", id);
        } catch (RatingProblem e) {
            if (e.status().value() == 404) {
                throw e;
            }
            flash.addFlashAttribute("failure", problems.describe(e, problems.locale(request)));
            flash.addFlashAttribute("failedId", id);
        }
        return "redirect:/approval/ratings/follow-ups#follow-up-" + id;
    }
}
