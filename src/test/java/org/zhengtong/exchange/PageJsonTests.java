package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengtong.PlatformTest;
import tools.jackson.databind.json.JsonMapper;

/**
 * A page written record by record is byte for byte the document the platform's JSON mapper makes of the same page
 * as maps: subscribers verify the hub's signature over exactly these bytes, so not one may differ.
 */
@PlatformTest
class PageJsonTests {

    @Autowired JsonMapper json;

    @Test
    void aPageWrittenRecordByRecordIsTheSameDocumentAsItsMaps() {
        Subscription s = new Subscription(7, "303001001/00001", "rsj", List.of("公民身份号码", "姓名", "备注", "不在数据里"), null, null, "PULL", null,
                null, 0, 0, 0, null, null, Instant.EPOCH, "ACTIVE", "rsj.officer", Instant.EPOCH);
        Instant at = Instant.parse("2026-05-01T08:30:00.123456Z");
        List<StoredRecord> records = List.of(
                new StoredRecord(11, "11010519491231002X", new String[] {"11010519491231002X", "张三", "引号\"反斜杠\\换行\n制表\t\u0001"}, false, 3,
                        "gaj", at),
                new StoredRecord(12, "110105194912310021", new String[] {"110105194912310021", null, null}, true, 4, "gaj", at),
                new StoredRecord(15, "k\u001Fcomposite", new String[] {"k", "Ünïcödé 𠀀", "", "extra"}, false, 4, "gaj", at));
        int[] positions = {0, 1, 2, -1};
        byte[] written = PageJson.write(json, s, 10, 15, true, records, positions);
        assertThat(new String(written, StandardCharsets.UTF_8)).isEqualTo(new String(asMaps(s, 10, 15, true, records, positions), StandardCharsets.UTF_8));
        assertThat(written).isEqualTo(asMaps(s, 10, 15, true, records, positions));

        assertThat(PageJson.write(json, s, 15, 15, false, List.of(), positions)).isEqualTo(asMaps(s, 15, 15, false, List.of(), positions));
    }

    /** The page as the hub first wrote it: a map per record, serialised by the mapper. */
    private byte[] asMaps(Subscription s, long after, long next, boolean more, List<StoredRecord> records, int[] positions) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (StoredRecord r : records) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", r.position());
            m.put("key", r.key());
            m.put("op", r.deleted() ? "delete" : "upsert");
            Map<String, Object> data = new LinkedHashMap<>();
            for (int i = 0; i < positions.length; i++) {
                data.put(s.items().get(i), positions[i] >= 0 && positions[i] < r.payload().length ? r.payload()[positions[i]] : null);
            }
            m.put("data", data);
            m.put("source", r.source());
            m.put("batch", r.batchId());
            m.put("at", r.updatedAt().toString());
            out.add(m);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscription", s.id());
        body.put("dataset", s.dataset());
        body.put("items", s.items());
        body.put("after", after);
        body.put("next", next);
        body.put("more", more);
        body.put("count", out.size());
        body.put("records", out);
        return json.writeValueAsBytes(body);
    }
}
