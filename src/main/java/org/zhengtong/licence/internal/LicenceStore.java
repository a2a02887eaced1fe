package org.zhengtong.licence.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The licence schema's tables: types, licences and their number sequences. */
@Repository
public class LicenceStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    LicenceStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A licence type as stored; fields are name → label in display order. */
    public record TypeRow(String code, String name, String issuer, String holderKind, @Nullable Integer validityYears,
            Map<String, String> fields, int sortOrder) {}

    /** A licence as stored, with its seal. */
    public record LicenceRow(String number, String typeCode, String holderId, String holderName, String issuer, LocalDate issuedOn,
            LocalDate validFrom, @Nullable LocalDate validUntil, Map<String, String> data, @Nullable String caseNumber, String digest,
            String signature, @Nullable Instant revokedAt, @Nullable String revokeReason) {}

    public List<TypeRow> types() {
        return jdbc.sql("select * from licence.licence_type order by sort_order, code").query(this::mapType).list();
    }

    public Optional<TypeRow> type(String code) {
        return jdbc.sql("select * from licence.licence_type where code = ?").param(code).query(this::mapType).optional();
    }

    /** Adds a type, or brings an existing one up to date. */
    public void saveType(TypeRow t) {
        List<Map<String, String>> fields = new ArrayList<>();
        t.fields().forEach((name, label) -> fields.add(Map.of("name", name, "label", label)));
        jdbc.sql("""
                insert into licence.licence_type (code, name, issuer, holder_kind, validity_years, fields, sort_order)
                values (?, ?, ?, ?, ?, ?::jsonb, ?)
                on conflict (code) do update set name = excluded.name, issuer = excluded.issuer, holder_kind = excluded.holder_kind,
                    validity_years = excluded.validity_years, fields = excluded.fields, sort_order = excluded.sort_order""")
                .params(t.code(), t.name(), t.issuer(), t.holderKind(), t.validityYears(), json.writeValueAsString(fields), t.sortOrder())
                .update();
    }

    /** The next sequence number of a type in a year, counted in the database so concurrent issues never share one. */
    public int nextSequence(String typeCode, int year) {
        return jdbc.sql("""
                insert into licence.number_sequence (type_code, year, last) values (?, ?, 1)
                on conflict (type_code, year) do update set last = number_sequence.last + 1
                returning last""").params(typeCode, year).query(Integer.class).single();
    }

    public void insert(LicenceRow r, String issuedBy) {
        jdbc.sql("""
                insert into licence.licence (number, type_code, holder_id, holder_name, issuer, issued_on, valid_from, valid_until, data,
                    case_number, digest, signature, issued_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                .params(r.number(), r.typeCode(), r.holderId(), r.holderName(), r.issuer(), r.issuedOn(), r.validFrom(), r.validUntil(),
                        json.writeValueAsString(r.data()), r.caseNumber(), r.digest(), r.signature(), issuedBy)
                .update();
    }

    public Optional<LicenceRow> find(String number) {
        return jdbc.sql("select * from licence.licence where number = ?").param(number).query(this::mapLicence).optional();
    }

    public List<LicenceRow> byHolder(String holderId) {
        return jdbc.sql("select * from licence.licence where holder_id = ? order by issued_at desc, number").param(holderId)
                .query(this::mapLicence).list();
    }

    /**
     * One page of a department's licences, newest first, optionally only of one status (as of {@code today}) and
     * matching a text in the number, holder name or holder id.
     */
    public List<LicenceRow> byIssuer(String issuer, @Nullable String text, @Nullable String status, LocalDate today, int offset, int limit) {
        Filter f = filter(issuer, text, status, today);
        List<Object> params = new ArrayList<>(f.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select * from licence.licence where " + f.where() + " order by issued_at desc, number desc limit ? offset ?")
                .params(params).query(this::mapLicence).list();
    }

    public long countByIssuer(String issuer, @Nullable String text, @Nullable String status, LocalDate today) {
        Filter f = filter(issuer, text, status, today);
        return jdbc.sql("select count(*) from licence.licence where " + f.where()).params(f.params()).query(Long.class).single();
    }

    private record Filter(String where, List<Object> params) {}

    private static Filter filter(String issuer, @Nullable String text, @Nullable String status, LocalDate today) {
        StringBuilder where = new StringBuilder("issuer = ?");
        List<Object> params = new ArrayList<>(List.of(issuer));
        if (text != null && !text.isBlank()) {
            where.append(" and (number = ? or holder_id = ? or holder_name like ? or type_code = ?)");
            String t = text.strip();
            params.addAll(List.of(t.toUpperCase(java.util.Locale.ROOT), t.toUpperCase(java.util.Locale.ROOT), "%" + likeEscape(t) + "%",
                    t.toUpperCase(java.util.Locale.ROOT)));
        }
        if ("REVOKED".equals(status)) {
            where.append(" and revoked_at is not null");
        } else if ("EXPIRED".equals(status)) {
            where.append(" and revoked_at is null and valid_until < ?");
            params.add(today);
        } else if ("VALID".equals(status)) {
            where.append(" and revoked_at is null and (valid_until is null or valid_until >= ?)");
            params.add(today);
        }
        return new Filter(where.toString(), params);
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /** Marks a licence revoked; false when it already was. */
    public boolean revoke(String number, String by, String reason) {
        return jdbc.sql("update licence.licence set revoked_at = now(), revoked_by = ?, revoke_reason = ? where number = ? and revoked_at is null")
                .params(by, reason, number).update() == 1;
    }

    public long count() {
        return jdbc.sql("select count(*) from licence.licence").query(Long.class).single();
    }

    private TypeRow mapType(ResultSet rs, int n) throws SQLException {
        List<Map<String, String>> list = json.readValue(rs.getString("fields"), new TypeReference<List<Map<String, String>>>() {});
        Map<String, String> fields = new LinkedHashMap<>();
        list.forEach(f -> fields.put(f.get("name"), f.get("label")));
        Integer years = rs.getObject("validity_years", Integer.class);
        return new TypeRow(rs.getString("code"), rs.getString("name"), rs.getString("issuer"), rs.getString("holder_kind"), years, fields,
                rs.getInt("sort_order"));
    }

    private LicenceRow mapLicence(ResultSet rs, int n) throws SQLException {
        Map<String, String> data = json.readValue(rs.getString("data"), new TypeReference<LinkedHashMap<String, String>>() {});
        java.sql.Date until = rs.getDate("valid_until");
        java.sql.Timestamp revoked = rs.getTimestamp("revoked_at");
        return new LicenceRow(rs.getString("number"), rs.getString("type_code"), rs.getString("holder_id"), rs.getString("holder_name"),
                rs.getString("issuer"), rs.getDate("issued_on").toLocalDate(), rs.getDate("valid_from").toLocalDate(),
                until == null ? null : until.toLocalDate(), data, rs.getString("case_number"), rs.getString("digest"),
                rs.getString("signature"), revoked == null ? null : revoked.toInstant(), rs.getString("revoke_reason"));
    }
}
