package org.zhengtong.exchange;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A record as the exchange store holds it: its position in the dataset's change order, its key, its values in
 * the dataset's item order, whether it is a tombstone, and its lineage (the department and batch it came from,
 * and when).
 */
public record StoredRecord(long position, String key, @Nullable String[] payload, boolean deleted, long batchId, String source,
        Instant updatedAt) {}
