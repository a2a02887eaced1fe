package org.zhengtong.exchange;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.exchange.internal.BodyFormat;
import org.zhengtong.exchange.internal.Cleansing;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.DivisionCodes;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quarantine (问题数据): records the pipeline refused, kept with their original bytes, line and reason until the
 * provider's data officer fixes and resubmits them or discards them. A department sees and handles the records of
 * the datasets it provides; those who oversee the hub see all of them. A record of another department is answered
 * as not found, so its existence is not told either.
 *
 * <p>A resubmitted record is checked first with the pipeline's own rules, so a value that is still wrong is
 * explained at once, item by item; a correct one goes through the whole pipeline as a one-record CSV batch of
 * channel {@code RESUBMIT}, in the same transaction that marks the quarantined record resubmitted. Rejected records
 * hold personal data, so every list and every record shown is audited, as is every change.
 */
@Service
public class Quarantine {

    public static final int MAX_PAGE = 200;
    static final int MAX_REASON = 500;

    private final JdbcClient jdbc;
    private final ExchangeHub hub;
    private final Departments departments;
    private final DivisionCodes divisions;
    private final AuditLog audit;
    private final JsonMapper json;

    Quarantine(JdbcClient jdbc, ExchangeHub hub, Departments departments, DivisionCodes divisions, AuditLog audit, JsonMapper json) {
        this.jdbc = jdbc;
        this.hub = hub;
        this.departments = departments;
        this.divisions = divisions;
        this.audit = audit;
        this.json = json;
    }

    /** One rejected record, without its bytes. */
    public record Entry(
            long id,
            String dataset,
            String datasetName,
            String provider,
            long batchId,
            long lineNo,
            String format,
            String charset,
            @Nullable String field,
            String reasonCode,
            List<String> reasonArgs,
            String status,
            @Nullable String handledBy,
            @Nullable Instant handledAt,
            @Nullable Long resubmitBatch,
            @Nullable String discardReason,
            Instant receivedAt) {

        public Entry {
            reasonArgs = List.copyOf(reasonArgs);
        }

        public boolean open() {
            return status.equals("OPEN");
        }
    }

    /** One page of rejected records, newest first. */
    public record Listing(List<Entry> entries, int page, int size, long total) {

