package org.zhengtong.basedata.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengtong.basedata.Authorities;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseField;
import org.zhengtong.basedata.Feed;
import org.zhengtong.basedata.FeedConsumer;
import org.zhengtong.basedata.FeedRecord;
import org.zhengtong.basedata.SourceBatch;
import tools.jackson.databind.json.JsonMapper;

/**
 * The merge by field authority, the consumer of every population and legal-person feed. A page part is merged in
 * a fixed number of statements whatever its size: the current rows of its subjects and their conflicts are read
 * with one {@code = any(?)} select each, every field is decided in memory, and new rows, new versions (the old row
 * to the history), new conflicts and superseded conflicts are written as JDBC batches.
 *
 * <p>Per field: the authoritative department's value sets it; a value from another department fills it while it
 * is empty, agrees when equal, and otherwise becomes an open conflict (one per subject, field, department and
 * value); a field without authority takes the last value sent. A department that later sends the merged value
 * has come round to it, so its own open conflicts on the field are superseded. See docs/basedata.md, "Feeding and merging".
 */
@Component
class MergeByAuthority implements FeedConsumer {

    private final JdbcTemplate jdbc;
    private final Authorities authorities;
    private final FieldRules rules;
    private final JsonMapper json;

    MergeByAuthority(JdbcTemplate jdbc, Authorities authorities, FieldRules rules, JsonMapper json) {
        this.jdbc = jdbc;
        this.authorities = authorities;
        this.rules = rules;
        this.json = json;
    }

    @Override
    public Set<String> bases() {
        return Set.of(Base.PERSON.name(), Base.LEGAL_PERSON.name());
    }

    @Override
    public Set<String> fields(String base) {
        Base b = Base.valueOf(base);
        Set<String> fields = new java.util.LinkedHashSet<>();
        fields.add(b.keyColumn());
        b.fields().forEach(f -> fields.add(f.column()));
        return fields;
    }

    @Override
    public Set<String> keyFields(String base) {
        return Set.of(Base.valueOf(base).keyColumn());
    }

    /** A subject's current row as the merge sees it: values in field order as stored text, lineage, version. */
    static final class Row {
        final String key;
        final @Nullable String[] values;
        final @Nullable Long[] lineage;
        int version;
        @Nullable Instant validFrom;
        boolean fresh;
        boolean changed;
        @Nullable String[] before;
        @Nullable Long[] lineageBefore;

        Row(String key, int fields) {
            this.key = key;
            this.values = new String[fields];
            this.lineage = new Long[fields];
        }
    }

    /** An open (or decided) conflict of a subject, as far as the merge needs it. */
    record Known(long id, String field, String department, @Nullable String value, String status, @Nullable String authorityValue) {}

