package org.zhengtong.exchange;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A consumer department's subscription to a dataset (订阅): the granted items it receives, an optional filter (one
 * item's value starting with a prefix, such as a division code), how it is delivered, and how far it has been.
 *
 * @param cursor the position up to which the subscriber has acknowledged (pull) or the hub has delivered (push)
 * @param mode {@code PULL} (the subscriber asks), {@code WEBHOOK} (the hub posts) or {@code JDBC} (the hub writes
 *     into a table of the subscriber's database)
 */
public record Subscription(
        long id,
        String dataset,
        String consumer,
        List<String> items,
        @Nullable String filterItem,
        @Nullable String filterPrefix,
        String mode,
        @Nullable String target,
        @Nullable String targetTable,
        long cursor,
        long delivered,
        int failures,
        @Nullable String lastError,
        @Nullable Instant lastSuccess,
        Instant nextAttemptAt,
        String status,
        String createdBy,
        Instant createdAt) {

    public Subscription {
        items = List.copyOf(items);
    }
}
