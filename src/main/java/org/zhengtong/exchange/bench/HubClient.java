package org.zhengtong.exchange.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A department system talking to the exchange hub over HTTP, as a real one does: it signs in with the
 * client-credentials grant as {@code <dept>-system}, publishes CSV batches, pulls signed pages of records and
 * acknowledges them. Pages are read as a stream, record by record, so a client holds no more than one record of
 * a page at a time. A connection the hub drops surfaces as an {@link IOException} for the caller to retry.
 */
public final class HubClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http;
    private final URI base;
    private final String clientId;
    private final String secret;
    private volatile @Nullable String token;

    public HubClient(URI base, String clientId, String secret) {
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        this.base = base;
        this.clientId = clientId;
        this.secret = secret;
    }

    public String clientId() {
        return clientId;
    }

    /** An answer of the hub: its status and its JSON body (null when it sent none or not JSON). */
    public record Answer(int status, @Nullable JsonNode body, String text) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public long number(String field) {
            JsonNode value = body == null ? null : body.get(field);
            if (value == null || !value.isNumber()) {
                throw new IllegalStateException("no number " + field + " in the hub's answer " + status + ": " + text);
            }
            return value.asLong();
        }
    }

    /** What a pulled page said about itself. */
    public record Page(long after, long next, boolean more, int count) {}

    /** Receives the records of a page one by one; {@code values} holds the data items in subscription order. */
    @FunctionalInterface
    public interface RecordSink {
        void accept(long position, String key, boolean delete, @Nullable String[] values, int count);
    }

    /** Publishes one batch of CSV streamed from {@code body}; the same idempotency key makes a retry safe. */
    public Answer publish(String dataset, HttpRequest.BodyPublisher body, @Nullable String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/v1/exchange/datasets/" + dataset + "/batches"))
                .timeout(Duration.ofMinutes(10)).header("Content-Type", "text/csv; charset=UTF-8").POST(body);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    /** Any GET of the API, such as {@code /api/v1/exchange/subscriptions}. */
    public Answer get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofMinutes(1)).GET());
    }

    /** One batch's current state, looked up by its id. */
    public Answer batch(long id) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/exchange/batches/" + id)).timeout(Duration.ofMinutes(1)).GET());
    }

    public Answer acknowledge(long subscription, long cursor) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve("/api/v1/exchange/subscriptions/" + subscription + "/ack?cursor=" + cursor))
                .timeout(Duration.ofMinutes(1)).POST(HttpRequest.BodyPublishers.noBody()));
    }

    /**
     * Pulls the page after {@code after} and hands each of its records to {@code sink} as it is read.
     *
     * @throws HubException when the hub answers with an error
     */
    public Page pull(long subscription, long after, int limit, RecordSink sink) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpRequest request = HttpRequest.newBuilder(
                            base.resolve("/api/v1/exchange/subscriptions/" + subscription + "/records?after=" + after + "&limit=" + limit))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token()).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() == 401 && attempt == 0) {
                    token = null;
                    continue;
                }
                if (response.statusCode() != 200) {
                    throw new HubException(response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
                }
                if (response.headers().firstValue("X-ZT-Signature").isEmpty()) {
                    throw new HubException(response.statusCode(), "a page without the hub's signature");
                }
                return read(body, sink);
            }
        }
    }

    /** Reads a page as a stream of tokens: its head fields, and each record handed over as soon as it is complete. */
    static Page read(InputStream body, RecordSink sink) {
        long after = -1;
        long next = -1;
        boolean more = false;
        int count = -1;
        int seen = 0;
        String[] values = new String[32];
        try (JsonParser p = JSON.createParser(body)) {
            expect(p.nextToken(), JsonToken.START_OBJECT);
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "after" -> after = p.getLongValue();
                    case "next" -> next = p.getLongValue();
                    case "more" -> more = p.getBooleanValue();
                    case "count" -> count = p.getIntValue();
                    case "records" -> {
                        expect(value, JsonToken.START_ARRAY);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            long position = -1;
                            String key = null;
                            boolean delete = false;
                            int n = 0;
                            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                                String name = p.currentName();
                                JsonToken t = p.nextToken();
                                switch (name) {
                                    case "position" -> position = p.getLongValue();
                                    case "key" -> key = p.getString();
                                    case "op" -> delete = p.getString().equals("delete");
                                    case "data" -> {
                                        expect(t, JsonToken.START_OBJECT);
                                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                                            JsonToken v = p.nextToken();
                                            if (n == values.length) {
                                                values = java.util.Arrays.copyOf(values, n * 2);
                                            }
                                            values[n++] = v == JsonToken.VALUE_NULL ? null : p.getString();
                                        }
                                    }
                                    default -> p.skipChildren();
                                }
                            }
                            if (key == null || position < 0) {
                                throw new IllegalStateException("a delivered record without key or position");
                            }
                            sink.accept(position, key, delete, values, n);
                            seen++;
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        if (count != seen || next < 0) {
            throw new IllegalStateException("the page said " + count + " records and held " + seen);
        }
        return new Page(after, next, more, count);
    }

    private static void expect(@Nullable JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalStateException("expected " + expected + " in the page, found " + actual);
        }
    }

    private Answer send(HttpRequest.Builder request) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            HttpResponse<byte[]> response = http.send(request.copy().header("Authorization", "Bearer " + token()).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() == 401 && attempt == 0) {
                token = null;
                continue;
            }
            String text = new String(response.body(), StandardCharsets.UTF_8);
            JsonNode json = null;
            if (response.headers().firstValue("Content-Type").orElse("").contains("json") && !text.isEmpty()) {
                json = JSON.readTree(text);
            }
            return new Answer(response.statusCode(), json, text);
        }
    }

    /** An access token, fetched with the client-credentials grant when there is none yet or it was refused. */
    private String token() throws IOException, InterruptedException {
        String current = token;
        if (current != null) {
            return current;
        }
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/oauth2/token")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new HubException(response.statusCode(), "no token for " + clientId + ": " + response.body());
        }
        current = JSON.readTree(response.body()).get("access_token").asString();
        token = current;
        return current;
    }

    /** The hub answered with an error. */
    public static final class HubException extends RuntimeException {
        private final int status;

        public HubException(int status, String detail) {
            super("HTTP " + status + ": " + (detail.length() > 500 ? detail.substring(0, 500) : detail));
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
