package org.zhengtong.exchange;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where accepted records live and in what order subscribers read them. PostgreSQL is the default; Kafka (one topic
 * per dataset) takes over with {@code zt.exchange.backend=kafka}. Either way, a position orders a dataset's
 * changes, and reading after a position yields every later change once.
 */
public interface ExchangeStore {

    /** The name shown on the dashboard and in the batch answer ({@code postgresql} or {@code kafka}). */
    String name();

    /**
     * Stores a batch's accepted records. They wait on {@code connection} (inside the batch's transaction) in the
     * temporary table {@code zt_stage (ord int, key text, del boolean, payload text[], problem text)}; the rows
     * to store are those whose {@code problem} is null, at positions {@code base + ord}, in {@code ord} order. The
     * caller holds the dataset's lock, so no other batch of the dataset is being stored meanwhile.
     *
     * @return how many records changed the store
     */
    long apply(Connection connection, String dataset, long batchId, String source, long base) throws SQLException;

    /** Up to {@code limit} records after {@code after}, in position order, passing the filter if one is given. */
    List<StoredRecord> read(String dataset, long after, int limit, @Nullable Filter filter);

    /** How many records wait after {@code after}, and since when the oldest of them. */
    Backlog backlog(String dataset, long after);

    /** The last position of the dataset (0 when it is empty). */
    long head(String dataset);

    /** Keeps records whose value at {@code position} (in the payload) starts with {@code prefix}. */
    record Filter(int position, String prefix) {}

    record Backlog(long records, @Nullable Instant oldest) {
        public static final Backlog NONE = new Backlog(0, null);
    }
}
