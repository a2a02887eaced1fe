package org.zhengtong.approval.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.approval.clock.Warnings.Warning;
import org.zhengtong.approval.clock.Warnings.WarningList;

/**
 * Warnings before deadlines, counted as of Wednesday 4 March 2026 with the default look-ahead of 2 working days
 * (up to Friday 6 March), for a department of their own; and the board's SQL colours against the clocks' own.
 */
@PlatformTest
class WarningsTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    @Autowired CaseClocks clocks;
    @Autowired Warnings warnings;
    @Autowired Supervision supervision;
    @Autowired ClockBulk bulk;
    @Autowired ClockTicker ticker;
    @Autowired MeterRegistry meters;
    @Autowired MockMvc mvc;

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void aDepartmentIsWarnedOfCasesAndStepsDueWithinTwoWorkingDaysAndOfThosePastDue() {
        // A: accepted Wed 11 Feb, 10 days, due Tue 3 Mar: one working day overdue.
        // B: accepted Thu 12 Feb, 10 days, due today Wed 4 Mar.
        // C: accepted Tue 24 Feb, 8 days: Wed 25 … Fri 27 (3), Sat 28 make-up (4), Mon 2 … Thu 5 Mar (8): due tomorrow.
        //    C turns yellow at 7 of 8 days (6.4 rounded up), today.
        // D: accepted Mon 2 Mar, 10 days, due Mon 16 Mar: not yet; but its step s1 from Tue 3 Mar, 3 days, is due Fri 6 Mar,
        //    still green today (1 of 3 days; yellow at 3, 2.4 rounded up).
        // E: like A but paused: no warning while its deadline is unknown.
        String dept = unique("w-");
        String a = unique("A");
        String b = unique("B");
        String c = unique("C");
        String dd = unique("D");
        String e = unique("E");
        clocks.start(a, "W-1", "预警事项", dept, d(2, 11), 20, 10);
        clocks.start(b, "W-1", "预警事项", dept, d(2, 12), 20, 10);
        clocks.start(c, "W-1", "预警事项", dept, d(2, 24), 16, 8);
        clocks.start(dd, "W-1", "预警事项", dept, d(3, 2), 20, 10);
        clocks.startStep(dd, "s1", dept, 3, d(3, 3));
        clocks.startStep(dd, "other-department", unique("x-"), 1, d(3, 3));
        clocks.start(e, "W-1", "预警事项", dept, d(2, 11), 20, 10);
        clocks.pause(e, PauseKind.HEARING, "听证", d(2, 24));

        assertThat(warnings.defaultDays()).isEqualTo(2);
        WarningList list = warnings.warnings(TODAY, dept, warnings.defaultDays());
        assertThat(list.horizon()).isEqualTo(d(3, 6));
        assertThat(list.total()).isEqualTo(4);
        assertThat(list.warnings()).extracting(Warning::caseNumber).containsExactly(a, b, c, dd);
        assertThat(list.warnings()).extracting(Warning::workingDaysLeft).containsExactly(-1, 0, 1, 2);
        assertThat(list.warnings()).extracting(Warning::colour).containsExactly(Colour.RED, Colour.YELLOW, Colour.YELLOW, Colour.GREEN);
        assertThat(list.warnings().get(3).stepKey()).isEqualTo("s1");
        assertThat(warnings.warnings(TODAY, dept, 0).warnings()).extracting(Warning::caseNumber).containsExactly(a, b);

        // The platform's own timer may record some of them first (it counts to the real today, long after these
        // deadlines); either way each is recorded once.
        warnings.record(TODAY);
        assertThat(warnings.record(TODAY)).as("each warning is recorded once").isZero();
        assertThat(warnings.warnings(TODAY, dept, 2).warnings()).allSatisfy(w -> assertThat(w.raisedAt()).isNotNull());

        clocks.pause(c, PauseKind.SUPPLEMENT, "补正", TODAY);
        assertThat(warnings.warnings(TODAY, dept, 2).warnings()).extracting(Warning::caseNumber).doesNotContain(c);
        assertThat(warnings.count(TODAY)).isGreaterThanOrEqualTo(3);
    }

    @Test
    void theGaugeCountsWarningsAsOfToday() {
        String n = unique("G");
        clocks.start(n, "W-2", "今日事项", unique("g-"), CaseClocks.today(), 1, 1);
        ticker.tick();
        assertThat(ticker.gauge()).isPositive();
        assertThat(meters.get("zt.approval.warnings").gauge().value()).isEqualTo((double) ticker.gauge());
    }

    @Test
    void theWarningPageShowsTheClerksOwnDepartment() throws Exception {
        var clerk = Logins.session(mvc, "gaj.approver");
        String n = unique("P");
        clocks.start(n, "W-3", "户口迁移", "gaj", CaseClocks.today(), 1, 0);
        var response = mvc.perform(get("/approval/supervision/warnings").session(clerk)).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentAsString()).contains("data-case=\"" + n + "\"");
        var leader = Logins.session(mvc, "dataadmin");
        assertThat(mvc.perform(get("/approval/supervision/warnings").session(leader)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void theBoardsDateComparisonsAgreeWithTheClocksOwnColoursOverBulkClocks() {
        String dept = unique("b-");
        String prefix = unique("BULK-");
        int inserted = bulk.insert(ClockBulk.sample(prefix, 400, TODAY, List.of(dept), 7));
        try {
            assertThat(inserted).isEqualTo(400);
            var board = supervision.board(TODAY, dept);
            List<String> numbers = java.util.stream.IntStream.range(0, 400).mapToObj(i -> prefix + i).toList();
            Map<Colour, Long> own = clocks.deadlines(numbers, TODAY).values().stream()
                    .collect(Collectors.groupingBy(CaseDeadline::colour, Collectors.counting()));
            assertThat(board.total().green()).isEqualTo(own.getOrDefault(Colour.GREEN, 0L));
            assertThat(board.total().yellow()).isEqualTo(own.getOrDefault(Colour.YELLOW, 0L));
            assertThat(board.total().red()).isEqualTo(own.getOrDefault(Colour.RED, 0L));
            assertThat(own).as("the sample shows all three colours").containsKeys(Colour.GREEN, Colour.YELLOW, Colour.RED);
            assertThat(board.alerts().cases()).hasSize(Supervision.PAGE_SIZE);
            assertThat(supervision.board(TODAY, dept, null, 1).alerts().page()).isEqualTo(1);
        } finally {
            bulk.delete(prefix);
        }
    }
}
