package org.zhengtong.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.PlatformTest;
import org.zhengtong.basedata.demo.DemoEnterprises;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.ExchangeHub;

/**
 * The merge by field authority as the departments' feeds drive it: 公安 creates a person and is the authority for the
 * name, 人社 disagrees about the name and is the authority for social insurance, a feed taken twice changes nothing
 * the second time, a later change of the authority makes a new version, and records the base databases cannot take
 * are kept with their reasons while nothing of them is applied.
 */
@PlatformTest
class BaseDataMergeTests {

    @Autowired JdbcClient jdbc;
    @Autowired CatalogManagement catalog;
    @Autowired SharingManagement sharing;
    @Autowired ExchangeHub hub;
    @Autowired PersonAccounts accounts;
    @Autowired BaseDataFeeds feeds;

    BaseDataFixture fixture;
    BaseDataFixture.Feeds feed;

    @BeforeEach
    void feeds() {
        fixture = new BaseDataFixture(jdbc, catalog, sharing, hub, accounts, feeds);
        feed = fixture.feeds();
    }

    @Test
    void aGajFeedCreatesPersonsWithTheirLineage() {
        String man = BaseDataFixture.newId(true);
        String woman = BaseDataFixture.newId(false);
        BatchResult batch = fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS,
                row(man, "王建国", "男", BaseDataFixture.birth(man), "379902"),
                row(woman, "李秀英", "2", BaseDataFixture.birth(woman), "379903"));
        assertThat(batch.accepted()).isEqualTo(2);
        feeds.catchUp();

        Map<String, Object> row = person(man);
        assertThat(row).containsEntry("name", "王建国").containsEntry("gender", "男").containsEntry("household_division", "379902")
                .containsEntry("version", 1);
        assertThat(row.get("birth_date").toString()).isEqualTo(BaseDataFixture.birth(man));
        assertThat(person(woman)).containsEntry("name", "李秀英").containsEntry("gender", "女");

