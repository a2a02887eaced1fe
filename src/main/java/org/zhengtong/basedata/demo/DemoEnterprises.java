package org.zhengtong.basedata.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.zhengtong.shared.OrganizationCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * The demo city's generated market entities (演示市场主体): enterprise {@code i} of a seed is always the same, so they
 * are streamed, never listed.
 *
 * <p>Every credit code is a valid GB 32100 code: registration authority 9 (工商) with the organisation type of the
 * entity's kind (1 企业, 2 个体工商户, 3 农民专业合作社), a district code of the city, a nine-character GB 11714
 * organisation code with its own check character, and the code's check character. Organisation codes come from an
 * affine permutation of eight digits, so no two entities of a seed share one. Industries are GB/T 4754-2017 classes;
 * status is 存续, 吊销 or 注销 with the date it changed; the tax credit grade is A, B, M, C or D, and the last tax
 * filing is recent for a live entity and before the end of a closed one.
 */
public final class DemoEnterprises {

    /** One generated entity: what the registration and tax systems would hold if neither made mistakes. */
    public record Enterprise(long index, String creditCode, String name, String type, String legalRepresentative, BigDecimal registeredCapital,
            LocalDate established, String address, String division, String businessScope, String status, LocalDate statusDate, String industry,
            String taxGrade, @Nullable LocalDate lastTaxFiling) {

        public boolean active() {
            return status.equals("存续");
        }
    }

    /** A GB/T 4754-2017 class, the words a name in it uses, and a business scope. */
    record Industry(String code, String trade, String scope) {}

    static final List<Industry> INDUSTRIES = List.of(
            new Industry("A0141", "农业", "蔬菜种植；食用菌种植；农产品初加工；农业技术推广服务"),
            new Industry("C1411", "食品", "糕点、面包制造；食品销售；食品互联网销售"),
            new Industry("C2710", "医药", "化学药品原料药制造；药品生产；医药技术研发"),
            new Industry("E4710", "建设", "住宅房屋建筑；建设工程施工；建筑劳务分包"),
            new Industry("F5212", "商贸", "超级市场零售；日用百货销售；食品销售"),
            new Industry("F5261", "汽车销售", "汽车新车零售；汽车零配件零售；二手车经纪"),
            new Industry("G5431", "物流", "普通货物道路运输；仓储服务；国内货物运输代理"),
            new Industry("H6110", "酒店", "住宿服务；会议及展览服务；停车场服务"),
            new Industry("H6210", "餐饮", "餐饮服务；食品销售；外卖递送服务"),
            new Industry("I6513", "科技", "应用软件开发；信息技术咨询服务；信息系统集成服务；数据处理服务"),
            new Industry("K7010", "置业", "房地产开发经营；物业管理；住房租赁"),
            new Industry("O8010", "家政", "家政服务；养老服务；洗染服务"),
            new Industry("P8391", "培训", "职业技能培训；教育咨询服务"),
            new Industry("Q8411", "医院", "医疗服务；健康咨询服务"));

