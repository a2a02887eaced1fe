package org.zhengtong.exchange.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.Dataset;
import org.zhengtong.exchange.ExchangeProblem;
import org.zhengtong.exchange.ExchangeStore;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.DivisionCodes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exchange pipeline for one batch: decode → validate → cleanse → key → store. The spooled body is read once,
 * record by record, and streamed with COPY into a temporary staging table; duplicates of a key inside the batch
 * are found there; the accepted rows go to the {@link ExchangeStore} and the refused ones to the quarantine, all in
 * one transaction with the batch's counts and its audit record. So a batch applies whole or not at all, and
 * {@code accepted + quarantined = received}.
 */
@Component
public class BatchProcessor {

    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ExchangeStore store;
    private final DivisionCodes divisions;
    private final JsonMapper json;
    private final AuditLog audit;
    private final Path spoolDir;

    BatchProcessor(DataSource dataSource, PlatformTransactionManager transactionManager, JdbcClient jdbc, ExchangeStore store,
            DivisionCodes divisions, JsonMapper json, AuditLog audit, Environment env) {
        this.dataSource = dataSource;
        this.transactions = new TransactionTemplate(transactionManager);
        this.jdbc = jdbc;
        this.store = store;
        this.divisions = divisions;
        this.json = json;
        this.audit = audit;
        this.spoolDir = Path.of(env.getProperty("zt.home", "var")).toAbsolutePath().resolve("exchange").resolve("spool");
    }

    public Path spoolFile(long batchId) {
        return spoolDir.resolve(batchId + ".body");
    }

    /** Registers a batch before its body is read, so that even a refused or broken one stays on record. */
    public long open(Dataset dataset, String channel, @Nullable String idempotencyKey, BodyFormat.Declared declared, String by) {
        jdbc.sql("insert into exchange.dataset (code, provider) values (?, ?) on conflict (code) do nothing")
                .params(dataset.code(), dataset.provider()).update();
        return jdbc.sql("""
                insert into exchange.batch (dataset, provider, channel, idempotency_key, format, charset, status, submitted_by)
                values (?, ?, ?, ?, ?, ?, 'RECEIVING', ?) returning id""")
                .params(dataset.code(), dataset.provider(), channel, idempotencyKey, declared.format().name(), declared.charsetName(), by)
                .query(Long.class).single();
    }

    /** The body is on disk and forced: from here on the batch survives a crash and is finished on restart. */
    public void spooled(long batchId, Spool.Received received, String signature) {
        jdbc.sql("update exchange.batch set status = 'SPOOLED', bytes = ?, body_digest = ?, signature = ? where id = ?")
                .params(received.bytes(), received.digest(), signature, batchId).update();
    }

    /** Marks a batch refused as a whole, keeps why, and deletes its body. */
    public void failed(long batchId, String code, Actor actor, String dataset) {
        jdbc.sql("update exchange.batch set status = 'FAILED', failure = ?, finished_at = now() where id = ? and status <> 'DONE'")
                .params(code, batchId).update();
        audit.recordFailure(actor, "exchange.batch", "batch:" + batchId, Outcome.FAILURE, "dataset " + dataset + " refused: " + code);
        deleteSpool(batchId);
    }

    /** Marks a batch whose body never fully arrived as abandoned. */
    public void abandoned(long batchId) {
        jdbc.sql("update exchange.batch set status = 'ABANDONED', finished_at = now() where id = ? and status = 'RECEIVING'")
                .param(batchId).update();
        deleteSpool(batchId);
    }

    /** Runs the pipeline over a spooled body; whole-batch problems ({@link ExchangeProblem}) roll everything back. */
    public BatchResult process(Dataset dataset, long batchId, BodyFormat.Declared declared, String file, Actor actor) {
        Path spool = spoolFile(batchId);
        long[] ran = new long[1];
        transactions.executeWithoutResult(tx -> {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                run(connection, dataset, batchId, spool, declared, file, actor);
            } catch (SQLException e) {
                throw ExchangeProblem.storeFailed(e.getSQLState() == null ? "SQL" : e.getSQLState());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            ran[0] = System.nanoTime();
        });
        Stage.COMMIT.lap(ran[0]);
        deleteSpool(batchId);
        return result(batchId);
    }

