package org.zhengtong.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.zhengtong.PlatformTest;
import org.zhengtong.basedata.Conflicts.Decision;
import org.zhengtong.basedata.Conflicts.Filter;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.InvalidInput;

/**
 * The data steward's queue and decisions: 公安 registers a person, 人社 sends another name, and the steward keeps
 * the authority's name, accepts 人社's, or returns it to 人社, each once, with a comment, on the record.
 */
@PlatformTest
@RecordApplicationEvents
class ConflictsTests {

    @Autowired JdbcClient jdbc;
    @Autowired CatalogManagement catalog;
    @Autowired SharingManagement sharing;
    @Autowired ExchangeHub hub;
    @Autowired PersonAccounts accounts;
    @Autowired BaseDataFeeds feeds;
    @Autowired Conflicts conflicts;
    @Autowired MessageSource messages;
    @Autowired ApplicationEvents events;

    BaseDataFixture fixture;
    BaseDataFixture.Feeds feed;

    @BeforeEach
    void feeds() {
        fixture = new BaseDataFixture(jdbc, catalog, sharing, hub, accounts, feeds);
        feed = fixture.feeds();
    }

    /** A person named by 公安 and, differently, by 人社: the id of the conflict and the two batches. */
    record Opened(String id, long conflict, BatchResult gaj, BatchResult rsj) {}