    @Override
    public Outcome consume(Feed feed, SourceBatch batch, List<FeedRecord> records) {
        Base base = Base.valueOf(feed.base());
        List<BaseField> fields = base.fields();
        Map<String, String> authority = authorities.of(base);
        String department = batch.department();
        List<Rejection> rejections = new ArrayList<>();
        List<FieldRules.Checked> checked = new ArrayList<>(records.size());
        long deletes = 0;
        for (FeedRecord r : records) {
            if (r.deleted()) {
                // A department withdrawing its record does not remove the subject: the others still know it.
                deletes++;
                continue;
            }
            Object c = rules.check(base, r);
            if (c instanceof Rejection rejection) {
                rejections.add(rejection);
            } else {
                checked.add((FieldRules.Checked) c);
            }
        }
        // A 15-digit and an 18-digit number of the same person may both be in one part: the later one counts.
        Map<String, FieldRules.Checked> byKey = new LinkedHashMap<>();
        checked.forEach(c -> byKey.put(c.key(), c));
        if (byKey.isEmpty()) {
            return new Outcome(checked.size() + deletes, 0, rejections);
        }
        Map<String, Row> rows = load(base, byKey.keySet());
        Map<String, List<Known>> known = conflicts(base, byKey.keySet());
        Map<String, long[]> counts = new HashMap<>();
        List<Object[]> newConflicts = new ArrayList<>();
        List<Long> superseded = new ArrayList<>();
        Instant now = batch.mergedAt();
        for (FieldRules.Checked c : byKey.values()) {
            Row row = rows.computeIfAbsent(c.key(), k -> {
                Row r = new Row(k, fields.size());
                r.fresh = true;
                return r;
            });
            List<Known> theirs = known.getOrDefault(c.key(), List.of());
            for (BaseField f : fields) {
                String value = c.values().get(f.column());
                if (value == null) {
                    continue;
                }
                int i = f.ordinal();
                long[] n = counts.computeIfAbsent(f.column(), x -> new long[3]);
                String current = row.values[i];
                String owner = authority.get(f.column());
                boolean authoritative = department.equals(owner);
                if (Objects.equals(current, value)) {
                    n[0]++;
                    if (!authoritative) {
                        for (Known k : theirs) {
                            if (k.status().equals("OPEN") && k.field().equals(f.column()) && k.department().equals(department)) {
                                superseded.add(k.id()); // the department now agrees with the merged value
                            }
                        }
                    }
                } else if (authoritative || current == null || owner == null) {
                    set(row, i, value, batch.id());
                    n[1]++;
                } else {
                    n[2]++;
                    boolean decided = false;
                    for (Known k : theirs) {
                        if (!k.field().equals(f.column()) || !k.department().equals(department)) {
                            continue;
                        }
                        if (Objects.equals(k.value(), value) && (k.status().equals("OPEN") || Objects.equals(k.authorityValue(), current))) {
                            decided = true; // already waiting for a steward, or already decided against this very value
                        } else if (k.status().equals("OPEN")) {
                            superseded.add(k.id()); // the department has since changed its mind
                        }
                    }
                    if (!decided) {
                        newConflicts.add(new Object[] {base.name(), c.key(), f.column(), department, value, batch.id(), owner, current});
                    }
                }
                if (authoritative) {
                    for (Known k : theirs) {
                        if (k.status().equals("OPEN") && k.field().equals(f.column()) && Objects.equals(k.value(), value)) {
                            superseded.add(k.id()); // the authority now says what the other department said
                        }
                    }
                }
            }
        }
        write(base, rows.values(), now);
        supersede(superseded);
        open(newConflicts);
        Map<String, FieldCounts> fieldCounts = counts.entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> new FieldCounts(e.getValue()[0], e.getValue()[1], e.getValue()[2])));
        return new Outcome(checked.size() + deletes, newConflicts.size(), rejections, fieldCounts);
    }

    private static void set(Row row, int i, String value, long batch) {
        if (!row.changed && !row.fresh) {
            row.before = row.values.clone();
            row.lineageBefore = row.lineage.clone();
        }
        row.changed = true;
        row.values[i] = value;
        row.lineage[i] = batch;
    }

    // reading

    private Map<String, Row> load(Base base, Set<String> keys) {
        List<BaseField> fields = base.fields();
        String columns = fields.stream().map(BaseField::column).collect(Collectors.joining(", "));
        Map<String, Row> rows = new HashMap<>();
        jdbc.query("select " + base.keyColumn() + ", " + columns + ", lineage, version, valid_from from basedata." + base.table() + " where "
                + base.keyColumn() + " = any(?)", ps -> ps.setArray(1, ps.getConnection().createArrayOf("text", keys.toArray())), rs -> {
                    Row row = new Row(rs.getString(1), fields.size());
                    for (BaseField f : fields) {
                        row.values[f.ordinal()] = text(rs, f.ordinal() + 2, f);
                    }
                    Long[] lineage = (Long[]) rs.getArray("lineage").getArray();
                    System.arraycopy(lineage, 0, row.lineage, 0, Math.min(lineage.length, row.lineage.length));
                    row.version = rs.getInt("version");
                    row.validFrom = rs.getTimestamp("valid_from").toInstant();
                    rows.put(row.key, row);
                });
        return rows;
    }

    /** A stored value as the text the merge compares. */
    static @Nullable String text(ResultSet rs, int column, BaseField f) throws SQLException {
        return switch (f.type()) {
            case DATE -> {
                Date d = rs.getDate(column);
                yield d == null ? null : d.toLocalDate().toString();
            }
            case NUMBER -> {
                BigDecimal n = rs.getBigDecimal(column);
                yield n == null ? null : FieldRules.number(n);
            }
            case TEXT -> rs.getString(column);
        };
    }

    private Map<String, List<Known>> conflicts(Base base, Set<String> keys) {
        Map<String, List<Known>> known = new HashMap<>();
        jdbc.query("""
                select id, subject, field, department, value, status, authority_value from basedata.conflict
                where base = ? and subject = any(?) and status <> 'SUPERSEDED'""", ps -> {
                    ps.setString(1, base.name());
                    ps.setArray(2, ps.getConnection().createArrayOf("text", keys.toArray()));
                }, rs -> {
                    known.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new Known(rs.getLong(1), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7)));
                });
        return known;
    }

    // writing

    private void write(Base base, java.util.Collection<Row> all, Instant now) {
        List<BaseField> fields = base.fields();
        List<Row> fresh = all.stream().filter(r -> r.fresh && r.changed).toList();
        List<Row> changed = all.stream().filter(r -> !r.fresh && r.changed).toList();
        String columns = fields.stream().map(BaseField::column).collect(Collectors.joining(", "));
        Timestamp at = Timestamp.from(now);
        if (!fresh.isEmpty()) {
            String marks = "?, ".repeat(fields.size() + 1);
            jdbc.batchUpdate("insert into basedata." + base.table() + " (" + base.keyColumn() + ", " + columns + ", lineage, version, valid_from) values ("
                    + marks + "?, 1, ?)", fresh, 1000, (ps, row) -> {
                        ps.setString(1, row.key);
                        values(ps, 2, fields, row.values);
                        ps.setArray(fields.size() + 2, lineage(ps, row.lineage));
                        ps.setTimestamp(fields.size() + 3, at);
                    });
        }
        if (!changed.isEmpty()) {
            jdbc.batchUpdate("insert into basedata." + base.table() + "_history (" + base.keyColumn()
                    + ", version, fields, lineage, valid_from, valid_to) values (?, ?, ?::jsonb, ?, ?, ?)", changed, 1000, (ps, row) -> {
                        Map<String, @Nullable String> before = new LinkedHashMap<>();
                        for (BaseField f : fields) {
                            before.put(f.column(), row.before[f.ordinal()]);
                        }
                        ps.setString(1, row.key);
                        ps.setInt(2, row.version);
                        ps.setString(3, json.writeValueAsString(before));
                        ps.setArray(4, lineage(ps, row.lineageBefore));
                        ps.setTimestamp(5, Timestamp.from(row.validFrom));
                        ps.setTimestamp(6, at);
                    });
            String sets = fields.stream().map(f -> f.column() + " = ?").collect(Collectors.joining(", "));
            jdbc.batchUpdate("update basedata." + base.table() + " set " + sets + ", lineage = ?, version = ?, valid_from = ? where "
                    + base.keyColumn() + " = ?", changed, 1000, (ps, row) -> {
                        values(ps, 1, fields, row.values);
                        ps.setArray(fields.size() + 1, lineage(ps, row.lineage));
                        ps.setInt(fields.size() + 2, row.version + 1);
                        ps.setTimestamp(fields.size() + 3, at);
                        ps.setString(fields.size() + 4, row.key);
                    });
        }
    }

    /** Binds the values of a row in field order, each as its column's type. */
    static void values(PreparedStatement ps, int from, List<BaseField> fields, @Nullable String[] values) throws SQLException {
        for (BaseField f : fields) {
            String v = values[f.ordinal()];
            int p = from + f.ordinal();
            switch (f.type()) {
                case DATE -> {
                    if (v == null) {
                        ps.setNull(p, Types.DATE);
                    } else {
                        ps.setDate(p, Date.valueOf(v));
                    }
                }
                case NUMBER -> {
                    if (v == null) {
                        ps.setNull(p, Types.NUMERIC);
                    } else {
                        ps.setBigDecimal(p, new BigDecimal(v));
                    }
                }
                case TEXT -> ps.setString(p, v);
            }
        }
    }

    static Array lineage(PreparedStatement ps, @Nullable Long[] lineage) throws SQLException {
        return ps.getConnection().createArrayOf("bigint", lineage);
    }

    private void supersede(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("update basedata.conflict set status = 'SUPERSEDED', resolved_at = now(), resolved_by = 'system' where id = any(?) and status = 'OPEN'",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.stream().distinct().toArray())));
        }
    }

    private void open(List<Object[]> conflicts) {
        if (!conflicts.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into basedata.conflict (base, subject, field, department, value, source_batch, authority_department, authority_value)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", conflicts);
        }
    }
}
