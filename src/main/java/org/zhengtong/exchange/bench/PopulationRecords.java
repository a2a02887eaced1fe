package org.zhengtong.exchange.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.shared.IdCardNumber;

/**
 * A population register (人口基础信息) of twenty data items, generated record by record from a seed: record {@code i}
 * is always the same, so a benchmark can send, copy and check a million of them without holding them in memory.
 *
 * <p>Every citizen ID number is unique and carries its real check character. About 3% of the records arrive the
 * way department systems really send them (slashed or compact dates, full-width digits, stray blanks, a lower-case
 * check {@code x}): cleansing corrects them and accepts them. About 1% are wrong (a bad check character, a date that
 * does not exist, a required item left blank): those must end in quarantine. {@link #expected} is what the store
 * must hold for a record that is accepted.
 */
public final class PopulationRecords {

    /** The twenty data items, in catalog order; the ID number is the key. */
    public static final List<DataItem> ITEMS = List.of(
            item("公民身份号码", DataType.STRING, 18, true, true, true, Standard.ID_NUMBER),
            item("姓名", DataType.STRING, 50, false, true, true, null),
            item("曾用名", DataType.STRING, 50, false, false, true, null),
            item("性别", DataType.STRING, 1, false, true, false, null),
            item("民族", DataType.STRING, 20, false, true, false, null),
            item("出生日期", DataType.DATE, null, false, true, true, Standard.DATE),
            item("出生地行政区划代码", DataType.STRING, 6, false, false, false, Standard.DIVISION_CODE),
            item("籍贯", DataType.STRING, 50, false, false, false, null),
            item("户籍地行政区划代码", DataType.STRING, 6, false, true, false, Standard.DIVISION_CODE),
            item("户籍地址", DataType.STRING, 200, false, true, true, null),
            item("现住址", DataType.STRING, 200, false, false, true, null),
            item("户号", DataType.STRING, 20, false, true, false, null),
            item("与户主关系", DataType.STRING, 20, false, false, false, null),
            item("文化程度", DataType.STRING, 20, false, false, false, null),
            item("婚姻状况", DataType.STRING, 10, false, false, true, null),
            item("兵役状况", DataType.STRING, 10, false, false, false, null),
            item("职业", DataType.STRING, 50, false, false, false, null),
            item("联系电话", DataType.STRING, 20, false, false, true, null),
            item("人口状态", DataType.STRING, 10, false, true, false, null),
            item("登记日期", DataType.DATE, null, false, true, false, Standard.DATE));

    public static final int FIELDS = 20;

    public static final String HEADER = String.join(",", ITEMS.stream().map(DataItem::name).toList());

    private static final int DAYS = 29_200;

    /** How many unique ID numbers there are to number records with (49 sequence blocks × 29,200 birth days). */
    public static final long CAPACITY = 49L * DAYS;

    private static final LocalDate FIRST_BIRTH = LocalDate.of(1940, 1, 1);
    private static final LocalDate FIRST_REGISTRATION = LocalDate.of(1990, 1, 1);

    private static final String[] HOUSEHOLD_DIVISIONS = {"379902", "379903", "379904"};
    private static final String[] DISTRICT_NAMES = {"东湖区", "西江区", "南山区"};
    private static final String[] BIRTH_DIVISIONS = {"370102", "370103", "370202", "370602", "110101", "110105", "320102", "440106"};
    private static final String[] NATIVE_PLACES = {"山东省济南市", "山东省青岛市", "山东省烟台市", "北京市", "江苏省南京市", "广东省广州市", "河北省石家庄市"};
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
    private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华玉萍红娥玲芬燕彬鹏辉飞波宁欣怡浩然子涵梓萱雨轩思远嘉琪晨阳宇航佳".split("");
    private static final String[] ETHNIC_GROUPS = {"回族", "满族", "蒙古族", "朝鲜族", "壮族", "土家族"};
    private static final String[] STREETS = {"海滨路", "人民路", "建设街", "新华路", "文化路", "解放路", "胜利街", "中山路", "长江路", "青年路"};
    private static final String[] RELATIONS = {"户主", "配偶", "子", "女", "父亲", "母亲", "孙子", "孙女"};
    private static final String[] EDUCATION = {"小学", "初中", "高中", "中等专科", "大学专科", "大学本科", "硕士研究生", "博士研究生"};
    private static final String[] MARITAL = {"未婚", "已婚", "离婚", "丧偶"};
    private static final String[] SERVICE = {"未服兵役", "退出现役", "服现役"};
    private static final String[] OCCUPATIONS = {"农民", "工人", "教师", "医生", "公务员", "个体经营者", "企业职员", "学生", "退休人员", "自由职业"};
    private static final String[] STATUSES = {"正常", "正常", "正常", "正常", "正常", "正常", "正常", "正常", "死亡", "迁出"};

