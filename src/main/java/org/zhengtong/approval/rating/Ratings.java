package org.zhengtong.approval.rating;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.approval.ApprovalProblem;
import org.zhengtong.approval.Cases;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Actor;

/**
 * Ratings (好差评) of finished cases, the follow-ups (差评整改) bad ones open, and their figures.
 *
 * <p>Only the case's own applicant rates, only once the case is finished (办结: approved, rejected or refused at the
 * window — a refusal is a service too), and only once: the rating is the row keyed by the case number, so two
 * requests racing each other cannot both win. A bad grade (不满意, 非常不满意) must say why, and opens, in the same
 * transaction, exactly one follow-up for the case's department. Someone of that department closes it with a note of
 * what was put right; the applicant reads the note on their case as the return visit (回访).
 *
 * <p>Every rating, opening and closing is recorded in the audit log in its own transaction.
 */
@Service
public class Ratings {

    static final int MAX_COMMENT = 1000;
    static final int MAX_NOTE = 2000;

    /** What the applicant's case page shows about rating: the rating if there is one, else whether it can be rated now. */
    public record View(String caseNumber, boolean rateable, @Nullable Rating rating, @Nullable FollowUp followUp) {}

    /** The figures per item and per department. */
    public record Statistics(List<RatingStat> byItem, List<RatingStat> byDepartment) {

        public long total() {
            return byDepartment.stream().mapToLong(RatingStat::count).sum();
        }
    }

    private final JdbcClient jdbc;
    private final Cases cases;
    private final AuditLog audit;
    private final DirectoryManagement directory;

