package org.zhengtong.basedata.economy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.PlatformTest;
import org.zhengtong.basedata.BaseDataFeeds;
import org.zhengtong.basedata.Feed;
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
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.exchange.ExchangeHub;

/**
 * The macro-economy base database fed from 统计局's dataset: values are merged per indicator, region and period; a
 * second, different value for the same cell is a revision and the first stays readable with its source batch; the
 * same value again changes nothing; a value that is not a number, an unknown or retired region and a period that
 * does not exist are rejected, each naming its field; a series comes back in period order whatever order and form
 * its periods were sent in.
 *
 * <p>The test dataset declares every item as plain text, so bad values pass the exchange and reach the base
 * database's own checks (the demo dataset's typed items would have the exchange quarantine them first).
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MacroEconomyTests {

    static final String HEADER = "指标代码,指标名称,统计期,地区代码,数值,计量单位\n";

    @Autowired CatalogManagement catalog;
    @Autowired SharingManagement sharing;
    @Autowired ExchangeHub hub;
    @Autowired BaseDataFeeds feeds;
    @Autowired MacroEconomy economy;
    @Autowired AccessPolicy policy;
    @Autowired JdbcClient jdbc;

    String dataset;
    Feed feed;
    int batches;

    @BeforeAll
    void aTestDatasetOfTheStatisticsBureauIsFedIn() {
        List<DataItem> items = List.of(item("指标代码", true), item("指标名称", false), item("统计期", true), item("地区代码", true), item("数值", false),
                item("计量单位", false));
        dataset = as("tjj.officer", "DATA_OFFICER", () -> {
            var draft = new ResourceDraft("307001001", "宏观经济测试指标集", "宏观经济基础库测试用的指标数据集，各信息项均为文本。", Format.DATABASE,
                    ShareType.UNCONDITIONAL, null, List.of(ShareWay.TABLE, ShareWay.API), null, OpenType.NONE, null, UpdateCycle.REAL_TIME,
                    LocalDate.now(), List.of(), List.of("测试"), "信息主管", "0535-6000000", "tjj@haichuan.gov.example", items);
            String code = catalog.draft(draft).code();
            catalog.submit(code);
            return code;
        });
        as("dataadmin", "DATA_ADMIN", () -> catalog.publish(dataset, "测试数据集"));
        sharing.grantByPlatform(dataset, feeds.bureau(), items.stream().map(DataItem::name).toList(), LocalDate.now(), LocalDate.now().plusYears(1),
                "测试");
        feed = feeds.register(MacroEconomy.BASE, dataset, DemoIndicators.MAPPING);
    }

    private static DataItem item(String name, boolean key) {
        return new DataItem(name, DataType.STRING, 40, null, key, key, false, null);
    }

    /** Publishes rows as 统计局 and has the base databases take them; returns the exchange batch id. */
    private long publish(String rows) {
        long batch = as("tjj.officer", "DATA_OFFICER", () -> hub.publish(dataset,
                new ByteArrayInputStream((HEADER + rows).getBytes(StandardCharsets.UTF_8)), "text/csv; charset=UTF-8", null,
                "macro-test-" + (++batches) + "-" + System.nanoTime())).batchId();
        assertThat(feeds.catchUp().failedFeeds()).isEmpty();
        return batch;
    }

    @Test
    void valuesAreMergedPerCellAndASeriesComesBackInPeriodOrder() {
        publish("""
                T1,测试产值,2024Q3,379902,30.5,亿元
                T1,测试产值,2024-Q1,379902,10,亿元
                T1,测试产值,2024年第二季度,379902,"2,000.25",亿元
                T1,测试产值,2024,379902,2040.75,亿元
                T1,测试产值,2024-Q1,379903,7.25,亿元
                T1M,测试月度值,202402,379902,2,%
                T1M,测试月度值,2024年1月,379902,1,%
                T1M,测试月度值,2024-12,379902,12,%
                """);
        var indicator = economy.indicator("T1").orElseThrow();
        assertThat(indicator.name()).isEqualTo("测试产值");
        assertThat(indicator.unit()).isEqualTo("亿元");
        assertThat(indicator.kinds()).containsExactly("YEAR", "QUARTER");

        var quarters = economy.series("T1", "QUARTER", "379902").get("379902");
        assertThat(quarters).extracting(MacroEconomy.Point::period).containsExactly("2024-Q1", "2024-Q2", "2024-Q3");
        assertThat(quarters).extracting(p -> p.value().stripTrailingZeros().toPlainString()).containsExactly("10", "2000.25", "30.5");
        assertThat(quarters).allSatisfy(p -> assertThat(p.revision()).isEqualTo(1));
        assertThat(economy.series("T1", "QUARTER", null)).containsOnlyKeys("379902", "379903");
        assertThat(economy.series("T1", "YEAR", null).get("379902")).singleElement()
                .satisfies(p -> assertThat(p.value()).isEqualByComparingTo("2040.75"));
        assertThat(economy.series("T1M", "MONTH", "379902").get("379902")).extracting(MacroEconomy.Point::period)
                .containsExactly("2024-01", "2024-02", "2024-12");
    }

    @Test
    void aSecondValueForTheSameCellIsARevisionAndTheFirstStaysReadableWithItsBatch() {
        long first = publish("T2,测试收入,2024,379903,100,元\n");
        long second = publish("T2,测试收入,2024,379903,101.5,元\n");
        assertThat(second).isNotEqualTo(first);

        var current = economy.series("T2", "YEAR", "379903").get("379903");
        assertThat(current).singleElement().satisfies(p -> {
            assertThat(p.value()).isEqualByComparingTo("101.5");
            assertThat(p.revision()).isEqualTo(2);
        });
        var revisions = economy.revisions("T2", "YEAR");
        assertThat(revisions).hasSize(2);
        var was = revisions.get(0);
        var now = revisions.get(1);
        assertThat(was.value()).isEqualByComparingTo("100");
        assertThat(was.current()).isFalse();
        assertThat(was.exchangeBatch()).isEqualTo(first);
        assertThat(was.department()).isEqualTo("tjj");
        assertThat(was.dataset()).isEqualTo(dataset);
        assertThat(was.validTo()).isNotNull().isEqualTo(now.validFrom());
        assertThat(now.value()).isEqualByComparingTo("101.5");
        assertThat(now.current()).isTrue();
        assertThat(now.exchangeBatch()).isEqualTo(second);
        assertThat(now.validTo()).isNull();

        // The same value sent again confirms the figure: no third revision.
        publish("T2,测试收入,2024,379903,101.50,元\n");
        assertThat(economy.revisions("T2", "YEAR")).hasSize(2);
        assertThat(economy.series("T2", "YEAR", "379903").get("379903").get(0).revision()).isEqualTo(2);
    }

    @Test
    void badValuesAreRejectedWithAReasonNamingTheFieldAndTheGoodOnesAreTaken() {
        long before = jdbc.sql("select count(*) from basedata.rejected where feed = ?").param(feed.id()).query(Long.class).single();
        publish("""
                T3,测试坏值,2024-Q1,379902,约120,亿元
                T3,测试坏值,2024-Q2,379999,1,亿元
                T3,测试坏值,2024-13,379902,1,亿元
                T3,测试坏值,2024Q5,379903,1,亿元
                T3,测试坏值,2024-Q3,379901,1,亿元
                T3,测试坏值,2024-Q4,379902,4,亿元
                """);
        var rejected = jdbc.sql("""
                select field, reason_key, reason_args, record ->> '数值' as value from basedata.rejected where feed = ? order by id offset ?""")
                .params(feed.id(), before).query((rs, n) -> Map.of("field", rs.getString(1), "reason", rs.getString(2), "args",
                        List.of((String[]) rs.getArray(3).getArray()), "value", rs.getString(4)))
                .list();
        assertThat(rejected).extracting(r -> r.get("field")).containsExactly("value", "region", "period", "period", "region");
        assertThat(rejected).extracting(r -> r.get("reason")).containsExactly("basedata.reject.number", "basedata.reject.division",
                "basedata.reject.period", "basedata.reject.period", "basedata.reject.division");
        assertThat(rejected.get(0).get("args")).isEqualTo(List.of("数值", "约120"));
        assertThat(rejected.get(0).get("value")).isEqualTo("约120");
        assertThat(rejected.get(2).get("args")).isEqualTo(List.of("2024-13"));
        assertThat(rejected.get(4).get("args")).isEqualTo(List.of("地区代码", "379901"));

        assertThat(economy.series("T3", "QUARTER", null)).containsOnlyKeys("379902");
        assertThat(economy.series("T3", "QUARTER", null).get("379902")).extracting(MacroEconomy.Point::period).containsExactly("2024-Q4");
        assertThat(feeds.feed(feed.id()).rejected()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void periodsAreReadInTheFormsStatisticalTablesUseAndOthersAreRefused() {
        assertThat(Period.parse("2025")).isEqualTo(new Period("2025", Period.Kind.YEAR));
        assertThat(Period.parse("2025年")).isEqualTo(new Period("2025", Period.Kind.YEAR));
        assertThat(Period.parse("2025Q3")).isEqualTo(new Period("2025-Q3", Period.Kind.QUARTER));
        assertThat(Period.parse("2025年第三季度")).isEqualTo(new Period("2025-Q3", Period.Kind.QUARTER));
        assertThat(Period.parse("2025-7")).isEqualTo(new Period("2025-07", Period.Kind.MONTH));
        assertThat(Period.parse("2025年11月")).isEqualTo(new Period("2025-11", Period.Kind.MONTH));
        assertThat(Period.parse("202511")).isEqualTo(new Period("2025-11", Period.Kind.MONTH));
        for (String bad : new String[] {"2025-13", "2025-00", "2025Q0", "2025Q5", "25Q1", "1800", "2025-Q", "上半年", ""}) {
            assertThat(Period.parse(bad)).as(bad).isNull();
        }
    }

    @Test
    void theDemoCityHasSeveralYearsOfIndicatorsWithRevisions() {
        assertThat(economy.indicators()).extracting(MacroEconomy.Indicator::code).contains("A01", "A02", "A03", "A04", "A05");
        var gdp = economy.series("A01", "QUARTER", "379900").get("379900");
        assertThat(gdp).hasSizeGreaterThanOrEqualTo(16);
        assertThat(gdp.get(0).period()).isEqualTo("2022-Q1");
        assertThat(economy.series("A02", "MONTH", null)).containsKeys("379900", "379902", "379903", "379904");
        assertThat(economy.revisions("A01", "YEAR")).anySatisfy(r -> assertThat(r.period()).isEqualTo("2025"));
        assertThat(jdbc.sql("select count(*) from basedata.rejected where base = 'MACRO' and field = 'period' and record ->> '统计期' = '2026-13'")
                .query(Long.class).single()).isEqualTo(1);
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
}
