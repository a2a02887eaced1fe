package org.zhengtong.exchange.internal;

import java.io.Closeable;
import java.io.IOException;
import org.jspecify.annotations.Nullable;

/** Reads a batch body record by record, holding no more than one record in memory. */
interface RecordDecoder extends Closeable {

    /** The reserved column or field that marks a record as deleted ({@code _op} = {@code delete} or {@code D}). */
    String OP = "_op";

    /** The next record, or {@code null} at the end of the body. */
    @Nullable Decoded next() throws IOException;

    /** The bytes of the record {@link #next()} returned last, as sent. */
    byte[] currentRaw();

    static boolean isDelete(@Nullable String op) {
        return op != null && (op.equalsIgnoreCase("delete") || op.equalsIgnoreCase("D") || op.equals("删除"));
    }
}
