package org.zhengtong.exchange.internal;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.zhengtong.exchange.ExchangeProblem;

/** The formats a batch may come in, told by its Content-Type (or a dropped file's extension). */
public enum BodyFormat {
    CSV, JSONL, XML;

    /** The format and charset a Content-Type names; CSV and JSON Lines default to UTF-8, XML to its own declaration. */
    public static Declared of(@Nullable String contentType) {
        MediaType type;
        try {
            type = MediaType.parseMediaType(contentType == null || contentType.isBlank() ? "text/csv" : contentType);
        } catch (InvalidMediaTypeException e) {
            throw ExchangeProblem.unsupportedFormat(String.valueOf(contentType));
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        BodyFormat format = switch (subtype) {
            case "csv", "comma-separated-values" -> CSV;
            case "jsonl", "x-ndjson", "x-jsonlines", "jsonlines", "ndjson" -> JSONL;
            case "xml" -> XML;
            default -> throw ExchangeProblem.unsupportedFormat(type.toString());
        };
        String name = type.getParameter("charset");
        Charset charset;
        try {
            charset = name == null ? (format == XML ? null : StandardCharsets.UTF_8) : Charset.forName(name.replace("\"", ""));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw ExchangeProblem.unsupportedCharset(name);
        }
        return new Declared(format, charset);
    }

    /** The format a dropped file's name tells: {@code .csv}, {@code .jsonl}/{@code .ndjson} or {@code .xml}. */
    public static @Nullable BodyFormat ofFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".csv")) {
            return CSV;
        }
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSONL;
        }
        return lower.endsWith(".xml") ? XML : null;
    }

    /** @param charset {@code null} for XML without a declared charset: the document's own declaration rules */
    public record Declared(BodyFormat format, @Nullable Charset charset) {

        public String charsetName() {
            return charset == null ? "XML" : charset.name();
        }
    }
}