    /** Kind, its organisation type character in the credit code, and its share of entities in percent. */
    private record Kind(String type, char organizationType, int percent, String suffix) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("有限责任公司", '1', 62, "有限公司"),
            new Kind("股份有限公司", '1', 5, "股份有限公司"),
            new Kind("个人独资企业", '1', 6, "经营部"),
            new Kind("合伙企业", '1', 3, "合伙企业（有限合伙）"),
            new Kind("个体工商户", '2', 21, "商行"),
            new Kind("农民专业合作社", '3', 3, "专业合作社"));

    private static final String WORDS = "恒通瑞丰华信明德新源博远鑫达安泰德润嘉禾盛世宏图天成永昌众诚金海银河凯旋中和聚福福瑞祥云";
    private static final String[] GRADES = {"A", "B", "M", "C", "D"};
    private static final int[] GRADE_PERCENT = {20, 45, 25, 7, 3};
    static final long ORGANIZATION_CODES = 100_000_000L;

    private final long seed;
    private final long multiplier;
    private final long offset;

    public DemoEnterprises(long seed) {
        this.seed = seed;
        this.multiplier = 48_271L * 7 + 2; // odd and not a multiple of 5: coprime to 10^8
        this.offset = Math.floorMod(new SplittableRandom(seed ^ 0x5DEECE66DL).nextLong(), ORGANIZATION_CODES);
    }

    public Stream<Enterprise> stream(long count) {
        return LongStream.range(0, count).mapToObj(this::enterprise);
    }

    /** Entity {@code index}, always the same for this seed. */
    public Enterprise enterprise(long index) {
        if (index < 0 || index >= ORGANIZATION_CODES) {
            throw new IllegalArgumentException("enterprise " + index + " is outside [0, " + ORGANIZATION_CODES + ")");
        }
        SplittableRandom random = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + index);
        Kind kind = kind(random);
        var district = DemoCityPlaces.DISTRICTS.get(random.nextInt(DemoCityPlaces.DISTRICTS.size()));
        String first8 = String.format("%08d", Math.floorMod(multiplier * index + offset, ORGANIZATION_CODES));
        String organization = first8 + OrganizationCode.checkCharacter(first8);
        String first17 = "9" + kind.organizationType() + district.code() + organization;
        String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);

        Industry industry = INDUSTRIES.get(random.nextInt(INDUSTRIES.size()));
        if (kind.type().equals("农民专业合作社")) {
            industry = INDUSTRIES.getFirst();
        }
        String brand = "" + WORDS.charAt(random.nextInt(WORDS.length())) + WORDS.charAt(random.nextInt(WORDS.length()));
        String name = kind.organizationType() == '2' ? DemoCityPlaces.CITY + district.name() + brand + industry.trade() + kind.suffix()
                : DemoCityPlaces.CITY + brand + industry.trade() + kind.suffix();
        String representative = DemoPopulation.name(random, random.nextInt(100) < 70);
        BigDecimal capital = switch (kind.organizationType()) {
            case '2' -> BigDecimal.valueOf(1 + random.nextInt(50));
            case '3' -> BigDecimal.valueOf(10 + random.nextInt(200));
            default -> BigDecimal.valueOf(10L * (1 + random.nextInt(random.nextInt(10) == 0 ? 10_000 : 500)));
        };
        LocalDate established = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(11_000));
        int roll = random.nextInt(100);
        String status = roll < 85 ? "存续" : roll < 95 ? "注销" : "吊销";
        LocalDate statusDate = established;
        LocalDate filing;
        if (status.equals("存续")) {
            filing = DemoPopulation.TODAY.withDayOfMonth(15).minusMonths(random.nextInt(3));
        } else {
            long open = DemoPopulation.TODAY.toEpochDay() - established.toEpochDay();
            statusDate = established.plusDays(30 + random.nextLong(Math.max(31, open - 30)));
            if (statusDate.isAfter(DemoPopulation.TODAY)) {
                statusDate = DemoPopulation.TODAY.minusDays(1);
            }
            filing = statusDate.minusDays(random.nextInt(90));
        }
        if (filing.isBefore(established)) {
            filing = null;
        }
        String grade = grade(random, status);
        return new Enterprise(index, code, name, kind.type(), representative, capital, established,
                DemoCityPlaces.address(district, random, false), district.code(), industry.scope(), status, statusDate, industry.code(), grade,
                filing);
    }

    private static Kind kind(SplittableRandom random) {
        int roll = random.nextInt(100);
        for (Kind k : KINDS) {
            roll -= k.percent();
            if (roll < 0) {
                return k;
            }
        }
        return KINDS.getFirst();
    }

    private static String grade(SplittableRandom random, String status) {
        if (status.equals("吊销")) {
            return "D";
        }
        int roll = random.nextInt(100);
        for (int i = 0; i < GRADES.length; i++) {
            roll -= GRADE_PERCENT[i];
            if (roll < 0) {
                return GRADES[i];
            }
        }
        return "B";
    }
}
