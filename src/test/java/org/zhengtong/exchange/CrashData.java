package org.zhengtong.exchange;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.zhengtong.shared.IdCardNumber;

/**
 * The batches the crash tests publish to the demo population dataset (its nine items and {@code _op}), generated
 * from a seed, and what the store must hold once all of them are applied in order.
 *
 * <p>Each batch holds new people, changes to people published before, deletions, and records the hub must refuse:
 * a bad check character, a changed record with its name left blank, and a key sent twice in one batch (the first
 * occurrence stands). Some dates come slashed and some names with stray blanks, which cleansing corrects. ID
 * numbers are of 历下区 (370102), which the demo city's own people never are; households are in the demo
 * districts. People of 东湖区 (379902) are never deleted: 教育局 subscribes to them only, through a filter, and a
 * deletion carries no district to filter by.
 */
final class CrashData {

    static final String HEADER = ExchangeFixture.POPULATION_HEADER + ",_op";
    static final List<String> ITEMS = List.of(ExchangeFixture.POPULATION_HEADER.split(","));
    static final String[] DISTRICTS = {"379902", "379903", "379904"};

    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯".split("");
    private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚华玉萍红玲".split("");
    private static final String[] STATUSES = {"正常", "正常", "正常", "迁出", "死亡"};

    /** One batch: its idempotency key, its body, and what the hub must answer for it. */
    record Batch(String key, byte[] body, int received, int accepted, int quarantined) {}

    final List<Batch> batches = new ArrayList<>();
    /** Every live record after the last batch, by key: the nine items as the store must hold them. */
    final Map<String, @Nullable String[]> live = new LinkedHashMap<>();

    private final Random random;
    private final List<String> everAccepted = new ArrayList<>();
    private int people;

    CrashData(long seed, int batchCount, int batchSize) {
        this.random = new Random(seed);
        for (int b = 0; b < batchCount; b++) {
            batches.add(batch("crash-" + seed + "-" + b, batchSize));
        }
    }

    private Batch batch(String key, int size) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        Set<String> used = new HashSet<>();
        List<String> acceptedHere = new ArrayList<>();
        int accepted = 0;
        int quarantined = 0;
        for (int n = 0; n < size; n++) {
            int roll = random.nextInt(1000);
            String existing = roll < 230 ? pickLive(used, roll < 45) : null;
            if (roll < 12 && !acceptedHere.isEmpty()) {
                // The same key again in this batch: refused as a duplicate, whatever it says.
                String again = acceptedHere.get(random.nextInt(acceptedHere.size()));
                line(csv, sent(person(again, live.containsKey(again) ? live.get(again)[6] : DISTRICTS[0], 99), false), null);
                quarantined++;
            } else if (roll < 24) {
                // A new person whose ID number has a wrong check character.
                String[] values = person(newId(), DISTRICTS[random.nextInt(3)], 0);
                char check = values[0].charAt(17);
                values[0] = values[0].substring(0, 17) + (check == '0' ? '1' : '0');
                line(csv, sent(values, false), null);
                quarantined++;
            } else if (roll < 30 && existing != null) {
                // A change to a known person with the name left blank.
                String[] values = person(existing, live.get(existing)[6], 7);
                values[1] = "";
                line(csv, values, null);
                used.add(existing);
                quarantined++;
            } else if (roll < 45 && existing != null) {
                String[] values = new String[ITEMS.size()];
                Arrays.fill(values, "");
                values[0] = existing;
                line(csv, values, "delete");
                live.remove(existing);
                used.add(existing);
                acceptedHere.add(existing);
                accepted++;
            } else if (roll < 230 && existing != null) {
                String[] values = person(existing, live.get(existing)[6], 1 + random.nextInt(1000));
                line(csv, sent(values, true), null);
                live.put(existing, values);
                used.add(existing);
                acceptedHere.add(existing);
                accepted++;
            } else {
                String id = newId();
                String[] values = person(id, DISTRICTS[random.nextInt(3)], 0);
                line(csv, sent(values, true), null);
                live.put(id, values);
                everAccepted.add(id);
                used.add(id);
                acceptedHere.add(id);
                accepted++;
            }
        }
        return new Batch(key, csv.toString().getBytes(StandardCharsets.UTF_8), size, accepted, quarantined);
    }

    /** A live key not yet used in this batch; for a deletion, not of 东湖区. */
    private @Nullable String pickLive(Set<String> used, boolean forDeletion) {
        for (int attempt = 0; attempt < 20 && !everAccepted.isEmpty(); attempt++) {
            String key = everAccepted.get(random.nextInt(everAccepted.size()));
            String[] values = live.get(key);
            if (values != null && !used.contains(key) && !(forDeletion && values[6].equals(DISTRICTS[0]))) {
                return key;
            }
        }
        return null;
    }

    private String newId() {
        int n = people++;
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(n % 20_000);
        int sequence = (n / 20_000) * 2 + random.nextInt(2);
        String first17 = "370102" + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    /** A person's nine items as the store holds them; {@code version} changes the name, address and status. */
    private String[] person(String id, String district, int version) {
        IdCardNumber number = IdCardNumber.parse(id.substring(0, 17) + IdCardNumber.checkCharacter(id.substring(0, 17)));
        String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
        return new String[] {id, name, number.isMale() ? "男" : "女", random.nextInt(8) == 0 ? null : "汉族", number.birthDate().toString(),
            "海川市" + district + "路" + (1 + random.nextInt(300)) + "号" + version + "室", district, STATUSES[random.nextInt(STATUSES.length)],
            random.nextInt(5) == 0 ? null : LocalDate.of(2000, 1, 1).plusDays(random.nextInt(9000)).toString()};
    }

    /** The values as a provider may send them: a slashed date or a name in blanks, which cleansing puts right. */
    private String[] sent(String[] values, boolean roughen) {
        String[] out = values.clone();
        if (roughen && random.nextInt(10) == 0) {
            LocalDate birth = LocalDate.parse(out[4]);
            out[4] = birth.getYear() + "/" + birth.getMonthValue() + "/" + birth.getDayOfMonth();
        }
        if (roughen && random.nextInt(10) == 0) {
            out[1] = " " + out[1] + " ";
        }
        return out;
    }

    private static void line(StringBuilder csv, @Nullable String[] values, @Nullable String op) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                csv.append(',');
            }
            if (values[i] != null) {
                csv.append(values[i]);
            }
        }
        csv.append(',');
        if (op != null) {
            csv.append(op);
        }
        csv.append("\r\n");
    }

    /** What a subscriber with these items and this filter must hold at the end: key → its items' values. */
    Map<String, List<@Nullable String>> expectedFor(List<String> items, @Nullable String filterItem, @Nullable String filterPrefix) {
        int[] positions = items.stream().mapToInt(ITEMS::indexOf).toArray();
        int filter = filterItem == null ? -1 : ITEMS.indexOf(filterItem);
        Map<String, List<@Nullable String>> expected = new LinkedHashMap<>();
        live.forEach((key, values) -> {
            if (filter >= 0 && (values[filter] == null || !values[filter].startsWith(filterPrefix))) {
                return;
            }
            List<@Nullable String> projected = new ArrayList<>();
            for (int p : positions) {
                projected.add(values[p]);
            }
            expected.put(key, projected);
        });
        return expected;
    }
}
