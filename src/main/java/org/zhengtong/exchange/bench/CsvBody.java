package org.zhengtong.exchange.bench;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A batch body of records {@code from} (inclusive) to {@code to} (exclusive) as CSV with its header, generated as
 * it is read: a body of any size costs a few hundred rows of memory.
 */
public final class CsvBody extends InputStream {

    /** Appends record {@code index} as one CSV line, without the line end. */
    @FunctionalInterface
    public interface Rows {
        void write(long index, StringBuilder line);
    }

    private final Rows rows;
    private final StringBuilder text = new StringBuilder(1 << 17);
    private final long to;
    private long next;
    private byte[] chunk;
    private int position;

    public CsvBody(PopulationRecords records, long from, long to) {
        this(PopulationRecords.HEADER, from, to, new Rows() {
            private final PopulationRecords.Row row = new PopulationRecords.Row();

            @Override
            public void write(long index, StringBuilder line) {
                records.fill(index, row);
                PopulationRecords.csv(row, line);
            }
        });
    }

    /** Records of any shape: {@code header} is the CSV header line, {@code rows} writes each record. */
    public CsvBody(String header, long from, long to, Rows rows) {
        this.rows = rows;
        this.to = to;
        this.next = from;
        this.chunk = (header + "\r\n").getBytes(StandardCharsets.UTF_8);
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
                rows.write(next++, text);
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