    Ratings(JdbcClient jdbc, Cases cases, AuditLog audit, DirectoryManagement directory) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.audit = audit;
        this.directory = directory;
    }

    /**
     * Rates a finished case for its applicant.
     *
     * @param login the signed-in applicant's login name: must be the case's applicant
     * @param grade 1 to 5
     * @throws ApprovalProblem 404 for an unknown case
     * @throws RatingProblem   403 not the applicant's case, 409 not finished or already rated, 400 for a bad grade, a
     *                         missing comment on grades 1–2, or a comment too long
     */
    @Transactional
    public Rating rate(String number, String login, int grade, @Nullable String comment) {
        Cases.Case c = cases.find(number.strip()).orElseThrow(() -> ApprovalProblem.unknownCase(number.strip()));
        if (!c.applicant().equals(login)) {
            throw RatingProblem.notYourCase(c.number());
        }
        if (!c.status().finished()) {
            throw RatingProblem.notFinished(c.number());
        }
        Grade g = Grade.of(grade).orElseThrow(() -> RatingProblem.badGrade(Integer.toString(grade)));
        String text = comment == null || comment.isBlank() ? null : comment.strip();
        if (g.bad() && text == null) {
            throw RatingProblem.commentRequired();
        }
        if (text != null && text.length() > MAX_COMMENT) {
            throw RatingProblem.tooLong("comment", MAX_COMMENT);
        }
        Instant now = Instant.now();
        int inserted = jdbc.sql("""
                insert into approval.case_rating (case_number, item_code, item_name, department, applicant, grade, comment, rated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_number) do nothing""")
                .params(c.number(), c.itemCode(), c.itemName(), c.department(), login, g.value(), text, Timestamp.from(now)).update();
        if (inserted == 0) {
            throw RatingProblem.alreadyRated(c.number());
        }
        Actor actor = new Actor(login, null, Actor.current().address());
        audit.record(actor, "approval.rating.rate", "case:" + c.number(), AuditLog.Outcome.SUCCESS,
                c.itemCode() + " grade " + g.value() + (text == null ? "" : ": " + text));
        if (g.bad()) {
            long id = jdbc.sql("""
                    insert into approval.rating_follow_up (case_number, department, status, opened_at) values (?, ?, 'OPEN', ?)
                    returning id""").params(c.number(), c.department(), Timestamp.from(now)).query(Long.class).single();
            audit.record(actor, "approval.rating.follow-up.open", "follow-up:" + id, AuditLog.Outcome.SUCCESS,
                    "case " + c.number() + " department " + c.department());
        }
        return of(c.number()).orElseThrow();
    }

    @Transactional(readOnly = true)
    public Optional<Rating> of(String caseNumber) {
        return jdbc.sql("""
                select case_number, item_code, item_name, department, applicant, grade, comment, rated_at
                from approval.case_rating where case_number = ?""").param(caseNumber)
                .query((rs, n) -> new Rating(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        Grade.of(rs.getInt(6)).orElseThrow(), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .optional();
    }

    /** What the case page of its applicant shows: see {@link View}. */
    @Transactional(readOnly = true)
    public View view(String caseNumber) {
        Optional<Rating> rating = of(caseNumber);
        boolean rateable = rating.isEmpty() && cases.find(caseNumber).map(c -> c.status().finished()).orElse(false);
        return new View(caseNumber, rateable, rating.orElse(null), followUpOf(caseNumber).orElse(null));
    }

    @Transactional(readOnly = true)
    public Optional<FollowUp> followUpOf(String caseNumber) {
        return jdbc.sql(FOLLOW_UPS + " where f.case_number = ?").param(caseNumber).query(Ratings::followUp).optional();
    }

    /** A department's follow-ups, open ones first and oldest first among them, then the closed ones newest first. */
    @Transactional(readOnly = true)
    public List<FollowUp> followUps(String department, FollowUp.@Nullable Status status, int limit) {
        return jdbc.sql(FOLLOW_UPS + """
                 where f.department = ? and (?::text is null or f.status = ?::text)
                order by f.status = 'OPEN' desc, case when f.status = 'OPEN' then f.opened_at end, f.closed_at desc, f.id limit ?""")
                .params(department, status == null ? null : status.name(), status == null ? null : status.name(), limit)
                .query(Ratings::followUp).list();
    }

    /**
     * Closes a follow-up of the given department with the note of what was put right.
     *
     * @throws RatingProblem 404 if the department has no such follow-up (another department's looks the same), 409 if
     *                       it is closed already, 400 for a blank or too long note
     */
    @Transactional
    public FollowUp close(long id, String department, String note) {
        if (note.isBlank()) {
            throw RatingProblem.noteRequired();
        }
        if (note.strip().length() > MAX_NOTE) {
            throw RatingProblem.tooLong("note", MAX_NOTE);
        }
        String status = jdbc.sql("select status from approval.rating_follow_up where id = ? and department = ? for update")
                .params(id, department).query(String.class).optional().orElseThrow(() -> RatingProblem.unknownFollowUp(id));
        if (!"OPEN".equals(status)) {
            throw RatingProblem.followUpClosed(id);
        }
        Actor actor = Actor.current();
        jdbc.sql("update approval.rating_follow_up set status = 'CLOSED', closed_by = ?, closed_at = now(), note = ? where id = ?")
                .params(actor.username(), note.strip(), id).update();
        FollowUp closed = jdbc.sql(FOLLOW_UPS + " where f.id = ?").param(id).query(Ratings::followUp).single();
        audit.record(actor, "approval.rating.follow-up.close", "follow-up:" + id, AuditLog.Outcome.SUCCESS,
                "case " + closed.caseNumber() + ": " + note.strip());
        return closed;
    }

    /** Ratings per item and per department, most rated first. */
    @Transactional(readOnly = true)
    public Statistics statistics() {
        List<RatingStat> items = jdbc.sql(STATS.formatted("r.item_code", "max(r.item_name)", "r.item_code"))
                .query((rs, n) -> stat(rs, rs.getString(2))).list();
        List<RatingStat> departments = jdbc.sql(STATS.formatted("r.department", "r.department", "r.department"))
                .query((rs, n) -> stat(rs, directory.findOrgUnit(rs.getString(1)).map(OrgUnit::name).orElse(rs.getString(1)))).list();
        return new Statistics(items, departments);
    }

    private static final String STATS = """
            select %s as code, %s as name, count(*) as n, avg(r.grade) as average,
                   count(*) filter (where r.grade >= 4) as good, count(*) filter (where r.grade <= 2) as bad,
                   count(f.id) filter (where f.status = 'OPEN') as open
            from approval.case_rating r left join approval.rating_follow_up f on f.case_number = r.case_number
            group by %s order by n desc, code""";

    private static RatingStat stat(ResultSet rs, String name) throws SQLException {
        return new RatingStat(rs.getString("code"), name, rs.getLong("n"), rs.getDouble("average"), rs.getLong("good"),
                rs.getLong("bad"), rs.getLong("open"));
    }

    private static final String FOLLOW_UPS = """
            select f.id, f.case_number, f.department, f.status, f.opened_at, f.closed_by, f.closed_at, f.note,
                   r.grade, r.comment, r.item_code, r.item_name
            from approval.rating_follow_up f join approval.case_rating r on r.case_number = f.case_number""";

    private static FollowUp followUp(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new FollowUp(rs.getLong("id"), rs.getString("case_number"), rs.getString("department"),
                FollowUp.Status.valueOf(rs.getString("status")), rs.getTimestamp("opened_at").toInstant(), rs.getString("closed_by"),
                closed == null ? null : closed.toInstant(), rs.getString("note"), Grade.of(rs.getInt("grade")).orElseThrow(),
                rs.getString("comment"), rs.getString("item_code"), rs.getString("item_name"));
    }
}
