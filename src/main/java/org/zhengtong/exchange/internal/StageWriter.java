package org.zhengtong.exchange.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * Writes rows of the temporary table {@code zt_stage} in PostgreSQL's COPY text format, the fastest way into the
 * database: columns separated by tabs, {@code \N} for null, backslash escapes, and arrays as {@code {"a",NULL}}
 * literals. One row is built at a time, so memory does not grow with the batch.
 */
final class StageWriter {

    static final String TABLE = """
            create temp table zt_stage (ord int, line bigint, off bigint, len int, key text, del boolean, payload text[], fixes int,
              problem text, field text, args text[], raw bytea) on commit drop""";

    static final String COPY = "copy zt_stage (ord, line, off, len, key, del, payload, fixes, problem, field, args, raw) from stdin";

    private final OutputStream out;
    private final StringBuilder row = new StringBuilder(512);

    StageWriter(OutputStream out) {
        this.out = out;
    }

    void accepted(int ord, Decoded d, String key, @Nullable String[] payload, int fixes) throws IOException {
        row.setLength(0);
        head(ord, d);
        text(key);
        row.append('\t').append(d.delete() ? 't' : 'f').append('\t');
        array(payload);
        row.append('\t').append(fixes).append("\t\\N\t\\N\t\\N\t\\N\n");
        flush();
    }

    void refused(int ord, Decoded d, Reason reason, byte[] raw) throws IOException {
        row.setLength(0);
        head(ord, d);
        row.append("\\N\t\\N\t\\N\t0\t");
        text(reason.messageKey());
        row.append('\t');
        if (reason.field() == null) {
            row.append("\\N");
        } else {
            text(reason.field());
        }
        row.append('\t');
        array(reason.args());
        row.append("\t\\\\x").append(HexFormat.of().formatHex(raw)).append('\n');
        flush();
    }

    private void head(int ord, Decoded d) {
        row.append(ord).append('\t').append(d.line()).append('\t').append(d.offset()).append('\t').append(d.length()).append('\t');
    }

    private void flush() throws IOException {
        out.write(row.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A value escaped for COPY text format. */
    private void text(String v) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> row.append("\\\\");
                case '\t' -> row.append("\\t");
                case '\n' -> row.append("\\n");
                case '\r' -> row.append("\\r");
                default -> row.append(c);
            }
        }
    }

    /** An array literal, itself escaped for COPY text format: inside quotes, " and \ take a backslash. */
    private void array(@Nullable String[] values) {
        row.append('{');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                row.append(',');
            }
            String v = values[i];
            if (v == null) {
                row.append("NULL");
                continue;
            }
            row.append('"');
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                switch (c) {
                    case '\\' -> row.append("\\\\\\\\");
                    case '"' -> row.append("\\\\\"");
                    case '\t' -> row.append("\\t");
                    case '\n' -> row.append("\\n");
                    case '\r' -> row.append("\\r");
                    default -> row.append(c);
                }
            }
            row.append('"');
        }
        row.append('}');
    }
}
