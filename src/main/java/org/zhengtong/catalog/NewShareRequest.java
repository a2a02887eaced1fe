package org.zhengtong.catalog;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a consumer department states when it asks to use a resource. */
public record NewShareRequest(
        String resourceCode,
        @Nullable String purpose,
        @Nullable String legalBasis,
        List<String> items,
        @Nullable String systems,
        @Nullable LocalDate validFrom,
        @Nullable LocalDate validUntil) {

    public NewShareRequest {
        items = List.copyOf(items);
    }
}
