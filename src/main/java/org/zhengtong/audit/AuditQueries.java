package org.zhengtong.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

/**
 * How auditors read the audit log (审计查询): a page at a time, newest first, or every matching record in
 * turn for an export. It only reads; nothing in the platform changes or removes a record once written.
 *
 * <p>Conditions are bound as parameters, never written into the SQL, so whatever an auditor types is only
 * ever compared with.
 */
@Service
public class AuditQueries {

    /** The most records one page may hold. */
    public static final int MAX_PAGE_SIZE = 200;

    private static final String SELECT = "select seq, at, actor, org_unit, action, target, detail, address, outcome,"
            + " previous_hash, hash from audit.audit_record";

    private final JdbcClient jdbc;

    AuditQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One page of the matching records, newest first; {@code page} counts from 1. The page and the total are
     * read from one snapshot, so they agree even while records are being written.
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public AuditPage search(AuditFilter filter, int page, int size) {
        List<FieldProblem> problems = new ArrayList<>(check(filter));
        if (page < 1) {
            problems.add(new FieldProblem("page", "audit.invalid.page"));
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.add(new FieldProblem("size", "audit.invalid.size", MAX_PAGE_SIZE));
        }
        InvalidInput.throwIfAny(problems);
        Where where = Where.of(filter);
        List<Object> params = new ArrayList<>(where.params());
        params.add(size);
        params.add((long) (page - 1) * size);
        List<AuditRecord> items = jdbc.sql(SELECT + where.sql() + " order by seq desc limit ? offset ?")
                .params(params)
                .query(AuditQueries::record)
                .list();
        return new AuditPage(items, count(filter), page, size);
    }

    public long count(AuditFilter filter) {
        InvalidInput.throwIfAny(check(filter));
        Where where = Where.of(filter);
        return jdbc.sql("select count(*) from audit.audit_record" + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /**
     * Hands every matching record, newest first, to {@code each}. The rows come from a database cursor a few
     * hundred at a time, so an export of the whole log needs no more memory than one of a single day.
     */
    @Transactional(readOnly = true)
    public void forEach(AuditFilter filter, Consumer<AuditRecord> each) {
        InvalidInput.throwIfAny(check(filter));
        Where where = Where.of(filter);
        // PostgreSQL uses a cursor only inside a transaction and with a fetch size; otherwise it reads all rows at once.
        jdbc.sql(SELECT + where.sql() + " order by seq desc")
                .withFetchSize(500)
                .params(where.params())
                .query((RowCallbackHandler) rs -> each.accept(record(rs, 0)));
    }

    private static List<FieldProblem> check(AuditFilter filter) {
        if (filter.from() != null && filter.to() != null && !filter.to().isAfter(filter.from())) {
            return List.of(new FieldProblem("to", "audit.invalid.to.before-from"));
        }
        return List.of();
    }

    private static AuditRecord record(ResultSet rs, int row) throws SQLException {
        return new AuditRecord(
                rs.getLong("seq"),
                rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getString("actor"),
                rs.getString("org_unit"),
                rs.getString("action"),
                rs.getString("target"),
                rs.getString("detail"),
                rs.getString("address"),
                AuditLog.Outcome.valueOf(rs.getString("outcome")),
                rs.getString("previous_hash"),
                rs.getString("hash"));
    }

    /** The where clause of a filter and the values bound to its placeholders, in order. */
    private record Where(String sql, List<Object> params) {

        static Where of(AuditFilter f) {
            List<String> conditions = new ArrayList<>();
            List<Object> params = new ArrayList<>();
            if (f.actor() != null) {
                conditions.add("actor = ?");
                params.add(f.actor());
            }
            if (f.orgUnit() != null) {
                conditions.add("org_unit = ?");
                params.add(f.orgUnit());
            }
            if (f.action() != null) {
                conditions.add("action like ? escape '\\'");
                params.add(likePrefix(f.action()));
            }
            if (f.target() != null) {
                conditions.add("position(lower(?) in lower(target)) > 0");
                params.add(f.target());
            }
            if (f.outcome() != null) {
                conditions.add("outcome = ?");
                params.add(f.outcome().name());
            }
            if (f.from() != null) {
                conditions.add("at >= ?");
                params.add(f.from().atOffset(ZoneOffset.UTC));
            }
            if (f.to() != null) {
                conditions.add("at < ?");
                params.add(f.to().atOffset(ZoneOffset.UTC));
            }
            if (f.text() != null) {
                conditions.add("position(lower(?) in lower(detail)) > 0");
                params.add(f.text());
            }
            return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
        }

        /** A LIKE pattern matching values that begin with {@code prefix}, its wildcards taken literally. */
        private static String likePrefix(String prefix) {
            return prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        }
    }
}
