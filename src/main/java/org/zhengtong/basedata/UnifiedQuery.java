package org.zhengtong.basedata;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.basedata.QueryPurpose.Stated;
import org.zhengtong.basedata.query.Access;
import org.zhengtong.basedata.query.BaseResources;
import org.zhengtong.basedata.query.Masking;
import org.zhengtong.basedata.query.QueryJournal;
import org.zhengtong.basedata.query.Viewers;
import org.zhengtong.basedata.query.Viewers.Viewer;
import org.zhengtong.basedata.query.VisibleFields;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.InvalidCode;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * The unified query (统一数据资源查询): a civil servant or a department system looks up a person by ID number or an
 * enterprise by credit code, or searches by conditions, and sees only what the department is granted.
 *
 * <p>The base databases are catalog resources of the big-data bureau (人口基础库, 法人基础库), one data item per field.
 * A department sees the items of its active grants; a personal field it is not granted in full – the ID number,
 * phone and addresses – is shown masked ({@code 370602********123X}, {@code 138****5678}, an address cut after its
 * district), and any other field it is not granted is left out. A department without any grant on a base cannot
 * query it.
 *
 * <p>Every query states its purpose ({@link QueryPurpose}), and every query – found or not – is written to the audit
 * log and to the asking person's own query history before the answer is given.
 */
@Service
public class UnifiedQuery {

    /** The most subjects a search by conditions answers. */
    public static final int MAX_RESULTS = 100;

    private final JdbcTemplate jdbc;
    private final VisibleFields visible;
    private final Viewers viewers;
    private final QueryJournal journal;
    private final BaseResources resources;
    private final AuditLog audit;
    private final Map<Base, String> selects = new java.util.EnumMap<>(Base.class);

    UnifiedQuery(JdbcTemplate jdbc, VisibleFields visible, Viewers viewers, QueryJournal journal, BaseResources resources, AuditLog audit) {
        this.jdbc = jdbc;
        this.visible = visible;
        this.viewers = viewers;
        this.journal = journal;
        this.resources = resources;
        this.audit = audit;
        for (Base base : Base.values()) {
            selects.put(base, "select " + base.keyColumn() + ", "
                    + base.fields().stream().map(BaseField::column).collect(Collectors.joining(", ")) + " from basedata." + base.table());
        }
    }

    /**
     * One person or enterprise as the viewer may see it: the key (masked unless its item is granted), the fields shown
     * by field name in field order, and which of them – the key's name included – are masked.
     */
    public record Subject(Base base, String key, Map<String, @Nullable Object> fields, List<String> masked) {}

    /** The answer to a search: at most {@link #MAX_RESULTS} subjects, and whether there were more. */
    public record Results(List<Subject> subjects, boolean more) {}

    /** Conditions on persons; any may be empty but not all. The division is a prefix of the household division code. */
    public record PersonCriteria(@Nullable String name, @Nullable String gender, @Nullable LocalDate bornFrom, @Nullable LocalDate bornTo,
            @Nullable String division) {}

    /** Conditions on enterprises; the name is contained, industry and division are code prefixes. */
    public record LegalPersonCriteria(@Nullable String name, @Nullable String status, @Nullable String industry, @Nullable String division) {}

    /** One line of a person's own query history. */
    public record HistoryLine(Instant at, String base, String kind, String purpose, @Nullable String purposeText, String criteria, int results) {}

    /** What the viewer's department may see of a base. */
    public Access access(Base base) {
        return visible.of(viewers.current().department(), base);
    }

    // lookups

    /** Looks a person up by ID number; the number must be valid (GB 11643); a 15-digit legacy number is upgraded. */
    public Subject person(String idNumber, @Nullable Stated purpose) {
        stated(purpose);
        String id = validId(idNumber);
        return lookup(Base.PERSON, id, purpose);
    }

    /** Looks an enterprise up by unified social credit code (GB 32100). */
    public Subject legalPerson(String creditCode, @Nullable Stated purpose) {
        stated(purpose);
        String code = validCreditCode(creditCode);
        return lookup(Base.LEGAL_PERSON, code, purpose);
    }

    private Subject lookup(Base base, String key, Stated purpose) {
        Viewer viewer = viewers.current();
        Access access = accessOrRefuse(viewer, base);
        List<Subject> found = jdbc.query(selects.get(base) + " where " + base.keyColumn() + " = ?", (rs, n) -> subject(rs, access), key);
        // The history shows the key as the asker may see it; the audit record names the subject in full for the auditor.
        String shown = access.fullKey() || base == Base.LEGAL_PERSON ? key : Masking.idNumber(key);
        String criteria = base.keyColumn() + "=" + shown;
        journal.record(line(viewer, base, "LOOKUP", purpose, base.keyColumn() + "=" + key, criteria, found.size(),
                (base == Base.PERSON ? "person:" : "legal-person:") + key));
        if (found.isEmpty()) {
            throw QueryProblem.notFound(base.label(), shown);
        }
        return found.getFirst();
    }

