package org.zhengtong.basedata;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A feed (数据接入): an exchange dataset a base database subscribes to as the big-data bureau, with which data item
 * fills which field, how far it has read, and what it has taken so far.
 *
 * @param base {@code PERSON}, {@code LEGAL_PERSON}, {@code MACRO} or {@code SPATIAL}
 * @param department the dataset's provider, whose values these are
 * @param mapping data item name to field name
 * @param cursor the exchange position up to which the feed has merged
 * @param received records taken from the exchange
 * @param merged records merged (whether they changed anything or confirmed it)
 * @param conflicts values that disagreed with the merged value
 * @param rejected records the base database could not take
 * @param status {@code ACTIVE} or {@code PAUSED} (a grant was revoked, or the admin paused it)
 */
public record Feed(long id, String base, String dataset, String department, @Nullable Long subscription, Map<String, String> mapping,
        long cursor, long received, long merged, long conflicts, long rejected, String status, @Nullable Instant lastRun,
        @Nullable String lastError, Instant createdAt) {

    public Feed {
        mapping = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(mapping));
    }

    /** The data item that fills a field, if the feed fills it. */
    public @Nullable String item(String field) {
        return mapping.entrySet().stream().filter(e -> e.getValue().equals(field)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    public boolean active() {
        return status.equals("ACTIVE");
    }
}
