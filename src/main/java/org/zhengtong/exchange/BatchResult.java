package org.zhengtong.exchange;

import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What became of one batch. {@code accepted + quarantined = received}, always: every record read is either
 * stored or kept in the quarantine with its reason. {@code corrected} counts accepted records that cleansing
 * changed, {@code corrections} how often each kind of correction was made, and {@code changed} how many records
 * actually changed the store (a record sent again unchanged is accepted but changes nothing). On the Kafka
 * backend every accepted record is appended to the dataset's log, so there {@code changed} equals {@code accepted}.
 */
public record BatchResult(
        long batchId,
        String dataset,
        String provider,
        String channel,
        String status,
        long received,
        long accepted,
        long corrected,
        long quarantined,
        long changed,
        Map<String, Long> corrections,
        String signature,
        @Nullable String idempotencyKey,
        Instant startedAt,
        @Nullable Instant finishedAt,
        boolean replayed) {

    public BatchResult asReplay() {
        return new BatchResult(batchId, dataset, provider, channel, status, received, accepted, corrected, quarantined, changed, corrections,
                signature, idempotencyKey, startedAt, finishedAt, true);
    }
}
