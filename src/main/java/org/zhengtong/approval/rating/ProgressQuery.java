package org.zhengtong.approval.rating;

import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.approval.ApprovalProblem;
import org.zhengtong.approval.Cases;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.approval.clock.CaseDeadline;
import org.zhengtong.approval.clock.ClockStatus;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;

/**
 * The public progress query (办件进度查询): a case number (办件编号) and its query code (查询码), handed to the
 * applicant on submission, open the case's {@link Progress} to anyone, signed in or not.
 *
 * <p>A wrong number and a wrong code get one and the same answer, {@link RatingProblem#noSuchCase()}, so that the
 * query cannot be used to learn which case numbers exist. The query code is six digits; nothing limits the rate of
 * guesses yet (see docs/approval-rating.md).
 */
@Service
public class ProgressQuery {

    /** The steps of a timeline the public sees; a review step (REVIEWED) is staff's own and never shown. */
    static final Set<String> PUBLIC_STEPS = Set.of("SUBMITTED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "ACCEPTED", "REFUSED", "APPROVED",
            "REJECTED", "LICENCE_ISSUED");

    private static final int MAX_INPUT = 64;

    private final Cases cases;
    private final CaseClocks clocks;
    private final DirectoryManagement directory;

    ProgressQuery(Cases cases, CaseClocks clocks, DirectoryManagement directory) {
        this.cases = cases;
        this.clocks = clocks;
        this.directory = directory;
    }

    /**
     * The progress of the case with this number and query code.
     *
     * @throws RatingProblem 404 {@code approval.rating.no-such-case} for a wrong, blank or overlong number or code
     */
    @Transactional(readOnly = true)
    public Progress find(String number, String queryCode) {
        String n = number.strip();
        String code = queryCode.strip();
        if (n.isEmpty() || code.isEmpty() || n.length() > MAX_INPUT || code.length() > MAX_INPUT) {
            throw RatingProblem.noSuchCase();
        }
        Cases.Case c;
        try {
            c = cases.progress(n, code);
        } catch (ApprovalProblem e) {
            throw RatingProblem.noSuchCase();
        }
        Optional<CaseDeadline> deadline = clocks.deadline(c.number());
        var timeline = cases.timeline(c.number(), true).stream().filter(e -> PUBLIC_STEPS.contains(e.kind()))
                .map(e -> new Progress.Step(e.at(), e.kind())).toList();
        boolean finished = c.status().finished();
        return new Progress(c.number(), c.itemCode(), c.itemName(), c.department(),
                directory.findOrgUnit(c.department()).map(OrgUnit::name).orElse(c.department()), c.status(), finished, c.submittedAt(),
                c.acceptedAt(), c.finishedAt(), c.promisedDays(), c.legalDays(),
                deadline.map(CaseDeadline::promisedDue).orElse(null), deadline.map(CaseDeadline::legalDue).orElse(null),
                deadline.map(d -> d.status() == ClockStatus.PAUSED).orElse(false), finished ? c.resultReason() : null,
                c.licenceNumber(), timeline);
    }
}
