package org.zhengtong.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Walks the audit chain from the first record to the last and reports the first place where it breaks.
 *
 * <p>Plain JDBC with a streaming cursor, so it runs the same inside the platform and from
 * {@code ./zt audit verify} against a stopped or running platform's database, in constant memory.
 */
public final class AuditChainVerifier {

    private final DataSource dataSource;

    public AuditChainVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public ChainVerification verify() {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.createStatement().execute("set transaction isolation level repeatable read");
            ChainVerification result = walk(c);
            c.commit();
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit log: " + e.getMessage(), e);
        }
    }

    private ChainVerification walk(Connection c) throws SQLException {
        long checked = 0;
        long expectedSeq = 1;
        String previousHash = AuditChain.GENESIS;
        try (PreparedStatement ps = c.prepareStatement(
                "select seq, at, actor, org_unit, action, target, detail, address, outcome, previous_hash, hash"
                        + " from audit.audit_record order by seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    AuditRecord r = new AuditRecord(
                            rs.getLong(1),
                            rs.getObject(2, OffsetDateTime.class).toInstant(),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getString(8),
                            AuditLog.Outcome.valueOf(rs.getString(9)),
                            rs.getString(10),
                            rs.getString(11));
                    if (r.seq() != expectedSeq) {
                        return ChainVerification.broken(checked, expectedSeq, ChainVerification.Problem.MISSING,
                                "record #" + expectedSeq + (r.seq() - 1 > expectedSeq ? " to #" + (r.seq() - 1) : "")
                                        + " missing; the next stored record is #" + r.seq());
                    }
                    if (!r.previousHash().equals(previousHash)) {
                        return ChainVerification.broken(checked, r.seq(), ChainVerification.Problem.OUT_OF_ORDER,
                                "record #" + r.seq() + " does not follow record #" + (r.seq() - 1));
                    }
                    if (!AuditChain.hash(r).equals(r.hash())) {
                        return ChainVerification.broken(checked, r.seq(), ChainVerification.Problem.EDITED,
                                "record #" + r.seq() + " (" + r.action() + ", " + r.at() + ") was changed after it was written");
                    }
                    previousHash = r.hash();
                    expectedSeq++;
                    checked++;
                }
            }
        }
        try (ResultSet head = c.createStatement().executeQuery("select seq, hash from audit.chain_head where id = 1")) {
            if (head.next()) {
                long headSeq = head.getLong(1);
                if (headSeq >= expectedSeq) {
                    return ChainVerification.broken(checked, expectedSeq, ChainVerification.Problem.TRUNCATED,
                            "record #" + expectedSeq + (headSeq > expectedSeq ? " to #" + headSeq : "")
                                    + " missing from the end of the log");
                }
                if (headSeq == expectedSeq - 1 && !head.getString(2).equals(previousHash)) {
                    return ChainVerification.broken(checked, headSeq, ChainVerification.Problem.EDITED,
                            "record #" + headSeq + " is not the record the log last wrote");
                }
            } else if (checked > 0) {
                return ChainVerification.broken(checked, 1, ChainVerification.Problem.TRUNCATED,
                        "the chain head is missing");
            }
        }
        return ChainVerification.intact(checked);
    }
}
