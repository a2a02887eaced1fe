package org.zhengtong.exchange;

import java.io.ByteArrayOutputStream;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A delivered page as JSON, written straight from the stored records: the same document a map per record would
 * give ({@code subscription, dataset, items, after, next, more, count, records}, each record with {@code position,
 * key, op, data, source, batch, at}), without building those maps for ten thousand records a page.
 */
final class PageJson {

    private PageJson() {
    }

    /**
     * @param positions for each of the subscription's items, its position in a record's payload
     */
    static byte[] write(JsonMapper json, Subscription s, long after, long next, boolean more, List<StoredRecord> records, int[] positions) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1024, records.size() * 768));
        List<String> items = s.items();
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberProperty("subscription", s.id());
            g.writeStringProperty("dataset", s.dataset());
            g.writeName("items");
            g.writeStartArray();
            for (String item : items) {
                g.writeString(item);
            }
            g.writeEndArray();
            g.writeNumberProperty("after", after);
            g.writeNumberProperty("next", next);
            g.writeBooleanProperty("more", more);
            g.writeNumberProperty("count", records.size());
            g.writeName("records");
            g.writeStartArray();
            for (StoredRecord r : records) {
                g.writeStartObject();
                g.writeNumberProperty("position", r.position());
                g.writeStringProperty("key", r.key());
                g.writeStringProperty("op", r.deleted() ? "delete" : "upsert");
                g.writeName("data");
                g.writeStartObject();
                String[] payload = r.payload();
                for (int i = 0; i < positions.length; i++) {
                    int p = positions[i];
                    String value = p >= 0 && p < payload.length ? payload[p] : null;
                    g.writeName(items.get(i));
                    if (value == null) {
                        g.writeNull();
                    } else {
                        g.writeString(value);
                    }
                }
                g.writeEndObject();
                g.writeStringProperty("source", r.source());
                g.writeNumberProperty("batch", r.batchId());
                g.writeStringProperty("at", r.updatedAt().toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}
