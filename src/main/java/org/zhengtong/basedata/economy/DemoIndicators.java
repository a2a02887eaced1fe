package org.zhengtong.basedata.economy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.zhengtong.basedata.BaseDataFeeds;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeHub;

/**
 * The demo city's macro-economy feed: 统计局 (tjj) publishes a few years of its main indicators (主要经济指标) for
 * 海川市 and its three districts to the demo exchange's dataset 海川市主要经济指标 – monthly retail sales and
 * industrial growth, quarterly GDP, investment growth and income, and the years' totals – and the big-data bureau
 * takes them into the macro-economy base database. A second batch then revises the 2025 GDP (as the figures are
 * after an economic census) and carries a period that does not exist, which the base database rejects. The figures
 * the demo exchange published first for late 2025 and 2026 become the first revisions of the same cells.
 *
 * <p>Runs after the demo exchange (which creates the dataset) and the base resources, once: when the feed is
 * already registered it does nothing.
 */
@Component
@Order(40)
class DemoIndicators implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoIndicators.class);

    static final String DATASET = "海川市主要经济指标";
    static final String PROVIDER = "tjj";
    static final String CITY = "379900";
    static final String[] DISTRICTS = {"379902", "379903", "379904"};
    private static final double[] SHARES = {0.42, 0.33, 0.25};

    /** Item name to field, as the feed maps them. */
    static final Map<String, String> MAPPING = Map.of("指标代码", MacroEconomy.CODE, "指标名称", MacroEconomy.NAME, "统计期", MacroEconomy.PERIOD,
            "地区代码", MacroEconomy.REGION, "数值", MacroEconomy.VALUE, "计量单位", MacroEconomy.UNIT);

    static final Map<String, String[]> INDICATORS = new LinkedHashMap<>();

    static {
        INDICATORS.put("A01", new String[] {"地区生产总值", "亿元", "按市场价格计算的本地区所有常住单位在一定时期内生产活动的最终成果（GDP），季度值为当季值。"});
        INDICATORS.put("A02", new String[] {"社会消费品零售总额", "亿元", "企业（单位、个体户）通过交易售给个人、社会集团非生产、非经营用的实物商品金额，以及提供餐饮服务所取得的收入金额，月度值为当月值。"});
        INDICATORS.put("A03", new String[] {"固定资产投资增速", "%", "固定资产投资（不含农户）累计同比增长率。"});
        INDICATORS.put("A04", new String[] {"城镇居民人均可支配收入", "元", "城镇居民可用于最终消费支出和储蓄的收入，季度值为当季值。"});
        INDICATORS.put("A05", new String[] {"规模以上工业增加值增速", "%", "年主营业务收入 2000 万元及以上工业企业的工业增加值当月同比增长率（可比价）。"});
    }

    private final ExchangeHub hub;
    private final SharingManagement sharing;
    private final BaseDataFeeds feeds;
    private final MacroEconomy economy;
    private final AccessPolicy policy;
    private final Environment env;

    DemoIndicators(ExchangeHub hub, SharingManagement sharing, BaseDataFeeds feeds, MacroEconomy economy, AccessPolicy policy, Environment env) {
        this.hub = hub;
        this.sharing = sharing;
        this.feeds = feeds;
        this.economy = economy;
        this.policy = policy;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!env.getProperty("zt.demo", Boolean.class, false)) {
            return;
        }
        Dataset dataset = hub.datasets().stream().filter(d -> d.name().equals(DATASET) && d.provider().equals(PROVIDER)).findFirst().orElse(null);
        if (dataset == null) {
            log.info("No dataset {} of {}: the demo macro-economy feed is not loaded.", DATASET, PROVIDER);
            return;
        }
        if (feeds.find(MacroEconomy.BASE, dataset.code()) != null) {
            return;
        }
        try {
            load(dataset);
        } catch (RuntimeException e) {
            // The demo is an extra: the platform starts without it, and the log says why.
            log.warn("The demo macro-economy feed was not loaded: {}", e.toString(), e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    void load(Dataset dataset) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        if (!sharing.isGranted(feeds.bureau(), dataset.code(), MAPPING.keySet())) {
            sharing.grantByPlatform(dataset.code(), feeds.bureau(), dataset.itemNames(), today, today.plusYears(3), "演示城市 宏观经济基础库接入");
        }
        feeds.register(MacroEconomy.BASE, dataset.code(), MAPPING);
        INDICATORS.forEach((code, d) -> economy.define(code, d[2]));
        publish(dataset.code(), csv(series(new SplittableRandom(2022))), "demo-economy-1");
        feeds.catchUp();
        publish(dataset.code(), revisions(), "demo-economy-revision-1");
        var done = feeds.catchUp();
        log.info("Loaded the demo macro economy: {} indicators, feed of {} caught up ({} records in the last run).", INDICATORS.size(),
                dataset.code(), done.records());
    }

    /** One row of the dataset: indicator code, period, region, value. */
    record Row(String indicator, String period, String region, String value) {}

    /** Four years and three quarters of generated figures: the districts', and the city's as their sum or mean. */
    static List<Row> series(SplittableRandom random) {
        List<Row> rows = new ArrayList<>();
        int lastYear = 2026;
        int lastMonth = 9;
        for (int year = 2022; year <= lastYear; year++) {
            double growth = Math.pow(1.055, year - 2022);
            double[] yearGdp = new double[4];
            double[] yearRetail = new double[4];
            double[] yearIncome = new double[4];
            int months = year == lastYear ? lastMonth : 12;
            for (int month = 1; month <= months; month++) {
                String period = year + "-" + (month < 10 ? "0" : "") + month;
                double season = switch (month) {
                    case 1, 2 -> 1.08;
                    case 10, 12 -> 1.10;
                    case 6, 11 -> 1.04;
                    default -> 0.95;
                };
                double city = 0;
                for (int d = 0; d < DISTRICTS.length; d++) {
                    double retail = round(95 * growth * season * SHARES[d] * (1 + (random.nextDouble() - 0.5) * 0.04), 2);
                    rows.add(new Row("A02", period, DISTRICTS[d], plain(retail, 2)));
                    yearRetail[d] += retail;
                    city += retail;
                    double industry = round(6.0 + d * 0.4 + (random.nextDouble() - 0.5) * 4, 1);
                    rows.add(new Row("A05", period, DISTRICTS[d], plain(industry, 1)));
                }
                rows.add(new Row("A02", period, CITY, plain(city, 2)));
                yearRetail[3] += city;
                rows.add(new Row("A05", period, CITY, plain(round(6.4 + (random.nextDouble() - 0.5) * 3, 1), 1)));
            }
            int quarters = year == lastYear ? lastMonth / 3 : 4;
            double investment = 5.0;
            for (int q = 1; q <= quarters; q++) {
                String period = year + "-Q" + q;
                double gdpSeason = new double[] {0.90, 0.98, 1.0, 1.12}[q - 1];
                double incomeSeason = new double[] {0.97, 0.98, 1.0, 1.05}[q - 1];
                investment += (random.nextDouble() - 0.5) * 2;
                double cityGdp = 0;
                for (int d = 0; d < DISTRICTS.length; d++) {
                    double gdp = round(590 * growth * gdpSeason * SHARES[d] * (1 + (random.nextDouble() - 0.5) * 0.03), 2);
                    rows.add(new Row("A01", period, DISTRICTS[d], plain(gdp, 2)));
                    yearGdp[d] += gdp;
                    cityGdp += gdp;
                    double income = Math.round(12000 * growth * incomeSeason * new double[] {1.08, 0.97, 0.93}[d]);
                    rows.add(new Row("A04", period, DISTRICTS[d], plain(income, 0)));
                    yearIncome[d] += income;
                    rows.add(new Row("A03", period, DISTRICTS[d], plain(round(investment + (d - 1) * 1.5 + (random.nextDouble() - 0.5), 1), 1)));
                }
                rows.add(new Row("A01", period, CITY, plain(cityGdp, 2)));
                yearGdp[3] += cityGdp;
                double cityIncome = Math.round(12000 * growth * incomeSeason);
                rows.add(new Row("A04", period, CITY, plain(cityIncome, 0)));
                yearIncome[3] += cityIncome;
                rows.add(new Row("A03", period, CITY, plain(round(investment, 1), 1)));
            }
            if (year < lastYear) {
                String[] regions = {DISTRICTS[0], DISTRICTS[1], DISTRICTS[2], CITY};
                for (int r = 0; r < regions.length; r++) {
                    rows.add(new Row("A01", String.valueOf(year), regions[r], plain(yearGdp[r], 2)));
                    rows.add(new Row("A02", String.valueOf(year), regions[r], plain(yearRetail[r], 2)));
                    rows.add(new Row("A04", String.valueOf(year), regions[r], plain(yearIncome[r], 0)));
                }
            }
        }
        return rows;
    }

    /**
     * The second batch: 2025's GDP revised after the economic census for the city and 东湖区, one month's retail
     * sales corrected, and a row with a month that does not exist.
     */
    private String revisions() {
        Map<String, Row> first = new LinkedHashMap<>();
        series(new SplittableRandom(2022)).forEach(r -> first.put(r.indicator() + r.period() + r.region(), r));
        List<Row> rows = new ArrayList<>();
        for (String region : List.of(CITY, DISTRICTS[0])) {
            Row gdp = first.get("A012025" + region);
            rows.add(new Row("A01", "2025", region, new BigDecimal(gdp.value()).multiply(new BigDecimal("1.018")).setScale(2, RoundingMode.HALF_UP)
                    .toPlainString()));
        }
        Row retail = first.get("A022026-08" + DISTRICTS[1]);
        rows.add(new Row("A02", "2026-08", DISTRICTS[1], new BigDecimal(retail.value()).add(new BigDecimal("0.86")).toPlainString()));
        rows.add(new Row("A02", "2026-13", DISTRICTS[1], "30.5"));
        return csv(rows);
    }

    static String csv(List<Row> rows) {
        StringBuilder csv = new StringBuilder("指标代码,指标名称,统计期,地区代码,数值,计量单位\n");
        for (Row r : rows) {
            String[] d = INDICATORS.get(r.indicator());
            csv.append(r.indicator()).append(',').append(d[0]).append(',').append(r.period()).append(',').append(r.region()).append(',')
                    .append(r.value()).append(',').append(d[1]).append('\n');
        }
        return csv.toString();
    }

    private static double round(double v, int digits) {
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    private static String plain(double v, int digits) {
        return BigDecimal.valueOf(v).setScale(digits, RoundingMode.HALF_UP).toPlainString();
    }

    private void publish(String dataset, String csv, String key) {
        as(PROVIDER + ".officer", "DATA_OFFICER", () -> hub.publish(dataset, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "text/csv; charset=UTF-8", null, key));
    }

    private <T> @Nullable T as(String username, String role, Supplier<T> work) {
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
