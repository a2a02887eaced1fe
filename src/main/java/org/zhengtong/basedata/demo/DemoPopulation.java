package org.zhengtong.basedata.demo;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.zhengtong.shared.IdCardNumber;

/**
 * The demo city's generated population (演示人口): person {@code i} of a seed is always the same person, so the
 * population is never held in memory: it is streamed, or any one person is computed on demand (a benchmark looks
 * up persons it published without keeping them).
 *
 * <p>Every ID number is a valid GB 11643 number: one of the city's district codes, a birth date between 1940 and
 * 2020, a sequence number (odd for men, even for women) and its check character. Index {@code i} is mapped to a
 * (district, birth date, sequence) slot by an affine permutation, so no two persons of a seed share a number, up to
 * {@link #capacity()} persons (about 88 million). The rest follows the person's age: marital status, education
 * (for adults), social insurance (在保, 领取养老金 from sixty, 停保), and for a few old people a date of death.
 */
public final class DemoPopulation {

    /** The day the demo city's ages and statuses are reckoned on. */
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    static final LocalDate FIRST_BIRTH = LocalDate.of(1940, 1, 1);
    static final int BIRTH_DAYS = (int) ChronoUnit.DAYS.between(FIRST_BIRTH, LocalDate.of(2021, 1, 1));
    static final int SEQUENCES = 999;

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String MALE = "伟强磊军洋勇杰涛明超刚平辉鹏飞波斌浩宇轩博文俊峰建国华志国栋振海林东晨阳旭鑫凯";
    private static final String FEMALE = "芳娜秀英敏静丽艳娟霞玲芬燕红梅琳洁婷雪慧颖琪涵萱怡欣悦璐瑶倩雅晶月兰凤";
    private static final String[] ETHNIC_MINORITIES = {"回族", "满族", "蒙古族", "壮族", "朝鲜族", "土家族", "苗族", "彝族", "藏族", "维吾尔族"};
    private static final String MOBILE_PREFIXES = "3456789";

    /** One generated person: the values every department's system would hold about them if none made mistakes. */
    public record Person(long index, String idNumber, String name, String gender, String ethnicity, LocalDate birthDate,
            String householdDivision, String householdAddress, String currentAddress, String maritalStatus, @Nullable String education,
            @Nullable String socialInsurance, @Nullable LocalDate deathDate, @Nullable String phone) {

        public boolean male() {
            return gender.equals("男");
        }

        public boolean alive() {
            return deathDate == null;
        }

        public int age() {
            return Period.between(birthDate, deathDate == null ? TODAY : deathDate).getYears();
        }
    }

    private final long seed;
    private final long multiplier;
    private final long offset;

    public DemoPopulation(long seed) {
        this.seed = seed;
        long capacity = capacity();
        long m = 1_000_000_007L % capacity;
        while (gcd(m, capacity) != 1) {
            m++;
        }
        this.multiplier = m;
        this.offset = Math.floorMod(new SplittableRandom(seed).nextLong(), capacity);
    }

    /** How many distinct persons a seed can generate. */
    public static long capacity() {
        return (long) DemoCityPlaces.DISTRICTS.size() * BIRTH_DAYS * SEQUENCES;
    }

    public long seed() {
        return seed;
    }

    /** Persons {@code [0, count)} in order, generated as they are consumed. */
    public Stream<Person> stream(long count) {
        return stream(0, count);
    }

    /** Persons {@code [from, to)} in order. */
    public Stream<Person> stream(long from, long to) {
        return LongStream.range(from, to).mapToObj(this::person);
    }

