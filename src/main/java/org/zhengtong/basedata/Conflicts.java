package org.zhengtong.basedata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.basedata.internal.Versions;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.InvalidInput;

/**
 * The data steward's conflicts (数据冲突): values a department without authority for a field sent that disagree
 * with the authoritative value. The merge never lets them overwrite; they wait here until the steward (数据管理员)
 * decides, with a comment that stays on record:
 *
 * <ul>
 *   <li>{@link Decision#KEEP}: the authoritative value stays and the conflict is closed;
 *   <li>{@link Decision#ACCEPT}: the other department's value becomes current as a new version of the subject, its
 *       lineage the batch the conflict came in (the old version goes to the history);
 *   <li>{@link Decision#RETURN}: the value goes back to its source department with the reason, to be corrected at
 *       the source ({@link ConflictReturned} tells it).
 * </ul>
 *
 * <p>A decision is one transaction with its audit record, and a conflict is decided once: deciding a closed
 * conflict is refused with {@code basedata.conflict-closed}.
 */
@Service
public class Conflicts {

    /** The largest page of the queue. */
    public static final int MAX_PAGE = 200;

    /** The longest comment kept with a decision. */
    public static final int MAX_COMMENT = 1000;

    private final JdbcTemplate jdbc;
    private final Versions versions;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Conflicts(JdbcTemplate jdbc, Versions versions, AuditLog audit, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.audit = audit;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    /** What a steward decides about a conflict. */
    public enum Decision {
        KEEP("KEPT"), ACCEPT("ACCEPTED"), RETURN("RETURNED");

        private final String status;

        Decision(String status) {
            this.status = status;
        }

        /** The conflict's status after this decision. */
        public String status() {
            return status;
        }
    }

    /** A conflict sent back to its source department, which should correct its data or explain it. */
    public record ConflictReturned(long conflict, String base, String subject, String field, String department, @Nullable String value,
            String reason) {}

    /**
     * One conflict: the subject and field, the other department's value and the batch it came in, the authority's
     * value and department as they were when it opened, and how it was decided.
     *
     * @param status {@code OPEN}, {@code KEPT}, {@code ACCEPTED}, {@code RETURNED} or {@code SUPERSEDED} (the
     *     department or the authority later sent what the other said)
     */
    public record Conflict(long id, Base base, String subject, BaseField field, String department, @Nullable String value, SourceBatch batch,
            @Nullable String authorityDepartment, @Nullable String authorityValue, String status, Instant openedAt, @Nullable String resolvedBy,
            @Nullable Instant resolvedAt, @Nullable String note) {

        public boolean open() {
            return status.equals("OPEN");
        }
    }

    /**
     * One conflict with what the base holds now: the field's current value and the batch it came from (the
     * authority's batch, unless the value has since changed), beside the conflict's own value and batch.
     */
    public record Detail(Conflict conflict, @Nullable String currentValue, @Nullable SourceBatch currentBatch) {}

    /** The queue's filters; each may be null. */
    public record Filter(@Nullable Base base, @Nullable String field, @Nullable String department) {

        public static final Filter NONE = new Filter(null, null, null);
    }

    /** One page of the queue, oldest first, with the number of open conflicts the filter matches. */
    public record Page(List<Conflict> conflicts, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** Open conflicts per field: how many wait on each field of each base. */
    public record FieldCount(Base base, BaseField field, long open) {}

    // the queue

    /** The open conflicts matching the filter, oldest first; {@code page} counts from 0. */
    public Page queue(Filter filter, int page, int size) {
        int s = Math.max(1, Math.min(size, MAX_PAGE));
        int p = Math.max(0, page);
        StringBuilder where = new StringBuilder(" where c.status = 'OPEN'");
        List<Object> args = new ArrayList<>();
        where(filter, where, args);
        Long total = jdbc.queryForObject("select count(*) from basedata.conflict c" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(s);
        pageArgs.add((long) p * s);
        List<Conflict> found = jdbc.query(SELECT + where + " order by c.opened_at, c.id limit ? offset ?", (rs, n) -> conflict(rs), pageArgs.toArray());
        return new Page(found, total == null ? 0 : total, p, s);
    }

    /** How many open conflicts wait per field, for the filter's base and department (its field is ignored). */
    public List<FieldCount> openByField(Filter filter) {
        StringBuilder where = new StringBuilder(" where c.status = 'OPEN'");
        List<Object> args = new ArrayList<>();
        where(new Filter(filter.base(), null, filter.department()), where, args);
        return jdbc.query("select c.base, c.field, count(*) from basedata.conflict c" + where + " group by c.base, c.field order by 3 desc, 1, 2",
                (rs, n) -> {
                    Base base = Base.valueOf(rs.getString(1));
                    return new FieldCount(base, base.field(rs.getString(2)), rs.getLong(3));
                }, args.toArray());
    }

    /** The departments with open conflicts, for the queue's filter. */
    public List<String> departments() {
        return jdbc.queryForList("select distinct department from basedata.conflict where status = 'OPEN' order by 1", String.class);
    }

    private static void where(Filter filter, StringBuilder where, List<Object> args) {
        if (filter.base() != null) {
            where.append(" and c.base = ?");
            args.add(filter.base().name());
        }
        if (filter.field() != null && !filter.field().isBlank()) {
            where.append(" and c.field = ?");
            args.add(filter.field());
        }
        if (filter.department() != null && !filter.department().isBlank()) {
            where.append(" and c.department = ?");
            args.add(filter.department());
        }
    }

    // one conflict

    /** One conflict, open or decided. */
    public Conflict conflict(long id) {
        return find(id, false);
    }

    /** One conflict with the field's current value and its batch, for the steward's decision. */
    public Detail detail(long id) {
        Conflict c = conflict(id);
        Versions.Version current = versions.current(c.base(), c.subject(), false);
        String value = current == null ? null : current.values().get(c.field().column());
        Long batch = current == null ? null : current.lineage().get(c.field().column());
        audit.record("basedata.conflict.view", "conflict:" + id, BaseHistory.target(c.base(), c.subject()) + " " + c.field().column());
        return new Detail(c, value, batch == null ? null : sourceBatch(batch));
    }

    /** The conflicts of one subject, newest first, open or decided. */
    public List<Conflict> ofSubject(Base base, String key) {
        return jdbc.query(SELECT + " where c.base = ? and c.subject = ? order by c.opened_at desc, c.id desc", (rs, n) -> conflict(rs), base.name(), key);
    }

    // deciding

    /**
     * Decides an open conflict with a comment (required; for {@link Decision#RETURN} it is the reason the source
     * department reads). One transaction: the conflict, the new version when the value is accepted, and the audit
     * record commit together.
     */
    @Transactional
    public Conflict decide(long id, Decision decision, @Nullable String comment) {
        String note = comment == null ? "" : comment.strip();
        if (note.isEmpty()) {
            throw InvalidInput.of("comment", "basedata.conflict.comment.required");
        }
        if (note.length() > MAX_COMMENT) {
            throw InvalidInput.of("comment", "basedata.conflict.comment.length", MAX_COMMENT);
        }
        Conflict c = find(id, true);
        if (!c.open()) {
            throw BaseDataProblem.conflictClosed(id, c.status());
        }
        Actor actor = Actor.current();
        Instant now = clock.instant();
        if (decision == Decision.ACCEPT) {
            // The merge opens conflicts only for values that were sent, so there is always a value to accept.
            versions.change(c.base(), c.subject(), c.field().column(), java.util.Objects.requireNonNull(c.value()), c.batch().id(), now);
        }
        jdbc.update("update basedata.conflict set status = ?, resolved_by = ?, resolved_at = ?, note = ? where id = ? and status = 'OPEN'",
                decision.status(), actor.username(), Timestamp.from(now), note, id);
        audit.record(actor, "basedata.conflict." + decision.name().toLowerCase(), "conflict:" + id, AuditLog.Outcome.SUCCESS,
                "%s %s: %s value \"%s\" of %s against \"%s\" of %s; %s".formatted(BaseHistory.target(c.base(), c.subject()), c.field().column(),
                        decision.status(), c.value(), c.department(), c.authorityValue(), c.authorityDepartment(), note));
        if (decision == Decision.RETURN) {
            events.publishEvent(new ConflictReturned(id, c.base().name(), c.subject(), c.field().column(), c.department(), c.value(), note));
        }
        return find(id, false);
    }

    // reading

    private static final String SELECT = """
            select c.id, c.base, c.subject, c.field, c.department, c.value, c.authority_department, c.authority_value, c.status, c.opened_at,
              c.resolved_by, c.resolved_at, c.note, b.id as b_id, b.base as b_base, b.feed as b_feed, b.department as b_department,
              b.dataset as b_dataset, b.exchange_batch as b_exchange_batch, b.received_at as b_received_at, b.merged_at as b_merged_at
            from basedata.conflict c join basedata.source_batch b on b.id = c.source_batch""";

    private Conflict find(long id, boolean forUpdate) {
        List<Conflict> found = jdbc.query(SELECT + " where c.id = ?" + (forUpdate ? " for update of c" : ""), (rs, n) -> conflict(rs), id);
        if (found.isEmpty()) {
            throw BaseDataProblem.unknownConflict(id);
        }
        return found.getFirst();
    }

    private static Conflict conflict(ResultSet rs) throws SQLException {
        Base base = Base.valueOf(rs.getString("base"));
        long feed = rs.getLong("b_feed");
        Long feedId = rs.wasNull() ? null : feed;
        long exchangeBatch = rs.getLong("b_exchange_batch");
        Long batchId = rs.wasNull() ? null : exchangeBatch;
        SourceBatch batch = new SourceBatch(rs.getLong("b_id"), rs.getString("b_base"), feedId, rs.getString("b_department"), rs.getString("b_dataset"),
                batchId, rs.getTimestamp("b_received_at").toInstant(), rs.getTimestamp("b_merged_at").toInstant());
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Conflict(rs.getLong("id"), base, rs.getString("subject"), base.field(rs.getString("field")), rs.getString("department"),
                rs.getString("value"), batch, rs.getString("authority_department"), rs.getString("authority_value"), rs.getString("status"),
                rs.getTimestamp("opened_at").toInstant(), rs.getString("resolved_by"), resolved == null ? null : resolved.toInstant(),
                rs.getString("note"));
    }

    private @Nullable SourceBatch sourceBatch(long id) {
        List<SourceBatch> found = jdbc.query(BaseDataFeeds.SOURCE_BATCH + " where id = ?", (rs, n) -> BaseDataFeeds.sourceBatch(rs), id);
        return found.isEmpty() ? null : found.getFirst();
    }

    /** Open conflicts per base and field as a map "BASE.field" to count, for quick lookups in pages. */
    public Map<String, Long> openCounts(Filter filter) {
        Map<String, Long> counts = new LinkedHashMap<>();
        openByField(filter).forEach(c -> counts.put(c.base().name() + "." + c.field().column(), c.open()));
        return counts;
    }
}
