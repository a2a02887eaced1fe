package org.zhengtong.approval.rating.web;

import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengtong.approval.rating.Progress;
import org.zhengtong.approval.rating.ProgressQuery;

/** The public progress query as JSON, for the city's app and mini-programs; no sign-in needed, like the page. */
@RestController
class ProgressApiController {

    private final ProgressQuery query;

    ProgressApiController(ProgressQuery query) {
        this.query = query;
    }

    /** The case's progress; 404 problem {@code approval.rating.no-such-case} for a wrong number or code alike. */
    @GetMapping("/api/v1/approval/progress")
    @PreAuthorize("hasAuthority('PROGRESS_QUERY')")
    Progress progress(@RequestParam(required = false) @Nullable String number, @RequestParam(required = false) @Nullable String code) {
        return query.find(number == null ? "" : number, code == null ? "" : code);
    }
}