        public Listing {
            entries = List.copyOf(entries);
        }

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return (long) (page + 1) * size < total;
        }
    }

    /**
     * One rejected record to look at and fix: its line as text (bad bytes shown as �, and {@code readable} false),
     * and its values read leniently in the dataset's item order ("" where nothing could be read).
     */
    public record Detail(Entry entry, Dataset dataset, String text, boolean readable, String hex, List<String> values) {

        public Detail {
            values = List.copyOf(values);
        }
    }

    /** What a resubmission did: the batch it went in, and whether it changed the store. */
    public record Resubmitted(long id, long batchId, boolean changed) {}

    // reading

    /**
     * Rejected records of the acting department's datasets (all datasets for those who oversee the hub), newest
     * first; only those of one dataset when {@code dataset} is given, and of one status ({@code OPEN} by default).
     */
    @Transactional
    public Listing list(@Nullable String dataset, @Nullable String status, int page, int size) {
        String provider = scope();
        String state = status == null || status.isBlank() ? "OPEN" : status;
        if (!List.of("OPEN", "RESUBMITTED", "DISCARDED").contains(state)) {
            throw InvalidInput.of("status", "exchange.quarantine.status.invalid", state);
        }
        String only = dataset == null || dataset.isBlank() ? null : dataset;
        int limit = Math.max(1, Math.min(size, MAX_PAGE));
        int number = Math.max(0, page);
        String where = " where (?::text is null or d.provider = ?) and (?::text is null or q.dataset = ?) and q.status = ?";
        long total = jdbc.sql("select count(*) from exchange.quarantine q join exchange.dataset d on d.code = q.dataset" + where)
                .params(provider, provider, only, only, state).query(Long.class).single();
        Map<String, String> names = new HashMap<>();
        List<Entry> entries = jdbc.sql(SELECT + where + " order by q.id desc limit ? offset ?")
                .params(provider, provider, only, only, state, limit, (long) number * limit)
                .query((rs, n) -> entry(rs, names)).list();
        audit.record("exchange.quarantine.list", provider == null ? "all" : "department:" + provider,
                "%s %s page %d: %d records".formatted(only == null ? "all datasets" : "dataset " + only, state, number, entries.size()));
        return new Listing(entries, number, limit, total);
    }

    /** How many records wait in the quarantine, by dataset, for the datasets the acting department may handle. */
    public Map<String, Long> openCounts() {
        String provider = scope();
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                select q.dataset, count(*) from exchange.quarantine q join exchange.dataset d on d.code = q.dataset
                where q.status = 'OPEN' and (?::text is null or d.provider = ?) group by q.dataset order by q.dataset""")
                .params(provider, provider).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** One rejected record with its original line; a read of personal data, so it is audited. */
    @Transactional
    public Detail show(long id) {
        Entry entry = find(id).orElseThrow(() -> ExchangeProblem.unknownQuarantined(id));
        refuseUnlessMine(entry, "exchange.quarantine.read");
        byte[] raw = jdbc.sql("select raw from exchange.quarantine where id = ?").param(id).query(byte[].class).single();
        Dataset dataset = hub.dataset(entry.dataset());
        RawRecord.Text text = RawRecord.decode(raw, entry.charset(), entry.format());
        List<String> values = RawRecord.values(text, entry.format(), dataset.itemNames(), json);
        audit.record("exchange.quarantine.read", "quarantine:" + id, "dataset %s, batch %d, line %d".formatted(entry.dataset(),
                entry.batchId(), entry.lineNo()));
        return new Detail(entry, dataset, text.text(), text.readable(), hex(raw), values);
    }

    // acting

    /**
     * Sends a corrected record through the pipeline again. {@code values} are by data item name; an item left out
     * is empty. The values are checked first with the pipeline's rules: anything still wrong is refused with every
     * item's reason, and nothing changes. A correct record is published as a one-record batch of channel {@code
     * RESUBMIT} and this record is marked resubmitted with that batch, together.
     */
    @Transactional
    public Resubmitted resubmit(long id, Map<String, String> values) {
        Entry entry = lockOpen(id, "exchange.quarantine.resubmit");
        Dataset dataset = hub.dataset(entry.dataset());
        for (String name : values.keySet()) {
            if (dataset.item(name) == null) {
                throw ExchangeProblem.unknownItem(dataset.code(), name);
            }
        }
        String[] record = dataset.itemNames().stream().map(values::get).toArray(String[]::new);
        InvalidInput.throwIfAny(Cleansing.check(dataset, divisions, record));
        byte[] csv = RawRecord.csv(dataset.itemNames(), record).getBytes(StandardCharsets.UTF_8);
        Actor actor = Actor.current();
        BatchResult batch = hub.publishFrom(dataset, "RESUBMIT", new ByteArrayInputStream(csv), BodyFormat.of("text/csv; charset=UTF-8"),
                "quarantine-" + id + ".csv", actor);
        if (batch.accepted() != 1) {
            // The check above uses the pipeline's rules, so this is a refusal only the whole batch sees; tell it the same way.
            List<FieldProblem> why = jdbc.sql("select field, reason_code, reason_args from exchange.quarantine where batch_id = ?")
                    .param(batch.batchId()).query((rs, n) -> new FieldProblem(rs.getString(1) == null ? "record" : rs.getString(1),
                            rs.getString(2), (Object[]) (String[]) rs.getArray(3).getArray())).list();
            throw InvalidInput.of(why.isEmpty() ? List.of(new FieldProblem("record", "exchange.quarantine.not-accepted")) : why);
        }
        jdbc.sql("""
                update exchange.quarantine set status = 'RESUBMITTED', resubmit_batch = ?, handled_by = ?, handled_at = now()
                where id = ? and status = 'OPEN'""").params(batch.batchId(), actor.username(), id).update();
        audit.record(actor, "exchange.quarantine.resubmit", "quarantine:" + id, Outcome.SUCCESS,
                "dataset %s, line %d of batch %d resubmitted as batch %d".formatted(dataset.code(), entry.lineNo(), entry.batchId(),
                        batch.batchId()));
        return new Resubmitted(id, batch.batchId(), batch.changed() > 0);
    }

    /** Gives a rejected record up, with the reason why; the record stays, marked discarded. */
    @Transactional
    public void discard(long id, @Nullable String reason) {
        Entry entry = lockOpen(id, "exchange.quarantine.discard");
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw InvalidInput.of("reason", "exchange.quarantine.discard-reason.required");
        }
        if (why.codePointCount(0, why.length()) > MAX_REASON) {
            throw InvalidInput.of("reason", "exchange.quarantine.discard-reason.too-long", MAX_REASON);
        }
        Actor actor = Actor.current();
        jdbc.sql("""
                update exchange.quarantine set status = 'DISCARDED', discard_reason = ?, handled_by = ?, handled_at = now()
                where id = ? and status = 'OPEN'""").params(why, actor.username(), id).update();
        audit.record(actor, "exchange.quarantine.discard", "quarantine:" + id,
                Outcome.SUCCESS, "dataset %s, line %d of batch %d discarded: %s".formatted(entry.dataset(), entry.lineNo(), entry.batchId(), why));
    }

    // scope

    /** The provider whose records the acting party handles, or {@code null} for all of them. */
    private @Nullable String scope() {
        return Departments.holds(ExchangeHub.OVERSEE) ? null : departments.acting().code();
    }

    private void refuseUnlessMine(Entry entry, String action) {
        String provider = scope();
        if (provider != null && !provider.equals(entry.provider())) {
            audit.recordFailure(Actor.current(), action, "quarantine:" + entry.id(), Outcome.DENIED, "not the provider: " + provider);
            throw ExchangeProblem.unknownQuarantined(entry.id());
        }
    }

    /** The record, locked for this transaction, if the acting party may handle it and it still waits. */
    private Entry lockOpen(long id, String action) {
        Entry entry = jdbc.sql(SELECT + " where q.id = ? for update of q").param(id).query((rs, n) -> entry(rs, new HashMap<>())).optional()
                .orElseThrow(() -> ExchangeProblem.unknownQuarantined(id));
        refuseUnlessMine(entry, action);
        if (!entry.open()) {
            throw ExchangeProblem.notOpen(id, entry.status());
        }
        return entry;
    }

    private java.util.Optional<Entry> find(long id) {
        return jdbc.sql(SELECT + " where q.id = ?").param(id).query((rs, n) -> entry(rs, new HashMap<>())).optional();
    }

    private static final String SELECT = """
            select q.id, q.dataset, d.provider, q.batch_id, q.line_no, q.format, q.charset, q.field, q.reason_code, q.reason_args, q.status,
              q.handled_by, q.handled_at, q.resubmit_batch, q.discard_reason, b.started_at
            from exchange.quarantine q join exchange.dataset d on d.code = q.dataset join exchange.batch b on b.id = q.batch_id""";

    private Entry entry(ResultSet rs, Map<String, String> names) throws SQLException {
        String dataset = rs.getString("dataset");
        String name = names.computeIfAbsent(dataset, c -> hub.findDataset(c).map(Dataset::name).orElse(c));
        Timestamp handled = rs.getTimestamp("handled_at");
        long resubmit = rs.getLong("resubmit_batch");
        Long resubmitBatch = rs.wasNull() ? null : resubmit;
        return new Entry(rs.getLong("id"), dataset, name, rs.getString("provider"), rs.getLong("batch_id"), rs.getLong("line_no"),
                rs.getString("format"), rs.getString("charset"), rs.getString("field"), rs.getString("reason_code"),
                new ArrayList<>(Arrays.asList((String[]) rs.getArray("reason_args").getArray())), rs.getString("status"),
                rs.getString("handled_by"), handled == null ? null : handled.toInstant(), resubmitBatch, rs.getString("discard_reason"),
                rs.getTimestamp("started_at").toInstant());
    }

    private static String hex(byte[] raw) {
        StringBuilder s = new StringBuilder();
        int n = Math.min(raw.length, 512);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append(Character.forDigit((raw[i] >> 4) & 0xF, 16)).append(Character.forDigit(raw[i] & 0xF, 16));
        }
        return raw.length > n ? s.append(" …").toString() : s.toString();
    }
}
