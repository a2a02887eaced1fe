package org.zhengtong.exchange.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zhengtong.shared.IdCardNumber;

/** The benchmark's generated population register is what it claims to be: unique, valid, and 1% wrong. */
class PopulationRecordsTests {

    private final PopulationRecords records = new PopulationRecords(7, 10, 30);

    @Test
    void recordsAreRepeatableAndTheirIdNumbersUniqueAndValid() {
        PopulationRecords.Row row = new PopulationRecords.Row();
        Set<String> keys = new HashSet<>();
        int dirty = 0;
        int corrected = 0;
        int n = 60_000;
        for (int i = 0; i < n; i++) {
            records.fill(i, row);
            assertThat(keys.add(row.key())).as("record %d repeats key %s", i, row.key()).isTrue();
            assertThat(IdCardNumber.isValid(row.key())).as(row.key()).isTrue();
            assertThat(LocalDate.parse(row.expected[5])).isEqualTo(IdCardNumber.parse(row.key()).birthDate());
            assertThat(row.expected[3]).isEqualTo(IdCardNumber.parse(row.key()).isMale() ? "男" : "女");
            dirty += row.dirty ? 1 : 0;
            corrected += row.corrected ? 1 : 0;
            if (!row.dirty && !row.corrected) {
                assertThat(row.sent).containsExactly(row.expected);
            }
        }
        assertThat(dirty).isBetween(n / 100 - n / 500, n / 100 + n / 500);
        assertThat(corrected).isBetween(3 * n / 100 - n / 250, 3 * n / 100 + n / 250);

        PopulationRecords.Row again = new PopulationRecords.Row();
        new PopulationRecords(7, 10, 30).fill(12_345, again);
        records.fill(12_345, row);
        assertThat(again.sent).containsExactly(row.sent);
        new PopulationRecords(8, 10, 30).fill(12_345, again);
        assertThat(again.sent).isNotEqualTo(row.sent);
    }

    @Test
    void everyWrongRecordBreaksARule() {
        PopulationRecords.Row row = new PopulationRecords.Row();
        int seen = 0;
        for (int i = 0; seen < 300; i++) {
            records.fill(i, row);
            if (!row.dirty) {
                continue;
            }
            seen++;
            boolean badId = !IdCardNumber.isValid(row.sent[0]);
            boolean badDate = !isDate(row.sent[5]);
            boolean blank = row.sent[1] == null || row.sent[9] == null || row.sent[18] == null;
            assertThat(badId || badDate || blank).as("record %d: %s", i, String.join(",", String.valueOf(row.sent[0]), String.valueOf(row.sent[5])))
                    .isTrue();
        }
    }

    @Test
    void theCsvBodyStreamsTheRecordsWithTheirHeader() throws IOException {
        byte[] body;
        try (CsvBody in = new CsvBody(records, 100, 1_100)) {
            body = in.readAllBytes();
        }
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(1_001);
        assertThat(lines[0]).isEqualTo(PopulationRecords.HEADER).startsWith("公民身份号码,姓名,");
        assertThat(lines[0].split(",")).hasSize(20);
        PopulationRecords.Row row = new PopulationRecords.Row();
        records.fill(600, row);
        StringBuilder expected = new StringBuilder();
        PopulationRecords.csv(row, expected);
        assertThat(lines[501]).isEqualTo(expected.toString());
        assertThat(new CsvBody(records, 5, 5).readAllBytes()).hasSize((PopulationRecords.HEADER + "\r\n").getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void fingerprintsTellNullFromEmptyAndNoticeAChangedValue() {
        String[] values = {"a", null, "c"};
        long base = PopulationRecords.fingerprint("k", values, 3);
        assertThat(PopulationRecords.fingerprint("k", new String[] {"a", "", "c"}, 3)).isNotEqualTo(base);
        assertThat(PopulationRecords.fingerprint("k", new String[] {"a", null, "d"}, 3)).isNotEqualTo(base);
        assertThat(PopulationRecords.fingerprint("j", values, 3)).isNotEqualTo(base);
        assertThat(PopulationRecords.fingerprint("k", new String[] {"a", null, "c", "x"}, 3)).isEqualTo(base);
    }

    @Test
    void aPageIsReadRecordByRecordAndItsCountChecked() {
        String page = """
                {"subscription":1,"dataset":"d","items":["a","b"],"after":0,"next":7,"more":false,"count":2,"records":[
                {"position":3,"key":"k1","op":"upsert","data":{"a":"x","b":null},"source":"gaj","batch":1,"at":"t"},
                {"position":7,"key":"k2","op":"delete","data":{"a":"y","b":"z"},"source":"gaj","batch":1,"at":"t"}]}""";
        StringBuilder seen = new StringBuilder();
        HubClient.Page p = HubClient.read(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)),
                (position, key, delete, values, count) -> seen.append(position).append(key).append(delete).append(values[0]).append(values[1])
                        .append(count).append(';'));
        assertThat(p).isEqualTo(new HubClient.Page(0, 7, false, 2));
        assertThat(seen).hasToString("3k1falsexnull2;7k2trueyz2;");
        assertThatThrownBy(() -> HubClient.read(new ByteArrayInputStream(page.replace("\"count\":2", "\"count\":3").getBytes(StandardCharsets.UTF_8)),
                (position, key, delete, values, count) -> {})).hasMessageContaining("said 3 records and held 2");
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
