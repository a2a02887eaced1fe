package org.zhengtong.approval.clock.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.approval.clock.CaseDeadline;
import org.zhengtong.approval.clock.ClockProblem;

/** A case's statutory clock as JSON, for department systems and the supervision staff's own tools. */
@RestController
class ClockApiController {

    private final CaseClocks clocks;

    ClockApiController(CaseClocks clocks) {
        this.clocks = clocks;
    }

    /** The case's deadlines (the path's {@code code} is the case number), days and colour as of today; 404 problem {@code approval.clock.unknown-case} if none. */
    @GetMapping("/api/v1/approval/clocks/{code}")
    @PreAuthorize("hasAuthority('SUPERVISION_VIEW')")
    CaseDeadline clock(@PathVariable("code") String caseNumber) {
        return clocks.deadline(caseNumber).orElseThrow(() -> ClockProblem.unknownCase(caseNumber));
    }
}
