package org.zhengtong.basedata;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The lineage of a merged value (来源批次): one exchange batch as a base database took it in, from which department and
 * dataset, stored at the exchange when, and merged when. A value set by a data steward names the batch of the
 * department whose value was accepted.
 *
 * @param receivedAt when the exchange stored the batch
 * @param mergedAt when the base database merged it
 */
public record SourceBatch(long id, String base, @Nullable Long feed, String department, @Nullable String dataset, @Nullable Long exchangeBatch,
        Instant receivedAt, Instant mergedAt) {}