    // searches

    /** Searches persons by conditions; see {@link PersonCriteria}. */
    public Results persons(PersonCriteria c, @Nullable Stated purpose) {
        stated(purpose);
        Viewer viewer = viewers.current();
        Access access = accessOrRefuse(viewer, Base.PERSON);
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        String described = describe("name", c.name(), "gender", c.gender(), "born from", c.bornFrom(), "born to", c.bornTo(), "division",
                c.division());
        condition(access, where, args, PersonField.NAME, "name = ?", blankToNull(c.name()));
        condition(access, where, args, PersonField.GENDER, "gender = ?", blankToNull(c.gender()));
        condition(access, where, args, PersonField.BIRTH_DATE, "birth_date >= ?", c.bornFrom());
        condition(access, where, args, PersonField.BIRTH_DATE, "birth_date <= ?", c.bornTo());
        String division = blankToNull(c.division());
        if (division != null && !division.matches("[0-9]{2,12}")) {
            throw InvalidInput.of("division", "basedata.query.division.format", division);
        }
        condition(access, where, args, PersonField.HOUSEHOLD_DIVISION, "household_division like ?", division == null ? null : division + "%");
        return search(viewer, access, Base.PERSON, where, args, purpose, described);
    }

    /** Searches enterprises by conditions; see {@link LegalPersonCriteria}. */
    public Results legalPersons(LegalPersonCriteria c, @Nullable Stated purpose) {
        stated(purpose);
        Viewer viewer = viewers.current();
        Access access = accessOrRefuse(viewer, Base.LEGAL_PERSON);
        StringBuilder where = new StringBuilder();
        List<Object> args = new ArrayList<>();
        String described = describe("name", c.name(), "status", c.status(), "industry", c.industry(), "division", c.division());
        String name = blankToNull(c.name());
        condition(access, where, args, LegalPersonField.NAME, "name like ?", name == null ? null : "%" + likeEscaped(name) + "%");
        condition(access, where, args, LegalPersonField.STATUS, "status = ?", blankToNull(c.status()));
        String industry = blankToNull(c.industry());
        condition(access, where, args, LegalPersonField.INDUSTRY, "industry like ?", industry == null ? null : likeEscaped(industry) + "%");
        String division = blankToNull(c.division());
        if (division != null && !division.matches("[0-9]{2,12}")) {
            throw InvalidInput.of("division", "basedata.query.division.format", division);
        }
        condition(access, where, args, LegalPersonField.DIVISION, "division like ?", division == null ? null : division + "%");
        return search(viewer, access, Base.LEGAL_PERSON, where, args, purpose, described);
    }

    private Results search(Viewer viewer, Access access, Base base, StringBuilder where, List<Object> args, Stated purpose, String criteria) {
        if (where.isEmpty()) {
            throw QueryProblem.noCriteria();
        }
        String sql = selects.get(base) + " where " + where + " order by " + base.keyColumn() + " limit " + (MAX_RESULTS + 1);
        List<Subject> found = new ArrayList<>(jdbc.query(sql, (rs, n) -> subject(rs, access), args.toArray()));
        boolean more = found.size() > MAX_RESULTS;
        if (more) {
            found.removeLast();
        }
        journal.record(line(viewer, base, "SEARCH", purpose, criteria, criteria, found.size(), base == Base.PERSON ? "person:search" : "legal-person:search"));
        return new Results(List.copyOf(found), more);
    }

    private static void condition(Access access, StringBuilder where, List<Object> args, BaseField field, String sql, @Nullable Object value) {
        if (value == null) {
            return;
        }
        if (!access.full(field)) {
            throw QueryProblem.criterionNotGranted(field.column());
        }
        if (!where.isEmpty()) {
            where.append(" and ");
        }
        where.append(sql);
        args.add(value);
    }

    // history

    /** The acting person's own queries, newest first. */
    public List<HistoryLine> myHistory(int limit) {
        return jdbc.query("""
                select at, base, kind, purpose, purpose_text, criteria, results from basedata.query_log
                where actor = ? order by at desc, id desc limit ?""",
                (rs, n) -> new HistoryLine(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getInt(7)),
                Actor.current().username(), Math.max(1, Math.min(limit, 1000)));
    }

    // aggregates

    /** One bar of an aggregate: a group's key (a code or a value) and how many subjects it holds. */
    public record Count(String key, long count) {}

    /** The leaders' overview: totals by group only, never a single person or enterprise. */
    public record Overview(long persons, List<Count> byDivision, List<Count> byGender, List<Count> byAgeBand, List<Count> byEthnicity,
            long enterprises, List<Count> byStatus, List<Count> byIndustry, List<Count> enterprisesByDivision) {}

