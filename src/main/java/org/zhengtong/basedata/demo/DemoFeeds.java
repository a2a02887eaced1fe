package org.zhengtong.basedata.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseDataFeeds;
import org.zhengtong.basedata.Feed;
import org.zhengtong.basedata.demo.DemoEnterprises.Enterprise;
import org.zhengtong.basedata.demo.DemoPopulation.Person;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.OpenType;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.ActingPrincipal;

/**
 * The demo city's department feeds (演示部门数据接入): six departments publish what their own systems hold about the
 * generated persons and enterprises through the real exchange, and the base databases take them in as feeds. 公安
 * sends identity, household and phone; 民政 marital status and death; 人社 social insurance with name, gender and
 * birth date; 教育 education; 市场监管 registration; 税务 tax grade and last filing with the taxpayer's name.
 *
 * <p>The departments do not quite agree, as real ones do not: 人社 spells a few names differently and 税务 a few
 * enterprise names (conflicts for the data steward); 人社 still pays a pension to some persons 民政 has recorded as
 * dead, and 税务 still receives filings from some enterprises 市场监管 has cancelled (the cross-source comparisons,
 * 比对); and 人社 and 税务 send a few records with a wrong check character or a gender or birth date the ID number
 * contradicts. Their key items carry no validating standard in the catalog, so the exchange passes such records on
 * and the base databases reject them, with the reason, where the data quality page counts them. Which subjects
 * carry which mistake is a fixed rule of the subject's index ({@link #pensionAfterDeath}, ...), so tests know them.
 *
 * <p>公安 and 市场监管 publish first and are merged before the others publish, so a name spelt otherwise meets the
 * authority's value already there (a conflict) rather than filling an empty field.
 *
 * <p>Sizes are {@code zt.basedata.demo.persons} (100,000) and {@code zt.basedata.demo.enterprises} (20,000); 0
 * leaves them out. Records are generated while the exchange reads them, in batches of
 * {@code zt.basedata.demo.batch-size}, so nothing is held in memory; this runs in the background after start-up
 * ({@code zt.basedata.demo.background}), so the platform is ready at once and the bases fill while one looks.
 * Every step can run again: resources and feeds are found again, batches carry idempotency keys the exchange answers
 * from its records, so a platform stopped half-way finishes at its next start.
 */
