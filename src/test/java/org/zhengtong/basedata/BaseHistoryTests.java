package org.zhengtong.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.PlatformTest;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.InvalidInput;

/**
 * "What did we know about X on date D": a person registered by 公安 in January, renamed in March and moved in May
 * is asked about before, between and after those days.
 */
@PlatformTest
class BaseHistoryTests {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @Autowired JdbcClient jdbc;
    @Autowired CatalogManagement catalog;
    @Autowired SharingManagement sharing;
    @Autowired ExchangeHub hub;
    @Autowired PersonAccounts accounts;
    @Autowired BaseDataFeeds feeds;
    @Autowired BaseHistory history;

    BaseDataFixture fixture;
    BaseDataFixture.Feeds feed;

    @BeforeEach
    void feeds() {
        fixture = new BaseDataFixture(jdbc, catalog, sharing, hub, accounts, feeds);
        feed = fixture.feeds();
    }

    @Test
    void theHistoryAnswersAsOfADate() {
        String id = BaseDataFixture.newId(false);
        String birth = BaseDataFixture.birth(id);
        Instant registered = LocalDate.of(2026, 1, 10).atTime(10, 0).atZone(CHINA).toInstant();
        Instant renamed = LocalDate.of(2026, 3, 10).atTime(10, 0).atZone(CHINA).toInstant();
        Instant moved = LocalDate.of(2026, 5, 10).atTime(10, 0).atZone(CHINA).toInstant();
        BatchResult first = fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, BaseDataMergeTests.row(id, "钱芳", "女", birth, "379902"));
        feeds.catchUp(Clock.fixed(registered, ZoneOffset.UTC));
        BatchResult second = fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, BaseDataMergeTests.row(id, "钱芳华", "女", birth, "379902"));
        feeds.catchUp(Clock.fixed(renamed, ZoneOffset.UTC));
        BatchResult third = fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, BaseDataMergeTests.row(id, "钱芳华", "女", birth, "379904"));
        feeds.catchUp(Clock.fixed(moved, ZoneOffset.UTC));

        fixture.as("dataadmin", () -> {
            assertThat(history.asOf(Base.PERSON, id, LocalDate.of(2026, 1, 9))).as("before the first version").isEmpty();

            var january = history.asOf(Base.PERSON, id, LocalDate.of(2026, 1, 10)).orElseThrow();
            assertThat(january.version()).isEqualTo(1);
            assertThat(january.value("name")).isEqualTo("钱芳");
            assertThat(january.validFrom()).isEqualTo(registered);
            assertThat(january.validTo()).isEqualTo(renamed);
            assertThat(january.fields().get("name").source().exchangeBatch()).isEqualTo(first.batchId());
            assertThat(january.fields().get("name").source().department()).isEqualTo("gaj");
            assertThat(january.fields().get("social_insurance").source()).isNull();

            var april = history.asOf(Base.PERSON, id, LocalDate.of(2026, 4, 1)).orElseThrow();
            assertThat(april.version()).isEqualTo(2);
            assertThat(april.value("name")).isEqualTo("钱芳华");
            assertThat(april.value("household_division")).isEqualTo("379902");
            assertThat(april.fields().get("name").source().exchangeBatch()).isEqualTo(second.batchId());
            assertThat(april.fields().get("gender").source().exchangeBatch()).as("a field unchanged keeps its first source").isEqualTo(first.batchId());

            var today = history.asOf(Base.PERSON, id, LocalDate.now(CHINA)).orElseThrow();
            assertThat(today.current()).isTrue();
            assertThat(today.version()).isEqualTo(3);
            assertThat(today.value("household_division")).isEqualTo("379904");
            assertThat(today.fields().get("household_division").source().exchangeBatch()).isEqualTo(third.batchId());

            assertThat(history.asOf(Base.PERSON, id, renamed.minusSeconds(1)).orElseThrow().version()).isEqualTo(1);
            assertThat(history.asOf(Base.PERSON, id, renamed).orElseThrow().version()).as("valid from is inclusive").isEqualTo(2);

            List<BaseHistory.Snapshot> versions = history.versions(Base.PERSON, id);
            assertThat(versions).extracting(BaseHistory.Snapshot::version).containsExactly(1, 2, 3);
            assertThat(versions).extracting(v -> v.value("name")).containsExactly("钱芳", "钱芳华", "钱芳华");
            assertThat(versions.get(1).validFrom()).isEqualTo(renamed);
            assertThat(versions.get(1).validTo()).isEqualTo(moved);
            assertThat(versions.get(2).validTo()).isNull();
            return null;
        });

        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'basedata.history.as-of' and target = ? and actor = 'dataadmin'")
                .param("person:" + id).query(Long.class).single()).as("every read is audited, found or not").isEqualTo(6);
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'basedata.history.versions' and target = ?")
                .param("person:" + id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aSubjectNeverHeldHasNoVersionsAndABadKeyIsRefused() {
        assertThat(history.versions(Base.PERSON, BaseDataFixture.newId(true))).isEmpty();
        assertThat(history.asOf(Base.PERSON, BaseDataFixture.newId(true), LocalDate.now(CHINA))).isEmpty();
        String valid = BaseDataFixture.newId(true);
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> history.asOf(Base.PERSON, wrongCheck, LocalDate.now(CHINA))).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> history.versions(Base.LEGAL_PERSON, "91379902MA00000000")).isInstanceOf(InvalidInput.class);
    }
}
