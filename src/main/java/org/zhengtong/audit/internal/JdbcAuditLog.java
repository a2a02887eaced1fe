package org.zhengtong.audit.internal;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditChain;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Actor;

/**
 * Appends records to {@code audit.audit_record}. Appends are serialised by a transaction-scoped advisory
 * lock, so the chain stays a single line even when many requests write at once; the chain head row holds
 * the last sequence number and hash, which also lets verification notice records cut from the end.
 */
@Service
class JdbcAuditLog implements AuditLog {

    private static final long CHAIN_LOCK = 0x7a74_6175_6469_74L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    JdbcAuditLog(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(Actor actor, String action, String target, Outcome outcome, String detail) {
        append(actor, action, target, outcome, detail);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public void recordAll(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        var head = jdbc.sql("select seq, hash from audit.chain_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long seq = (Long) head[0];
        String previous = (String) head[1];
        Instant at = AuditChain.storedPrecision(Instant.now());
        List<Object[]> rows = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            seq++;
            Actor actor = e.actor();
            String hash = AuditChain.hash(seq, at, actor.username(), actor.orgUnitCode(), e.action(), e.target(), e.detail(),
                    actor.address(), e.outcome(), previous);
            rows.add(new Object[] {seq, at.atOffset(ZoneOffset.UTC), actor.username(), actor.orgUnitCode(), e.action(), e.target(),
                e.detail(), actor.address(), e.outcome().name(), previous, hash});
            previous = hash;
        }
        template.batchUpdate("""
                insert into audit.audit_record
                  (seq, at, actor, org_unit, action, target, detail, address, outcome, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        jdbc.sql("update audit.chain_head set seq = ?, hash = ? where id = 1").params(seq, previous).update();
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordFailure(Actor actor, String action, String target, Outcome outcome, String detail) {
        append(actor, action, target, outcome, detail);
    }

    private void append(Actor actor, String action, String target, Outcome outcome, String detail) {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleRow();
        var head = jdbc.sql("select seq, hash from audit.chain_head where id = 1")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)})
                .single();
        long seq = (Long) head[0] + 1;
        String previous = (String) head[1];
        Instant at = AuditChain.storedPrecision(Instant.now());
        String hash = AuditChain.hash(seq, at, actor.username(), actor.orgUnitCode(), action, target, detail,
                actor.address(), outcome, previous);
        jdbc.sql("""
                insert into audit.audit_record
                  (seq, at, actor, org_unit, action, target, detail, address, outcome, previous_hash, hash)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(seq, at.atOffset(ZoneOffset.UTC), actor.username(), actor.orgUnitCode(), action, target,
                        detail, actor.address(), outcome.name(), previous, hash)
                .update();
        jdbc.sql("update audit.chain_head set seq = ?, hash = ? where id = 1").params(seq, hash).update();
    }
}
