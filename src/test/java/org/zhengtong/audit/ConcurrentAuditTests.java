package org.zhengtong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengtong.PlatformTest;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.shared.Actor;

/** Many requests writing at once still leave one unbroken chain, with nothing lost. */
@PlatformTest
class ConcurrentAuditTests {

    static final int THREADS = 8;
    static final int RECORDS_EACH = 50;

    @Autowired
    AuditLog audit;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void concurrentAppendsLeaveOneIntactChain() throws Exception {
        String run = "concurrent-" + UUID.randomUUID();
        long before = stored();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> writers = new ArrayList<>();

        try (ExecutorService pool = Executors.newFixedThreadPool(THREADS)) {
            for (int t = 0; t < THREADS; t++) {
                Actor writer = new Actor("writer-" + t, null, "10.0.0." + t);
                writers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < RECORDS_EACH; i++) {
                        String target = "thing:" + i;
                        tx.executeWithoutResult(s -> audit.record(writer, "test.concurrent", target, Outcome.SUCCESS, run));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> writer : writers) {
                writer.get(2, TimeUnit.MINUTES);
            }
        }
        ChainVerification result = new AuditChainVerifier(dataSource).verify();

        assertThat(stored()).isEqualTo(before + THREADS * RECORDS_EACH);
        assertThat(jdbc.sql("select count(*) from audit.audit_record where detail = ?").param(run).query(Long.class).single())
                .isEqualTo(THREADS * RECORDS_EACH);
        assertThat(result.intact()).as(String.valueOf(result.detail())).isTrue();
        assertThat(result.checked()).isEqualTo(before + THREADS * RECORDS_EACH);
    }

    private long stored() {
        return jdbc.sql("select count(*) from audit.audit_record").query(Long.class).single();
    }
}
