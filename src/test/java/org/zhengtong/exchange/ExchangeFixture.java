package org.zhengtong.exchange;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.shared.IdCardNumber;

/** Finds the demo city's datasets and makes valid test records for them. */
public final class ExchangeFixture {

    public static final String POPULATION = "海川市户籍人口信息";
    public static final String ENTERPRISES = "海川市市场主体登记信息";
    public static final String MARRIAGES = "海川市婚姻登记记录";
    public static final String DEATHS = "海川市死亡登记信息";
    public static final String INDICATORS = "海川市主要经济指标";
    public static final String POPULATION_HEADER = "公民身份号码,姓名,性别,民族,出生日期,户籍地址,户籍地行政区划代码,人口状态,登记日期";

    private ExchangeFixture() {
    }

    public static String code(JdbcClient jdbc, String name) {
        return jdbc.sql("""
                select r.code from catalog.resource r join catalog.resource_version v on v.resource_id = r.id and v.version = r.published_version
                where v.name = ?""").param(name).query(String.class).single();
    }

    /**
     * The latest stored change of the record with this key, read through the exchange store (so on either
     * backend); the key is the dataset's first item.
     */
    public static StoredRecord latest(ExchangeStore store, String dataset, String key) {
        List<StoredRecord> changes = store.read(dataset, 0, 10_000, new ExchangeStore.Filter(0, key)).stream()
                .filter(r -> r.key().equals(key)).toList();
        if (changes.isEmpty()) {
            throw new AssertionError("No record " + key + " in dataset " + dataset);
        }
        return changes.get(changes.size() - 1);
    }

    /** A valid ID number born on the given day in 东湖区, numbered n. */
    public static String id(LocalDate birth, int n) {
        String first17 = "379902" + birth.toString().replace("-", "") + String.format("%03d", n % 1000);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    /** One valid population CSV row. */
    public static String person(String id, String name, String division) {
        return id + "," + name + ",男,汉族," + id.substring(6, 10) + "-" + id.substring(10, 12) + "-" + id.substring(12, 14) + ",海川市东湖区1号,"
                + division + ",正常,2026-01-01";
    }
}
