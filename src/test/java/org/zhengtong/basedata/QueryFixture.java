package org.zhengtong.basedata;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
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
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.IdCardNumber;

/**
 * The unified query's test data, loaded the way real data arrives: 公安局 publishes a household dataset and
 * 市场监管局 an enterprise dataset through the exchange, the big-data bureau is granted them, the base databases'
 * feeds are registered and caught up. Loaded once per application context, whichever test class comes first.
 */
public final class QueryFixture {

    static final String PERSONS = "统一查询测试人口数据";
    static final String ENTERPRISES = "统一查询测试企业数据";

    /** The person every test looks up: a man of 东湖区 born 1985-05-12. */
    public static final String ID = id("379902", LocalDate.of(1985, 5, 12), 31);
    public static final String NAME = "统查甲";
    public static final String PHONE = "13812345678";
    public static final String HOUSEHOLD = "海川市东湖区幸福路8号";
    public static final String CURRENT = "海川市西江区海滨大道100号3单元";

    /** More persons than a search answers, all born in March 1931 in 西江区; only this fixture loads that month. */
    public static final int ELDERS = UnifiedQuery.MAX_RESULTS + 5;
    public static final LocalDate ELDERS_FROM = LocalDate.of(1931, 3, 1);
    public static final LocalDate ELDERS_TO = LocalDate.of(1931, 3, 31);

    /** The enterprise every test looks up. */
    public static final String CREDIT_CODE = new org.zhengtong.basedata.demo.DemoEnterprises(20_260_501).enterprise(0).creditCode();
    public static final String ENTERPRISE = "海川市统查测试科技有限公司";
    public static final String LEGAL_REPRESENTATIVE = "统查乙";

    private static final Object LOCK = new Object();

    private QueryFixture() {}