    private void run(Connection c, Dataset dataset, long batchId, Path spool, BodyFormat.Declared declared, String file, Actor actor)
            throws SQLException, IOException {
        long t = System.nanoTime();
        long base = jdbc.sql("select last_seq from exchange.dataset where code = ? for update").param(dataset.code()).query(Long.class).single();
        t = Stage.LOCK.lap(t);
        try (Statement st = c.createStatement()) {
            st.execute(StageWriter.TABLE);
        }
        int[] keys = dataset.keyPositions();
        Cleansing cleansing = new Cleansing(dataset, divisions);
        int ord = 0;
        long decoding = 0;
        long cleansingTime = 0;
        try (RecordDecoder decoder = decoder(Files.newInputStream(spool), declared, dataset, file);
                OutputStream copy = new PGCopyOutputStream(c.unwrap(PGConnection.class), StageWriter.COPY, 1 << 16)) {
            StageWriter stage = new StageWriter(copy);
            StringBuilder key = new StringBuilder();
            while (true) {
                long started = System.nanoTime();
                Decoded d = decoder.next();
                long decoded = System.nanoTime();
                decoding += decoded - started;
                if (d == null) {
                    break;
                }
                ord++;
                if (d.problem() != null) {
                    stage.refused(ord, d, d.problem(), d.raw() != null ? d.raw() : decoder.currentRaw());
                    continue;
                }
                String[] values = d.values();
                long before = cleansing.correctedRecords();
                Reason reason = cleansing.apply(values, d.delete());
                if (reason != null) {
                    cleansingTime += System.nanoTime() - decoded;
                    stage.refused(ord, d, reason, d.raw() != null ? d.raw() : decoder.currentRaw());
                    continue;
                }
                key.setLength(0);
                for (int k = 0; k < keys.length; k++) {
                    if (k > 0) {
                        key.append('\u001F');
                    }
                    key.append(values[keys[k]]);
                }
                cleansingTime += System.nanoTime() - decoded;
                stage.accepted(ord, d, key.toString(), values, cleansing.correctedRecords() > before ? cleansing.lastCorrections() : 0);
            }
        }
        long staged = System.nanoTime();
        Stage.DECODE.record(decoding);
        Stage.CLEANSE.record(cleansingTime);
        Stage.STAGE.record(staged - t - decoding - cleansingTime);
        t = staged;
        try (Statement st = c.createStatement()) {
            // Statistics of the two columns the next statements filter and group by: those of the payload arrays
            // (most common elements of every item) would cost more than all the rest of this step.
            st.execute("analyze zt_stage (key, problem)");
            // A key seen again inside the batch: the first occurrence stands, later ones are quarantined.
            st.executeUpdate("""
                    update zt_stage s set problem = 'exchange.reason.duplicate-key', field = null, args = array[f.first_line::text]
                    from (select key, min(ord) first_ord, min(line) first_line from zt_stage where problem is null
                          group by key having count(*) > 1) f
                    where s.key = f.key and s.ord > f.first_ord and s.problem is null""");
        }
        t = Stage.DUPLICATES.lap(t);
        long changed = store.apply(c, dataset.code(), batchId, dataset.provider(), base);
        t = Stage.STORE.lap(t);
        jdbc.sql("update exchange.dataset set last_seq = ? where code = ?").params(base + ord, dataset.code()).update();
        quarantine(c, dataset, batchId, spool, declared);
        t = Stage.QUARANTINE.lap(t);
        Map<String, Long> counts = counts(c);
        Map<String, Long> corrections = new LinkedHashMap<>();
        for (int k = 0; k < Cleansing.KINDS.length; k++) {
            corrections.put(Cleansing.KINDS[k], counts.get(Cleansing.KINDS[k]));
        }
        jdbc.sql("""
                update exchange.batch set status = 'DONE', received = ?, accepted = ?, corrected = ?, quarantined = ?, changed = ?,
                  corrections = ?::jsonb, finished_at = clock_timestamp() where id = ?""")
                .params(counts.get("received"), counts.get("accepted"), counts.get("corrected"), counts.get("quarantined"), changed,
                        json.writeValueAsString(corrections), batchId)
                .update();
        audit.record(actor, "exchange.batch", "batch:" + batchId, Outcome.SUCCESS, "dataset %s via %s: received %d, accepted %d, quarantined %d"
                .formatted(dataset.code(), store.name(), counts.get("received"), counts.get("accepted"), counts.get("quarantined")));
        Stage.FINISH.lap(t);
    }

