package org.zhengtong.basedata.demo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;

/**
 * A CSV body generated while the exchange reads it: record {@code i} of a range becomes its lines only when the
 * reader gets there, so a batch of any size costs the memory of one line.
 */
final class DemoCsv extends InputStream {

    private final LongFunction<List<String[]>> rows;
    private final long to;
    private long next;
    private byte[] buffer;
    private int at;

    /**
     * @param rows the rows of record {@code i} (none, one, or a few when a bad copy is injected beside it)
     */
    DemoCsv(List<String> header, long from, long to, LongFunction<List<String[]>> rows) {
        this.rows = rows;
        this.to = to;
        this.next = from;
        this.buffer = (String.join(",", header) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return buffer[at++] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length - at);
        System.arraycopy(buffer, at, b, off, n);
        at += n;
        return n;
    }

    private boolean fill() {
        while (at >= buffer.length) {
            if (next >= to) {
                return false;
            }
            StringBuilder lines = new StringBuilder();
            for (String[] row : rows.apply(next++)) {
                if (row == null) {
                    continue;
                }
                for (int i = 0; i < row.length; i++) {
                    if (i > 0) {
                        lines.append(',');
                    }
                    lines.append(quote(row[i]));
                }
                lines.append('\n');
            }
            buffer = lines.toString().getBytes(StandardCharsets.UTF_8);
            at = 0;
        }
        return true;
    }

    static String quote(@Nullable String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
