package org.zhengtong;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.zhengtong.audit.AuditSnapshot;
import org.zhengtong.shared.db.PlatformDatabase;

/**
 * {@code ./zt audit verify} as an operator runs it beside a running platform: it attaches to the platform's
 * embedded PostgreSQL, passes while the chain is intact, and fails naming the record an operator edited or
 * deleted with psql.
 */
@PlatformTest
class OperatorCommandsTests {

    @Autowired PlatformDatabase database;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream stdout;

    @BeforeEach
    void pointTheCommandAtTheRunningPlatform() {
        System.setProperty("zt.home", database.settings().home().toString());
        System.setProperty("zt.db.port", database.jdbcUrl().replaceAll(".*:(\\d+)/.*", "$1"));
        stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(stdout);
        System.clearProperty("zt.home");
        System.clearProperty("zt.db.port");
    }

    @Test
    void anIntactChainPassesAndAnEditedOrDeletedRecordIsNamed() {
        assertThat(OperatorCommands.run(List.of("audit", "verify"))).as(output()).isZero();
        assertThat(output()).contains("Audit chain intact");

        long middle = jdbc.sql("select max(seq) / 2 from audit.audit_record").query(Long.class).single();
        try (AuditSnapshot snapshot = AuditSnapshot.take(jdbc, transactions)) {
            jdbc.sql("update audit.audit_record set actor = 'someone-else' where seq = ?").param(middle).update();
            printed.reset();
            assertThat(OperatorCommands.run(List.of("audit", "verify"))).isEqualTo(1);
            assertThat(output()).contains("record #" + middle).contains("EDITED");
        }
        try (AuditSnapshot snapshot = AuditSnapshot.take(jdbc, transactions)) {
            jdbc.sql("delete from audit.audit_record where seq = ?").param(middle).update();
            printed.reset();
            assertThat(OperatorCommands.run(List.of("audit", "verify"))).isEqualTo(1);
            assertThat(output()).contains("record #" + middle).contains("MISSING");
        }
        printed.reset();
        assertThat(OperatorCommands.run(List.of("audit", "verify"))).as(output()).isZero();
    }

    @Test
    void anUnknownCommandIsRefused() {
        assertThat(OperatorCommands.run(List.of("audit", "rewrite"))).isNotZero();
    }

    @Test
    void anUnknownBenchmarkIsRefusedNamingTheKnownOnes() {
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(errors, true, StandardCharsets.UTF_8));
        try {
            assertThat(OperatorCommands.run(List.of("bench", "catalogue"))).isEqualTo(64);
            assertThat(OperatorCommands.run(List.of("bench"))).isEqualTo(64);
            assertThat(OperatorCommands.run(List.of("bench", "catalog", "10"))).isEqualTo(64);
            assertThat(OperatorCommands.run(List.of("bench", "basedata", "many"))).isEqualTo(64);
            assertThat(OperatorCommands.run(List.of("bench", "basedata", "100"))).isEqualTo(64);
        } finally {
            System.setErr(stderr);
        }
        assertThat(errors.toString(StandardCharsets.UTF_8))
                .contains("Unknown benchmark: catalogue (known: approval, basedata, catalog, exchange)")
                .contains("one of: approval, basedata, catalog, exchange")
                .contains("./zt bench catalog takes no arguments")
                .contains("./zt bench basedata [persons]: persons is a number from 10000");
    }

    private String output() {
        return printed.toString(StandardCharsets.UTF_8);
    }
}
