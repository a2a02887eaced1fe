package org.zhengtong.exchange;

import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A quarantined record's bytes made readable for the person who fixes it: decoded with the charset the batch
 * declared, and read leniently into the dataset's items so the correction form starts from what was sent. The
 * pipeline read the record strictly and refused it; here nothing is refused, what cannot be read is left blank.
 *
 * <p>A CSV line carries no header (the batch's header is not kept), so its fields are taken in the dataset's item
 * order. XML records are kept as the hub rebuilt them, in UTF-8.
 */
final class RawRecord {

    private static final XMLInputFactory XML = XMLInputFactory.newFactory();

    static {
        XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private RawRecord() {
    }

    /** The record as text, and whether its bytes were valid in their charset (if not, bad bytes show as �). */
    record Text(String text, boolean readable) {}

    static Text decode(byte[] raw, String charsetName, String format) {
        Charset charset = charset(charsetName, format);
        try {
            String text = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw)).toString();
            return new Text(stripBom(text), true);
        } catch (CharacterCodingException e) {
            return new Text(stripBom(new String(raw, charset)), false);
        }
    }

    /** The record's values in the dataset's item order; "" where nothing could be read. */
    static List<String> values(Text text, String format, List<String> items, JsonMapper json) {
        String[] values = new String[items.size()];
        Arrays.fill(values, "");
        if (!text.readable()) {
            return Arrays.asList(values);
        }
        String s = text.text().strip();
        if (format.equals("JSONL") && s.startsWith("{")) {
            json(s, items, values, json);
        } else if (format.equals("XML") && s.startsWith("<")) {
            xml(s, items, values);
        } else {
            List<String> fields = csv(s);
            for (int i = 0; i < Math.min(fields.size(), values.length); i++) {
                values[i] = fields.get(i);
            }
        }
        return Arrays.asList(values);
    }

    /** RFC 4180 fields of one line: quoted fields may hold commas, doubled quotes and line breaks. */
    static List<String> csv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (ch == '"' && field.isEmpty()) {
                quoted = true;
            } else {
                field.append(ch);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** One CSV record: a header naming the items and one line of values, each quoted unless empty. */
    static String csv(List<String> items, @Nullable String[] values) {
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            csv.append(i == 0 ? "" : ",").append(quote(items.get(i)));
        }
        csv.append("\r\n");
        for (int i = 0; i < items.size(); i++) {
            String v = values[i];
            csv.append(i == 0 ? "" : ",").append(v == null || v.isEmpty() ? "" : quote(v));
        }
        return csv.append("\r\n").toString();
    }

    private static String quote(String v) {
        return '"' + v.replace("\"", "\"\"") + '"';
    }

    private static void json(String s, List<String> items, String[] values, JsonMapper json) {
        try {
            JsonNode node = json.readTree(s);
            if (node == null || !node.isObject()) {
                return;
            }
            for (Map.Entry<String, JsonNode> member : node.properties()) {
                int p = items.indexOf(member.getKey());
                if (p >= 0 && member.getValue().isValueNode() && !member.getValue().isNull()) {
                    values[p] = member.getValue().asString();
                }
            }
        } catch (JacksonException e) {
            // not JSON after all: the form starts blank
        }
    }

    private static void xml(String s, List<String> items, String[] values) {
        try {
            XMLStreamReader reader = XML.createXMLStreamReader(new StringReader(s));
            try {
                int depth = 0;
                while (reader.hasNext()) {
                    int event = reader.next();
                    if (event == XMLStreamConstants.START_ELEMENT) {
                        depth++;
                        if (depth == 2) {
                            int p = items.indexOf(reader.getLocalName());
                            String value = reader.getElementText();
                            depth--;
                            if (p >= 0) {
                                values[p] = value;
                            }
                        }
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    }
                }
            } finally {
                reader.close();
            }
        } catch (XMLStreamException e) {
            // what was read so far stays; the rest is left blank
        }
    }

    private static Charset charset(String name, String format) {
        if (format.equals("XML") || name.equals("XML")) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static String stripBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
