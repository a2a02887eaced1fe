package org.zhengtong.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeProblem;

/**
 * CSV as RFC 4180 has it: a header row naming the data items, then one record per row; fields may be quoted, and a
 * quoted field may hold commas, doubled quotes and line breaks. Records are split on the raw bytes (a quote or a
 * line feed never occurs inside a multi-byte character of UTF-8 or GB18030), so each record keeps its original
 * bytes and line number, and is then decoded strictly: bytes that are not valid in the declared charset
 * quarantine that record instead of turning into replacement characters.
 */
final class CsvDecoder implements RecordDecoder {

    /** A record longer than this (an unclosed quote, most likely) is quarantined and skipped to the next line. */
    static final int MAX_RECORD_BYTES = 1 << 20;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final String file;
    private final int[] columnToItem;
    private final int opColumn;
    private final int items;
    private final byte[] buffer = new byte[1 << 16];
    private int bufferPos;
    private int bufferEnd;
    private byte[] record = new byte[4096];
    private int recordLength;
    private long offset;
    private long line = 1;
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();

    CsvDecoder(InputStream in, Charset charset, Dataset dataset, String file) throws IOException {
        this.in = in;
        this.file = file;
        this.items = dataset.items().size();
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        skipBom();
        long headerOffset = offset;
        if (!readRecord()) {
            throw ExchangeProblem.emptyBody();
        }
        String header;
        try {
            header = decode(headerOffset);
        } catch (CharacterCodingException e) {
            throw ExchangeProblem.headerEncoding(charset.name());
        }
        List<String> names = split(header);
        columnToItem = new int[names.size()];
        int op = -1;
        Set<String> unknown = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int c = 0; c < names.size(); c++) {
            String name = names.get(c) == null ? "" : names.get(c).strip();
            if (seen.put(name, c) != null) {
                throw ExchangeProblem.duplicateColumn(file, name);
            }
            if (name.equals(OP)) {
                op = c;
                columnToItem[c] = -1;
                continue;
            }
            columnToItem[c] = dataset.position(name);
            if (columnToItem[c] < 0) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ExchangeProblem.unknownColumns(file, String.join("、", unknown));
        }
        Set<String> missing = new LinkedHashSet<>();
        for (DataItem item : dataset.items()) {
            if ((item.required() || item.key()) && !seen.containsKey(item.name())) {
                missing.add(item.name());
            }
        }
        if (!missing.isEmpty()) {
            throw ExchangeProblem.missingColumns(file, String.join("、", missing));
        }
        opColumn = op;
    }

    @Override
    public @Nullable Decoded next() throws IOException {
        while (true) {
            long start = offset;
            long startLine = line;
            boolean tooLong;
            try {
                if (!readRecord()) {
                    return null;
                }
                tooLong = false;
            } catch (RecordTooLong e) {
                tooLong = true;
            }
            int length = (int) Math.min(Integer.MAX_VALUE, offset - start);
            if (tooLong) {
                return Decoded.bad(startLine, start, Math.min(length, MAX_RECORD_BYTES), Reason.of("too-long", null, MAX_RECORD_BYTES / 1024));
            }
            if (isBlank()) {
                continue;
            }
            String text;
            try {
                text = decode(start);
            } catch (CharacterCodingException e) {
                return Decoded.bad(startLine, start, length, Reason.of("encoding", null, decoder.charset().name()));
            }
            List<String> values = split(text);
            if (values.size() != columnToItem.length) {
                return Decoded.bad(startLine, start, length, Reason.of("field-count", null, columnToItem.length, values.size()));
            }
            String[] aligned = new String[items];
            for (int c = 0; c < columnToItem.length; c++) {
                if (columnToItem[c] >= 0) {
                    aligned[columnToItem[c]] = values.get(c);
                }
            }
            boolean delete = opColumn >= 0 && RecordDecoder.isDelete(values.get(opColumn));
            return Decoded.ok(startLine, start, length, aligned, delete);
        }
    }

    @Override
    public byte[] currentRaw() {
        return java.util.Arrays.copyOf(record, recordLength);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    String file() {
        return file;
    }

    private void skipBom() throws IOException {
        fill();
        if (bufferEnd - bufferPos >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
            bufferPos = 3;
            offset = 3;
        }
    }

    private boolean fill() throws IOException {
        if (bufferPos < bufferEnd) {
            return true;
        }
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            return false;
        }
        bufferPos = 0;
        bufferEnd = n;
        return true;
    }

    /** Reads bytes up to a line feed outside quotes; the record excludes the line break. */
    private boolean readRecord() throws IOException {
        recordLength = 0;
        boolean quoted = false;
        boolean any = false;
        boolean overflow = false;
        while (fill()) {
            byte b = buffer[bufferPos++];
            offset++;
            any = true;
            if (b == '\n') {
                line++;
                if (!quoted || overflow) {
                    break;
                }
            } else if (b == '"' && !overflow) {
                quoted = !quoted;
            }
            if (recordLength == record.length) {
                if (record.length >= MAX_RECORD_BYTES) {
                    overflow = true;
                    continue;
                }
                record = java.util.Arrays.copyOf(record, Math.min(record.length * 2, MAX_RECORD_BYTES));
            }
            if (!overflow) {
                record[recordLength++] = b;
            }
        }
        if (overflow) {
            throw new RecordTooLong();
        }
        if (recordLength > 0 && record[recordLength - 1] == '\r') {
            recordLength--;
        }
        return any;
    }

    private boolean isBlank() {
        for (int i = 0; i < recordLength; i++) {
            if (record[i] != ' ' && record[i] != '\t' && record[i] != '\r') {
                return false;
            }
        }
        return true;
    }

    private String decode(long start) throws CharacterCodingException {
        CharBuffer chars = decoder.reset().decode(ByteBuffer.wrap(record, 0, recordLength));
        return chars.toString();
    }

    /** Splits one decoded record into fields; an empty unquoted field is {@code null}, a quoted one is "". */
    private List<String> split(String text) {
        fields.clear();
        field.setLength(0);
        boolean quoted = false;
        boolean wasQuoted = false;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(ch);
                }
            } else if (ch == ',') {
                fields.add(finish(wasQuoted));
                wasQuoted = false;
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
                wasQuoted = true;
            } else {
                field.append(ch);
            }
        }
        fields.add(finish(wasQuoted));
        return fields;
    }

    private @Nullable String finish(boolean wasQuoted) {
        String value = field.toString();
        field.setLength(0);
        return value.isEmpty() && !wasQuoted ? null : value;
    }

    private static final class RecordTooLong extends IOException {
        RecordTooLong() {
            super("record too long");
        }
    }
}
