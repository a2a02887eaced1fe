package org.zhengtong.approval.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.approval.clock.Supervision.Board;
import org.zhengtong.approval.clock.Supervision.LimitStat;
import org.zhengtong.directory.DirectoryManagement;

/**
 * The e-supervision board and statistics over clocks of a department of their own (a made-up code, so that other
 * tests' clocks in the shared database do not change the counts), counted as of Wednesday 4 March 2026.
 */
@PlatformTest
class SupervisionTests {

    static final LocalDate TODAY = LocalDate.of(2026, 3, 4);

    @Autowired CaseClocks clocks;
    @Autowired Supervision supervision;
    @Autowired MockMvc mvc;
    @Autowired DirectoryManagement directory;

    static final String SECRET = "Clock@Secret2026";

    static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 8);
    }

    static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    /**
     * As of Wed 4 Mar: accepted Wed 11 Feb with 10 days is due Tue 3 Mar, red; accepted Thu 12 Feb is due Wed 4 Mar
     * (yellow since Mon 2 Mar, its 8th day), yellow on its deadline day; accepted Mon 2 Mar is green; accepted Wed
     * 11 Feb and paused on Tue 24 Feb (4 days used) stays green and counts as paused; a finished case is not counted.
     */
    record Scenario(String department, String item, String red, String yellow, String green, String paused) {}

    Scenario scenario() {
        String dept = unique("t-");
        String item = unique("T-ITEM-");
        Scenario s = new Scenario(dept, item, unique("R"), unique("Y"), unique("G"), unique("P"));
        clocks.start(s.red(), item, "测试事项", dept, d(2, 11), 20, 10);
        clocks.start(s.yellow(), item, "测试事项", dept, d(2, 12), 20, 10);
        clocks.start(s.green(), item, "测试事项", dept, d(3, 2), 20, 10);
        clocks.start(s.paused(), item, "测试事项", dept, d(2, 11), 20, 10);
        clocks.pause(s.paused(), PauseKind.PUBLIC_NOTICE, "公示", d(2, 24));
        String done = unique("F");
        clocks.start(done, item, "测试事项", dept, d(2, 11), 20, 10);
        clocks.finish(done, d(2, 20));
        return s;
    }

    @Test
    void theBoardCountsRunningCasesByColourAndListsRedBeforeYellow() {
        Scenario s = scenario();

        Board board = supervision.board(TODAY, s.department());

        assertThat(board.total().green()).isEqualTo(2);
        assertThat(board.total().yellow()).isEqualTo(1);
        assertThat(board.total().red()).isEqualTo(1);
        assertThat(board.total().paused()).isEqualTo(1);
        assertThat(board.byDepartment()).singleElement().satisfies(c -> {
            assertThat(c.code()).isEqualTo(s.department());
            assertThat(c.total()).isEqualTo(4);
        });
        assertThat(board.byItem()).singleElement().satisfies(c -> assertThat(c.code()).isEqualTo(s.item()));
        assertThat(board.alerts().total()).isEqualTo(2);
        assertThat(board.alerts().cases()).extracting(CaseDeadline::caseNumber).containsExactly(s.red(), s.yellow());
        assertThat(board.alerts().cases()).extracting(CaseDeadline::colour).containsExactly(Colour.RED, Colour.YELLOW);

        assertThat(supervision.board(TODAY, s.department(), Colour.RED, 0).alerts().cases())
                .extracting(CaseDeadline::caseNumber).containsExactly(s.red());
        assertThat(supervision.board(TODAY, s.department(), Colour.YELLOW, 0).alerts().cases())
                .extracting(CaseDeadline::caseNumber).containsExactly(s.yellow());
        assertThat(supervision.board(d(3, 3), s.department()).total().red()).as("the day before: still on its deadline day").isZero();

        clocks.resume(s.paused(), d(3, 4));
        assertThat(supervision.board(TODAY, s.department()).total().paused()).isZero();
        assertThat(supervision.board(TODAY, s.department()).total().total()).isEqualTo(4);
    }

    @Test
    void theBoardOfAllDepartmentsHoldsEachDepartmentOnce() {
        Scenario s = scenario();
        Board all = supervision.board(TODAY, null);
        assertThat(all.byDepartment()).filteredOn(c -> c.code().equals(s.department())).singleElement()
                .satisfies(c -> assertThat(c.red()).isEqualTo(1));
        assertThat(all.total().total()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void statisticsSetElapsedDaysAgainstTheLimits() {
        // A: accepted Wed 11 Feb, 10 promised / 20 legal, finished Tue 3 Mar: 10 days, on time.
        // B: accepted Wed 11 Feb, 5 promised / 8 legal (due Wed 25 Feb / Sat 28 Feb), finished Wed 4 Mar: 11 days,
        //    late and past the legal limit.
        String dept = unique("s-");
        String a = unique("A");
        String b = unique("B");
        clocks.start(a, "S-ITEM-1", "统计事项", dept, d(2, 11), 20, 10);
        clocks.start(b, "S-ITEM-1", "统计事项", dept, d(2, 11), 8, 5);
        clocks.finish(a, d(3, 3));
        clocks.finish(b, d(3, 4));

        LimitStat stat = supervision.statistics(d(3, 3), d(3, 4)).byDepartment().stream()
                .filter(st -> st.code().equals(dept)).findFirst().orElseThrow();
        assertThat(stat.finished()).isEqualTo(2);
        assertThat(stat.avgElapsed()).isEqualTo(10.5);
        assertThat(stat.avgPromised()).isEqualTo(7.5);
        assertThat(stat.avgLegal()).isEqualTo(14.0);
        assertThat(stat.onTime()).isEqualTo(1);
        assertThat(stat.pastLegal()).isEqualTo(1);
        assertThat(supervision.statistics(d(3, 5), null).byDepartment()).noneMatch(st -> st.code().equals(dept));
        assertThat(supervision.statistics(d(3, 3), d(3, 4)).overall()).satisfies(o -> {
            assertThat(o).isNotNull();
            assertThat(o.finished()).isGreaterThanOrEqualTo(2);
        });
        assertThat(supervision.statistics(LocalDate.of(2001, 1, 1), LocalDate.of(2001, 1, 2)).overall()).isNull();
    }

    @Test
    void theBoardPageTheStatisticsAndTheClockApiAnswerTheirHoldersOnly() throws Exception {
        Scenario s = scenario();
        MockHttpSession leader = Logins.session(mvc, "mayor");

        MvcResult page = mvc.perform(get("/approval/supervision").param("department", s.department()).session(leader)).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(200);
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("id=\"board-live\"", "hx-trigger=\"every 30s\"", "id=\"totals\"", "id=\"chart-data\"");

        // The pages count as of the real today (long after March 2026): three cases past due, the paused one frozen green.
        MvcResult english = mvc.perform(get("/approval/supervision").param("department", s.department()).param("lang", "en").session(leader))
                .andReturn();
        assertThat(english.getResponse().getContentAsString()).contains("<h1>E-supervision</h1>", "Red and yellow cases (3)", "Past the legal limit");
        assertThat(html).contains("超法定时限");

        MvcResult live = mvc.perform(get("/approval/supervision/live").param("department", s.department()).session(leader)).andReturn();
        assertThat(live.getResponse().getStatus()).isEqualTo(200);
        assertThat(live.getResponse().getContentAsString()).contains("id=\"board-live\"").doesNotContain("<html");

        MvcResult stats = mvc.perform(get("/approval/supervision/statistics").session(leader)).andReturn();
        assertThat(stats.getResponse().getStatus()).isEqualTo(200);
        MvcResult xlsx = mvc.perform(get("/approval/supervision/statistics.xlsx").session(leader)).andReturn();
        assertThat(xlsx.getResponse().getContentType()).startsWith("application/vnd.openxmlformats");
        assertThat(xlsx.getResponse().getContentAsByteArray()).startsWith((byte) 'P', (byte) 'K');

        String client = "clock-api-" + System.nanoTime();
        directory.createApiClient(client, "监察系统", "zwfwj", List.of("SUPERVISION_VIEW"), SECRET);
        String bearer = "Bearer " + Logins.token(mvc, client, SECRET);
        MvcResult api = mvc.perform(get("/api/v1/approval/clocks/" + s.red()).header("Authorization", bearer)).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(200);
        assertThat(api.getResponse().getContentAsString()).contains("\"legalDue\":\"2026-03-17\"", "\"promisedDue\":\"2026-03-03\"");
        MvcResult unknown = mvc.perform(get("/api/v1/approval/clocks/NO-SUCH-CASE").header("Authorization", bearer)).andReturn();
        assertThat(unknown.getResponse().getStatus()).isEqualTo(404);
        assertThat(unknown.getResponse().getContentAsString()).contains("approval.clock.unknown-case");

        assertThat(mvc.perform(get("/approval/supervision").param("colour", "BLUE").session(leader)).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        assertThat(mvc.perform(get("/approval/supervision").param("page", "x").session(leader)).andReturn().getResponse().getStatus())
                .isEqualTo(400);
        assertThat(mvc.perform(get("/approval/supervision").param("page", "-3").session(leader)).andReturn().getResponse().getStatus())
                .as("a page before the first shows the first").isEqualTo(200);
        assertThat(mvc.perform(get("/approval/supervision/statistics").param("from", "2026-02-30").session(leader)).andReturn().getResponse()
                .getStatus()).isEqualTo(400);

        MvcResult detail = mvc.perform(get("/approval/supervision/cases/" + s.paused()).param("lang", "zh_CN").session(leader)).andReturn();
        assertThat(detail.getResponse().getStatus()).isEqualTo(200);
        assertThat(detail.getResponse().getContentAsString()).contains("class=\"facts clock-summary\"", "公示", "仍在暂停");
        assertThat(mvc.perform(get("/approval/supervision/cases/NO-SUCH-CASE").session(leader)).andReturn().getResponse().getStatus())
                .isEqualTo(404);

        MockHttpSession clerk = Logins.session(mvc, "zwfwj.clerk1");
        assertThat(mvc.perform(get("/approval/supervision").session(clerk)).andReturn().getResponse().getStatus()).isEqualTo(403);
    }
}
