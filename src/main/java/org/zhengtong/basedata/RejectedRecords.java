package org.zhengtong.basedata;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;

/**
 * The feed records the base databases could not take (拒收记录): an ID number with a wrong check character, a birth
 * date the number contradicts, an unknown division code, a bad credit code. Each is kept whole in
 * {@code basedata.rejected} with the field and the reason, so nothing a department sent is lost and the steward
 * can send it back to be corrected at the source. The records hold personal data, so each listing and each export
 * is audited.
 */
@Service
public class RejectedRecords {

    /** The most records one export holds. */
    public static final int MAX_EXPORT = 50_000;

    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    RejectedRecords(JdbcTemplate jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * One rejected record: where it came from, its subject's key as sent, the field and the reason (a message key
     * of the {@code messages/basedata} bundles with its arguments), and the whole record as JSON by data item name.
     */
    public record Rejected(long id, String base, @Nullable Long feed, @Nullable String dataset, String department, @Nullable String subject,
            @Nullable String field, String reasonKey, List<String> reasonArgs, String record, java.time.Instant rejectedAt) {

        public Rejected {
            reasonArgs = List.copyOf(reasonArgs);
        }
    }

    /** A page of rejected records, newest first. */
    public record Page(List<Rejected> records, long total, int page, int size) {

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    /** How many records a feed had rejected. */
    public record FeedCount(long feed, String base, String dataset, String department, long rejected) {}

    /** The rejected records of one feed (or of all when null), newest first; {@code page} counts from 0. */
    @Transactional
    public Page list(@Nullable Long feed, int page, int size) {
        int s = Math.max(1, Math.min(size, 200));
        int p = Math.max(0, page);
        Long total = feed == null ? jdbc.queryForObject("select count(*) from basedata.rejected", Long.class)
                : jdbc.queryForObject("select count(*) from basedata.rejected where feed = ?", Long.class, feed);
        List<Rejected> found = feed == null
                ? jdbc.query(SELECT + " order by r.rejected_at desc, r.id desc limit ? offset ?", (rs, n) -> rejected(rs), s, (long) p * s)
                : jdbc.query(SELECT + " where r.feed = ? order by r.rejected_at desc, r.id desc limit ? offset ?", (rs, n) -> rejected(rs), feed, s,
                        (long) p * s);
        audit.record("basedata.rejected.view", feed == null ? "basedata:rejected" : "feed:" + feed, found.size() + " of " + total + " records, page " + p);
        return new Page(found, total == null ? 0 : total, p, s);
    }

    /** Every feed that had records rejected, with how many, for the filter. */
    public List<FeedCount> feeds() {
        return jdbc.query("""
                select f.id, f.base, f.dataset, f.department, count(r.id) from basedata.feed f join basedata.rejected r on r.feed = f.id
                group by f.id order by f.base, f.dataset""", (rs, n) -> new FeedCount(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getString(4), rs.getLong(5)));
    }

    /** Streams up to {@link #MAX_EXPORT} rejected records of a feed (or all), newest first, for an export; audited. */
    @Transactional
    public int export(@Nullable Long feed, Consumer<Rejected> sink) {
        int[] count = {0};
        String sql = SELECT + (feed == null ? "" : " where r.feed = ?") + " order by r.rejected_at desc, r.id desc limit " + MAX_EXPORT;
        org.springframework.jdbc.core.RowCallbackHandler each = rs -> {
            sink.accept(rejected(rs));
            count[0]++;
        };
        if (feed == null) {
            jdbc.query(sql, each);
        } else {
            jdbc.query(sql, each, feed);
        }
        audit.record("basedata.rejected.export", feed == null ? "basedata:rejected" : "feed:" + feed, count[0] + " records");
        return count[0];
    }

    private static final String SELECT = """
            select r.id, r.base, r.feed, f.dataset, r.department, r.subject, r.field, r.reason_key, r.reason_args, r.record::text as record,
              r.rejected_at
            from basedata.rejected r left join basedata.feed f on f.id = r.feed""";

    private static Rejected rejected(ResultSet rs) throws SQLException {
        long feed = rs.getLong("feed");
        Long feedId = rs.wasNull() ? null : feed;
        Array args = rs.getArray("reason_args");
        List<String> reasonArgs = args == null ? List.of() : List.of((String[]) args.getArray());
        return new Rejected(rs.getLong("id"), rs.getString("base"), feedId, rs.getString("dataset"), rs.getString("department"),
                rs.getString("subject"), rs.getString("field"), rs.getString("reason_key"), reasonArgs, rs.getString("record"),
                rs.getTimestamp("rejected_at").toInstant());
    }
}
