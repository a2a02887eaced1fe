package org.zhengtong.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A copy of the audit log taken before a test tampers with it, to put the log back exactly as it was
 * afterwards: every integration test shares one database, and the ones after expect an intact chain.
 */
public final class AuditSnapshot implements AutoCloseable {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    private AuditSnapshot(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
    }

    public static AuditSnapshot take(JdbcClient jdbc, PlatformTransactionManager transactions) {
        AuditSnapshot snapshot = new AuditSnapshot(jdbc, transactions);
        snapshot.tx.executeWithoutResult(s -> {
            snapshot.lock();
            jdbc.sql("create schema if not exists audit_copy").update();
            jdbc.sql("drop table if exists audit_copy.audit_record, audit_copy.chain_head").update();
            jdbc.sql("create table audit_copy.audit_record as table audit.audit_record").update();
            jdbc.sql("create table audit_copy.chain_head as table audit.chain_head").update();
        });
        return snapshot;
    }

    /** Puts back both the records and the chain head. */
    @Override
    public void close() {
        tx.executeWithoutResult(s -> {
            lock();
            jdbc.sql("delete from audit.audit_record").update();
            jdbc.sql("insert into audit.audit_record select * from audit_copy.audit_record").update();
            jdbc.sql("update audit.chain_head h set seq = c.seq, hash = c.hash from audit_copy.chain_head c where h.id = c.id")
                    .update();
            jdbc.sql("drop schema audit_copy cascade").update();
        });
    }

    /** Keeps the platform from appending while the log is copied or put back. */
    private void lock() {
        jdbc.sql("lock table audit.audit_record, audit.chain_head in access exclusive mode").update();
    }
}
