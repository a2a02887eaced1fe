package org.zhengtong.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The result of checking the whole audit chain: how many records were checked and, when the chain is
 * broken, the first record at which it breaks and why.
 */
public record ChainVerification(long checked, @Nullable Long brokenAt, @Nullable Problem problem, @Nullable String detail) {

    @JsonProperty("intact")
    public boolean intact() {
        return brokenAt == null;
    }

    static ChainVerification intact(long checked) {
        return new ChainVerification(checked, null, null, null);
    }

    static ChainVerification broken(long checked, long seq, Problem problem, String detail) {
        return new ChainVerification(checked, seq, problem, detail);
    }

    /** Why the chain is broken. */
    public enum Problem {
        /** The record's fields no longer give its stored hash. */
        EDITED,
        /** Records are missing before this one. */
        MISSING,
        /** The record does not follow the one stored before it. */
        OUT_OF_ORDER,
        /** Records at the end of the log were removed. */
        TRUNCATED
    }
}
