package org.zhengtong.exchange.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A batch body of records {@code from} (inclusive) to {@code to} (exclusive) as CSV with its header, generated as
 * it is read: a body of any size costs a few hundred rows of memory.
 */
public final class CsvBody extends InputStream {

    private final PopulationRecords records;
    private final PopulationRecords.Row row = new PopulationRecords.Row();
    private final StringBuilder text = new StringBuilder(1 << 17);
    private final long to;
    private long next;
    private byte[] chunk;
    private int position;

    public CsvBody(PopulationRecords records, long from, long to) {
        this.records = records;
        this.to = to;
        this.next = from;
        this.chunk = (PopulationRecords.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        while (position == chunk.length) {
            if (next >= to) {
                return -1;
            }
            text.setLength(0);
            for (int n = 0; n < 256 && next < to; n++) {
                records.fill(next++, row);
                PopulationRecords.csv(row, text);
                text.append("\r\n");
            }
            chunk = text.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        return n;
    }
}
