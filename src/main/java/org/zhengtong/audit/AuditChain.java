package org.zhengtong.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import org.zhengtong.shared.Sm3;

/**
 * How records are chained: each record's hash is the SM3 digest of its own fields together with the hash
 * of the record before it, so changing, removing or reordering any record breaks every hash after it.
 *
 * <p>Each field is written with its length in front, and a missing field as {@code ~}, so no choice of field
 * contents can make two different records produce the same input to the digest (not even a missing org unit and
 * an empty one).
 */
public final class AuditChain {

    /** The previous hash of the very first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {}

    public static String hash(
            long seq,
            Instant at,
            String actor,
            @Nullable String orgUnit,
            String action,
            String target,
            String detail,
            @Nullable String address,
            AuditLog.Outcome outcome,
            String previousHash) {
        StringBuilder s = new StringBuilder(256);
        for (String field : new String[] {
            Long.toString(seq), at.toString(), actor, orgUnit, action, target, detail, address, outcome.name(), previousHash
        }) {
            if (field == null) {
                s.append("~;");
            } else {
                s.append(field.length()).append(':').append(field).append(';');
            }
        }
        return Sm3.hex(s.toString());
    }

    public static String hash(AuditRecord r) {
        return hash(r.seq(), r.at(), r.actor(), r.orgUnit(), r.action(), r.target(), r.detail(), r.address(),
                r.outcome(), r.previousHash());
    }

    /** PostgreSQL keeps microseconds; the hash is taken over what is stored. */
    public static Instant storedPrecision(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
