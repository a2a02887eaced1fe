package org.zhengtong.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeProblem;

/**
 * XML: a root element holding one element per record, whose child elements are named by data item
 * ({@code <records><record><姓名>…</姓名></record></records>}). Read with StAX, one record at a time; DTDs and
 * external entities are refused. A body that is not well-formed XML is refused whole, naming the line.
 */
final class XmlDecoder implements RecordDecoder {

    private static final XMLInputFactory FACTORY = XMLInputFactory.newFactory();

    static {
        FACTORY.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        FACTORY.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    }

    private final InputStream in;
    private final XMLStreamReader xml;
    private final Dataset dataset;
    private final String file;
    private byte[] current = new byte[0];

    XmlDecoder(InputStream in, @Nullable Charset charset, Dataset dataset, String file) {
        this.in = in;
        this.dataset = dataset;
        this.file = file;
        try {
            this.xml = charset == null ? FACTORY.createXMLStreamReader(in) : FACTORY.createXMLStreamReader(in, charset.name());
            while (xml.hasNext() && xml.next() != XMLStreamConstants.START_ELEMENT) {
                // the root element
            }
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    @Override
    public @Nullable Decoded next() throws IOException {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.END_ELEMENT || event == XMLStreamConstants.END_DOCUMENT) {
                    return null;
                }
                if (event == XMLStreamConstants.START_ELEMENT) {
                    return record();
                }
            }
            return null;
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private Decoded record() throws XMLStreamException {
        long line = xml.getLocation().getLineNumber();
        String recordName = xml.getLocalName();
        StringBuilder raw = new StringBuilder("<").append(recordName).append('>');
        String[] values = new String[dataset.items().size()];
        boolean delete = false;
        Reason problem = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String name = xml.getLocalName();
            String value = xml.getElementText();
            raw.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
            if (name.equals(OP)) {
                delete = RecordDecoder.isDelete(value);
                continue;
            }
            int p = dataset.position(name);
            if (p < 0) {
                if (problem == null) {
                    problem = Reason.of("unknown-field", name, name);
                }
                continue;
            }
            values[p] = value.isEmpty() ? null : value;
        }
        raw.append("</").append(recordName).append('>');
        byte[] bytes = raw.toString().getBytes(StandardCharsets.UTF_8);
        current = bytes;
        return new Decoded(line, -1, bytes.length, problem == null ? values : new String[0], delete, problem, bytes);
    }

    private ExchangeProblem malformed(XMLStreamException e) {
        long line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
        String message = e.getMessage() == null ? "" : e.getMessage().replaceAll("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
        return ExchangeProblem.malformedXml(file, line, message);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Override
    public byte[] currentRaw() {
        return current.clone();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // the stream is closed below either way
        }
        in.close();
    }
}
