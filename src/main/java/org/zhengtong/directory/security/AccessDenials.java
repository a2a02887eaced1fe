package org.zhengtong.directory.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.Problems;

/** Refusals for lack of privilege: audited centrally, then answered as problem+json or as the 403 page. */
@Component
class AccessDenials {

    private final AuditLog audit;
    private final Problems problems;

    AccessDenials(AuditLog audit, Problems problems) {
        this.audit = audit;
        this.problems = problems;
    }

    void api(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        record(request);
        problems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", "problem.forbidden");
    }

    void page(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        record(request);
        response.sendError(HttpStatus.FORBIDDEN.value());
    }

    private void record(HttpServletRequest request) {
        audit.recordFailure(Actor.current(), "access.denied", request.getMethod() + " " + request.getRequestURI(),
                AuditLog.Outcome.DENIED, "");
    }
}
