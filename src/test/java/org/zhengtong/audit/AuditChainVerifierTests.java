package org.zhengtong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.zhengtong.PlatformTest;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.audit.ChainVerification.Problem;
import org.zhengtong.shared.Actor;

/**
 * Tampers with the stored log the way an operator with psql could, and checks that verification names the
 * first damaged record and what was done to it. Each test puts the log back as it found it.
 */
@PlatformTest
class AuditChainVerifierTests {

    @Autowired
    AuditLog audit;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    private AuditSnapshot snapshot;

    @BeforeEach
    void keepACopyOfTheLog() {
        snapshot = AuditSnapshot.take(jdbc, transactions);
        assertThat(verify().intact()).as("the log is intact before the test").isTrue();
    }

    @AfterEach
    void putTheLogBack() {
        snapshot.close();
        assertThat(verify().intact()).as("the log is intact after the test").isTrue();
    }

    @Test
    void aLogWrittenOnlyByThePlatformIsIntact() {
        List<Long> seqs = write(3);

        ChainVerification result = verify();

        assertThat(result.intact()).isTrue();
        assertThat(result.checked()).isEqualTo(seqs.get(2)).isEqualTo(stored());
        assertThat(result.brokenAt()).isNull();
        assertThat(result.problem()).isNull();
    }

    @Test
    void anEditedRecordIsNamed() {
        List<Long> seqs = write(5);
        long edited = seqs.get(2);

        jdbc.sql("update audit.audit_record set detail = 'nothing happened' where seq = ?").param(edited).update();
        ChainVerification result = verify();

        assertThat(result.intact()).isFalse();
        assertThat(result.brokenAt()).isEqualTo(edited);
        assertThat(result.problem()).isEqualTo(Problem.EDITED);
        assertThat(result.checked()).isEqualTo(edited - 1);
    }

    @Test
    void aRecordDeletedFromTheMiddleIsMissing() {
        List<Long> seqs = write(5);
        long deleted = seqs.get(2);

        jdbc.sql("delete from audit.audit_record where seq = ?").param(deleted).update();
        ChainVerification result = verify();

        assertThat(result.brokenAt()).isEqualTo(deleted);
        assertThat(result.problem()).isEqualTo(Problem.MISSING);
    }

    @Test
    void recordsDeletedFromTheEndAreFound() {
        List<Long> seqs = write(5);
        assertThat(jdbc.sql("select max(seq) from audit.audit_record").query(Long.class).single()).isEqualTo(seqs.get(4));

        jdbc.sql("delete from audit.audit_record where seq >= ?").param(seqs.get(3)).update();
        ChainVerification result = verify();

        assertThat(result.brokenAt()).isEqualTo(seqs.get(3));
        assertThat(result.problem()).isEqualTo(Problem.TRUNCATED);
    }

    @Test
    void swappingTwoRecordsBreaksTheChainAtTheFirst() {
        List<Long> seqs = write(5);
        long first = seqs.get(1);
        long second = seqs.get(2);

        // Each record moves whole, with its own hashes, to the other's place.
        jdbc.sql("update audit.audit_record set seq = -1 where seq = ?").param(first).update();
        jdbc.sql("update audit.audit_record set seq = ? where seq = ?").params(first, second).update();
        jdbc.sql("update audit.audit_record set seq = ? where seq = -1").param(second).update();
        ChainVerification result = verify();

        assertThat(result.brokenAt()).isEqualTo(first);
        assertThat(result.problem()).isEqualTo(Problem.OUT_OF_ORDER);
    }

    @Test
    void swappingTwoRecordsContentsBreaksTheChainAtTheFirst() {
        List<Long> seqs = write(5);
        long first = seqs.get(1);
        long second = seqs.get(2);

        jdbc.sql("""
                update audit.audit_record r
                   set actor = o.actor, org_unit = o.org_unit, action = o.action, target = o.target, detail = o.detail,
                       address = o.address, outcome = o.outcome, at = o.at
                  from audit.audit_record o
                 where (r.seq, o.seq) in ((?, ?), (?, ?))""")
                .params(first, second, second, first)
                .update();
        ChainVerification result = verify();

        assertThat(jdbc.sql("select target from audit.audit_record where seq = ?").param(first).query(String.class).single())
                .isEqualTo("thing:2");
        assertThat(result.brokenAt()).isEqualTo(first);
        assertThat(result.problem()).isEqualTo(Problem.EDITED);
    }

    /** Appends records through the audit log, each in its own transaction, and returns their numbers. */
    private List<Long> write(int count) {
        String actor = "verifier-" + UUID.randomUUID();
        for (int i = 0; i < count; i++) {
            audit.record(new Actor(actor, "gaj", "10.1.2.3"), "test.verifier", "thing:" + i, Outcome.SUCCESS, "detail " + i);
        }
        List<Long> seqs = jdbc.sql("select seq from audit.audit_record where actor = ? order by seq")
                .param(actor)
                .query(Long.class)
                .list();
        assertThat(seqs).hasSize(count);
        assertThat(seqs.getLast() - seqs.getFirst()).as("consecutive").isEqualTo(count - 1);
        return seqs;
    }

    private long stored() {
        return jdbc.sql("select count(*) from audit.audit_record").query(Long.class).single();
    }

    private ChainVerification verify() {
        return new AuditChainVerifier(dataSource).verify();
    }
}
