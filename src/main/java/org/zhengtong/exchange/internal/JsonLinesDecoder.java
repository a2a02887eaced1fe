package org.zhengtong.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.zhengtong.exchange.Dataset;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON Lines: one JSON object per line, its members named by data item. A line that is not an object, or that
 * names an item the dataset does not have, is quarantined with its line; absent items are empty.
 */
final class JsonLinesDecoder implements RecordDecoder {

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final Dataset dataset;
    private final JsonMapper json;
    private byte[] record = new byte[4096];
    private int recordLength;
    private long offset;
    private long line;

    JsonLinesDecoder(InputStream in, Charset charset, Dataset dataset, JsonMapper json) {
        this.in = in;
        this.dataset = dataset;
        this.json = json;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    @Override
    public @Nullable Decoded next() throws IOException {
        while (true) {
            long start = offset;
            line++;
            int read = readLine();
            if (read < 0) {
                return null;
            }
            int length = (int) (offset - start);
            if (read == 0 && recordLength == 0) {
                continue;
            }
            if (read > CsvDecoder.MAX_RECORD_BYTES) {
                return Decoded.bad(line, start, Math.min(length, CsvDecoder.MAX_RECORD_BYTES), Reason.of("too-long", null, CsvDecoder.MAX_RECORD_BYTES / 1024));
            }
            if (isBlank()) {
                continue;
            }
            String text;
            try {
                int from = line == 1 && recordLength >= 3 && (record[0] & 0xFF) == 0xEF && (record[1] & 0xFF) == 0xBB && (record[2] & 0xFF) == 0xBF ? 3 : 0;
                text = decoder.reset().decode(ByteBuffer.wrap(record, from, recordLength - from)).toString();
            } catch (CharacterCodingException e) {
                return Decoded.bad(line, start, length, Reason.of("encoding", null, decoder.charset().name()));
            }
            JsonNode node;
            try {
                node = json.readTree(text);
            } catch (JacksonException e) {
                return Decoded.bad(line, start, length, Reason.of("not-json", null));
            }
            if (node == null || !node.isObject()) {
                return Decoded.bad(line, start, length, Reason.of("not-json", null));
            }
            String[] values = new String[dataset.items().size()];
            boolean delete = false;
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                String name = member.getKey();
                JsonNode value = member.getValue();
                if (name.equals(OP)) {
                    delete = RecordDecoder.isDelete(value.isNull() ? null : value.asString());
                    continue;
                }
                int p = dataset.position(name);
                if (p < 0) {
                    return Decoded.bad(line, start, length, Reason.of("unknown-field", name, name));
                }
                if (value.isContainer()) {
                    return Decoded.bad(line, start, length, Reason.of("not-scalar", name, name));
                }
                values[p] = value.isNull() ? null : value.asString();
            }
            return Decoded.ok(line, start, length, values, delete);
        }
    }

    /** Reads up to a line feed; returns the bytes consumed without it, or -1 at the end. */
    private int readLine() throws IOException {
        recordLength = 0;
        int consumed = 0;
        int b;
        boolean any = false;
        while ((b = in.read()) >= 0) {
            any = true;
            offset++;
            if (b == '\n') {
                break;
            }
            consumed++;
            if (recordLength < CsvDecoder.MAX_RECORD_BYTES) {
                if (recordLength == record.length) {
                    record = Arrays.copyOf(record, Math.min(record.length * 2, CsvDecoder.MAX_RECORD_BYTES));
                }
                record[recordLength++] = (byte) b;
            }
        }
        if (!any) {
            return -1;
        }
        if (recordLength > 0 && record[recordLength - 1] == '\r') {
            recordLength--;
        }
        return consumed;
    }

    private boolean isBlank() {
        for (int i = 0; i < recordLength; i++) {
            if (record[i] != ' ' && record[i] != '\t') {
                return false;
            }
        }
        return true;
    }

    @Override
    public byte[] currentRaw() {
        return java.util.Arrays.copyOf(record, recordLength);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
