package org.zhengtong.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A grant (共享授权): a consumer department may use these data items of a resource during this period. Grants are
 * what the exchange hub and the unified query enforce; a revoked grant allows nothing.
 */
public record Grant(
        long id,
        String resourceCode,
        String resourceName,
        String provider,
        String consumer,
        List<String> items,
        LocalDate validFrom,
        LocalDate validUntil,
        @Nullable Long requestId,
        String grantedBy,
        Instant grantedAt,
        @Nullable Instant revokedAt,
        @Nullable String revokeReason) {

    public boolean activeOn(LocalDate day) {
        return revokedAt == null && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }

    public boolean covers(Collection<String> wanted) {
        return items.containsAll(wanted);
    }
}
