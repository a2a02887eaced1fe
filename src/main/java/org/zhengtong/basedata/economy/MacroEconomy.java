package org.zhengtong.basedata.economy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.basedata.Feed;
import org.zhengtong.basedata.FeedConsumer;
import org.zhengtong.basedata.FeedRecord;
import org.zhengtong.basedata.SourceBatch;
import org.zhengtong.shared.DivisionCodes;

/**
 * The macro-economy base database (宏观经济基础库). It takes the feeds of base {@code MACRO}: each record is one value
 * of an indicator (指标) for a region (a GB/T 2260 division) and a period (统计期: month, quarter or year), with the
 * indicator's name, unit and definition beside it. 统计局 is the only source of these figures, so there is nothing to
 * weigh against: the value sent last holds. What matters is that a revised figure (修订) does not erase the one
 * published first: the replaced value moves to {@code indicator_revision} with its source batch and the time it was
 * valid, so anyone can see what was said when, and by which batch.
 *
 * <p>A record is rejected whole, naming the field, when its region is not a current division code, its period is
 * none of the accepted forms (see {@link Period}), its value is not a number ({@code 约120}), or its indicator code
 * is missing or malformed. A page part is written in a fixed number of statements whatever its size.
 */
@Service
public class MacroEconomy implements FeedConsumer {

    public static final String BASE = "MACRO";

    /** The fields a macro-economy feed maps data items to. */
    public static final String CODE = "indicator_code";
    public static final String NAME = "indicator_name";
    public static final String UNIT = "unit";
    public static final String DEFINITION = "definition";
    public static final String REGION = "region";
    public static final String PERIOD = "period";
    public static final String VALUE = "value";

    private static final java.util.regex.Pattern INDICATOR_CODE = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final DivisionCodes divisions;
    private final AuditLog audit;

    MacroEconomy(JdbcClient jdbc, JdbcTemplate template, DivisionCodes divisions, AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.divisions = divisions;
        this.audit = audit;
    }

    // the feed

    @Override
    public Set<String> bases() {
        return Set.of(BASE);
    }

    @Override
    public Set<String> fields(String base) {
        return new LinkedHashSet<>(List.of(CODE, NAME, UNIT, DEFINITION, REGION, PERIOD, VALUE));
    }

    @Override
    public Set<String> keyFields(String base) {
        return Set.of(CODE, REGION, PERIOD, VALUE);
    }

    /** A cell of the database: indicator, region, period. */
    private record Cell(String indicator, String region, String period) {}

    /** A cell's value as the merge sees it. */
    private static final class Current {
        BigDecimal value;
        int revision;
        long batch;
        Instant validFrom;
        boolean dirty;

        Current(BigDecimal value, int revision, long batch, Instant validFrom) {
            this.value = value;
            this.revision = revision;
            this.batch = batch;
            this.validFrom = validFrom;
        }
    }

    private record Checked(Cell cell, Period.Kind kind, BigDecimal value, String name, @Nullable String unit, @Nullable String definition) {}