    /** Aggregates of both bases for the leaders' overview (基础库总览). */
    public Overview overview() {
        audit.record("basedata.overview.view", "basedata:overview", "aggregates only");
        return new Overview(
                count("select count(*) from basedata.person"),
                counts("select coalesce(household_division, ''), count(*) from basedata.person group by 1 order by 1"),
                counts("select coalesce(gender, ''), count(*) from basedata.person group by 1 order by 2 desc"),
                counts("""
                        select case when birth_date is null then ''
                                    when age(current_date, birth_date) < interval '18 years' then '0-17'
                                    when age(current_date, birth_date) < interval '35 years' then '18-34'
                                    when age(current_date, birth_date) < interval '60 years' then '35-59'
                                    else '60+' end, count(*)
                        from basedata.person where death_date is null group by 1 order by 1"""),
                counts("select coalesce(ethnicity, ''), count(*) from basedata.person group by 1 order by 2 desc limit 20"),
                count("select count(*) from basedata.legal_person"),
                counts("select coalesce(status, ''), count(*) from basedata.legal_person group by 1 order by 2 desc"),
                counts("select coalesce(left(industry, 1), ''), count(*) from basedata.legal_person group by 1 order by 1"),
                counts("select coalesce(division, ''), count(*) from basedata.legal_person group by 1 order by 1"));
    }

    private long count(String sql) {
        Long n = jdbc.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }

    private List<Count> counts(String sql) {
        return jdbc.query(sql, (rs, n) -> new Count(rs.getString(1), rs.getLong(2)));
    }

    // helpers

    private Access accessOrRefuse(Viewer viewer, Base base) {
        Access access = visible.of(viewer.department(), base);
        if (!access.any()) {
            audit.record(viewer.actor(), "basedata.query.denied", "base:" + base.name(), Outcome.DENIED,
                    "department " + viewer.department() + " holds no grant");
            throw QueryProblem.noGrant(viewer.department(), BaseResources.name(base));
        }
        return access;
    }

    /** A query without a stated purpose is refused before anything is read. */
    private static void stated(@Nullable Stated purpose) {
        if (purpose == null) {
            throw QueryProblem.noPurpose();
        }
    }

    /** The conditions given, as the history shows them: {@code name=张三; division=379902}. */
    private static String describe(@Nullable Object... pairs) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            Object v = pairs[i + 1];
            if (v != null && !v.toString().isBlank()) {
                parts.add(pairs[i] + "=" + v.toString().strip());
            }
        }
        return String.join("; ", parts);
    }

    private static Subject subject(ResultSet rs, Access access) throws SQLException {
        Base base = access.base();
        String key = rs.getString(1);
        List<String> masked = new ArrayList<>();
        if (base == Base.PERSON && !access.fullKey()) {
            key = Masking.idNumber(key);
            masked.add(base.keyColumn());
        }
        Map<String, @Nullable Object> fields = new LinkedHashMap<>();
        int i = 2;
        for (BaseField f : base.fields()) {
            int column = i++;
            if (!access.shown(f)) {
                continue;
            }
            Object value = value(rs, column, f);
            if (!access.full(f)) {
                value = f instanceof PersonField p ? Masking.mask(p, value) : null;
                masked.add(f.column());
            }
            fields.put(f.column(), value);
        }
        return new Subject(base, key, Collections.unmodifiableMap(fields), List.copyOf(masked));
    }

    static @Nullable Object value(ResultSet rs, int column, BaseField f) throws SQLException {
        return switch (f.type()) {
            case DATE -> rs.getObject(column, LocalDate.class);
            case NUMBER -> rs.getObject(column, BigDecimal.class);
            case TEXT -> rs.getString(column);
        };
    }

    private static QueryJournal.Line line(Viewer viewer, Base base, String kind, Stated purpose, String audited, String criteria, int results,
            String target) {
        String detail = "purpose " + purpose + "; " + audited + "; results " + results;
        return new QueryJournal.Line(QueryJournal.entry(viewer.actor(), "basedata.query." + kind.toLowerCase(), target, detail), viewer.department(),
                base.name(), kind, purpose.purpose().name(), purpose.text(), criteria, results);
    }

    static String validId(@Nullable String idNumber) {
        try {
            return IdCardNumber.parseOrUpgrade(idNumber).value();
        } catch (InvalidCode e) {
            throw InvalidInput.of("idNumber", e.messageKey(), e.args());
        }
    }

    static String validCreditCode(@Nullable String code) {
        try {
            return UnifiedSocialCreditCode.parse(code).value();
        } catch (InvalidCode e) {
            throw InvalidInput.of("creditCode", e.messageKey(), e.args());
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String likeEscaped(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