    /** Loads the data unless this context has it already. */
    public static void load(ApplicationContext context) {
        synchronized (LOCK) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            if (jdbc.sql("select count(*) from basedata.person where id_number = ?").param(ID).query(Long.class).single() > 0) {
                return;
            }
            try {
                new Loader(context).run();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }

    public static String id(String division, LocalDate birth, int sequence) {
        String first17 = division + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    private record Loader(ApplicationContext context) {

        void run() {
            CatalogManagement catalog = context.getBean(CatalogManagement.class);
            SharingManagement sharing = context.getBean(SharingManagement.class);
            ExchangeHub hub = context.getBean(ExchangeHub.class);
            BaseDataFeeds feeds = context.getBean(BaseDataFeeds.class);

            Map<String, String> persons = new LinkedHashMap<>();
            persons.put("公民身份号码", "id_number");
            persons.put("姓名", "name");
            persons.put("性别", "gender");
            persons.put("民族", "ethnicity");
            persons.put("出生日期", "birth_date");
            persons.put("户籍地址", "household_address");
            persons.put("户籍地行政区划代码", "household_division");
            persons.put("现住址", "current_address");
            persons.put("婚姻状况", "marital_status");
            persons.put("学历", "education");
            persons.put("联系电话", "phone");
            Map<String, String> enterprises = new LinkedHashMap<>();
            enterprises.put("统一社会信用代码", "credit_code");
            enterprises.put("企业名称", "name");
            enterprises.put("企业类型", "type");
            enterprises.put("法定代表人", "legal_representative");
            enterprises.put("注册资本", "registered_capital");
            enterprises.put("成立日期", "established");
            enterprises.put("住所", "address");
            enterprises.put("所在区县代码", "division");
            enterprises.put("经营范围", "business_scope");
            enterprises.put("登记状态", "status");
            enterprises.put("行业代码", "industry");

            String personData = dataset(catalog, "gaj", "303001001", PERSONS, persons, "公民身份号码", Standard.ID_NUMBER, "户籍地行政区划代码");
            String enterpriseData = dataset(catalog, "scjgj", "301001001", ENTERPRISES, enterprises, "统一社会信用代码", Standard.CREDIT_CODE,
                    "所在区县代码");
            LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
            as("admin", "PLATFORM_ADMIN", () -> {
                sharing.grantByPlatform(personData, feeds.bureau(), List.copyOf(persons.keySet()), today, today.plusYears(1), "统一查询测试");
                sharing.grantByPlatform(enterpriseData, feeds.bureau(), List.copyOf(enterprises.keySet()), today, today.plusYears(1), "统一查询测试");
                feeds.register(Base.PERSON, personData, persons);
                feeds.register(Base.LEGAL_PERSON, enterpriseData, enterprises);
                return null;
            });

            StringBuilder csv = new StringBuilder(String.join(",", persons.keySet())).append('\n');
            csv.append(String.join(",", ID, NAME, "男", "汉族", "1985-05-12", HOUSEHOLD, "379902", CURRENT, "已婚", "大学本科", PHONE)).append('\n');
            for (int i = 1; i <= ELDERS; i++) {
                LocalDate birth = ELDERS_FROM.plusDays(i % 31);
                String id = id("379903", birth, i);
                csv.append(String.join(",", id, "统查长者" + i, i % 2 == 1 ? "男" : "女", i % 10 == 0 ? "回族" : "汉族", birth.toString(),
                        "海川市西江区长寿路" + i + "号", "379903", "海川市西江区长寿路" + i + "号", "丧偶", "小学", "1390000" + String.format("%04d", i)))
                        .append('\n');
            }
            publish(hub, "gaj", personData, csv.toString(), "query-fixture-persons");

            StringBuilder ecsv = new StringBuilder(String.join(",", enterprises.keySet())).append('\n');
            ecsv.append(String.join(",", CREDIT_CODE, ENTERPRISE, "有限责任公司", LEGAL_REPRESENTATIVE, "500", "2015-06-01", "海川市东湖区创新路1号",
                    "379902", "应用软件开发；信息技术咨询服务", "存续", "I6513")).append('\n');
            var generated = new org.zhengtong.basedata.demo.DemoEnterprises(20_260_501);
            for (int i = 1; i <= 4; i++) {
                var e = generated.enterprise(i);
                ecsv.append(String.join(",", e.creditCode(), e.name(), e.type(), e.legalRepresentative(), e.registeredCapital().toPlainString(),
                        e.established().toString(), e.address(), e.division(), e.businessScope().replace(",", "；"), e.status(), e.industry()))
                        .append('\n');
            }
            publish(hub, "scjgj", enterpriseData, ecsv.toString(), "query-fixture-enterprises");

            BaseDataFeeds.CatchUp caught = feeds.catchUp();
            if (!caught.failedFeeds().isEmpty()) {
                throw new AssertionError("feeds failed: " + caught.failedFeeds() + " " + feeds.feeds());
            }
        }

        private String dataset(CatalogManagement catalog, String provider, String classification, String name, Map<String, String> mapping,
                String key, Standard keyStandard, String division) {
            List<DataItem> items = mapping.keySet().stream().map(i -> new DataItem(i, i.endsWith("日期") ? DataType.DATE
                    : i.equals("注册资本") ? DataType.NUMBER : DataType.STRING, null, null, i.equals(key), i.equals(key), false,
                    i.equals(key) ? keyStandard : i.equals(division) ? Standard.DIVISION_CODE : i.endsWith("日期") ? Standard.DATE : null)).toList();
            String code = as(provider + ".officer", "DATA_OFFICER", () -> {
                var draft = new ResourceDraft(classification, name, "统一查询测试用的数据集。", Format.DATABASE, ShareType.CONDITIONAL,
                        "仅限测试。", List.of(ShareWay.TABLE), null, OpenType.NONE, null, UpdateCycle.REAL_TIME, LocalDate.now(), List.of(),
                        List.of("测试"), "信息主管", "0535-6000000", provider + "@haichuan.gov.example", items);
                String c = catalog.draft(draft).code();
                catalog.submit(c);
                return c;
            });
            as("dataadmin", "DATA_ADMIN", () -> catalog.publish(code, "统一查询测试"));
            return code;
        }

        private void publish(ExchangeHub hub, String provider, String dataset, String csv, String key) {
            as(provider + ".officer", "DATA_OFFICER", () -> hub.publish(dataset, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                    "text/csv; charset=UTF-8", null, key));
        }

        private <T> @Nullable T as(String username, String role, Supplier<@Nullable T> work) {
            var authorities = context.getBean(AccessPolicy.class).privilegesOf(List.of(role)).stream().map(SimpleGrantedAuthority::new).toList();
            var auth = UsernamePasswordAuthenticationToken.authenticated(username, null, authorities);
            var sc = SecurityContextHolder.createEmptyContext();
            sc.setAuthentication(auth);
            SecurityContextHolder.setContext(sc);
            try {
                return work.get();
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
