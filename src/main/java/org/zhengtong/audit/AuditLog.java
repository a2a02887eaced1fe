package org.zhengtong.audit;

import java.util.List;
import org.zhengtong.shared.Actor;

/**
 * The platform's audit log (审计日志). Modules call it for every state change they make and every read of
 * personal data they serve; it records who acted, for which org unit, when, what, from where and with what
 * outcome.
 *
 * <p>{@link #record} joins the caller's transaction, so a change and its record commit or roll back together:
 * nothing changes unrecorded. {@link #recordFailure} commits on its own, because a refused or failed attempt
 * must stay on record although the work it tried was rolled back; call it outside the failed transaction.
 */
public interface AuditLog {

    void record(Actor actor, String action, String target, Outcome outcome, String detail);

    default void record(String action, String target, String detail) {
        record(Actor.current(), action, target, Outcome.SUCCESS, detail);
    }

    /** One record to append with {@link #recordAll}. */
    record Entry(Actor actor, String action, String target, Outcome outcome, String detail) {}

    /**
     * Appends several records in the caller's transaction, in order, taking the chain's lock once: a module that
     * serves many reads of personal data groups their records instead of contending for the lock per read.
     */
    default void recordAll(List<Entry> entries) {
        entries.forEach(e -> record(e.actor(), e.action(), e.target(), e.outcome(), e.detail()));
    }

    void recordFailure(Actor actor, String action, String target, Outcome outcome, String detail);

    /** How an audited attempt ended. */
    enum Outcome {
        SUCCESS,
        /** The attempt was made and failed (bad input, a wrong password). */
        FAILURE,
        /** The party lacked the privilege. */
        DENIED
    }
}
