package org.zhengtong.basedata.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseField;
import org.zhengtong.basedata.BaseDataProblem;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the versions of one subject and writes a new one, for the steward's decisions and the history; the merge
 * does the same for whole pages in batches.
 */
@Component
public class Versions {

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Versions(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One version of a subject: values and lineage (source batch id) by field name, in field order.
     *
     * @param validTo null for the current version
     */
    public record Version(int version, Map<String, @Nullable String> values, Map<String, @Nullable Long> lineage, Instant validFrom,
            @Nullable Instant validTo) {}

    /** The current version, or null when the base does not hold the subject. */
    public @Nullable Version current(Base base, String key, boolean forUpdate) {
        List<BaseField> fields = base.fields();
        String columns = fields.stream().map(BaseField::column).collect(Collectors.joining(", "));
        List<Version> found = jdbc.query("select " + columns + ", lineage, version, valid_from from basedata." + base.table() + " where "
                + base.keyColumn() + " = ?" + (forUpdate ? " for update" : ""), (rs, n) -> {
                    Map<String, @Nullable String> values = new LinkedHashMap<>();
                    Map<String, @Nullable Long> lineage = new LinkedHashMap<>();
                    Long[] l = (Long[]) rs.getArray("lineage").getArray();
                    for (BaseField f : fields) {
                        values.put(f.column(), MergeByAuthority.text(rs, f.ordinal() + 1, f));
                        lineage.put(f.column(), f.ordinal() < l.length ? l[f.ordinal()] : null);
                    }
                    return new Version(rs.getInt("version"), values, lineage, rs.getTimestamp("valid_from").toInstant(), null);
                }, key);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Every earlier version, oldest first. */
    public List<Version> history(Base base, String key) {
        List<BaseField> fields = base.fields();
        return jdbc.query("select version, fields, lineage, valid_from, valid_to from basedata." + base.table() + "_history where "
                + base.keyColumn() + " = ? order by version", (rs, n) -> {
                    Map<String, @Nullable String> stored = json.readValue(rs.getString("fields"), new TypeReference<LinkedHashMap<String, String>>() {});
                    Long[] l = (Long[]) rs.getArray("lineage").getArray();
                    Map<String, @Nullable String> values = new LinkedHashMap<>();
                    Map<String, @Nullable Long> lineage = new LinkedHashMap<>();
                    for (BaseField f : fields) {
                        values.put(f.column(), stored.get(f.column()));
                        lineage.put(f.column(), f.ordinal() < l.length ? l[f.ordinal()] : null);
                    }
                    return new Version(rs.getInt("version"), values, lineage, rs.getTimestamp("valid_from").toInstant(),
                            rs.getTimestamp("valid_to").toInstant());
                }, key);
    }

    /**
     * Sets one field of a subject to a value from a source batch as a new version: the current row goes to the
     * history, valid until {@code at}. A subject the base does not hold yet gets its first version.
     */
    public void change(Base base, String key, String field, String value, long batch, Instant at) {
        BaseField f = base.fields().stream().filter(x -> x.column().equals(field)).findFirst()
                .orElseThrow(() -> BaseDataProblem.unknownField(base.name(), field));
        String normal = FieldRules.normal(f, value);
        Version current = current(base, key, true);
        List<BaseField> fields = base.fields();
        Long[] lineage = new Long[fields.size()];
        String[] values = new String[fields.size()];
        if (current != null) {
            for (BaseField x : fields) {
                values[x.ordinal()] = current.values().get(x.column());
                lineage[x.ordinal()] = current.lineage().get(x.column());
            }
            Long[] before = lineage.clone();
            jdbc.update(con -> {
                var ps = con.prepareStatement("insert into basedata." + base.table() + "_history (" + base.keyColumn()
                        + ", version, fields, lineage, valid_from, valid_to) values (?, ?, ?::jsonb, ?, ?, ?)");
                ps.setString(1, key);
                ps.setInt(2, current.version());
                ps.setString(3, json.writeValueAsString(current.values()));
                ps.setArray(4, con.createArrayOf("bigint", before));
                ps.setTimestamp(5, Timestamp.from(current.validFrom()));
                ps.setTimestamp(6, Timestamp.from(at));
                return ps;
            });
        }
        values[f.ordinal()] = normal;
        lineage[f.ordinal()] = batch;
        int version = current == null ? 1 : current.version() + 1;
        String columns = fields.stream().map(BaseField::column).collect(Collectors.joining(", "));
        String sets = fields.stream().map(x -> x.column() + " = excluded." + x.column()).collect(Collectors.joining(", "));
        jdbc.update(con -> {
            var ps = con.prepareStatement("insert into basedata." + base.table() + " (" + base.keyColumn() + ", " + columns
                    + ", lineage, version, valid_from) values (?, " + "?, ".repeat(fields.size()) + "?, ?, ?) on conflict (" + base.keyColumn()
                    + ") do update set " + sets + ", lineage = excluded.lineage, version = excluded.version, valid_from = excluded.valid_from");
            ps.setString(1, key);
            MergeByAuthority.values(ps, 2, fields, values);
            ps.setArray(fields.size() + 2, con.createArrayOf("bigint", lineage));
            ps.setInt(fields.size() + 3, version);
            ps.setTimestamp(fields.size() + 4, Timestamp.from(at));
            return ps;
        });
    }
}
