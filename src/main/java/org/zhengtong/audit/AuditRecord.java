package org.zhengtong.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One entry of the audit log, as stored and chained. */
public record AuditRecord(
        long seq,
        Instant at,
        String actor,
        @Nullable String orgUnit,
        String action,
        String target,
        String detail,
        @Nullable String address,
        AuditLog.Outcome outcome,
        String previousHash,
        String hash) {}
