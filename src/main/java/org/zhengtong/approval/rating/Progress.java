package org.zhengtong.approval.rating;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zhengtong.approval.CaseStatus;

/**
 * A case as the public progress query (办件进度查询) shows it to whoever holds its number and query code: the item,
 * the department, where it stands, its computed deadlines, the public steps of its timeline, and its result. It
 * carries nothing about the applicant and nothing staff wrote for each other: no names, no internal comments.
 *
 * @param promisedDue the promised deadline (承诺期限), null before acceptance or while a pause stops the clock short of it
 * @param legalDue    the legal deadline (法定期限), likewise
 * @param clockPaused whether the clock is stopped now (补正, or a special procedure)
 * @param reason      the reason of the result, only once the case is finished
 */
public record Progress(String number, String itemCode, String itemName, String department, String departmentName, CaseStatus status,
        boolean finished, Instant submittedAt, @Nullable Instant acceptedAt, @Nullable Instant finishedAt, int promisedDays, int legalDays,
        @Nullable LocalDate promisedDue, @Nullable LocalDate legalDue, boolean clockPaused, @Nullable String reason,
        @Nullable String licenceNumber, List<Step> timeline) {

    public Progress {
        timeline = List.copyOf(timeline);
    }

    /** One public step: when, and what (a kind such as SUBMITTED, ACCEPTED, APPROVED, LICENCE_ISSUED). */
    public record Step(Instant at, String kind) {}
}
