package org.zhengtong.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengtong.PlatformTest;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

@PlatformTest
class AuditQueriesTests {

    @Autowired
    AuditLog audit;

    @Autowired
    AuditQueries queries;

    private String actor;

    @BeforeEach
    void writeSomeRecords() {
        actor = "queries-" + UUID.randomUUID();
        write("test_x.one", "person:ZHANG.San", Outcome.SUCCESS, "mobile changed");
        write("testAx.two", "person:li.si", Outcome.FAILURE, "bad MOBILE number");
        write("test_x.three", "org-unit:gaj", Outcome.DENIED, "");
        write("test_x.four", "org-unit:sfj", Outcome.SUCCESS, "100%");
        write("other.five", "person:wang.wu", Outcome.SUCCESS, "");
    }

    @Test
    void theNewestComeFirst() {
        AuditPage page = queries.search(byActor(), 1, 10);

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(AuditRecord::action)
                .containsExactly("other.five", "test_x.four", "test_x.three", "testAx.two", "test_x.one");
        assertThat(page.items()).allSatisfy(r -> assertThat(r.orgUnit()).isEqualTo("gaj"));
    }

    @Test
    void eachConditionNarrowsTheSearch() {
        assertThat(actions(filter("test_x", null, null, null, null, null))).as("action prefix, wildcards literal")
                .containsExactly("test_x.four", "test_x.three", "test_x.one");
        assertThat(actions(filter(null, "zhang", null, null, null, null))).as("target contains, any case")
                .containsExactly("test_x.one");
        assertThat(actions(filter(null, null, Outcome.FAILURE, null, null, null))).as("outcome")
                .containsExactly("testAx.two");
        assertThat(actions(filter(null, null, null, "mobile", null, null))).as("detail contains, any case")
                .containsExactly("testAx.two", "test_x.one");
        assertThat(actions(filter(null, null, null, "%", null, null))).as("a percent sign is just a character")
                .containsExactly("test_x.four");
        assertThat(actions(new AuditFilter(actor, "sfj", null, null, null, null, null, null))).as("org unit")
                .isEmpty();
        assertThat(actions(new AuditFilter("x' or '1'='1", null, null, null, null, null, null, null))).as("only compared")
                .isEmpty();
    }

    @Test
    void timesBoundTheSearch() {
        Instant now = Instant.now();

        assertThat(actions(filter(null, null, null, null, now.minus(1, ChronoUnit.HOURS), now.plusSeconds(1)))).hasSize(5);
        assertThat(actions(filter(null, null, null, null, now.plusSeconds(1), null))).isEmpty();
        assertThat(actions(filter(null, null, null, null, null, now.minus(1, ChronoUnit.HOURS)))).isEmpty();
    }

    @Test
    void pagesCountFromOne() {
        AuditPage third = queries.search(byActor(), 3, 2);

        assertThat(third.total()).isEqualTo(5);
        assertThat(third.pages()).isEqualTo(3);
        assertThat(third.hasNext()).isFalse();
        assertThat(third.hasPrevious()).isTrue();
        assertThat(third.items()).extracting(AuditRecord::action).containsExactly("test_x.one");
    }

    @Test
    void impossibleRequestsAreRefused() {
        Instant now = Instant.now();

        assertThat(fields(() -> queries.search(byActor(), 0, 10))).containsExactly("page");
        assertThat(fields(() -> queries.search(byActor(), 1, AuditQueries.MAX_PAGE_SIZE + 1))).containsExactly("size");
        assertThat(fields(() -> queries.count(filter(null, null, null, null, now, now.minusSeconds(1))))).containsExactly("to");
        assertThat(queries.search(byActor(), 1, AuditQueries.MAX_PAGE_SIZE).items()).hasSize(5);
    }

    @Test
    void everyMatchingRecordCanBeStreamed() {
        List<AuditRecord> streamed = new ArrayList<>();

        queries.forEach(byActor(), streamed::add);

        assertThat(streamed).isEqualTo(queries.search(byActor(), 1, 10).items());
    }

    private void write(String action, String target, Outcome outcome, String detail) {
        audit.record(new Actor(actor, "gaj", "10.1.2.3"), action, target, outcome, detail);
    }

    private AuditFilter byActor() {
        return filter(null, null, null, null, null, null);
    }

    private AuditFilter filter(String action, String target, Outcome outcome, String text, Instant from, Instant to) {
        return new AuditFilter(actor, null, action, target, outcome, from, to, text);
    }

    private List<String> actions(AuditFilter filter) {
        return queries.search(filter, 1, 10).items().stream().map(AuditRecord::action).toList();
    }

    private static List<String> fields(Runnable search) {
        InvalidInput invalid = catchThrowableOfType(InvalidInput.class, search::run);
        assertThat(invalid).isNotNull();
        return invalid.problems().stream().map(FieldProblem::field).toList();
    }
}
