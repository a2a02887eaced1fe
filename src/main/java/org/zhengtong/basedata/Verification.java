package org.zhengtong.basedata;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.zhengtong.basedata.QueryPurpose.Stated;
import org.zhengtong.basedata.internal.FieldRules;
import org.zhengtong.basedata.query.Access;
import org.zhengtong.basedata.query.BaseResources;
import org.zhengtong.basedata.query.QueryJournal;
import org.zhengtong.basedata.query.Viewers;
import org.zhengtong.basedata.query.Viewers.Viewer;
import org.zhengtong.basedata.query.VisibleFields;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.InvalidCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * Verification (核验: 数据可用不可见): a department system sends what it has been told – a person's ID number with a name
 * and "alive", an enterprise's credit code with its name and status – and learns for each claim whether the base
 * database agrees, without ever being shown what the base holds.
 *
 * <p>Each claim is answered, in order, {@link Result#MATCH}, {@link Result#MISMATCH} naming only the fields that
 * disagree, {@link Result#NOT_FOUND}, or {@link Result#INVALID} with the reason its key or a value cannot be read (a
 * wrong check character, a date that is none). An answer carries field names and the caller's own input at most,
 * never a stored value. A department may claim only fields whose data items it is granted in full: verification
 * spares it from seeing values, not from needing the grant. The key itself need not be granted, since the caller
 * brings it.
 *
 * <p>Claims are compared the way the merge stores values (trimmed, a 15-digit ID number upgraded, gender 1/2 as
 * 男/女, 汉 as 汉族, dates as yyyy-MM-dd, numbers without trailing zeros), so a claim does not fail on spelling the
 * base has normalised away. All keys of a call are read with one {@code = any(?)} query and compared in memory;
 * the call is audited as one record with the count of claims and of each answer.
 */
@Service
public class Verification {

    /** The most claims one call may carry. */
    public static final int MAX_CLAIMS = 10_000;

    /** The claim name meaning "has no date of death" (在世), checked against the death date. */
    public static final String ALIVE = "alive";

    /** How a claim is answered. */
    public enum Result {
        MATCH, MISMATCH, NOT_FOUND, INVALID;

        /** The answer's name in the API: {@code match}, {@code mismatch}, {@code not_found}, {@code invalid}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One claim's answer: the fields that disagree (for a mismatch, by their API names), or why the claim could not be
     * read (for invalid: the field and a message built from the claim alone).
     */
    public record Answer(Result result, List<String> fields, @Nullable FieldProblem reason) {

        static final Answer MATCH = new Answer(Result.MATCH, List.of(), null);
        static final Answer NOT_FOUND = new Answer(Result.NOT_FOUND, List.of(), null);
    }

    /** The answers of one call, in the order of its claims, and how many of each. */
    public record Outcome(Base base, List<Answer> answers, Map<Result, Integer> counts) {}

    /** A name a claim may use: the field it is checked against, and whether it is the "alive" claim on the death date. */
    private record Spec(String name, BaseField field, boolean alive) {}

    private final JdbcTemplate jdbc;
    private final VisibleFields visible;
    private final Viewers viewers;
    private final QueryJournal journal;
    private final Map<Base, Map<String, Spec>> specs = new EnumMap<>(Base.class);
    private final Map<Base, Set<String>> keyNames = new EnumMap<>(Base.class);

    Verification(JdbcTemplate jdbc, VisibleFields visible, Viewers viewers, QueryJournal journal) {
        this.jdbc = jdbc;
        this.visible = visible;
        this.viewers = viewers;
        this.journal = journal;
        for (Base base : Base.values()) {
            Map<String, Spec> names = new HashMap<>();
            for (BaseField f : base.fields()) {
                Spec s = new Spec(f.column(), f, false);
                names.put(f.column(), s);
                names.put(camel(f.column()), s);
            }
            if (base == Base.PERSON) {
                names.put(ALIVE, new Spec(ALIVE, PersonField.DEATH_DATE, true));
            }
            specs.put(base, Map.copyOf(names));
            keyNames.put(base, Set.of(base.keyColumn(), camel(base.keyColumn())));
        }
    }

    /** Verifies claims on persons, each {@code idNumber} (or {@code id_number}) and any person fields or {@code alive}. */
    public Outcome persons(Stated purpose, @Nullable List<? extends @Nullable Map<String, ? extends @Nullable Object>> claims) {
        return verify(Base.PERSON, purpose, claims);
    }

    /** Verifies claims on enterprises, each {@code creditCode} (or {@code credit_code}) and any legal-person fields. */
    public Outcome legalPersons(Stated purpose, @Nullable List<? extends @Nullable Map<String, ? extends @Nullable Object>> claims) {
        return verify(Base.LEGAL_PERSON, purpose, claims);
    }

    private Outcome verify(Base base, Stated purpose, @Nullable List<? extends @Nullable Map<String, ? extends @Nullable Object>> claims) {
        if (claims == null || claims.isEmpty()) {
            throw QueryProblem.noClaims();
        }
        if (claims.size() > MAX_CLAIMS) {
            throw QueryProblem.tooManyClaims(claims.size(), MAX_CLAIMS);
        }
        Viewer viewer = viewers.current();
        Access access = visible.of(viewer.department(), base);
        if (!access.any()) {
            throw QueryProblem.noGrant(viewer.department(), BaseResources.name(base));
        }
        Map<String, Spec> names = specs.get(base);
        Set<String> keys = keyNames.get(base);
        String keyName = camel(base.keyColumn());
        Set<Spec> allowed = new java.util.HashSet<>();
        Set<BaseField> columns = new LinkedHashSet<>();

        // Read every claim first: a field the call may not claim fails the whole call before anything is looked up.
        int n = claims.size();
        String[] claimKeys = new String[n];
        Spec[][] claimSpecs = new Spec[n][];
        String[][] expected = new String[n][];
        Answer[] answers = new Answer[n];
        for (int i = 0; i < n; i++) {
            Map<String, ? extends @Nullable Object> claim = claims.get(i);
            if (claim == null) {
                answers[i] = invalid(keyName, "basedata.verify.no-key", keyName);
                continue;
            }
            Object rawKey = null;
            Spec[] these = new Spec[claim.size()];
            String[] values = new String[claim.size()];
            int count = 0;
            FieldProblem problem = null;
            for (Map.Entry<String, ? extends @Nullable Object> e : claim.entrySet()) {
                String name = e.getKey();
                if (keys.contains(name)) {
                    rawKey = e.getValue();
                    continue;
                }
                Spec spec = names.get(name);
                if (spec == null) {
                    throw QueryProblem.unknownClaimField(i + 1, name);
                }
                if (!allowed.contains(spec)) {
                    if (!access.full(spec.field())) {
                        throw QueryProblem.claimFieldNotGranted(name);
                    }
                    allowed.add(spec);
                    columns.add(spec.field());
                }
                Object value = e.getValue();
                String normal;
                try {
                    normal = normal(spec, value);
                } catch (IllegalArgumentException bad) {
                    if (problem == null) {
                        problem = new FieldProblem(name, "basedata.verify.value", name, String.valueOf(value));
                    }
                    continue;
                }
                these[count] = spec;
                values[count] = normal;
                count++;
            }
            if (rawKey == null || rawKey.toString().isBlank()) {
                answers[i] = invalid(keyName, "basedata.verify.no-key", keyName);
                continue;
            }
            String key;
            try {
                key = key(base, rawKey.toString());
            } catch (InvalidCode bad) {
                answers[i] = new Answer(Result.INVALID, List.of(), new FieldProblem(keyName, bad.messageKey(), bad.args()));
                continue;
            }
            if (problem != null) {
                answers[i] = new Answer(Result.INVALID, List.of(), problem);
                continue;
            }
            claimKeys[i] = key;
            claimSpecs[i] = count == these.length ? these : java.util.Arrays.copyOf(these, count);
            expected[i] = count == values.length ? values : java.util.Arrays.copyOf(values, count);
        }

        Map<String, @Nullable String[]> stored = read(base, claimKeys, List.copyOf(columns));
        Map<BaseField, Integer> index = new HashMap<>();
        int c = 0;
        for (BaseField f : columns) {
            index.put(f, c++);
        }
        Map<Result, Integer> counts = new EnumMap<>(Result.class);
        for (Result r : Result.values()) {
            counts.put(r, 0);
        }
        for (int i = 0; i < n; i++) {
            if (answers[i] == null) {
                String[] row = stored.get(claimKeys[i]);
                answers[i] = row == null ? Answer.NOT_FOUND : compare(claimSpecs[i], expected[i], row, index);
            }
            counts.merge(answers[i].result(), 1, Integer::sum);
        }

        String fields = allowed.stream().map(Spec::name).sorted().collect(Collectors.joining(","));
        String criteria = "claims " + n + "; fields " + (fields.isEmpty() ? "-" : fields) + "; "
                + counts.entrySet().stream().map(e -> e.getKey().code() + " " + e.getValue()).collect(Collectors.joining(", "));
        String detail = "purpose " + purpose + "; " + criteria;
        journal.record(new QueryJournal.Line(
                QueryJournal.entry(viewer.actor(), "basedata.query.verify", (base == Base.PERSON ? "person:" : "legal-person:") + "verify", detail),
                viewer.department(), base.name(), "VERIFY", purpose.purpose().name(), purpose.text(), criteria, n));
        return new Outcome(base, List.of(answers), java.util.Collections.unmodifiableMap(counts));
    }

    private static Answer compare(Spec[] specs, String[] expected, String[] row, Map<BaseField, Integer> index) {
        List<String> wrong = null;
        for (int j = 0; j < specs.length; j++) {
            Spec spec = specs[j];
            String value = row[index.get(spec.field())];
            String have = spec.alive() ? String.valueOf(value == null) : value;
            if (!Objects.equals(expected[j], have)) {
                if (wrong == null) {
                    wrong = new ArrayList<>(2);
                }
                if (!wrong.contains(spec.name())) {
                    wrong.add(spec.name());
                }
            }
        }
        return wrong == null ? Answer.MATCH : new Answer(Result.MISMATCH, List.copyOf(wrong), null);
    }

    /** The stored values of the claimed columns, as the claims are normalised, by key; one query for the whole call. */
    private Map<String, @Nullable String[]> read(Base base, @Nullable String[] claimKeys, List<BaseField> columns) {
        Set<String> distinct = new LinkedHashSet<>();
        for (String k : claimKeys) {
            if (k != null) {
                distinct.add(k);
            }
        }
        Map<String, @Nullable String[]> rows = new HashMap<>(distinct.size() * 2);
        if (distinct.isEmpty()) {
            return rows;
        }
        String sql = "select " + base.keyColumn()
                + columns.stream().map(f -> ", " + f.column()).collect(Collectors.joining())
                + " from basedata." + base.table() + " where " + base.keyColumn() + " = any(?)";
        String[] keys = distinct.toArray(String[]::new);
        jdbc.query((Connection con) -> {
            PreparedStatement ps = con.prepareStatement(sql);
            Array array = con.createArrayOf("text", keys);
            ps.setArray(1, array);
            return ps;
        }, (ResultSet rs) -> {
            String[] values = new String[columns.size()];
            for (int j = 0; j < values.length; j++) {
                BaseField f = columns.get(j);
                values[j] = switch (f.type()) {
                    case DATE -> {
                        LocalDate d = rs.getObject(j + 2, LocalDate.class);
                        yield d == null ? null : d.toString();
                    }
                    case NUMBER -> {
                        BigDecimal b = rs.getBigDecimal(j + 2);
                        yield b == null ? null : FieldRules.number(b);
                    }
                    case TEXT -> rs.getString(j + 2);
                };
            }
            rows.put(rs.getString(1), values);
        });
        return rows;
    }

    private static String key(Base base, String raw) {
        String k = raw.strip();
        if (base == Base.PERSON) {
            return IdCardNumber.parseOrUpgrade(k).value();
        }
        return UnifiedSocialCreditCode.parse(k).value();
    }

    /**
     * A claimed value in the form the base stores, or null for a claim that the field is empty.
     *
     * @throws IllegalArgumentException when the value cannot be one of the field's
     */
    private static @Nullable String normal(Spec spec, @Nullable Object value) {
        if (spec.alive()) {
            if (value instanceof Boolean b) {
                return b.toString();
            }
            if (value instanceof String s && (s.strip().equalsIgnoreCase("true") || s.strip().equalsIgnoreCase("false"))) {
                return s.strip().toLowerCase(Locale.ROOT);
            }
            throw new IllegalArgumentException("alive is true or false");
        }
        if (value == null) {
            return null;
        }
        if (!(value instanceof String) && !(value instanceof Number)) {
            throw new IllegalArgumentException("not a plain value");
        }
        String v = value.toString().strip();
        if (v.isEmpty()) {
            return null;
        }
        BaseField f = spec.field();
        switch (f.type()) {
            case DATE -> {
                String iso = v.length() == 8 && v.chars().allMatch(Character::isDigit)
                        ? v.substring(0, 4) + "-" + v.substring(4, 6) + "-" + v.substring(6) : v;
                try {
                    return LocalDate.parse(iso).toString();
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("not a date", e);
                }
            }
            case NUMBER -> {
                return FieldRules.number(new BigDecimal(v));
            }
            default -> {
                if (f == PersonField.GENDER) {
                    return switch (v) {
                        case "1", "男性" -> "男";
                        case "2", "女性" -> "女";
                        default -> v;
                    };
                }
                if (f == PersonField.ETHNICITY) {
                    String e = FieldRules.ethnicity(v);
                    return e == null ? v : e;
                }
                return v;
            }
        }
    }

    private static Answer invalid(String field, String messageKey, Object... args) {
        return new Answer(Result.INVALID, List.of(), new FieldProblem(field, messageKey, args));
    }

    /** {@code birth_date} → {@code birthDate}: the API accepts a field's column name and its camel-case form. */
    static String camel(String column) {
        StringBuilder b = new StringBuilder(column.length());
        boolean up = false;
        for (char ch : column.toCharArray()) {
            if (ch == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(ch) : ch);
                up = false;
            }
        }
        return b.toString();
    }

    /** The names a claim on the base may use besides its key: each field's column name, camel-case form, and for persons alive. */
    public Set<String> claimNames(Base base) {
        return new java.util.TreeSet<>(specs.get(base).keySet());
    }
}