@Component
@Order(30)
class DemoFeeds implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoFeeds.class);

    static final long SEED = 2026;
    static final java.time.ZoneId CHINA = java.time.ZoneId.of("Asia/Shanghai");
    static final String PERSONS_GAJ = "海川市人口基本信息";
    static final String PERSONS_MZJ = "海川市婚姻和死亡状况信息";
    static final String PERSONS_RSJ = "海川市社会保险参保信息";
    static final String PERSONS_JYJ = "海川市居民学历信息";
    static final String ENTERPRISES_SCJGJ = "海川市市场主体基本信息";
    static final String ENTERPRISES_SWJ = "海川市纳税人信用和申报信息";

    /** What one department's dataset looks like and which field each item feeds. */
    record Spec(String department, String classification, String name, String summary, Base base, List<DataItem> items,
            Map<String, String> mapping) {}

    private final CatalogManagement catalog;
    private final SharingManagement sharing;
    private final ExchangeHub hub;
    private final BaseDataFeeds feeds;
    private final DirectoryManagement directory;
    private final Environment env;
    private final DemoPopulation population = new DemoPopulation(SEED);
    private final DemoEnterprises enterprises = new DemoEnterprises(SEED);

    DemoFeeds(CatalogManagement catalog, SharingManagement sharing, ExchangeHub hub, BaseDataFeeds feeds, DirectoryManagement directory,
            Environment env) {
        this.catalog = catalog;
        this.sharing = sharing;
        this.hub = hub;
        this.feeds = feeds;
        this.directory = directory;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        long persons = env.getProperty("zt.basedata.demo.persons", Long.class, 100_000L);
        long firms = env.getProperty("zt.basedata.demo.enterprises", Long.class, 20_000L);
        if (!env.getProperty("zt.demo", Boolean.class, false) || (persons <= 0 && firms <= 0) || !cityReady()) {
            return;
        }
        if (env.getProperty("zt.basedata.demo.background", Boolean.class, true)) {
            Thread.ofPlatform().daemon().name("basedata-demo").start(() -> {
                try {
                    load(persons, firms);
                } catch (RuntimeException e) {
                    log.warn("The base data demo feeds stopped: {}", e.toString());
                }
            });
        } else {
            load(persons, firms);
        }
    }

    private boolean cityReady() {
        return directory.findOrgUnit(feeds.bureau()).isPresent()
                && List.of("gaj", "mzj", "rsj", "jyj", "scjgj", "swj").stream().allMatch(d -> directory.findOrgUnit(d).isPresent());
    }

    /**
     * Registers the six datasets and their feeds, publishes persons {@code [0, persons)} and enterprises
     * {@code [0, firms)} through the exchange, and merges them into the bases.
     */
    BaseDataFeeds.CatchUp load(long persons, long firms) {
        long started = System.nanoTime();
        Map<String, Feed> registered = new LinkedHashMap<>();
        for (Spec spec : specs()) {
            if ((spec.base() == Base.PERSON ? persons : firms) > 0) {
                registered.put(spec.department(), feed(spec));
            }
        }
        int batch = Math.max(100, env.getProperty("zt.basedata.demo.batch-size", Integer.class, 10_000));
        // The registration authorities (公安, 市场监管) first, merged whole before the others publish: a name 人社 or
        // 税务 spells otherwise only conflicts with a name already there, so the feeds clock must not take a later
        // department's records ahead of the authority's.
        long pages = 0;
        long records = 0;
        List<Long> failed = new ArrayList<>();
        for (boolean authorities : new boolean[] {true, false}) {
            for (Spec spec : specs()) {
                Feed feed = registered.get(spec.department());
                if (feed != null && REGISTRARS.contains(spec.department()) == authorities) {
                    publish(spec, feed, spec.base() == Base.PERSON ? persons : firms, batch);
                }
            }
            BaseDataFeeds.CatchUp merged = feeds.catchUp();
            pages += merged.pages();
            records += merged.records();
            failed.addAll(merged.failedFeeds());
            log.info("Base data demo: merged {} records in {} pages into the population and legal-person databases ({} s so far).",
                    merged.records(), merged.pages(), (System.nanoTime() - started) / 1_000_000_000);
        }
        return new BaseDataFeeds.CatchUp((int) pages, records, failed);
    }

    /** The departments whose datasets are published and merged first. */
    static final java.util.Set<String> REGISTRARS = java.util.Set.of("gaj", "scjgj");

    private void publish(Spec spec, Feed feed, long count, int batch) {
        List<String> header = List.copyOf(spec.mapping().keySet());
        LongFunction<List<String[]>> rows = rows(spec.department());
        for (long from = 0; from < count; from += batch) {
            long to = Math.min(count, from + batch);
            BatchResult result = publish(spec.department(), feed.dataset(), new DemoCsv(header, from, to, rows),
                    "demo-basedata-%s-%d-%d".formatted(spec.department(), from, to));
            log.info("Base data demo: {} published {} of {} {} ({} accepted, {} quarantined{}).", spec.department(), to, count,
                    spec.base() == Base.PERSON ? "persons" : "enterprises", result.accepted(), result.quarantined(),
                    result.replayed() ? ", published before" : "");
        }
    }

    /** The dataset (registered once), the bureau's grant on the mapped items, and the feed. */
    private Feed feed(Spec spec) {
        String code = catalog.registerPlatformResource(spec.department(), draft(spec)).code();
        List<String> items = List.copyOf(spec.mapping().keySet());
        if (!sharing.isGranted(feeds.bureau(), code, items)) {
            LocalDate today = LocalDate.now(CHINA);
            sharing.grantByPlatform(code, feeds.bureau(), items, today, today.plusYears(3), "演示城市基础库数据接入 demo city base data feeds");
        }
        return feeds.register(spec.base(), code, spec.mapping());
    }

    private static ResourceDraft draft(Spec spec) {
        return new ResourceDraft(spec.classification(), spec.name(), spec.summary(), Format.DATABASE, ShareType.CONDITIONAL,
                "仅限履行法定职责需要，不得转提供第三方。", List.of(ShareWay.TABLE, ShareWay.API), null, OpenType.NONE, null, UpdateCycle.DAILY,
                LocalDate.now(CHINA), List.of(), List.of(spec.name().replace("海川市", ""), "基础库"),
                "信息主管（" + spec.department() + "）", "0535-6000000", spec.department() + "@haichuan.gov.example", spec.items());
    }

    private BatchResult publish(String department, String dataset, DemoCsv body, String key) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new DepartmentSystem(department + "-system", department),
                null, List.of()));
        var before = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(context);
        try {
            return hub.publish(dataset, body, "text/csv; charset=UTF-8", null, key);
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** A department's own system publishing its dataset, as its client would over the API. */
    private record DepartmentSystem(String username, String orgUnitCode) implements ActingPrincipal {

        @Override
        public String displayName() {
            return username;
        }
    }

    // the datasets

    static List<Spec> specs() {
        return List.of(
                new Spec("gaj", "303001001", PERSONS_GAJ, "公安局人口管理信息系统中的户籍和实有人口基本信息，是人口基础库身份和户籍字段的权威来源。", Base.PERSON,
                        List.of(item("公民身份号码", 18, true, true, Standard.ID_NUMBER), item("姓名", 50, false, true, null),
                                item("性别", 2, false, false, null), item("民族", 20, false, false, null), date("出生日期"),
                                item("户籍地址", 200, false, true, null), item("户籍地行政区划代码", 6, false, false, Standard.DIVISION_CODE),
                                item("现住址", 200, false, true, null), item("联系电话", 20, false, false, null)),
                        mapping("公民身份号码", "id_number", "姓名", "name", "性别", "gender", "民族", "ethnicity", "出生日期", "birth_date", "户籍地址",
                                "household_address", "户籍地行政区划代码", "household_division", "现住址", "current_address", "联系电话", "phone")),
                new Spec("mzj", "305001001", PERSONS_MZJ, "婚姻登记和殡葬管理汇集的婚姻状况和死亡信息。", Base.PERSON,
                        List.of(item("公民身份号码", 18, true, true, Standard.ID_NUMBER), item("婚姻状况", 10, false, false, null), date("死亡日期")),
                        mapping("公民身份号码", "id_number", "婚姻状况", "marital_status", "死亡日期", "death_date")),
                // No ID_NUMBER standard on the key: 人社's records with a wrong check character reach the merge and are rejected there.
                new Spec("rsj", "304001001", PERSONS_RSJ, "社会保险经办系统中的参保人员及参保状态信息。", Base.PERSON,
                        List.of(item("公民身份号码", 18, true, true, null), item("姓名", 50, false, true, null), item("性别", 2, false, false, null),
                                date("出生日期"), item("参保状态", 20, false, false, null)),
                        mapping("公民身份号码", "id_number", "姓名", "name", "性别", "gender", "出生日期", "birth_date", "参保状态", "social_insurance")),
                new Spec("jyj", "312001001", PERSONS_JYJ, "学籍和学历学位管理汇集的居民最高学历信息。", Base.PERSON,
                        List.of(item("公民身份号码", 18, true, true, Standard.ID_NUMBER), item("最高学历", 20, false, false, null)),
                        mapping("公民身份号码", "id_number", "最高学历", "education")),
                new Spec("scjgj", "301001001", ENTERPRISES_SCJGJ, "市场主体登记注册系统中的市场主体基本信息，是法人基础库登记字段的权威来源。", Base.LEGAL_PERSON,
                        List.of(item("统一社会信用代码", 18, true, true, Standard.CREDIT_CODE), item("名称", 200, false, true, null),
                                item("类型", 50, false, false, null), item("法定代表人", 50, false, false, null),
                                new DataItem("注册资本", DataType.NUMBER, null, "万元", false, false, false, null), date("成立日期"),
                                item("住所", 200, false, false, null), item("所在区县代码", 6, false, false, Standard.DIVISION_CODE),
                                item("经营范围", 500, false, false, null), item("登记状态", 10, false, false, null), date("状态变更日期"),
                                item("行业代码", 5, false, false, null)),
                        mapping("统一社会信用代码", "credit_code", "名称", "name", "类型", "type", "法定代表人", "legal_representative", "注册资本",
                                "registered_capital", "成立日期", "established", "住所", "address", "所在区县代码", "division", "经营范围",
                                "business_scope", "登记状态", "status", "状态变更日期", "status_date", "行业代码", "industry")),
                // No CREDIT_CODE standard on the key, for the same reason as 人社's.
                new Spec("swj", "302001001", ENTERPRISES_SWJ, "税收征管系统中的纳税人名称、纳税信用等级和最近一次申报日期。", Base.LEGAL_PERSON,
                        List.of(item("统一社会信用代码", 18, true, true, null), item("纳税人名称", 200, false, true, null),
                                item("纳税信用等级", 2, false, false, null), date("最近申报日期")),
                        mapping("统一社会信用代码", "credit_code", "纳税人名称", "name", "纳税信用等级", "tax_grade", "最近申报日期", "last_tax_filing")));
    }

    private static DataItem item(String name, int length, boolean key, boolean required, @Nullable Standard standard) {
        return new DataItem(name, DataType.STRING, length, null, key, required, name.contains("身份号码") || name.contains("地址") || name.contains("住址")
                || name.contains("电话"), standard);
    }

    private static DataItem date(String name) {
        return new DataItem(name, DataType.DATE, null, null, false, false, false, Standard.DATE);
    }

    private static Map<String, String> mapping(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    // the records, and the mistakes injected into them

    private LongFunction<List<String[]>> rows(String department) {
        return switch (department) {
            case "gaj" -> i -> List.<String[]>of(gaj(population.person(i)));
            case "mzj" -> i -> List.<String[]>of(mzj(population.person(i)));
            case "rsj" -> i -> rsj(population.person(i));
            case "jyj" -> i -> jyj(population.person(i));
            case "scjgj" -> i -> List.<String[]>of(scjgj(enterprises.enterprise(i)));
            case "swj" -> i -> swj(enterprises.enterprise(i));
            default -> throw new IllegalArgumentException(department);
        };
    }

    private static String[] gaj(Person p) {
        return new String[] {p.idNumber(), p.name(), p.gender(), p.ethnicity(), p.birthDate().toString(), p.householdAddress(),
            p.householdDivision(), p.currentAddress(), p.phone()};
    }

    private static String[] mzj(Person p) {
        return new String[] {p.idNumber(), p.maritalStatus(), p.deathDate() == null ? null : p.deathDate().toString()};
    }

    /** What 人社 holds: insured persons, a few names spelt otherwise, pensions paid after death, and a few bad records. */
    static List<String[]> rsj(Person p) {
        if (p.socialInsurance() == null) {
            return List.of();
        }
        String insurance = pensionAfterDeath(p) ? "领取养老金" : p.socialInsurance();
        String name = otherName(p) ? rsjName(p) : p.name();
        String gender = p.gender();
        String birth = p.birthDate().toString();
        Mistake mistake = mistake(p);
        if (mistake == Mistake.GENDER) {
            gender = p.male() ? "女" : "男";
        } else if (mistake == Mistake.BIRTH_DATE) {
            birth = p.birthDate().plusDays(1).toString();
        }
        List<String[]> rows = new ArrayList<>(2);
        rows.add(new String[] {p.idNumber(), name, gender, birth, insurance});
        if (mistake == Mistake.CHECK_CHARACTER) {
            rows.add(new String[] {wrongCheck(p.idNumber(), "0123456789X"), name, gender, birth, insurance});
        }
        return rows;
    }

    private static List<String[]> jyj(Person p) {
        return p.education() == null ? List.of() : List.<String[]>of(new String[] {p.idNumber(), p.education()});
    }

    private static String[] scjgj(Enterprise e) {
        return new String[] {e.creditCode(), e.name(), e.type(), e.legalRepresentative(), e.registeredCapital().toPlainString(),
            e.established().toString(), e.address(), e.division(), e.businessScope(), e.status(), e.active() ? null : e.statusDate().toString(),
            e.industry()};
    }

    /** What 税务 holds: taxpayers' names (a few otherwise), grades, last filings (some after cancellation), a few bad codes. */
    static List<String[]> swj(Enterprise e) {
        String name = otherTaxpayerName(e) ? swjName(e) : e.name();
        LocalDate filing = lastTaxFiling(e);
        String[] row = {e.creditCode(), name, e.taxGrade(), filing == null ? null : filing.toString()};
        if (!badCreditCode(e)) {
            return List.<String[]>of(row);
        }
        return List.of(row, new String[] {wrongCheck(e.creditCode(), "0123456789ABCDEFGHJKLMNPQRTUWXY"), name, e.taxGrade(), row[3]});
    }

    /** The kinds of bad record 人社 sends: a wrong check character (beside the right record), a gender or birth date the number contradicts. */
    enum Mistake { NONE, CHECK_CHARACTER, GENDER, BIRTH_DATE }

    /** 人社 still pays a pension to every other person 民政 records as dead (by index). */
    static boolean pensionAfterDeath(Person p) {
        return !p.alive() && p.index() % 2 == 0;
    }

    /** 人社 spells the name of one living insured person in 97 otherwise than 公安. */
    static boolean otherName(Person p) {
        return p.alive() && p.index() % 97 == 5;
    }

    static Mistake mistake(Person p) {
        if (!p.alive() || otherName(p)) {
            return Mistake.NONE;
        }
        return switch ((int) (p.index() % 499)) {
            case 17 -> Mistake.CHECK_CHARACTER;
            case 33 -> Mistake.GENDER;
            case 51 -> Mistake.BIRTH_DATE;
            default -> Mistake.NONE;
        };
    }

    static String rsjName(Person p) {
        char last = p.name().charAt(p.name().length() - 1);
        return p.name().substring(0, p.name().length() - 1) + (last == '玮' ? '伟' : '玮');
    }

    /** 税务 still receives filings from every third enterprise 市场监管 has cancelled, a month after cancellation. */
    static boolean filingAfterCancellation(Enterprise e) {
        return e.status().equals("注销") && e.index() % 3 == 0;
    }

    static @Nullable LocalDate lastTaxFiling(Enterprise e) {
        if (!filingAfterCancellation(e)) {
            return e.lastTaxFiling();
        }
        LocalDate filing = e.statusDate().plusDays(30);
        return filing.isAfter(DemoPopulation.TODAY) ? DemoPopulation.TODAY : filing;
    }

    /** 税务 registers one taxpayer in 41 under a name otherwise than 市场监管. */
    static boolean otherTaxpayerName(Enterprise e) {
        return e.index() % 41 == 3;
    }

    static String swjName(Enterprise e) {
        return e.name().replaceFirst("^海川市", "海川");
    }

    /** 税务 sends one record in 199 a second time with a wrong check character. */
    static boolean badCreditCode(Enterprise e) {
        return e.index() % 199 == 7;
    }

    private static String wrongCheck(String code, String alphabet) {
        char check = code.charAt(code.length() - 1);
        char other = alphabet.charAt((alphabet.indexOf(check) + 1) % alphabet.length());
        return code.substring(0, code.length() - 1) + other;
    }
}
