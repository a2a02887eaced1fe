package org.zhengtong.audit.web;

import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import org.zhengtong.audit.AuditChainVerifier;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.audit.ChainVerification;
import org.zhengtong.shared.Actor;

/**
 * Verifies the audit chain for an auditor and records that they did, with the result: a verification that
 * found the chain broken is itself evidence worth keeping.
 */
@Component
class ChainChecks {

    private final DataSource dataSource;
    private final AuditLog audit;

    ChainChecks(DataSource dataSource, AuditLog audit) {
        this.dataSource = dataSource;
        this.audit = audit;
    }

    ChainVerification verify() {
        ChainVerification result = new AuditChainVerifier(dataSource).verify();
        if (result.intact()) {
            audit.record(Actor.current(), "audit.verify", "audit-chain", AuditLog.Outcome.SUCCESS,
                    "intact: " + result.checked() + " records checked");
        } else {
            audit.record(Actor.current(), "audit.verify", "audit-chain", AuditLog.Outcome.FAILURE,
                    "broken at #" + result.brokenAt() + ": " + result.problem() + " - " + result.detail());
        }
        return result;
    }
}