        Map<String, Object> lineage = lineage(man, PersonField.NAME);
        assertThat(lineage).containsEntry("department", "gaj").containsEntry("dataset", feed.gaj().dataset())
                .containsEntry("exchange_batch", batch.batchId()).containsEntry("feed", feed.gaj().id());
        assertThat(lineageId(man, PersonField.SOCIAL_INSURANCE)).as("a field nobody sent has no lineage").isNull();
    }

    @Test
    void rsjOpensAConflictOnTheNameFillsSocialInsuranceAndTakingThePageAgainChangesNothing() {
        String id = BaseDataFixture.newId(true);
        fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, row(id, "张三", "男", BaseDataFixture.birth(id), "379902"));
        feeds.catchUp();
        BatchResult rsj = fixture.publish(feed.rsj(), BaseDataFixture.RSJ_ITEMS, row(id, "张叁", "在保"));
        long before = feeds.feed(feed.rsj().id()).cursor();
        feeds.catchUp();

        Map<String, Object> row = person(id);
        assertThat(row).as("the authority's name stays").containsEntry("name", "张三").containsEntry("social_insurance", "在保")
                .containsEntry("version", 2);
        assertThat(lineage(id, PersonField.SOCIAL_INSURANCE)).containsEntry("department", "rsj").containsEntry("exchange_batch", rsj.batchId());
        assertThat(lineage(id, PersonField.NAME)).containsEntry("department", "gaj");
        List<Map<String, Object>> conflicts = conflicts(id);
        assertThat(conflicts).hasSize(1);
        Map<String, Object> conflict = conflicts.getFirst();
        assertThat(conflict).containsEntry("field", "name").containsEntry("department", "rsj").containsEntry("value", "张叁")
                .containsEntry("authority_department", "gaj").containsEntry("authority_value", "张三").containsEntry("status", "OPEN");
        long rsjBatch = jdbc.sql("select id from basedata.source_batch where feed = ? and exchange_batch = ?").params(feed.rsj().id(), rsj.batchId())
                .query(Long.class).single();
        assertThat(conflict).containsEntry("source_batch", rsjBatch);

        // The cursor is rewound: the same page is taken again, and the base is as it was.
        long history = historyCount(id);
        String snapshot = snapshot(id);
        jdbc.sql("update basedata.feed set cursor = ? where id = ?").params(before, feed.rsj().id()).update();
        feeds.catchUp();
        assertThat(snapshot(id)).isEqualTo(snapshot);
        assertThat(conflicts(id)).isEqualTo(conflicts);
        assertThat(historyCount(id)).isEqualTo(history);
        assertThat(jdbc.sql("select count(*) from basedata.source_batch where feed = ? and exchange_batch = ?").params(feed.rsj().id(), rsj.batchId())
                .query(Long.class).single()).isEqualTo(1);

        // 人社 now sends the name 公安 holds: its own open conflict about the name is over.
        fixture.publish(feed.rsj(), BaseDataFixture.RSJ_ITEMS, row(id, "张三", "在保"));
        feeds.catchUp();
        assertThat(conflicts(id)).singleElement().satisfies(c -> {
            assertThat(c).containsEntry("status", "SUPERSEDED").containsEntry("resolved_by", "system");
            assertThat(c.get("resolved_at")).isNotNull();
        });
        assertThat(person(id)).containsEntry("version", 2);
    }

    @Test
    void aDepartmentChangingItsMindSupersedesItsOlderConflict() {
        String id = BaseDataFixture.newId(false);
        fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, row(id, "赵敏", "女", BaseDataFixture.birth(id), "379904"));
        feeds.catchUp();
        fixture.publish(feed.rsj(), BaseDataFixture.RSJ_ITEMS, row(id, "赵明", ""));
        feeds.catchUp();
        fixture.publish(feed.rsj(), BaseDataFixture.RSJ_ITEMS, row(id, "赵鸣", ""));
        feeds.catchUp();
        List<Map<String, Object>> conflicts = conflicts(id);
        assertThat(conflicts).extracting(c -> c.get("value") + ":" + c.get("status")).containsExactly("赵明:SUPERSEDED", "赵鸣:OPEN");
        assertThat(person(id)).containsEntry("name", "赵敏").containsEntry("version", 1);
    }

    @Test
    void aLaterChangeByTheAuthorityMakesANewVersionAndTheOldOneGoesToHistory() {
        String id = BaseDataFixture.newId(true);
        Instant first = Instant.parse("2026-01-10T02:00:00Z");
        Instant second = Instant.parse("2026-02-10T02:00:00Z");
        BatchResult one = fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, row(id, "孙立", "男", BaseDataFixture.birth(id), "379902"));
        feeds.catchUp(Clock.fixed(first, ZoneOffset.UTC));
        BatchResult two = fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, row(id, "孙立新", "男", BaseDataFixture.birth(id), "379903"));
        feeds.catchUp(Clock.fixed(second, ZoneOffset.UTC));

        Map<String, Object> row = person(id);
        assertThat(row).containsEntry("name", "孙立新").containsEntry("household_division", "379903").containsEntry("version", 2);
        assertThat(((java.sql.Timestamp) row.get("valid_from")).toInstant()).isEqualTo(second);
        assertThat(lineage(id, PersonField.NAME)).containsEntry("exchange_batch", two.batchId());

        List<Map<String, Object>> history = jdbc.sql("""
                select version, fields->>'name' as name, fields->>'household_division' as division, valid_from, valid_to,
                  (select exchange_batch from basedata.source_batch b where b.id = h.lineage[1]) as name_batch
                from basedata.person_history h where id_number = ? order by version""").param(id).query().listOfRows();
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h).containsEntry("version", 1).containsEntry("name", "孙立").containsEntry("division", "379902")
                    .containsEntry("name_batch", one.batchId());
            assertThat(((java.sql.Timestamp) h.get("valid_from")).toInstant()).isEqualTo(first);
            assertThat(((java.sql.Timestamp) h.get("valid_to")).toInstant()).isEqualTo(second);
        });
    }

    @Test
    void badRecordsAreRejectedWithTheirReasonsAndNothingOfThemIsApplied() {
        String good = BaseDataFixture.newId(true);
        String wrongCheck = BaseDataFixture.newId(true);
        wrongCheck = wrongCheck.substring(0, 17) + (wrongCheck.charAt(17) == '0' ? '1' : '0');
        String wrongGender = BaseDataFixture.newId(false);
        String wrongBirth = BaseDataFixture.newId(true);
        String unknownDivision = BaseDataFixture.newId(true);
        long gajRejected = feeds.feed(feed.gaj().id()).rejected();
        fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS,
                row(good, "周正", "男", BaseDataFixture.birth(good), "379902"),
                row(wrongCheck, "吴错", "男", BaseDataFixture.birth(wrongCheck), "379902"),
                row(wrongGender, "郑女", "男", BaseDataFixture.birth(wrongGender), "379902"),
                row(wrongBirth, "冯生", "男", "1901-01-01", "379902"),
                row(unknownDivision, "陈区", "男", BaseDataFixture.birth(unknownDivision), "379999"));
        DemoEnterprises enterprises = new DemoEnterprises(System.nanoTime());
        String goodCode = enterprises.enterprise(0).creditCode();
        String badCode = enterprises.enterprise(1).creditCode();
        badCode = badCode.substring(0, 17) + (badCode.charAt(17) == '0' ? '1' : '0');
        long scjgjRejected = feeds.feed(feed.scjgj().id()).rejected();
        fixture.publish(feed.scjgj(), BaseDataFixture.SCJGJ_ITEMS, row(goodCode, "海川测试贸易有限公司", "379902"), row(badCode, "海川坏代码有限公司", "379902"));
        long gajCursor = feeds.feed(feed.gaj().id()).cursor();
        feeds.catchUp();
        // Taking the page again keeps each rejected record once, and counts it once.
        jdbc.sql("update basedata.feed set cursor = ? where id = ?").params(gajCursor, feed.gaj().id()).update();
        feeds.catchUp();

        assertThat(person(good)).containsEntry("name", "周正");
        for (String id : List.of(wrongGender, wrongBirth, unknownDivision)) {
            assertThat(jdbc.sql("select count(*) from basedata.person where id_number = ?").param(id).query(Long.class).single())
                    .as("nothing of a rejected record is applied: " + id).isZero();
        }
        assertThat(jdbc.sql("select count(*) from basedata.person where id_number = ?").param(wrongCheck).query(Long.class).single()).isZero();
        assertThat(feeds.feed(feed.gaj().id()).rejected()).isEqualTo(gajRejected + 4);
        assertThat(rejected(wrongCheck)).containsEntry("field", "id_number").containsEntry("reason_key", "basedata.reject.id-number")
                .containsEntry("department", "gaj");
        assertThat(rejected(wrongGender)).containsEntry("field", "gender").containsEntry("reason_key", "basedata.reject.gender");
        assertThat(rejected(wrongBirth)).containsEntry("field", "birth_date").containsEntry("reason_key", "basedata.reject.birth-date");
        assertThat(rejected(unknownDivision)).containsEntry("field", "household_division").containsEntry("reason_key", "basedata.reject.division");
        assertThat((String) rejected(unknownDivision).get("record")).as("the record is kept whole").contains("陈区", "379999");

        assertThat(jdbc.sql("select name from basedata.legal_person where credit_code = ?").param(goodCode).query(String.class).single())
                .isEqualTo("海川测试贸易有限公司");
        assertThat(jdbc.sql("select count(*) from basedata.legal_person where credit_code = ?").param(badCode).query(Long.class).single()).isZero();
        assertThat(rejected(badCode)).containsEntry("field", "credit_code").containsEntry("reason_key", "basedata.reject.credit-code")
                .containsEntry("department", "scjgj");
        assertThat(feeds.feed(feed.scjgj().id()).rejected()).isEqualTo(scjgjRejected + 1);
        assertThat(feeds.tallies(feed.gaj().id()).get("name").received()).isPositive();
    }

    // helpers

    static String row(String... values) {
        return String.join(",", values);
    }

    private Map<String, Object> person(String id) {
        return jdbc.sql("select * from basedata.person where id_number = ?").param(id).query().singleRow();
    }

    /** The whole row as JSON text, to compare before and after. */
    private String snapshot(String id) {
        return jdbc.sql("select row_to_json(p)::text from basedata.person p where id_number = ?").param(id).query(String.class).single();
    }

    private Map<String, Object> rejected(String subject) {
        return jdbc.sql("select field, reason_key, department, record::text as record, reason_args from basedata.rejected where subject = ?")
                .param(subject).query().singleRow();
    }

    private List<Map<String, Object>> conflicts(String id) {
        return jdbc.sql("""
                select id, field, department, value, authority_department, authority_value, status, source_batch, resolved_by, resolved_at
                from basedata.conflict where base = 'PERSON' and subject = ? order by id""").param(id).query().listOfRows();
    }

    private long historyCount(String id) {
        return jdbc.sql("select count(*) from basedata.person_history where id_number = ?").param(id).query(Long.class).single();
    }

    private Long lineageId(String id, PersonField field) {
        return jdbc.sql("select lineage[" + (field.ordinal() + 1) + "] from basedata.person where id_number = ?").param(id).query(Long.class).list().getFirst();
    }

    private Map<String, Object> lineage(String id, PersonField field) {
        return jdbc.sql("select department, dataset, exchange_batch, feed from basedata.source_batch where id = ?").param(lineageId(id, field))
                .query().singleRow();
    }
}
