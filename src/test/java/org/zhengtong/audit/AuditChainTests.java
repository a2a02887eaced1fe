package org.zhengtong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.shared.Sm3;

class AuditChainTests {

    private static final Instant AT = Instant.parse("2026-01-31T01:30:00.123456Z");

    private static final AuditRecord RECORD = new AuditRecord(7, AT, "zhang.san", "gaj", "directory.person.update",
            "person:li.si", "mobile changed", "10.1.2.3", Outcome.SUCCESS, "a".repeat(64), "");

    @Test
    void eachRecordIsChainedToTheOneBeforeIt() {
        List<AuditRecord> chain = chain(20);

        String previous = AuditChain.GENESIS;
        for (AuditRecord r : chain) {
            assertThat(r.previousHash()).isEqualTo(previous);
            assertThat(AuditChain.hash(r)).isEqualTo(r.hash()).matches("[0-9a-f]{64}");
            previous = r.hash();
        }
        assertThat(new HashSet<>(chain.stream().map(AuditRecord::hash).toList())).hasSize(20);
    }

    @Test
    void theHashIsTheSm3OfTheLengthPrefixedFields() {
        // Pinned: records already written must verify after any change to the code.
        String expected = Sm3.hex("1:7;27:2026-01-31T01:30:00.123456Z;9:zhang.san;3:gaj;23:directory.person.update;"
                + "12:person:li.si;14:mobile changed;8:10.1.2.3;7:SUCCESS;64:" + "a".repeat(64) + ";");

        assertThat(AuditChain.hash(RECORD)).isEqualTo(expected);
    }

    @Test
    void aMissingFieldAndAnEmptyOneHashDifferently() {
        String missing = AuditChain.hash(7, AT, "zhang.san", null, "directory.login", "person:zhang.san", "", null, Outcome.SUCCESS, AuditChain.GENESIS);
        String empty = AuditChain.hash(7, AT, "zhang.san", "", "directory.login", "person:zhang.san", "", "", Outcome.SUCCESS, AuditChain.GENESIS);
        assertThat(missing).isNotEqualTo(empty);
    }

    @Test
    void changingAnySingleFieldChangesTheHash() {
        Map<String, UnaryOperator<AuditRecord>> changes = Map.of(
                "seq", r -> hashed(8, r.at(), r.actor(), r.orgUnit(), r.action(), r.target(), r.detail(), r.address(), r.outcome(), r.previousHash()),
                "at", r -> hashed(r.seq(), r.at().plusNanos(1000), r.actor(), r.orgUnit(), r.action(), r.target(), r.detail(), r.address(), r.outcome(), r.previousHash()),
                "actor", r -> hashed(r.seq(), r.at(), "zhang.sa", r.orgUnit(), r.action(), r.target(), r.detail(), r.address(), r.outcome(), r.previousHash()),
                "orgUnit", r -> hashed(r.seq(), r.at(), r.actor(), "zwfwj", r.action(), r.target(), r.detail(), r.address(), r.outcome(), r.previousHash()),
                "action", r -> hashed(r.seq(), r.at(), r.actor(), r.orgUnit(), "directory.person.read", r.target(), r.detail(), r.address(), r.outcome(), r.previousHash()),
                "target", r -> hashed(r.seq(), r.at(), r.actor(), r.orgUnit(), r.action(), "person:wang.wu", r.detail(), r.address(), r.outcome(), r.previousHash()),
                "detail", r -> hashed(r.seq(), r.at(), r.actor(), r.orgUnit(), r.action(), r.target(), "mobile changed.", r.address(), r.outcome(), r.previousHash()),
                "address", r -> hashed(r.seq(), r.at(), r.actor(), r.orgUnit(), r.action(), r.target(), r.detail(), "10.1.2.4", r.outcome(), r.previousHash()),
                "outcome", r -> hashed(r.seq(), r.at(), r.actor(), r.orgUnit(), r.action(), r.target(), r.detail(), r.address(), Outcome.DENIED, r.previousHash()),
                "previousHash", r -> hashed(r.seq(), r.at(), r.actor(), r.orgUnit(), r.action(), r.target(), r.detail(), r.address(), r.outcome(), "b" + "a".repeat(63)));
        String original = AuditChain.hash(RECORD);

        assertThat(changes).hasSize(10);
        changes.forEach((field, change) ->
                assertThat(AuditChain.hash(change.apply(RECORD))).as(field).isNotEqualTo(original));
    }

    @Test
    void movingTextAcrossAFieldBoundaryChangesTheHash() {
        AuditRecord moved = hashed(RECORD.seq(), RECORD.at(), "zhang.sa", "ngaj", RECORD.action(), RECORD.target(),
                RECORD.detail(), RECORD.address(), RECORD.outcome(), RECORD.previousHash());

        assertThat(AuditChain.hash(moved)).isNotEqualTo(AuditChain.hash(RECORD));
    }

    @Test
    void timesAreHashedAsStoredToTheMicrosecond() {
        Instant precise = Instant.parse("2026-01-31T01:30:00.123456789Z");

        assertThat(AuditChain.storedPrecision(precise)).isEqualTo(Instant.parse("2026-01-31T01:30:00.123456Z"));
    }

    /** A chain as the audit log writes it: each record hashed over its fields and the hash before it. */
    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> chain = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        for (long seq = 1; seq <= length; seq++) {
            AuditRecord r = hashed(seq, AT.plusSeconds(seq), "actor" + seq, seq % 2 == 0 ? null : "gaj",
                    "directory.person.update", "person:p" + seq, "", seq % 3 == 0 ? null : "10.0.0." + seq,
                    Outcome.values()[(int) seq % 3], previous);
            chain.add(r);
            previous = r.hash();
        }
        return chain;
    }

    /** A record with the given fields and the hash those fields give. */
    private static AuditRecord hashed(long seq, Instant at, String actor, String orgUnit, String action,
            String target, String detail, String address, Outcome outcome, String previousHash) {
        String hash = AuditChain.hash(seq, at, actor, orgUnit, action, target, detail, address, outcome, previousHash);
        return new AuditRecord(seq, at, actor, orgUnit, action, target, detail, address, outcome, previousHash, hash);
    }
}