    @Override
    public Outcome consume(Feed feed, SourceBatch batch, List<FeedRecord> records) {
        List<Rejection> rejections = new ArrayList<>();
        List<Checked> checked = new ArrayList<>(records.size());
        long deletes = 0;
        for (FeedRecord r : records) {
            if (r.deleted()) {
                // A withdrawn record does not unpublish a statistic: the revision history is the record of it.
                deletes++;
                continue;
            }
            Object c = check(r);
            if (c instanceof Rejection rejection) {
                rejections.add(rejection);
            } else {
                checked.add((Checked) c);
            }
        }
        if (checked.isEmpty()) {
            return new Outcome(deletes, 0, rejections);
        }
        Map<String, Checked> indicators = new LinkedHashMap<>();
        checked.forEach(c -> indicators.put(c.cell().indicator(), c));
        template.batchUpdate("""
                insert into basedata.indicator as i (code, name, unit, definition, source_batch) values (?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, unit = coalesce(excluded.unit, i.unit),
                  definition = coalesce(excluded.definition, i.definition), source_batch = excluded.source_batch, updated_at = now()
                where (i.name, i.unit, i.definition) is distinct from (excluded.name, coalesce(excluded.unit, i.unit),
                  coalesce(excluded.definition, i.definition))""",
                new ArrayList<>(indicators.values()), 1000, (ps, c) -> {
                    ps.setString(1, c.cell().indicator());
                    ps.setString(2, c.name());
                    ps.setString(3, c.unit());
                    ps.setString(4, c.definition());
                    ps.setLong(5, batch.id());
                });
        Map<Cell, Current> cells = load(checked);
        List<Object[]> history = new ArrayList<>();
        long agreed = 0;
        long changed = 0;
        Instant now = batch.mergedAt();
        Map<Cell, Period.Kind> kinds = new HashMap<>();
        for (Checked c : checked) {
            kinds.put(c.cell(), c.kind());
            Current current = cells.get(c.cell());
            if (current == null) {
                current = new Current(c.value(), 1, batch.id(), now);
                current.dirty = true;
                cells.put(c.cell(), current);
                changed++;
            } else if (current.value.compareTo(c.value()) == 0) {
                agreed++;
            } else {
                history.add(new Object[] {c.cell().indicator(), c.cell().region(), c.cell().period(), current.revision, current.value, current.batch,
                    Timestamp.from(current.validFrom), Timestamp.from(now)});
                current.value = c.value();
                current.revision++;
                current.batch = batch.id();
                current.validFrom = now;
                current.dirty = true;
                changed++;
            }
        }
        if (!history.isEmpty()) {
            template.batchUpdate("""
                    insert into basedata.indicator_revision (indicator, region, period, revision, value, source_batch, valid_from, valid_to)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", history);
        }
        List<Map.Entry<Cell, Current>> dirty = cells.entrySet().stream().filter(e -> e.getValue().dirty).toList();
        template.batchUpdate("""
                insert into basedata.indicator_value (indicator, region, period, period_kind, value, revision, source_batch, valid_from)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (indicator, region, period) do update set value = excluded.value, revision = excluded.revision,
                  source_batch = excluded.source_batch, valid_from = excluded.valid_from""", dirty, 1000, (ps, e) -> {
                    Cell cell = e.getKey();
                    Current v = e.getValue();
                    ps.setString(1, cell.indicator());
                    ps.setString(2, cell.region());
                    ps.setString(3, cell.period());
                    ps.setString(4, kinds.get(cell).name());
                    ps.setBigDecimal(5, v.value);
                    ps.setInt(6, v.revision);
                    ps.setLong(7, v.batch);
                    ps.setTimestamp(8, Timestamp.from(v.validFrom));
                });
        return new Outcome(checked.size() + deletes, 0, rejections, Map.of(VALUE, new FieldCounts(agreed, changed, 0)));
    }

    /** The current values of the part's cells, read with one statement (a superset, narrowed in memory). */
    private Map<Cell, Current> load(List<Checked> checked) {
        Set<Cell> wanted = new java.util.HashSet<>();
        checked.forEach(c -> wanted.add(c.cell()));
        Object[] indicators = wanted.stream().map(Cell::indicator).distinct().toArray();
        Object[] regions = wanted.stream().map(Cell::region).distinct().toArray();
        Object[] periods = wanted.stream().map(Cell::period).distinct().toArray();
        Map<Cell, Current> cells = new HashMap<>();
        template.query("""
                select indicator, region, period, value, revision, source_batch, valid_from from basedata.indicator_value
                where indicator = any(?) and region = any(?) and period = any(?)""", ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("text", indicators));
                    ps.setArray(2, ps.getConnection().createArrayOf("text", regions));
                    ps.setArray(3, ps.getConnection().createArrayOf("text", periods));
                }, rs -> {
                    Cell cell = new Cell(rs.getString(1), rs.getString(2), rs.getString(3));
                    if (wanted.contains(cell)) {
                        cells.put(cell, new Current(rs.getBigDecimal(4), rs.getInt(5), rs.getLong(6), rs.getTimestamp(7).toInstant()));
                    }
                });
        return cells;
    }

    /** Checks one record: either {@link Checked} or a {@link Rejection} naming the first field that is wrong. */
    private Object check(FeedRecord r) {
        String code = r.value(CODE);
        if (code == null || !INDICATOR_CODE.matcher(code).matches()) {
            return Rejection.of(r, CODE, "basedata.reject.indicator-code", code == null ? "" : code);
        }
        String region = r.value(REGION);
        if (region == null || !divisions.isCurrent(region)) {
            return Rejection.of(r, REGION, "basedata.reject.division", "地区代码", region == null ? "" : region);
        }
        String rawPeriod = r.value(PERIOD);
        Period period = Period.parse(rawPeriod);
        if (period == null) {
            return Rejection.of(r, PERIOD, "basedata.reject.period", rawPeriod == null ? "" : rawPeriod);
        }
        String rawValue = r.value(VALUE);
        BigDecimal value;
        try {
            value = new BigDecimal(rawValue == null ? "" : rawValue.replace(",", ""));
        } catch (NumberFormatException e) {
            return Rejection.of(r, VALUE, "basedata.reject.number", "数值", rawValue == null ? "" : rawValue);
        }
        String name = r.value(NAME);
        return new Checked(new Cell(code, region, period.text()), period.kind(), value, name == null ? code : name, r.value(UNIT), r.value(DEFINITION));
    }

    /**
     * Sets an indicator's definition (指标解释), which the statistical tables carry apart from the figures; an
     * indicator the feed has not named yet is created with its code as its name. Audited.
     */
    @org.springframework.transaction.annotation.Transactional
    public void define(String code, String definition) {
        if (!INDICATOR_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("not an indicator code: " + code);
        }
        jdbc.sql("""
                insert into basedata.indicator as i (code, name, definition) values (?, ?, ?)
                on conflict (code) do update set definition = excluded.definition, updated_at = now()""")
                .params(code, code, definition).update();
        audit.record("basedata.economy.define", "indicator:" + code, definition);
    }

    // reading

    /** An indicator with how many values it holds, of which period kinds, and for how many regions. */
    public record Indicator(String code, String name, @Nullable String unit, @Nullable String definition, long values, long regions,
            List<String> kinds) {}

    /** One value of a series: the period, the value, how many values the cell has had, and the batch it came from. */
    public record Point(String region, String period, BigDecimal value, int revision, long sourceBatch, Instant validFrom) {}

    /**
     * A value a later one replaced (or the current one, {@code current}), with its lineage: the department, dataset
     * and exchange batch it came in, and when it was valid.
     */
    public record Revision(String region, String period, int revision, BigDecimal value, boolean current, String department,
            @Nullable String dataset, @Nullable Long exchangeBatch, Instant mergedAt, Instant validFrom, @Nullable Instant validTo) {}

    public List<Indicator> indicators() {
        return jdbc.sql("""
                select i.code, i.name, i.unit, i.definition, count(v.value), count(distinct v.region),
                  coalesce(array_agg(distinct v.period_kind) filter (where v.period_kind is not null), '{}')
                from basedata.indicator i left join basedata.indicator_value v on v.indicator = i.code
                group by i.code order by i.code""")
                .query((rs, n) -> new Indicator(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6),
                        sortKinds((String[]) rs.getArray(7).getArray())))
                .list();
    }

    public java.util.Optional<Indicator> indicator(String code) {
        return indicators().stream().filter(i -> i.code().equals(code)).findFirst();
    }

    private static List<String> sortKinds(String[] kinds) {
        Set<String> have = Set.of(kinds);
        return java.util.Arrays.stream(Period.Kind.values()).map(Enum::name).filter(have::contains).toList();
    }

    /**
     * The series of an indicator for one period kind ({@code YEAR}, {@code QUARTER} or {@code MONTH}), per region
     * in code order, each in period order. {@code region} narrows it to one region when given.
     */
    public Map<String, List<Point>> series(String indicator, String kind, @Nullable String region) {
        Map<String, List<Point>> series = new LinkedHashMap<>();
        jdbc.sql("""
                select region, period, value, revision, source_batch, valid_from from basedata.indicator_value
                where indicator = ? and period_kind = ? and (?::text is null or region = ?) order by region, period""")
                .params(indicator, kind, region, region)
                .query((rs, n) -> new Point(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getInt(4), rs.getLong(5),
                        rs.getTimestamp(6).toInstant()))
                .list().forEach(p -> series.computeIfAbsent(p.region(), k -> new ArrayList<>()).add(p));
        return series;
    }

    /** Every revised cell of an indicator: all its values, oldest first, with their lineage; newest cells first. */
    public List<Revision> revisions(String indicator, @Nullable String kind) {
        return jdbc.sql("""
                with revised as (
                  select region, period from basedata.indicator_value
                  where indicator = :indicator and revision > 1 and (cast(:kind as text) is null or period_kind = :kind)),
                every as (
                  select r.region, r.period, r.revision, r.value, false as current, r.source_batch, r.valid_from, r.valid_to
                  from basedata.indicator_revision r join revised using (region, period) where r.indicator = :indicator
                  union all
                  select v.region, v.period, v.revision, v.value, true, v.source_batch, v.valid_from, null
                  from basedata.indicator_value v join revised using (region, period) where v.indicator = :indicator)
                select e.*, b.department, b.dataset, b.exchange_batch, b.merged_at
                from every e join basedata.source_batch b on b.id = e.source_batch
                order by e.period desc, e.region, e.revision""")
                .param("indicator", indicator).param("kind", kind)
                .query((rs, n) -> {
                    long eb = rs.getLong("exchange_batch");
                    Long exchangeBatch = rs.wasNull() ? null : eb;
                    Timestamp to = rs.getTimestamp("valid_to");
                    return new Revision(rs.getString("region"), rs.getString("period"), rs.getInt("revision"), rs.getBigDecimal("value"),
                            rs.getBoolean("current"), rs.getString("department"), rs.getString("dataset"), exchangeBatch,
                            rs.getTimestamp("merged_at").toInstant(), rs.getTimestamp("valid_from").toInstant(), to == null ? null : to.toInstant());
                })
                .list();
    }

    /** The name of a region, from the division list ({@code （演示）} marks dropped), or the code when unknown. */
    public String regionName(String code) {
        return divisions.find(code).map(e -> e.name().replace("（演示）", "")).orElse(code);
    }
}
