package org.zhengtong.basedata;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
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
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.IdCardNumber;

/**
 * Three small department datasets the merge tests feed the base databases from, as the departments would: a
 * 公安 (gaj) population register, a 人社 (rsj) social insurance list and a 市场监管 (scjgj) register of market
 * entities. Their items carry no data standard, so the exchange passes bad codes through and the base databases'
 * own checks are what is tested. Each is made, granted to the big-data bureau and registered as a feed once per
 * database; tests share them and keep apart by using their own subjects.
 */
final class BaseDataFixture {

    static final String GAJ = "海川市户籍人口（基础库合并测试）";
    static final String RSJ = "海川市社会保险参保信息（基础库合并测试）";
    static final String SCJGJ = "海川市市场主体（基础库合并测试）";

    static final List<String> GAJ_ITEMS = List.of("公民身份号码", "姓名", "性别", "出生日期", "户籍地行政区划代码");
    static final List<String> RSJ_ITEMS = List.of("公民身份号码", "姓名", "社会保险状态");
    static final List<String> SCJGJ_ITEMS = List.of("统一社会信用代码", "企业名称", "所在区县代码");

    private final JdbcClient jdbc;
    private final CatalogManagement catalog;
    private final SharingManagement sharing;
    private final ExchangeHub hub;
    private final PersonAccounts accounts;
    private final BaseDataFeeds feeds;

    BaseDataFixture(JdbcClient jdbc, CatalogManagement catalog, SharingManagement sharing, ExchangeHub hub, PersonAccounts accounts,
            BaseDataFeeds feeds) {
        this.jdbc = jdbc;
        this.catalog = catalog;
        this.sharing = sharing;
        this.hub = hub;
        this.accounts = accounts;
        this.feeds = feeds;
    }

    /** The three feeds, made on first use: gaj and rsj to the population base, scjgj to the legal-person base. */
    synchronized Feeds feeds() {
        String gaj = dataset("gaj", GAJ, GAJ_ITEMS);
        String rsj = dataset("rsj", RSJ, RSJ_ITEMS);
        String scjgj = dataset("scjgj", SCJGJ, SCJGJ_ITEMS);
        Feed g = feeds.register(Base.PERSON, gaj, Map.of("公民身份号码", "id_number", "姓名", "name", "性别", "gender", "出生日期", "birth_date",
                "户籍地行政区划代码", "household_division"));
        Feed r = feeds.register(Base.PERSON, rsj, Map.of("公民身份号码", "id_number", "姓名", "name", "社会保险状态", "social_insurance"));
        Feed s = feeds.register(Base.LEGAL_PERSON, scjgj, Map.of("统一社会信用代码", "credit_code", "企业名称", "name", "所在区县代码", "division"));
        return new Feeds(g, r, s);
    }

    record Feeds(Feed gaj, Feed rsj, Feed scjgj) {}

    private String dataset(String provider, String name, List<String> items) {
        Optional<String> existing = jdbc.sql("""
                select r.code from catalog.resource r join catalog.resource_version v on v.resource_id = r.id and v.version = r.published_version
                where v.name = ?""").param(name).query(String.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        List<DataItem> dataItems = items.stream().map(i -> new DataItem(i, DataType.STRING, null, null, i.equals(items.getFirst()), false, false, null))
                .toList();
        String code = as(provider + ".officer", () -> {
            String c = catalog.draft(new ResourceDraft("205001001", name, name + "，供基础库合并测试。", Format.DATABASE, ShareType.UNCONDITIONAL, null,
                    List.of(ShareWay.TABLE, ShareWay.API), null, OpenType.NONE, null, UpdateCycle.DAILY, null, List.of(), List.of("测试"), "联系人", "0535-1234567",
                    null, dataItems)).code();
            catalog.submit(c);
            return c;
        });
        as("dataadmin", () -> catalog.publish(code, "基础库合并测试"));
        as("dataadmin", () -> sharing.grantByPlatform(code, feeds.bureau(), items, LocalDate.now().minusDays(1), LocalDate.now().plusYears(1),
                "基础库接入"));
        return code;
    }

    /** Publishes CSV rows (without header) to a feed's dataset as its provider's officer. */
    BatchResult publish(Feed feed, List<String> header, String... rows) {
        String csv = String.join(",", header) + "\n" + String.join("\n", rows) + "\n";
        return as(feed.department() + ".officer", () -> hub.publish(feed.dataset(), new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "text/csv; charset=UTF-8", null, null));
    }

    <T> T as(String username, Supplier<T> work) {
        var before = SecurityContextHolder.getContext();
        var person = accounts.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(before);
        }
    }

    /** A valid ID number of a person born on that day in 东湖区, numbered n (odd for men, even for women). */
    static String id(LocalDate birth, int n) {
        String first17 = "379902" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    /**
     * A valid ID number no test has used yet: a random birth day between 1950 and 2005 and a random sequence of the
     * person's gender (odd for men), in 东湖区.
     */
    static String newId(boolean male) {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(55 * 365));
        int n = random.nextInt(450) * 2 + (male ? 1 : 2);
        return id(birth, n);
    }

    /** The yyyy-MM-dd birth date an ID number states. */
    static String birth(String id) {
        return id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14);
    }
}
