package org.zhengtong.approval.clock.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.approval.clock.Supervision;
import org.zhengtong.approval.clock.Warnings;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.Actor;

/**
 * A department's warning list (临期预警) for its approvers and clerks: its cases and steps due within the next N working
 * days, and those past due, the earliest first, each with the time the warning was first raised. Only the acting
 * person's own department is shown.
 */
@Controller
class WarningsController {

    private final Warnings warnings;
    private final Supervision supervision;
    private final DirectoryManagement directory;

    WarningsController(Warnings warnings, Supervision supervision, DirectoryManagement directory) {
        this.warnings = warnings;
        this.supervision = supervision;
        this.directory = directory;
    }

    @GetMapping("/approval/supervision/warnings")
    @PreAuthorize("hasAuthority('SUPERVISION_WARNINGS')")
    String warnings(@RequestParam(required = false) @Nullable Integer days, Model model) {
        Actor actor = Actor.current();
        String department = directory.departmentOf(actor.username()).map(OrgUnit::code)
                .orElse(actor.orgUnitCode() == null ? "" : actor.orgUnitCode());
        int within = days == null ? warnings.defaultDays() : Math.clamp(days, 0, Warnings.MAX_DAYS);
        model.addAttribute("list", warnings.warnings(CaseClocks.today(), department, within));
        model.addAttribute("departmentName", supervision.departmentName(department));
        model.addAttribute("maxDays", Warnings.MAX_DAYS);
        model.addAttribute("zone", SupervisionController.CHINA);
        return "approval/supervision/warnings";
    }
}
