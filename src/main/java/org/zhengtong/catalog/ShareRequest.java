package org.zhengtong.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A share request (共享申请): a consumer department asks for some data items of a resource, for a stated purpose
 * on a legal basis, for named systems and a validity period. The provider answers within ten working days.
 */
public record ShareRequest(
        long id,
        String resourceCode,
        String resourceName,
        String provider,
        String consumer,
        String purpose,
        String legalBasis,
        List<String> items,
        String systems,
        LocalDate validFrom,
        LocalDate validUntil,
        Status status,
        String requestedBy,
        Instant requestedAt,
        LocalDate dueOn,
        @Nullable String answeredBy,
        @Nullable String answer) {

    public boolean overdueOn(LocalDate day) {
        return status == Status.PENDING && day.isAfter(dueOn);
    }

    /** Where a request stands. */
    public enum Status {
        PENDING, APPROVED, REJECTED, WITHDRAWN
    }
}