    private final long seed;
    private final int dirtyPerMille;
    private final int correctedPerMille;

    /** One record, as sent and as the store must hold it; reused from record to record. */
    public static final class Row {
        /** The values as the provider sends them; {@code null} for an empty field. */
        public final @Nullable String[] sent = new String[FIELDS];
        /** The values after cleansing, as the hub must store and deliver them. */
        public final @Nullable String[] expected = new String[FIELDS];
        /** Whether the record is wrong and must be quarantined. */
        public boolean dirty;
        /** Whether cleansing has to correct something for the record to be accepted. */
        public boolean corrected;

        public String key() {
            return expected[0];
        }
    }

    public PopulationRecords(long seed, int dirtyPerMille, int correctedPerMille) {
        this.seed = seed;
        this.dirtyPerMille = dirtyPerMille;
        this.correctedPerMille = correctedPerMille;
    }

    /** Fills {@code row} with record {@code i} (0 ≤ i < {@link #CAPACITY}). */
    public void fill(long i, Row row) {
        if (i < 0 || i >= CAPACITY) {
            throw new IllegalArgumentException("record " + i + " is beyond the " + CAPACITY + " unique ID numbers");
        }
        SplittableRandom r = new SplittableRandom(seed ^ (i * 0x9E3779B97F4A7C15L));
        String[] v = row.expected;
        int district = r.nextInt(HOUSEHOLD_DIVISIONS.length);
        String division = HOUSEHOLD_DIVISIONS[district];
        // Unique by construction: the block s and, within it, a permutation of the birth days.
        int block = (int) (i / DAYS);
        int day = (int) ((i % DAYS) * 7919 % DAYS);
        LocalDate birth = FIRST_BIRTH.plusDays(day);
        boolean male = r.nextBoolean();
        int sequence = block * 20 + 2 * r.nextInt(10) + (male ? 1 : 0);
        String first17 = division + compact(birth) + three(sequence);
        String id = first17 + IdCardNumber.checkCharacter(first17);
        String name = SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)] + (r.nextInt(3) > 0 ? GIVEN[r.nextInt(GIVEN.length)] : "");
        String address = "海川市" + DISTRICT_NAMES[district] + STREETS[r.nextInt(STREETS.length)] + (1 + r.nextInt(400)) + "号" + (1 + r.nextInt(6))
                + "单元" + (1 + r.nextInt(18)) + "0" + (1 + r.nextInt(4)) + "室";
        v[0] = id;
        v[1] = name;
        v[2] = r.nextInt(20) == 0 ? SURNAMES[r.nextInt(SURNAMES.length)] + GIVEN[r.nextInt(GIVEN.length)] : null;
        v[3] = male ? "男" : "女";
        v[4] = r.nextInt(10) == 0 ? ETHNIC_GROUPS[r.nextInt(ETHNIC_GROUPS.length)] : "汉族";
        v[5] = birth.toString();
        v[6] = r.nextInt(10) < 7 ? division : BIRTH_DIVISIONS[r.nextInt(BIRTH_DIVISIONS.length)];
        v[7] = NATIVE_PLACES[r.nextInt(NATIVE_PLACES.length)];
        v[8] = division;
        v[9] = address;
        v[10] = r.nextInt(5) == 0 ? "海川市" + DISTRICT_NAMES[r.nextInt(3)] + STREETS[r.nextInt(STREETS.length)] + (1 + r.nextInt(400)) + "号" : address;
        v[11] = division + six(r.nextInt(1_000_000));
        v[12] = RELATIONS[r.nextInt(RELATIONS.length)];
        v[13] = EDUCATION[r.nextInt(EDUCATION.length)];
        v[14] = MARITAL[r.nextInt(MARITAL.length)];
        v[15] = male && r.nextInt(3) == 0 ? SERVICE[r.nextInt(SERVICE.length)] : null;
        v[16] = OCCUPATIONS[r.nextInt(OCCUPATIONS.length)];
        v[17] = "1" + (3 + r.nextInt(7)) + three(r.nextInt(1000)) + six(r.nextInt(1_000_000));
        v[18] = STATUSES[r.nextInt(STATUSES.length)];
        v[19] = FIRST_REGISTRATION.plusDays(r.nextInt(12_000)).toString();
        System.arraycopy(v, 0, row.sent, 0, FIELDS);
        row.dirty = false;
        row.corrected = false;
        int roll = r.nextInt(1000);
        if (roll < dirtyPerMille) {
            row.dirty = true;
            spoil(row, r);
        } else if (roll < dirtyPerMille + correctedPerMille) {
            row.corrected = true;
            roughen(row, r);
        }
    }

    /** Makes the record wrong in one of the ways a provider's data is wrong. */
    private static void spoil(Row row, SplittableRandom r) {
        String[] s = row.sent;
        switch (r.nextInt(3)) {
            case 0 -> {
                char right = s[0].charAt(17);
                char wrong = "0123456789X".charAt(r.nextInt(11));
                s[0] = s[0].substring(0, 17) + (wrong == right ? (right == '0' ? '1' : '0') : wrong);
            }
            case 1 -> s[5] = s[5].substring(0, 4) + (r.nextBoolean() ? "-02-30" : "-13-01");
            default -> s[new int[] {1, 9, 18}[r.nextInt(3)]] = null;
        }
    }

    /** Sends the record the way a department system may: cleansing must put it right. */
    private static void roughen(Row row, SplittableRandom r) {
        String[] s = row.sent;
        switch (r.nextInt(4)) {
            case 0 -> {
                LocalDate birth = LocalDate.parse(s[5]);
                s[5] = birth.getYear() + "/" + birth.getMonthValue() + "/" + birth.getDayOfMonth();
            }
            case 1 -> s[8] = fullWidth(s[8]);
            case 2 -> s[1] = " " + s[1] + "  ";
            default -> s[19] = s[19].replace("-", "");
        }
        if (s[0].endsWith("X") && r.nextBoolean()) {
            s[0] = s[0].substring(0, 17) + "x";
        }
    }

    /** The record as one CSV line (no line break); no value holds a comma, quote or line break. */
    public static void csv(Row row, StringBuilder out) {
        for (int f = 0; f < FIELDS; f++) {
            if (f > 0) {
                out.append(',');
            }
            String value = row.sent[f];
            if (value != null) {
                out.append(value);
            }
        }
    }

    /** The record as one row of PostgreSQL's COPY text format, as sent, with its line feed. */
    public static void copyText(Row row, StringBuilder out) {
        for (int f = 0; f < FIELDS; f++) {
            if (f > 0) {
                out.append('\t');
            }
            String value = row.sent[f];
            out.append(value == null ? "\\N" : value);
        }
        out.append('\n');
    }

    /**
     * A 64-bit fingerprint of a record as delivered: its key and its values in item order ({@code null} told apart
     * from ""). Summing fingerprints compares a million records in any order without keeping them.
     */
    public static long fingerprint(String key, @Nullable String[] values, int count) {
        long h = 0xcbf29ce484222325L;
        h = mix(h, key);
        for (int f = 0; f < count; f++) {
            h = values[f] == null ? (h ^ 0x1F) * 0x100000001b3L : mix(h, values[f]);
        }
        return finish(h);
    }

    static long mix(long h, String s) {
        for (int c = 0; c < s.length(); c++) {
            h = (h ^ s.charAt(c)) * 0x100000001b3L;
        }
        return (h ^ 0x1E) * 0x100000001b3L;
    }

    static long finish(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String compact(LocalDate date) {
        return date.getYear() + two(date.getMonthValue()) + two(date.getDayOfMonth());
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }

    private static String three(int n) {
        return n < 10 ? "00" + n : n < 100 ? "0" + n : Integer.toString(n);
    }

    private static String six(int n) {
        String s = Integer.toString(n);
        return "000000".substring(s.length()) + s;
    }

    private static String fullWidth(String digits) {
        char[] chars = digits.toCharArray();
        for (int c = 0; c < chars.length; c++) {
            chars[c] = (char) (chars[c] + 0xFEE0);
        }
        return new String(chars);
    }

    private static DataItem item(String name, DataType type, @Nullable Integer length, boolean key, boolean required, boolean personal,
            @Nullable Standard standard) {
        return new DataItem(name, type, length, null, key, required, personal, standard);
    }
}
