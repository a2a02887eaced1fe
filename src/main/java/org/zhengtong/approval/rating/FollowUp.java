package org.zhengtong.approval.rating;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A follow-up (差评整改) a bad rating opened for the case's department: open until someone of the department closes
 * it with a note of what was put right, which the applicant then reads on their case as the return visit (回访).
 */
public record FollowUp(long id, String caseNumber, String department, Status status, Instant openedAt, @Nullable String closedBy,
        @Nullable Instant closedAt, @Nullable String note, Grade grade, @Nullable String comment, String itemCode, String itemName) {

    public enum Status {
        OPEN,
        CLOSED
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
