package org.zhengtong.directory.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengtong.directory.ApiClient;
import org.zhengtong.directory.NewOrgUnit;
import org.zhengtong.directory.NewPerson;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.directory.OrgUnitKind;
import org.zhengtong.directory.Person;

/** The directory's tables, read and written with plain SQL. */
@Repository
public class DirectoryStore {

    private static final String ORG_UNIT_COLUMNS = """
            o.id, o.code, o.name, o.kind, p.code as parent_code, o.credit_code, o.division_code, o.sort_order
            from directory.org_unit o left join directory.org_unit p on p.id = o.parent_id""";

    private static final String PERSON_COLUMNS = """
            p.id, p.username, p.full_name, o.code as org_code, o.name as org_name, p.title, p.mobile, p.email,
            coalesce((select array_agg(r.role order by r.role) from directory.person_role r where r.person_id = p.id), '{}') as roles,
            p.enabled, p.locked_until, p.password_hash is not null as has_password
            from directory.person p left join directory.org_unit o on o.id = p.org_unit_id""";

    private final JdbcClient jdbc;

    DirectoryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // org units

    /** All org units, parents before children, siblings by sort order then code. */
    public List<OrgUnit> orgUnits() {
        return jdbc.sql("""
                with recursive tree as (
                  select id, array[lpad(sort_order::text, 6, '0') || code] as path from directory.org_unit where parent_id is null
                  union all
                  select c.id, t.path || (lpad(c.sort_order::text, 6, '0') || c.code)
                  from directory.org_unit c join tree t on c.parent_id = t.id)
                select""" + " " + ORG_UNIT_COLUMNS + " join tree t on t.id = o.id order by t.path")
                .query(DirectoryStore::orgUnit)
                .list();
    }

    public Optional<OrgUnit> orgUnit(String code) {
        return jdbc.sql("select " + ORG_UNIT_COLUMNS + " where o.code = ?").param(code).query(DirectoryStore::orgUnit).optional();
    }

    public boolean creditCodeTaken(String creditCode, @Nullable String exceptCode) {
        return jdbc.sql("select count(*) from directory.org_unit where credit_code = ? and code is distinct from ?")
                        .params(creditCode, exceptCode).query(Long.class).single() > 0;
    }

    /** The codes of an org unit and everything below it. */
    public Set<String> subtree(String code) {
        return new TreeSet<>(jdbc.sql("""
                with recursive t as (select id, code from directory.org_unit where code = ?
                  union all select c.id, c.code from directory.org_unit c join t on c.parent_id = t.id)
                select code from t""").param(code).query(String.class).list());
    }

    public void insertOrgUnit(NewOrgUnit u) {
        jdbc.sql("""
                insert into directory.org_unit (code, name, kind, parent_id, credit_code, division_code, sort_order)
                values (?, ?, ?, (select id from directory.org_unit where code = ?), ?, ?, ?)""")
                .params(u.code(), u.name(), u.kind().name(), u.parentCode(), u.creditCode(), u.divisionCode(), u.sortOrder())
                .update();
    }

    public void updateOrgUnit(String code, NewOrgUnit u) {
        jdbc.sql("""
                update directory.org_unit set name = ?, kind = ?, parent_id = (select id from directory.org_unit where code = ?),
                  credit_code = ?, division_code = ?, sort_order = ?, updated_at = now() where code = ?""")
                .params(u.name(), u.kind().name(), u.parentCode(), u.creditCode(), u.divisionCode(), u.sortOrder(), code)
                .update();
    }

    public long membersOf(String code) {
        return jdbc.sql("""
                select (select count(*) from directory.person p join directory.org_unit o on o.id = p.org_unit_id where o.code = :c)
                     + (select count(*) from directory.org_unit c join directory.org_unit o on o.id = c.parent_id where o.code = :c)""")
                .param("c", code).query(Long.class).single();
    }

    public void deleteOrgUnit(String code) {
        jdbc.sql("delete from directory.org_unit where code = ?").param(code).update();
    }

