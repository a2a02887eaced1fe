package org.zhengtong.catalog.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengtong.catalog.Grant;
import org.zhengtong.catalog.ShareRequest;

/** Share requests and grants, read and written with plain SQL. */
@Repository
public class SharingStore {

    private static final String REQUEST = """
            select q.id, q.resource_code, v.name, r.provider, q.consumer, q.purpose, q.legal_basis, q.items, q.systems, q.valid_from,
              q.valid_until, q.status, q.requested_by, q.requested_at, q.due_on, q.answered_by, q.answer
            from catalog.share_request q join catalog.resource r on r.code = q.resource_code
            join catalog.resource_version v on v.resource_id = r.id and v.version = coalesce(r.published_version, 1)""";

    private static final String GRANT = """
            select g.id, g.resource_code, v.name, r.provider, g.consumer, g.items, g.valid_from, g.valid_until, g.request_id,
              g.granted_by, g.granted_at, g.revoked_at, g.revoke_reason
            from catalog.share_grant g join catalog.resource r on r.code = g.resource_code
            join catalog.resource_version v on v.resource_id = r.id and v.version = coalesce(r.published_version, 1)""";

    private final JdbcClient jdbc;

    SharingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insertRequest(String resourceCode, String consumer, String purpose, String legalBasis, List<String> items, String systems,
            LocalDate from, LocalDate until, ShareRequest.Status status, String by, LocalDate dueOn) {
        return jdbc.sql("""
                insert into catalog.share_request (resource_code, consumer, purpose, legal_basis, items, systems, valid_from, valid_until,
                  status, requested_by, due_on) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(resourceCode, consumer, purpose, legalBasis, items.toArray(String[]::new), systems, from, until, status.name(), by, dueOn)
                .query(Long.class).single();
    }

    public void answer(long id, ShareRequest.Status status, String by, @Nullable String answer) {
        jdbc.sql("update catalog.share_request set status = ?, answered_by = ?, answered_at = now(), answer = ? where id = ?")
                .params(status.name(), by, answer, id).update();
    }

    public long insertGrant(String resourceCode, String consumer, List<String> items, LocalDate from, LocalDate until,
            @Nullable Long requestId, String by) {
        return jdbc.sql("""
                insert into catalog.share_grant (resource_code, consumer, items, valid_from, valid_until, request_id, granted_by)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(resourceCode, consumer, items.toArray(String[]::new), from, until, requestId, by).query(Long.class).single();
    }

    public void revokeGrant(long id, String by, String reason) {
        jdbc.sql("update catalog.share_grant set revoked_at = now(), revoked_by = ?, revoke_reason = ? where id = ? and revoked_at is null")
                .params(by, reason, id).update();
    }

    public Optional<ShareRequest> request(long id) {
        return jdbc.sql(REQUEST + " where q.id = ?").param(id).query(SharingStore::request).optional();
    }

    public List<ShareRequest> requests(@Nullable String provider, @Nullable String consumer, @Nullable String status, int limit) {
        return jdbc.sql(REQUEST + " where (cast(:p as text) is null or r.provider = :p) and (cast(:c as text) is null or q.consumer = :c)"
                        + " and (cast(:s as text) is null or q.status = :s) order by q.id desc limit :limit")
                .param("p", provider).param("c", consumer).param("s", status).param("limit", limit)
                .query(SharingStore::request).list();
    }

    public boolean pendingExists(String resourceCode, String consumer) {
        return jdbc.sql("select count(*) from catalog.share_request where resource_code = ? and consumer = ? and status = 'PENDING'")
                .params(resourceCode, consumer).query(Long.class).single() > 0;
    }

    public Optional<Grant> grant(long id) {
        return jdbc.sql(GRANT + " where g.id = ?").param(id).query(SharingStore::grant).optional();
    }

    public List<Grant> grants(@Nullable String provider, @Nullable String consumer, @Nullable String resourceCode, boolean activeOnly, int limit) {
        return jdbc.sql(GRANT + " where (cast(:p as text) is null or r.provider = :p) and (cast(:c as text) is null or g.consumer = :c)"
                        + " and (cast(:code as text) is null or g.resource_code = :code)"
                        + (activeOnly ? " and g.revoked_at is null and current_date between g.valid_from and g.valid_until" : "")
                        + " order by g.id desc limit :limit")
                .param("p", provider).param("c", consumer).param("code", resourceCode).param("limit", limit)
                .query(SharingStore::grant).list();
    }

    public List<Long> activeGrantIds(String resourceCode) {
        return jdbc.sql("select id from catalog.share_grant where resource_code = ? and revoked_at is null").param(resourceCode)
                .query(Long.class).list();
    }

    private static ShareRequest request(ResultSet rs, int n) throws SQLException {
        return new ShareRequest(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getString(7), strings(rs.getArray(8)), rs.getString(9), rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class),
                ShareRequest.Status.valueOf(rs.getString(12)), rs.getString(13), rs.getObject(14, OffsetDateTime.class).toInstant(),
                rs.getObject(15, LocalDate.class), rs.getString(16), rs.getString(17));
    }

    private static Grant grant(ResultSet rs, int n) throws SQLException {
        OffsetDateTime revoked = rs.getObject(12, OffsetDateTime.class);
        return new Grant(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), strings(rs.getArray(6)),
                rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class), (Long) rs.getObject(9), rs.getString(10),
                rs.getObject(11, OffsetDateTime.class).toInstant(), revoked == null ? null : revoked.toInstant(), rs.getString(13));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
