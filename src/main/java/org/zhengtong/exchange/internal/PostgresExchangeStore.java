package org.zhengtong.exchange.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengtong.exchange.ExchangeStore;
import org.zhengtong.exchange.StoredRecord;

/**
 * The exchange store on PostgreSQL: table {@code exchange.record}, one row per key holding its latest value and
 * the position of the change that wrote it. A record sent again unchanged keeps its position, so subscribers are
 * not sent it again.
 */
@Component
@ConditionalOnProperty(name = "zt.exchange.backend", havingValue = "postgresql", matchIfMissing = true)
class PostgresExchangeStore implements ExchangeStore {

    private final JdbcClient jdbc;

    PostgresExchangeStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "postgresql";
    }

    @Override
    public long apply(Connection connection, String dataset, long batchId, String source, long base) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into exchange.record as r (dataset, record_key, seq, payload, deleted, batch_id, source, updated_at)
                select ?, s.key, ? + s.ord, s.payload, s.del, ?, ?, clock_timestamp() from zt_stage s where s.problem is null
                on conflict (dataset, record_key) do update
                  set seq = excluded.seq, payload = excluded.payload, deleted = excluded.deleted, batch_id = excluded.batch_id,
                      source = excluded.source, updated_at = excluded.updated_at
                  where r.payload is distinct from excluded.payload or r.deleted <> excluded.deleted""")) {
            insert.setString(1, dataset);
            insert.setLong(2, base);
            insert.setLong(3, batchId);
            insert.setString(4, source);
            return insert.executeLargeUpdate();
        }
    }

    @Override
    public List<StoredRecord> read(String dataset, long after, int limit, @Nullable Filter filter) {
        String where = filter == null ? "" : " and payload[" + (filter.position() + 1) + "] like ? escape '\\'";
        var spec = jdbc.sql("""
                select seq, record_key, payload, deleted, batch_id, source, updated_at from exchange.record
                where dataset = ? and seq > ?""" + where + " order by seq limit ?")
                .param(dataset).param(after);
        if (filter != null) {
            spec = spec.param(filter.prefix().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        return spec.param(limit).query((rs, n) -> record(rs)).list();
    }

    @Override
    public Backlog backlog(String dataset, long after) {
        return jdbc.sql("select count(*), min(updated_at) from exchange.record where dataset = ? and seq > ?").params(dataset, after)
                .query((rs, n) -> {
                    Timestamp oldest = rs.getTimestamp(2);
                    return new Backlog(rs.getLong(1), oldest == null ? null : oldest.toInstant());
                }).single();
    }

    @Override
    public long head(String dataset) {
        return jdbc.sql("select coalesce(max(seq), 0) from exchange.record where dataset = ?").param(dataset).query(Long.class).single();
    }

    private static StoredRecord record(ResultSet rs) throws SQLException {
        Array payload = rs.getArray("payload");
        return new StoredRecord(rs.getLong("seq"), rs.getString("record_key"), (String[]) payload.getArray(), rs.getBoolean("deleted"),
                rs.getLong("batch_id"), rs.getString("source"), rs.getTimestamp("updated_at").toInstant());
    }
}
