package org.zhengtong.exchange.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.List;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
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

    private static final Logger log = LoggerFactory.getLogger(PostgresExchangeStore.class);

    /** A batch that grows its dataset by at least this many records, and by a fifth, refreshes the statistics. */
    static final int ANALYZE_AFTER = 5_000;

    private final JdbcClient jdbc;
    private final DataSource dataSource;

    PostgresExchangeStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
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
            long changed = insert.executeLargeUpdate();
            if (changed >= ANALYZE_AFTER && changed * 5 >= base) {
                afterCommit(this::analyze);
            }
            return changed;
        }
    }

    /**
     * Fresh statistics of the store's dataset and position columns, once a large batch (a dataset's first load,
     * above all) is committed. Until autovacuum gets to it, the planner would take a new or fast-grown dataset for
     * nearly empty, and read each page by sorting every record after the cursor instead of walking the position
     * index: a subscriber a million records behind would sort a million records per page. Runs on a connection of
     * its own, after the batch's transaction, so it holds no lock while the batch is open.
     */
    private void analyze() {
        try (Connection own = dataSource.getConnection(); Statement st = own.createStatement()) {
            own.setAutoCommit(true);
            st.execute("analyze exchange.record (dataset, seq)");
        } catch (SQLException e) {
            log.warn("Could not refresh the statistics of exchange.record: {}", e.getMessage());
        }
    }

    private static void afterCommit(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
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