    private Opened open(String gajName, String rsjName) {
        String id = BaseDataFixture.newId(true);
        BatchResult gaj = fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, BaseDataMergeTests.row(id, gajName, "男", BaseDataFixture.birth(id), "379903"));
        feeds.catchUp();
        BatchResult rsj = fixture.publish(feed.rsj(), BaseDataFixture.RSJ_ITEMS, BaseDataMergeTests.row(id, rsjName, "在保"));
        feeds.catchUp();
        long conflict = jdbc.sql("select id from basedata.conflict where base = 'PERSON' and subject = ? and field = 'name'").param(id)
                .query(Long.class).single();
        return new Opened(id, conflict, gaj, rsj);
    }

    @Test
    void theQueueShowsOpenConflictsFilteredAndPagedWithCountsPerField() {
        Opened a = open("刘洋", "刘阳");
        Opened b = open("陈静", "陈婧");
        var mine = conflicts.queue(new Filter(Base.PERSON, "name", "rsj"), 0, Conflicts.MAX_PAGE);
        assertThat(mine.conflicts()).extracting(Conflicts.Conflict::id).contains(a.conflict(), b.conflict());
        assertThat(mine.total()).isGreaterThanOrEqualTo(2);
        assertThat(conflicts.queue(new Filter(Base.PERSON, "name", "mzj"), 0, 50).conflicts()).extracting(Conflicts.Conflict::id)
                .doesNotContain(a.conflict(), b.conflict());
        assertThat(conflicts.queue(new Filter(Base.LEGAL_PERSON, null, null), 0, 50).conflicts()).extracting(Conflicts.Conflict::id)
                .doesNotContain(a.conflict());
        var first = conflicts.queue(new Filter(Base.PERSON, "name", "rsj"), 0, 1);
        var second = conflicts.queue(new Filter(Base.PERSON, "name", "rsj"), 1, 1);
        assertThat(first.conflicts()).hasSize(1);
        assertThat(second.conflicts()).hasSize(1);
        assertThat(first.conflicts().getFirst().id()).isNotEqualTo(second.conflicts().getFirst().id());
        assertThat(first.pages()).isEqualTo((int) mine.total());
        assertThat(conflicts.openByField(new Filter(Base.PERSON, null, "rsj")))
                .anySatisfy(c -> {
                    assertThat(c.field()).isEqualTo(PersonField.NAME);
                    assertThat(c.open()).isEqualTo(mine.total());
                });
    }

    @Test
    void theDetailShowsBothValuesDepartmentsAndBatches() {
        Opened o = open("黄磊", "黄蕾");
        var detail = fixture.as("dataadmin", () -> conflicts.detail(o.conflict()));
        var c = detail.conflict();
        assertThat(c.subject()).isEqualTo(o.id());
        assertThat(c.base()).isEqualTo(Base.PERSON);
        assertThat(c.field()).isEqualTo(PersonField.NAME);
        assertThat(c.value()).isEqualTo("黄蕾");
        assertThat(c.department()).isEqualTo("rsj");
        assertThat(c.batch().exchangeBatch()).isEqualTo(o.rsj().batchId());
        assertThat(c.authorityDepartment()).isEqualTo("gaj");
        assertThat(c.authorityValue()).isEqualTo("黄磊");
        assertThat(detail.currentValue()).isEqualTo("黄磊");
        assertThat(detail.currentBatch().department()).isEqualTo("gaj");
        assertThat(detail.currentBatch().exchangeBatch()).isEqualTo(o.gaj().batchId());
        assertThat(c.open()).isTrue();
    }

    @Test
    void keepLeavesTheAuthoritysValueAndCannotBeDecidedTwice() {
        Opened o = open("林涛", "林滔");
        int version = version(o.id());
        var kept = fixture.as("dataadmin", () -> conflicts.decide(o.conflict(), Decision.KEEP, "公安户籍为权威来源，保留原值。"));
        assertThat(kept.status()).isEqualTo("KEPT");
        assertThat(kept.resolvedBy()).isEqualTo("dataadmin");
        assertThat(kept.note()).isEqualTo("公安户籍为权威来源，保留原值。");
        assertThat(kept.resolvedAt()).isNotNull();
        assertThat(name(o.id())).isEqualTo("林涛");
        assertThat(version(o.id())).isEqualTo(version);
        assertThat(audits("basedata.conflict.keep", o.conflict())).isEqualTo(1);

        assertThatThrownBy(() -> fixture.as("dataadmin", () -> conflicts.decide(o.conflict(), Decision.ACCEPT, "再次处理")))
                .isInstanceOfSatisfying(BaseDataProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("basedata.conflict-closed");
                    assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(messages.getMessage(p.messageKey(), p.args(), Locale.SIMPLIFIED_CHINESE))
                            .isEqualTo("冲突记录 " + o.conflict() + " 已处理（KEPT）。");
                    assertThat(messages.getMessage(p.messageKey(), p.args(), Locale.ENGLISH))
                            .isEqualTo("Conflict " + o.conflict() + " has been handled already (KEPT).");
                });
        assertThat(name(o.id())).as("the refused decision changed nothing").isEqualTo("林涛");
        assertThat(conflicts.conflict(o.conflict()).note()).isEqualTo("公安户籍为权威来源，保留原值。");
    }

    @Test
    void acceptMakesTheOtherValueCurrentAsANewVersionWithTheConflictsBatch() {
        Opened o = open("杨帆", "杨凡");
        int version = version(o.id());
        var accepted = fixture.as("dataadmin", () -> conflicts.decide(o.conflict(), Decision.ACCEPT, "经核实，以人社登记姓名为准。"));
        assertThat(accepted.status()).isEqualTo("ACCEPTED");
        assertThat(name(o.id())).isEqualTo("杨凡");
        assertThat(version(o.id())).isEqualTo(version + 1);
        long rsjBatch = jdbc.sql("select id from basedata.source_batch where feed = ? and exchange_batch = ?").params(feed.rsj().id(), o.rsj().batchId())
                .query(Long.class).single();
        assertThat(jdbc.sql("select lineage[1] from basedata.person where id_number = ?").param(o.id()).query(Long.class).single()).isEqualTo(rsjBatch);
        var old = jdbc.sql("select fields->>'name' as name, valid_to from basedata.person_history where id_number = ? and version = ?")
                .params(o.id(), version).query().singleRow();
        assertThat(old).containsEntry("name", "杨帆");
        assertThat(((java.sql.Timestamp) old.get("valid_to")).toInstant()).isEqualTo(accepted.resolvedAt());
        assertThat(audits("basedata.conflict.accept", o.conflict())).isEqualTo(1);
        assertThatThrownBy(() -> fixture.as("dataadmin", () -> conflicts.decide(o.conflict(), Decision.KEEP, "again")))
                .isInstanceOfSatisfying(BaseDataProblem.class, p -> assertThat(p.code()).isEqualTo("basedata.conflict-closed"));
        assertThat(version(o.id())).isEqualTo(version + 1);
    }

    @Test
    void returnSendsTheValueBackToItsSourceWithTheReason() {
        Opened o = open("何静", "何晶");
        var returned = fixture.as("dataadmin", () -> conflicts.decide(o.conflict(), Decision.RETURN, "请人社局核对参保登记姓名。"));
        assertThat(returned.status()).isEqualTo("RETURNED");
        assertThat(returned.note()).isEqualTo("请人社局核对参保登记姓名。");
        assertThat(name(o.id())).isEqualTo("何静");
        assertThat(events.stream(Conflicts.ConflictReturned.class).filter(e -> e.conflict() == o.conflict()))
                .singleElement().satisfies(e -> {
                    assertThat(e.department()).isEqualTo("rsj");
                    assertThat(e.value()).isEqualTo("何晶");
                    assertThat(e.reason()).isEqualTo("请人社局核对参保登记姓名。");
                });
        assertThat(audits("basedata.conflict.return", o.conflict())).isEqualTo(1);
        assertThat(conflicts.queue(new Filter(Base.PERSON, "name", "rsj"), 0, Conflicts.MAX_PAGE).conflicts()).extracting(Conflicts.Conflict::id)
                .doesNotContain(o.conflict());
    }

    @Test
    void aDecisionNeedsAComment() {
        Opened o = open("高峰", "高锋");
        assertThatThrownBy(() -> fixture.as("dataadmin", () -> conflicts.decide(o.conflict(), Decision.ACCEPT, "  ")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p.field()).isEqualTo("comment")));
        assertThat(conflicts.conflict(o.conflict()).status()).isEqualTo("OPEN");
        assertThat(name(o.id())).isEqualTo("高峰");
        assertThatThrownBy(() -> conflicts.decide(Long.MAX_VALUE, Decision.KEEP, "x"))
                .isInstanceOfSatisfying(BaseDataProblem.class, p -> assertThat(p.code()).isEqualTo("basedata.unknown-conflict"));
    }

    private String name(String id) {
        return jdbc.sql("select name from basedata.person where id_number = ?").param(id).query(String.class).single();
    }

    private int version(String id) {
        return jdbc.sql("select version from basedata.person where id_number = ?").param(id).query(Integer.class).single();
    }

    private long audits(String action, long conflict) {
        return jdbc.sql("select count(*) from audit.audit_record where action = ? and target = ? and actor = 'dataadmin'").params(action, "conflict:" + conflict)
                .query(Long.class).single();
    }
}