    /** Person {@code index}, always the same for this seed. */
    public Person person(long index) {
        if (index < 0 || index >= capacity()) {
            throw new IllegalArgumentException("person " + index + " is outside [0, " + capacity() + ")");
        }
        long slot = Math.floorMod(multiplier * index + offset, capacity());
        int districts = DemoCityPlaces.DISTRICTS.size();
        var district = DemoCityPlaces.DISTRICTS.get((int) (slot % districts));
        long rest = slot / districts;
        int sequence = 1 + (int) (rest % SEQUENCES);
        LocalDate birth = FIRST_BIRTH.plusDays(rest / SEQUENCES);
        String first17 = district.code() + birth.toString().replace("-", "") + String.format("%03d", sequence);
        String id = first17 + IdCardNumber.checkCharacter(first17);
        boolean male = sequence % 2 == 1;

        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + index);
        String name = name(random, male);
        String ethnicity = random.nextInt(100) < 92 ? "汉族" : ETHNIC_MINORITIES[random.nextInt(ETHNIC_MINORITIES.length)];
        int age = Period.between(birth, TODAY).getYears();
        LocalDate death = null;
        if (age >= 60 && random.nextInt(1000) < (age >= 80 ? 60 : 12)) {
            long sinceSixty = ChronoUnit.DAYS.between(birth.plusYears(60), TODAY);
            death = TODAY.minusDays(random.nextInt((int) Math.min(3650, sinceSixty) + 1));
        }
        String household = DemoCityPlaces.address(district, random, true);
        String current = random.nextInt(100) < 85 ? household
                : DemoCityPlaces.address(DemoCityPlaces.DISTRICTS.get(random.nextInt(districts)), random, true);
        String marital = marital(random, age);
        String education = age < 18 ? null : education(random, birth.getYear());
        String insurance = insurance(random, age, death != null);
        String phone = age < 12 ? null : "1" + MOBILE_PREFIXES.charAt(random.nextInt(MOBILE_PREFIXES.length()))
                + String.format("%09d", random.nextInt(1_000_000_000));
        return new Person(index, id, name, male ? "男" : "女", ethnicity, birth, district.code(), household, current, marital, education,
                insurance, death, phone);
    }

    /** A realistic name: common surnames more often, one or two given characters of the person's gender. */
    static String name(SplittableRandom random, boolean male) {
        double skew = random.nextDouble();
        char surname = SURNAMES.charAt((int) (skew * skew * SURNAMES.length()));
        String pool = male ? MALE : FEMALE;
        StringBuilder name = new StringBuilder().append(surname).append(pool.charAt(random.nextInt(pool.length())));
        if (random.nextInt(100) < 75) {
            name.append(pool.charAt(random.nextInt(pool.length())));
        }
        return name.toString();
    }

    private static String marital(SplittableRandom random, int age) {
        int roll = random.nextInt(100);
        if (age < 20) {
            return "未婚";
        }
        if (age < 30) {
            return roll < 58 ? "未婚" : roll < 97 ? "已婚" : "离婚";
        }
        if (age < 60) {
            return roll < 7 ? "未婚" : roll < 88 ? "已婚" : roll < 97 ? "离婚" : "丧偶";
        }
        return roll < 2 ? "未婚" : roll < 76 ? "已婚" : roll < 81 ? "离婚" : "丧偶";
    }

    /** Highest education by birth cohort: younger people studied longer. */
    private static String education(SplittableRandom random, int birthYear) {
        int roll = random.nextInt(100) + (birthYear >= 1985 ? 25 : birthYear >= 1965 ? 10 : 0);
        if (roll < 4) {
            return "未上过学";
        }
        if (roll < 20) {
            return "小学";
        }
        if (roll < 50) {
            return "初中";
        }
        if (roll < 70) {
            return "高中";
        }
        if (roll < 85) {
            return "大学专科";
        }
        return roll < 118 ? "大学本科" : "研究生";
    }

    private static @Nullable String insurance(SplittableRandom random, int age, boolean dead) {
        if (dead) {
            return "停保";
        }
        int roll = random.nextInt(100);
        if (age < 16) {
            return null;
        }
        if (age < 60) {
            return roll < 84 ? "在保" : roll < 95 ? "停保" : null;
        }
        return roll < 88 ? "领取养老金" : roll < 95 ? "停保" : null;
    }

    private static long gcd(long a, long b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