    private Map<String, Long> counts(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select count(*), count(*) filter (where problem is null), count(*) filter (where problem is null and fixes <> 0),
                  count(*) filter (where problem is not null), count(*) filter (where problem is null and fixes & 1 <> 0),
                  count(*) filter (where problem is null and fixes & 2 <> 0), count(*) filter (where problem is null and fixes & 4 <> 0),
                  count(*) filter (where problem is null and fixes & 8 <> 0) from zt_stage""")) {
            rs.next();
            Map<String, Long> m = new LinkedHashMap<>();
            String[] names = {"received", "accepted", "corrected", "quarantined", "trim", "width", "date", "code"};
            for (int i = 0; i < names.length; i++) {
                m.put(names[i], rs.getLong(i + 1));
            }
            return m;
        }
    }

    /** Moves refused rows to the quarantine; those refused only as duplicates take their bytes back from the body. */
    private void quarantine(Connection c, Dataset dataset, long batchId, Path spool, BodyFormat.Declared declared) throws SQLException, IOException {
        try (PreparedStatement st = c.prepareStatement("""
                insert into exchange.quarantine (dataset, batch_id, line_no, raw, charset, format, field, reason_code, reason_args)
                select ?, ?, line, raw, ?, ?, field, problem, args from zt_stage where problem is not null and raw is not null order by ord""")) {
            st.setString(1, dataset.code());
            st.setLong(2, batchId);
            st.setString(3, declared.charsetName());
            st.setString(4, declared.format().name());
            st.executeUpdate();
        }
        try (PreparedStatement select = c.prepareStatement("select line, off, len, field, problem, args, payload from zt_stage where problem is not null and raw is null order by ord");
                PreparedStatement insert = c.prepareStatement("""
                        insert into exchange.quarantine (dataset, batch_id, line_no, raw, charset, format, field, reason_code, reason_args)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            select.setFetchSize(1000);
            try (ResultSet rs = select.executeQuery()) {
                int pending = 0;
                while (rs.next()) {
                    long offset = rs.getLong("off");
                    byte[] raw = offset >= 0 ? Spool.read(spool, offset, rs.getInt("len"))
                            : String.join(",", (String[]) rs.getArray("payload").getArray()).getBytes(StandardCharsets.UTF_8);
                    insert.setString(1, dataset.code());
                    insert.setLong(2, batchId);
                    insert.setLong(3, rs.getLong("line"));
                    insert.setBytes(4, raw);
                    insert.setString(5, declared.charsetName());
                    insert.setString(6, declared.format().name());
                    insert.setString(7, rs.getString("field"));
                    insert.setString(8, rs.getString("problem"));
                    insert.setArray(9, rs.getArray("args"));
                    insert.addBatch();
                    if (++pending == 1000) {
                        insert.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    insert.executeBatch();
                }
            }
        }
    }

    private RecordDecoder decoder(InputStream raw, BodyFormat.Declared declared, Dataset dataset, String file) throws IOException {
        InputStream in = new BufferedInputStream(raw, 1 << 16);
        return switch (declared.format()) {
            case CSV -> new CsvDecoder(in, declared.charset(), dataset, file);
            case JSONL -> new JsonLinesDecoder(in, declared.charset(), dataset, json);
            case XML -> new XmlDecoder(in, declared.charset(), dataset, file);
        };
    }

    public Optional<BatchResult> find(String dataset, String idempotencyKey) {
        return jdbc.sql("select id from exchange.batch where dataset = ? and idempotency_key = ? and status not in ('ABANDONED', 'FAILED')")
                .params(dataset, idempotencyKey).query(Long.class).optional().map(this::result);
    }

    public BatchResult result(long batchId) {
        return jdbc.sql(BATCH + " where id = ?").param(batchId).query((rs, n) -> batch(rs)).optional()
                .orElseThrow(() -> ExchangeProblem.unknownBatch(batchId));
    }

    public List<BatchResult> batches(@Nullable String dataset, @Nullable String provider, int limit) {
        return jdbc.sql(BATCH + " where (?::text is null or dataset = ?) and (?::text is null or provider = ?) order by id desc limit ?")
                .params(dataset, dataset, provider, provider, limit).query((rs, n) -> batch(rs)).list();
    }

    /** Batches whose body was spooled but not processed, for recovery after a crash. */
    public List<Long> spooledBatches() {
        return jdbc.sql("select id from exchange.batch where status = 'SPOOLED' order by id").query(Long.class).list();
    }

    public List<Long> receivingBatches() {
        return jdbc.sql("select id from exchange.batch where status = 'RECEIVING' order by id").query(Long.class).list();
    }

    /** How a spooled batch was declared, to process it again after a restart. */
    public BodyFormat.Declared declared(long batchId) {
        return jdbc.sql("select format, charset from exchange.batch where id = ?").param(batchId).query((rs, n) -> {
            String charset = rs.getString(2);
            return new BodyFormat.Declared(BodyFormat.valueOf(rs.getString(1)),
                    charset.equals("XML") ? null : java.nio.charset.Charset.forName(charset));
        }).single();
    }

    private static final String BATCH = """
            select id, dataset, provider, channel, status, received, accepted, corrected, quarantined, changed, corrections::text, signature,
              idempotency_key, started_at, finished_at from exchange.batch""";

    private BatchResult batch(ResultSet rs) throws SQLException {
        Map<String, Long> corrections = new LinkedHashMap<>();
        json.readTree(rs.getString("corrections")).properties().forEach(e -> corrections.put(e.getKey(), e.getValue().asLong()));
        var finished = rs.getTimestamp("finished_at");
        return new BatchResult(rs.getLong("id"), rs.getString("dataset"), rs.getString("provider"), rs.getString("channel"),
                rs.getString("status"), rs.getLong("received"), rs.getLong("accepted"), rs.getLong("corrected"), rs.getLong("quarantined"),
                rs.getLong("changed"), corrections, rs.getString("signature"), rs.getString("idempotency_key"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(), false);
    }

    private void deleteSpool(long batchId) {
        try {
            Files.deleteIfExists(spoolFile(batchId));
        } catch (IOException e) {
            // a leftover body is removed by the next recovery
        }
    }

    static Instant now() {
        return Instant.now();
    }
}
