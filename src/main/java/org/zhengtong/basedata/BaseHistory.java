package org.zhengtong.basedata;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.basedata.internal.Versions;
import org.zhengtong.basedata.internal.Versions.Version;

/**
 * The history (历史) of a subject of the population or legal-person database: what we knew about a person or an
 * enterprise on a given day, and every version we have held. A base database never forgets: each change of a
 * subject closes its current version (valid from, valid to) and keeps it, and each field of each version names the
 * source batch (来源批次) its value came from. So "what did we know about X on date D" is answered from what was
 * recorded then, not from what is true now, which is what a decision taken on D has to be judged by.
 *
 * <p>Both reads show personal data, so each is written to the audit log in the reader's transaction, found or not.
 */
@Service
public class BaseHistory {

    /** The platform's day: a date is the calendar day in China Standard Time. */
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Versions versions;
    private final JdbcTemplate jdbc;
    private final AuditLog audit;

    BaseHistory(Versions versions, JdbcTemplate jdbc, AuditLog audit) {
        this.versions = versions;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** One field of a version: its value as stored (dates yyyy-MM-dd, plain numbers) and where it came from. */
    public record FieldValue(BaseField field, @Nullable String value, @Nullable SourceBatch source) {}

    /**
     * One version of a subject: valid from {@code validFrom} until {@code validTo} (null while it is current),
     * with every field of the base in field order.
     */
    public record Snapshot(Base base, String key, int version, Instant validFrom, @Nullable Instant validTo, Map<String, FieldValue> fields) {

        public Snapshot {
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public boolean current() {
            return validTo == null;
        }

        /** A field's value, or null when it was empty in this version. */
        public @Nullable String value(String field) {
            FieldValue v = fields.get(field);
            return v == null ? null : v.value();
        }
    }

    /**
     * What we knew of a subject at the end of day {@code date} (China Standard Time): the version valid at the
     * day's last moment, or empty when the base did not hold the subject yet.
     */
    @Transactional
    public Optional<Snapshot> asOf(Base base, String key, LocalDate date) {
        String k = validKey(base, key);
        Instant endOfDay = date.plusDays(1).atStartOfDay(CHINA).toInstant();
        Optional<Snapshot> found = all(base, k).stream()
                .filter(v -> v.validFrom().isBefore(endOfDay) && (v.validTo() == null || !v.validTo().isBefore(endOfDay))).findFirst();
        audit.record("basedata.history.as-of", target(base, k),
                "as of " + date + ": " + found.map(s -> "version " + s.version()).orElse("not found"));
        return found;
    }

    /** What we knew of a subject at an instant: the version with {@code validFrom <= at < validTo}, or empty. */
    @Transactional
    public Optional<Snapshot> asOf(Base base, String key, Instant at) {
        String k = validKey(base, key);
        Optional<Snapshot> found = all(base, k).stream()
                .filter(v -> !v.validFrom().isAfter(at) && (v.validTo() == null || v.validTo().isAfter(at))).findFirst();
        audit.record("basedata.history.as-of", target(base, k), "as of " + at + ": " + found.map(s -> "version " + s.version()).orElse("not found"));
        return found;
    }

    /** Every version of a subject, oldest first, the current one last; empty when the base does not hold it. */
    @Transactional
    public List<Snapshot> versions(Base base, String key) {
        String k = validKey(base, key);
        List<Snapshot> all = all(base, k);
        audit.record("basedata.history.versions", target(base, k), all.size() + " versions");
        return all;
    }

    private List<Snapshot> all(Base base, String key) {
        List<Version> found = new ArrayList<>(versions.history(base, key));
        Version current = versions.current(base, key, false);
        if (current != null) {
            found.add(current);
        }
        Map<Long, SourceBatch> batches = batches(found.stream().flatMap(v -> v.lineage().values().stream()).filter(Objects::nonNull).toList());
        List<Snapshot> snapshots = new ArrayList<>(found.size());
        for (Version v : found) {
            Map<String, FieldValue> fields = new LinkedHashMap<>();
            for (BaseField f : base.fields()) {
                Long batch = v.lineage().get(f.column());
                fields.put(f.column(), new FieldValue(f, v.values().get(f.column()), batch == null ? null : batches.get(batch)));
            }
            snapshots.add(new Snapshot(base, key, v.version(), v.validFrom(), v.validTo(), fields));
        }
        return snapshots;
    }

    private Map<Long, SourceBatch> batches(Collection<Long> ids) {
        Map<Long, SourceBatch> batches = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.query(BaseDataFeeds.SOURCE_BATCH + " where id = any(?)",
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", ids.stream().distinct().toArray())),
                    rs -> {
                        SourceBatch b = BaseDataFeeds.sourceBatch(rs);
                        batches.put(b.id(), b);
                    });
        }
        return batches;
    }

    static String validKey(Base base, String key) {
        return base == Base.PERSON ? UnifiedQuery.validId(key) : UnifiedQuery.validCreditCode(key);
    }

    static String target(Base base, String key) {
        return (base == Base.PERSON ? "person:" : "legal-person:") + key;
    }
}
