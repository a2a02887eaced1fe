package org.zhengtong.exchange.internal;

import org.jspecify.annotations.Nullable;

/**
 * One record as read from a batch, before validation: its line, where its bytes lie in the spooled body, and
 * either its values (in the dataset's item order, {@code null} for an absent item) or why it could not be read.
 *
 * @param offset where the record's bytes start in the spooled body, or -1 if they are not there as sent (XML)
 * @param raw the record's bytes when they are not in the body as sent
 */
record Decoded(long line, long offset, int length, @Nullable String[] values, boolean delete, @Nullable Reason problem,
        byte @Nullable [] raw) {

    static Decoded ok(long line, long offset, int length, @Nullable String[] values, boolean delete) {
        return new Decoded(line, offset, length, values, delete, null, null);
    }

    static Decoded bad(long line, long offset, int length, Reason problem) {
        return new Decoded(line, offset, length, new String[0], false, problem, null);
    }
}