    // people

    public List<Person> people(@Nullable Set<String> orgUnitCodes, @Nullable String text, int limit) {
        StringBuilder sql = new StringBuilder("select " + PERSON_COLUMNS + " where true");
        Map<String, Object> params = new HashMap<>();
        if (orgUnitCodes != null) {
            sql.append(" and o.code = any(:orgs)");
            params.put("orgs", orgUnitCodes.toArray(String[]::new));
        }
        if (text != null && !text.isBlank()) {
            sql.append(" and (p.username ilike :text or p.full_name ilike :text or p.title ilike :text)");
            params.put("text", "%" + text.strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        sql.append(" order by o.sort_order nulls first, o.code nulls first, p.username limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(DirectoryStore::person).list();
    }

    public Optional<Person> person(String username) {
        return jdbc.sql("select " + PERSON_COLUMNS + " where lower(p.username) = lower(?)").param(username)
                .query(DirectoryStore::person).optional();
    }

    public boolean usernameTaken(String username) {
        return jdbc.sql("select count(*) from directory.person where lower(username) = lower(?)").param(username)
                        .query(Long.class).single() > 0;
    }

    /**
     * Whether a sign-in name is used, by a person or by an applicant: both sign in on the same page, so a name
     * belongs to one account only.
     */
    public boolean signInNameTaken(String name) {
        return jdbc.sql("""
                        select exists (select 1 from directory.person where lower(username) = lower(:u))
                            or exists (select 1 from directory.applicant where lower(login_name) = lower(:u))""")
                .param("u", name).query(Boolean.class).single();
    }

    public long countPeopleWithRole(String role) {
        return jdbc.sql("select count(*) from directory.person_role where role = ?").param(role).query(Long.class).single();
    }

    public void insertPerson(NewPerson p) {
        jdbc.sql("""
                insert into directory.person (username, full_name, org_unit_id, title, mobile, email)
                values (?, ?, (select id from directory.org_unit where code = ?), ?, ?, ?)""")
                .params(p.username(), p.fullName(), p.orgUnitCode(), p.title(), p.mobile(), p.email())
                .update();
    }

    public void updatePerson(String username, NewPerson p) {
        jdbc.sql("""
                update directory.person set full_name = ?, org_unit_id = (select id from directory.org_unit where code = ?),
                  title = ?, mobile = ?, email = ?, updated_at = now() where lower(username) = lower(?)""")
                .params(p.fullName(), p.orgUnitCode(), p.title(), p.mobile(), p.email(), username)
                .update();
    }

    public void setRoles(String username, Set<String> roles) {
        jdbc.sql("delete from directory.person_role where person_id = (select id from directory.person where lower(username) = lower(?))")
                .param(username).update();
        for (String role : roles) {
            jdbc.sql("insert into directory.person_role (person_id, role) select id, ? from directory.person where lower(username) = lower(?)")
                    .params(role, username).update();
        }
    }

    public void setEnabled(String username, boolean enabled) {
        jdbc.sql("update directory.person set enabled = ?, updated_at = now() where lower(username) = lower(?)")
                .params(enabled, username).update();
    }

    public void setPassword(String username, String hash, boolean mustChange) {
        jdbc.sql("""
                update directory.person set password_hash = ?, password_changed_at = now(), must_change_password = ?,
                  failed_logins = 0, locked_until = null, updated_at = now() where lower(username) = lower(?)""")
                .params(hash, mustChange, username).update();
    }

    /** What sign-in needs to know about a person; never leaves the module. */
    public record Credentials(String username, String fullName, @Nullable String orgUnitCode, @Nullable String passwordHash,
            boolean enabled, @Nullable Instant lockedUntil, boolean mustChangePassword, Set<String> roles) {}

    public Optional<Credentials> credentials(String username) {
        return jdbc.sql("""
                select p.username, p.full_name, o.code, p.password_hash, p.enabled, p.locked_until, p.must_change_password,
                  coalesce((select array_agg(r.role) from directory.person_role r where r.person_id = p.id), '{}')
                from directory.person p left join directory.org_unit o on o.id = p.org_unit_id
                where lower(p.username) = lower(?)""")
                .param(username)
                .query((rs, n) -> new Credentials(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), instant(rs, 6), rs.getBoolean(7), new TreeSet<>(strings(rs.getArray(8)))))
                .optional();
    }

    /** Counts a failed sign-in and locks the account for {@code lockMinutes} once {@code maxFailures} is reached. */
    public int recordFailedLogin(String username, int maxFailures, int lockMinutes) {
        return jdbc.sql("""
                update directory.person set failed_logins = failed_logins + 1,
                  locked_until = case when failed_logins + 1 >= ? then now() + make_interval(mins => ?) else locked_until end
                where lower(username) = lower(?) returning failed_logins""")
                .params(maxFailures, lockMinutes, username).query(Integer.class).optional().orElse(0);
    }

    public void recordSuccessfulLogin(String username) {
        jdbc.sql("update directory.person set failed_logins = 0, locked_until = null where lower(username) = lower(?)")
                .param(username).update();
    }

    public void unlock(String username) {
        recordSuccessfulLogin(username);
    }

    // API clients

    public List<ApiClient> apiClients() {
        return jdbc.sql("""
                select c.client_id, c.name, o.code, c.privileges, c.enabled, c.secret_rotated_at
                from directory.api_client c left join directory.org_unit o on o.id = c.org_unit_id order by c.client_id""")
                .query(DirectoryStore::apiClient).list();
    }

    public Optional<ApiClient> apiClient(String clientId) {
        return jdbc.sql("""
                select c.client_id, c.name, o.code, c.privileges, c.enabled, c.secret_rotated_at
                from directory.api_client c left join directory.org_unit o on o.id = c.org_unit_id where c.client_id = ?""")
                .param(clientId).query(DirectoryStore::apiClient).optional();
    }

    public Optional<String> clientSecretHash(String clientId) {
        return jdbc.sql("select secret_hash from directory.api_client where client_id = ?").param(clientId).query(String.class).optional();
    }

    public void insertApiClient(String clientId, String name, @Nullable String orgUnitCode, List<String> privileges, String secretHash) {
        jdbc.sql("""
                insert into directory.api_client (client_id, name, org_unit_id, privileges, secret_hash)
                values (?, ?, (select id from directory.org_unit where code = ?), ?, ?)""")
                .params(clientId, name, orgUnitCode, privileges.toArray(String[]::new), secretHash).update();
    }

    public void updateApiClient(String clientId, List<String> privileges, boolean enabled) {
        jdbc.sql("update directory.api_client set privileges = ?, enabled = ? where client_id = ?")
                .params(privileges.toArray(String[]::new), enabled, clientId).update();
    }

    public void setClientSecret(String clientId, String secretHash) {
        jdbc.sql("update directory.api_client set secret_hash = ?, secret_rotated_at = now() where client_id = ?")
                .params(secretHash, clientId).update();
    }

    private static OrgUnit orgUnit(ResultSet rs, int n) throws SQLException {
        return new OrgUnit(rs.getLong(1), rs.getString(2), rs.getString(3), OrgUnitKind.valueOf(rs.getString(4)),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getInt(8));
    }

    private static Person person(ResultSet rs, int n) throws SQLException {
        Instant lockedUntil = instant(rs, 11);
        return new Person(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), new LinkedHashSet<>(strings(rs.getArray(9))),
                rs.getBoolean(10), lockedUntil != null && lockedUntil.isAfter(Instant.now()), rs.getBoolean(12));
    }

    private static ApiClient apiClient(ResultSet rs, int n) throws SQLException {
        return new ApiClient(rs.getString(1), rs.getString(2), rs.getString(3), strings(rs.getArray(4)), rs.getBoolean(5),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    private static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
