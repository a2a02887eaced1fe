package org.zhengtong.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengtong.directory.Applicant;
import org.zhengtong.directory.ApplicantKind;

/** The applicant accounts' table, read and written with plain SQL. */
@Repository
public class ApplicantStore {

    private static final String COLUMNS = """
            id, login_name, kind, holder_id, name, phone, locked or coalesce(locked_until > now(), false)
            from directory.applicant""";

    private final JdbcClient jdbc;

    ApplicantStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Applicant> find(String loginName) {
        return jdbc.sql("select " + COLUMNS + " where lower(login_name) = lower(?)").param(loginName)
                .query(ApplicantStore::applicant).optional();
    }

    /** Applicants whose login name, name or holder id contains the text (all of them without text), newest first. */
    public List<Applicant> search(@Nullable String text, int limit) {
        String pattern = text == null || text.isBlank() ? "%"
                : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("select " + COLUMNS + """
                         where login_name ilike :p or name ilike :p or holder_id ilike :p or contact_name ilike :p
                        order by created_at desc, id desc limit :limit""")
                .param("p", pattern).param("limit", limit)
                .query(ApplicantStore::applicant).list();
    }

    /** The applicants the security administrator should look at: locked ones. */
    public List<Applicant> locked() {
        return jdbc.sql("select " + COLUMNS + " where locked or locked_until > now() order by login_name")
                .query(ApplicantStore::applicant).list();
    }

    public boolean holderTaken(String holderId) {
        return jdbc.sql("select count(*) from directory.applicant where holder_id = ?").param(holderId).query(Long.class).single() > 0;
    }

    public Optional<String> contactName(String loginName) {
        return jdbc.sql("select contact_name from directory.applicant where lower(login_name) = lower(?)").param(loginName)
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(o -> o);
    }

    public void insert(String loginName, ApplicantKind kind, String holderId, String name, @Nullable String contactName,
            String phone, String passwordHash) {
        jdbc.sql("""
                insert into directory.applicant (login_name, kind, holder_id, name, contact_name, phone, password_hash)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(loginName, kind.name(), holderId, name, contactName, phone, passwordHash)
                .update();
    }

    /** What sign-in needs to know about an applicant; never leaves the module. */
    public record Credentials(long id, String loginName, String name, String passwordHash, boolean locked) {}

    public Optional<Credentials> credentials(String loginName) {
        return jdbc.sql("""
                select id, login_name, name, password_hash, locked or coalesce(locked_until > now(), false)
                from directory.applicant where lower(login_name) = lower(?)""")
                .param(loginName)
                .query((rs, n) -> new Credentials(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .optional();
    }

    public void setPassword(String loginName, String hash) {
        jdbc.sql("""
                update directory.applicant set password_hash = ?, password_changed_at = now(), failed_logins = 0, locked_until = null
                where lower(login_name) = lower(?)""")
                .params(hash, loginName).update();
    }

    /** Counts a failed sign-in and shuts the account for {@code lockMinutes} once {@code maxFailures} is reached. */
    public int recordFailedLogin(String loginName, int maxFailures, int lockMinutes) {
        return jdbc.sql("""
                update directory.applicant set failed_logins = failed_logins + 1,
                  locked_until = case when failed_logins + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
                where lower(login_name) = lower(?) returning failed_logins""")
                .params(maxFailures, lockMinutes, loginName).query(Integer.class).optional().orElse(0);
    }

    public void recordSuccessfulLogin(String loginName) {
        jdbc.sql("update directory.applicant set failed_logins = 0, locked_until = null where lower(login_name) = lower(?)")
                .param(loginName).update();
    }

    /** Locks the account until it is unlocked, or unlocks it, clearing any lockout for wrong passwords too. */
    public void setLocked(String loginName, boolean locked) {
        jdbc.sql("""
                update directory.applicant set locked = ?, failed_logins = 0, locked_until = null
                where lower(login_name) = lower(?)""")
                .params(locked, loginName).update();
    }

    private static Applicant applicant(ResultSet rs, int n) throws SQLException {
        return new Applicant(rs.getLong(1), rs.getString(2), ApplicantKind.valueOf(rs.getString(3)), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getBoolean(7));
    }

    static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
