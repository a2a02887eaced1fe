package org.zhengtong.exchange.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.NewShareRequest;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.ShareRequest;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.OpenType;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.exchange.NewSubscription;
import org.zhengtong.exchange.Subscription;
import org.zhengtong.exchange.Subscriptions;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.OrganizationCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * The demo city's live exchange: 公安局 publishes household registration, 市场监督管理局 enterprise registration,
 * 民政局 marriage and death records, 统计局 indicators. Each has subscribers holding grants, part of the data has
 * been delivered, and some dirty rows sit in quarantine for the data officers to fix. Everything goes through the
 * same facades a department would use, acting as that department's data officer.
 */
@Component
@Order(20)
class DemoExchange implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoExchange.class);

    /** The demo datasets' names, by which tests find them. */
    static final String POPULATION = "海川市户籍人口信息";
    static final String ENTERPRISES = "海川市市场主体登记信息";
    static final String MARRIAGES = "海川市婚姻登记记录";
    static final String DEATHS = "海川市死亡登记信息";
    static final String INDICATORS = "海川市主要经济指标";

    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤".split("");
    private static final String[] GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥玲芬燕彬鹏辉飞波宁欣怡浩然子涵梓萱雨轩思远嘉怡晨阳宇航佳琪".split("");
    private static final String[] DISTRICTS = {"379902", "379903", "379904"};
    private static final String[] DISTRICT_NAMES = {"东湖区", "西江区", "南山区"};

    private final CatalogManagement catalog;
    private final SharingManagement sharing;
    private final ExchangeHub hub;
    private final Subscriptions subscriptions;
    private final AccessPolicy policy;
    private final JdbcClient jdbc;
    private final Environment env;

    DemoExchange(CatalogManagement catalog, SharingManagement sharing, ExchangeHub hub, Subscriptions subscriptions, AccessPolicy policy,
            JdbcClient jdbc, Environment env) {
        this.catalog = catalog;
        this.sharing = sharing;
        this.hub = hub;
        this.subscriptions = subscriptions;
        this.policy = policy;
        this.jdbc = jdbc;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean demo = env.getProperty("zt.demo", Boolean.class, false);
        boolean empty = jdbc.sql("select count(*) from exchange.batch").query(Long.class).single() == 0;
        boolean city = jdbc.sql("select count(*) from catalog.resource").query(Long.class).single() > 0;
        if (demo && empty && city) {
            try {
                load();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    void load() {
        Random random = new Random(4);
        List<String[]> people = people(random, 3000);
        String population = dataset("gaj", "303001001", POPULATION, "公安局户籍管理系统中的户籍人口登记信息，实时更新，是人口基础库的权威来源。",
                ShareType.CONDITIONAL, List.of(
                        item("公民身份号码", DataType.STRING, 18, true, true, true, Standard.ID_NUMBER),
                        item("姓名", DataType.STRING, 50, false, true, true, null),
                        item("性别", DataType.STRING, 1, false, true, false, null),
                        item("民族", DataType.STRING, 20, false, false, false, null),
                        item("出生日期", DataType.DATE, null, false, true, false, Standard.DATE),
                        item("户籍地址", DataType.STRING, 200, false, false, true, null),
                        item("户籍地行政区划代码", DataType.STRING, 6, false, true, false, Standard.DIVISION_CODE),
                        item("人口状态", DataType.STRING, 10, false, true, false, null),
                        item("登记日期", DataType.DATE, null, false, false, false, Standard.DATE)));
        String enterprises = dataset("scjgj", "301001001", ENTERPRISES, "市场主体登记注册系统中的企业登记信息，每日更新。", ShareType.UNCONDITIONAL, List.of(
                item("统一社会信用代码", DataType.STRING, 18, true, true, false, Standard.CREDIT_CODE),
                item("企业名称", DataType.STRING, 200, false, true, false, null),
                item("法定代表人", DataType.STRING, 50, false, true, true, null),
                item("企业类型", DataType.STRING, 50, false, true, false, null),
                item("注册资本", DataType.NUMBER, null, false, false, false, null),
                item("成立日期", DataType.DATE, null, false, true, false, Standard.DATE),
                item("住所", DataType.STRING, 200, false, false, false, null),
                item("所在区县代码", DataType.STRING, 6, false, true, false, Standard.DIVISION_CODE),
                item("登记状态", DataType.STRING, 20, false, true, false, null)));
        String marriages = dataset("mzj", "305001001", MARRIAGES, "婚姻登记管理系统中的结婚和离婚登记信息。", ShareType.CONDITIONAL, List.of(
                item("登记证号", DataType.STRING, 32, true, true, false, null),
                item("登记类型", DataType.STRING, 10, false, true, false, null),
                item("男方公民身份号码", DataType.STRING, 18, false, true, true, Standard.ID_NUMBER),
                item("男方姓名", DataType.STRING, 50, false, true, true, null),
                item("女方公民身份号码", DataType.STRING, 18, false, true, true, Standard.ID_NUMBER),
                item("女方姓名", DataType.STRING, 50, false, true, true, null),
                item("登记日期", DataType.DATE, null, false, true, false, Standard.DATE),
                item("登记机关", DataType.STRING, 100, false, true, false, null)));
        String deaths = dataset("mzj", "305001001", DEATHS, "殡葬管理和死亡医学证明汇集的死亡登记信息，用于户籍注销和待遇停发。", ShareType.CONDITIONAL, List.of(
                item("公民身份号码", DataType.STRING, 18, true, true, true, Standard.ID_NUMBER),
                item("姓名", DataType.STRING, 50, false, true, true, null),
                item("死亡日期", DataType.DATE, null, false, true, false, Standard.DATE),
                item("火化日期", DataType.DATE, null, false, false, false, Standard.DATE),
                item("户籍地行政区划代码", DataType.STRING, 6, false, true, false, Standard.DIVISION_CODE)));
        String indicators = dataset("tjj", "307001001", INDICATORS, "地区生产总值、社会消费品零售总额等主要经济指标，按季度发布。", ShareType.UNCONDITIONAL, List.of(
                item("指标代码", DataType.STRING, 20, true, true, false, null),
                item("指标名称", DataType.STRING, 100, false, true, false, null),
                item("统计期", DataType.STRING, 10, true, true, false, null),
                item("地区代码", DataType.STRING, 6, true, true, false, Standard.DIVISION_CODE),
                item("数值", DataType.NUMBER, null, false, true, false, null),
                item("计量单位", DataType.STRING, 20, false, true, false, null)));

        grant(population, "rsj", List.of("公民身份号码", "姓名", "性别", "出生日期", "户籍地行政区划代码", "人口状态"));
        grant(population, "mzj", List.of("公民身份号码", "姓名", "性别", "出生日期", "户籍地址", "户籍地行政区划代码", "人口状态"));
        grant(population, "jyj", List.of("公民身份号码", "姓名", "出生日期", "户籍地行政区划代码"));
        grant(enterprises, "swj", List.of("统一社会信用代码", "企业名称", "法定代表人", "企业类型", "注册资本", "成立日期", "住所", "所在区县代码", "登记状态"));
        grant(enterprises, "tjj", List.of("统一社会信用代码", "企业名称", "企业类型", "注册资本", "成立日期", "所在区县代码", "登记状态"));
        grant(marriages, "gaj", List.of("登记证号", "登记类型", "男方公民身份号码", "男方姓名", "女方公民身份号码", "女方姓名", "登记日期"));
        grant(deaths, "gaj", List.of("公民身份号码", "姓名", "死亡日期", "户籍地行政区划代码"));
        grant(deaths, "rsj", List.of("公民身份号码", "姓名", "死亡日期"));
        grant(indicators, "fgw", List.of("指标代码", "指标名称", "统计期", "地区代码", "数值", "计量单位"));

        List<Subscription> subs = new ArrayList<>();
        subs.add(subscribe("rsj", population, null, null));
        subs.add(subscribe("mzj", population, null, null));
        subs.add(subscribe("jyj", population, "户籍地行政区划代码", "379902"));
        subs.add(subscribe("swj", enterprises, null, null));
        subs.add(subscribe("tjj", enterprises, null, null));
        subs.add(subscribe("gaj", marriages, null, null));
        subs.add(subscribe("gaj", deaths, null, null));
        subs.add(subscribe("rsj", deaths, null, null));
        subs.add(subscribe("fgw", indicators, null, null));

        publish("gaj", population, populationCsv(people, random), "demo-population-1");
        publish("scjgj", enterprises, enterprisesCsv(random, 800), "demo-enterprises-1");
        publish("mzj", marriages, marriagesCsv(people, random, 300), "demo-marriages-1");
        publish("mzj", deaths, deathsCsv(people, random, 120), "demo-deaths-1");
        publish("tjj", indicators, indicatorsCsv(random), "demo-indicators-1");

        // Most subscribers have caught up; 教育局 and 发改委 are behind, so the dashboard shows lag.
        for (Subscription s : subs) {
            if (s.consumer().equals("jyj") || s.consumer().equals("fgw")) {
                continue;
            }
            as(s.consumer() + ".officer", "DATA_OFFICER", () -> {
                var page = subscriptions.pull(s.id(), null, Subscriptions.MAX_PAGE);
                subscriptions.acknowledge(s.id(), page.next());
                return null;
            });
        }
        log.info("Loaded the demo exchange: 5 datasets, {} subscriptions, {} people.", subs.size(), people.size());
    }

    private String dataset(String provider, String classification, String name, String summary, ShareType share, List<DataItem> items) {
        String code = as(provider + ".officer", "DATA_OFFICER", () -> {
            var draft = new ResourceDraft(classification, name, summary, Format.DATABASE, share,
                    share == ShareType.CONDITIONAL ? "仅限履行法定职责需要，不得转提供第三方。" : null, List.of(ShareWay.TABLE, ShareWay.API), null,
                    OpenType.NONE, null, UpdateCycle.REAL_TIME, LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), List.of(), List.of(name.replace("海川市", "")),
                    "信息主管（" + provider + "）", "0535-6000000", provider + "@haichuan.gov.example", items);
            String c = catalog.draft(draft).code();
            catalog.submit(c);
            return c;
        });
        as("dataadmin", "DATA_ADMIN", () -> catalog.publish(code, "演示数据集"));
        return code;
    }

    private void grant(String dataset, String consumer, List<String> items) {
        ShareRequest request = as(consumer + ".officer", "DATA_OFFICER", () -> sharing.request(new NewShareRequest(dataset,
                "履行法定职责所需的业务协同", "《政务信息资源共享管理暂行办法》第十条", items, consumer + "业务系统", null,
                LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusYears(2))));
        if (request.status() == ShareRequest.Status.PENDING) {
            String provider = hub.dataset(dataset).provider();
            as(provider + ".officer", "DATA_OFFICER", () -> sharing.approve(request.id(), "同意共享"));
        }
    }

    private Subscription subscribe(String consumer, String dataset, @Nullable String filterItem, @Nullable String filterPrefix) {
        return as(consumer + ".officer", "DATA_OFFICER",
                () -> subscriptions.subscribe(new NewSubscription(dataset, null, filterItem, filterPrefix, "PULL", null, null, null, null)));
    }

    private void publish(String provider, String dataset, String csv, String key) {
        as(provider + ".officer", "DATA_OFFICER", () -> hub.publish(dataset, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "text/csv; charset=UTF-8", null, key));
    }

    private <T> T as(String username, String role, Supplier<T> work) {
        var authorities = policy.privilegesOf(List.of(role)).stream().map(SimpleGrantedAuthority::new).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static DataItem item(String name, DataType type, @Nullable Integer length, boolean key, boolean required, boolean personal,
            @Nullable Standard standard) {
        return new DataItem(name, type, length, null, key, required, personal, standard);
    }

    // generated records

    /** People as {id, name, sex, birth date, division}. */
    static List<String[]> people(Random random, int count) {
        List<String[]> people = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String division = DISTRICTS[random.nextInt(DISTRICTS.length)];
            LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(random.nextInt(80 * 365));
            boolean male = random.nextBoolean();
            int seq = 100 + (i % 449) * 2 + (male ? 1 : 0);
            String first17 = division + birth.toString().replace("-", "") + String.format("%03d", seq % 1000);
            String id = first17 + IdCardNumber.checkCharacter(first17);
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)]
                    + (random.nextBoolean() ? GIVEN[random.nextInt(GIVEN.length)] : "");
            people.add(new String[] {id, name, male ? "男" : "女", birth.toString(), division});
        }
        return people.stream().collect(java.util.stream.Collectors.toMap(p -> p[0], p -> p, (a, b) -> a, java.util.LinkedHashMap::new))
                .values().stream().toList();
    }

    private static String populationCsv(List<String[]> people, Random random) {
        StringBuilder csv = new StringBuilder("公民身份号码,姓名,性别,民族,出生日期,户籍地址,户籍地行政区划代码,人口状态,登记日期\n");
        int n = 0;
        for (String[] p : people) {
            n++;
            String id = p[0];
            String birth = p[3];
            String division = p[4];
            String name = p[1];
            // A few rows arrive the way department systems really send them: cleansing fixes these.
            if (n % 97 == 0) {
                division = toFullWidth(division);
            }
            if (n % 89 == 0) {
                birth = birth.replace("-", "/");
            }
            if (n % 83 == 0) {
                name = " " + name + " ";
            }
            // And a few are wrong: these wait in quarantine.
            if (n % 211 == 0) {
                id = id.substring(0, 17) + (id.charAt(17) == '0' ? '1' : '0');
            }
            if (n % 337 == 0) {
                name = "";
            }
            if (n % 401 == 0) {
                division = "379999";
            }
            String district = DISTRICT_NAMES[java.util.Arrays.asList(DISTRICTS).indexOf(p[4])];
            csv.append(id).append(',').append(name).append(',').append(p[2]).append(',').append(random.nextInt(20) == 0 ? "回族" : "汉族")
                    .append(',').append(birth).append(",海川市").append(district).append(1 + random.nextInt(300)).append("号,").append(division)
                    .append(",正常,").append(LocalDate.of(2020, 1, 1).plusDays(random.nextInt(2000))).append('\n');
        }
        return csv.toString();
    }

    private static String enterprisesCsv(Random random, int count) {
        String[] kinds = {"有限责任公司", "股份有限公司", "个人独资企业", "合伙企业", "农民专业合作社"};
        String[] words = {"海川", "东湖", "西江", "南山", "恒通", "瑞丰", "华信", "明德", "新源", "博远", "鑫达", "安泰"};
        String[] trades = {"科技", "贸易", "建设", "食品", "物流", "医药", "文化", "农业"};
        StringBuilder csv = new StringBuilder("统一社会信用代码,企业名称,法定代表人,企业类型,注册资本,成立日期,住所,所在区县代码,登记状态\n");
        for (int i = 1; i <= count; i++) {
            String division = DISTRICTS[random.nextInt(DISTRICTS.length)];
            String org8 = String.format("%08d", 30000000 + random.nextInt(60000000));
            String org = org8 + OrganizationCode.checkCharacter(org8);
            String first17 = "91" + division + org;
            String code = first17 + UnifiedSocialCreditCode.checkCharacter(first17);
            if (i % 150 == 0) {
                code = code.substring(0, 17) + (code.charAt(17) == '1' ? '2' : '1');
            }
            String name = "海川市" + words[random.nextInt(words.length)] + words[random.nextInt(words.length)] + trades[random.nextInt(trades.length)]
                    + kinds[random.nextInt(2)].replace("有限责任公司", "有限公司");
            String founded = LocalDate.of(1995, 1, 1).plusDays(random.nextInt(11000)).toString();
            if (i % 60 == 0) {
                founded = founded.replaceFirst("-0?", "年").replaceFirst("-0?", "月") + "日";
            }
            csv.append(i % 45 == 0 ? code.toLowerCase() : code).append(',').append(name).append(',')
                    .append(SURNAMES[random.nextInt(SURNAMES.length)]).append(GIVEN[random.nextInt(GIVEN.length)]).append(',')
                    .append(kinds[random.nextInt(kinds.length)]).append(',').append(10 * (1 + random.nextInt(500))).append(',').append(founded)
                    .append(",海川市").append(DISTRICT_NAMES[java.util.Arrays.asList(DISTRICTS).indexOf(division)]).append("工业路")
                    .append(1 + random.nextInt(99)).append("号,").append(division).append(',').append(random.nextInt(15) == 0 ? "注销" : "存续")
                    .append('\n');
        }
        return csv.toString();
    }

    private static String marriagesCsv(List<String[]> people, Random random, int count) {
        List<String[]> men = people.stream().filter(p -> p[2].equals("男") && p[3].compareTo("2000") < 0).toList();
        List<String[]> women = people.stream().filter(p -> p[2].equals("女") && p[3].compareTo("2000") < 0).toList();
        StringBuilder csv = new StringBuilder("登记证号,登记类型,男方公民身份号码,男方姓名,女方公民身份号码,女方姓名,登记日期,登记机关\n");
        for (int i = 1; i <= count; i++) {
            String[] m = men.get(random.nextInt(men.size()));
            String[] w = women.get(random.nextInt(women.size()));
            String date = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(1000)).toString();
            if (i % 70 == 0) {
                date = "2025-13-01";
            }
            csv.append("J379900-2026-").append(String.format("%06d", i)).append(',').append(random.nextInt(8) == 0 ? "离婚" : "结婚").append(',')
                    .append(m[0]).append(',').append(m[1]).append(',').append(w[0]).append(',').append(w[1]).append(',').append(date)
                    .append(",海川市民政局婚姻登记处\n");
        }
        return csv.toString();
    }

    private static String deathsCsv(List<String[]> people, Random random, int count) {
        StringBuilder csv = new StringBuilder("公民身份号码,姓名,死亡日期,火化日期,户籍地行政区划代码\n");
        List<String[]> old = people.stream().filter(p -> p[3].compareTo("1960") < 0).toList();
        for (int i = 0; i < count && i < old.size(); i++) {
            String[] p = old.get(i);
            LocalDate died = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(600));
            csv.append(p[0]).append(',').append(p[1]).append(',').append(died).append(',').append(died.plusDays(3)).append(',').append(p[4]).append('\n');
        }
        // The same person reported twice in one batch: the second is quarantined.
        String[] again = old.get(0);
        csv.append(again[0]).append(',').append(again[1]).append(",2025-03-01,,").append(again[4]).append('\n');
        return csv.toString();
    }

    private static String indicatorsCsv(Random random) {
        String[][] indicators = {{"A01", "地区生产总值", "亿元"}, {"A02", "社会消费品零售总额", "亿元"}, {"A03", "固定资产投资增速", "%"},
            {"A04", "城镇居民人均可支配收入", "元"}, {"A05", "规模以上工业增加值增速", "%"}};
        StringBuilder csv = new StringBuilder("指标代码,指标名称,统计期,地区代码,数值,计量单位\n");
        for (String[] ind : indicators) {
            for (String period : List.of("2025Q4", "2026Q1", "2026Q2", "2026Q3")) {
                for (String division : DISTRICTS) {
                    double value = switch (ind[2]) {
                        case "亿元" -> 80 + random.nextInt(400) + random.nextInt(100) / 100.0;
                        case "元" -> 9000 + random.nextInt(4000);
                        default -> 2 + random.nextInt(80) / 10.0;
                    };
                    csv.append(ind[0]).append(',').append(ind[1]).append(',').append(period).append(',').append(division).append(',')
                            .append(value).append(',').append(ind[2]).append('\n');
                }
            }
        }
        csv.append("A01,地区生产总值,2026Q3,379902,约120,亿元\n");
        return csv.toString();
    }

    private static String toFullWidth(String digits) {
        StringBuilder s = new StringBuilder();
        for (char c : digits.toCharArray()) {
            s.append((char) (c + 0xFEE0));
        }
        return s.toString();
    }
}
