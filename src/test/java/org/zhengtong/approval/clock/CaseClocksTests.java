package org.zhengtong.approval.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.PlatformTest;
import org.zhengtong.approval.clock.CaseDeadline.StepDeadline;
import org.zhengtong.shared.WorkingDays;
import org.zhengtong.shared.WorkingDays.Kind;

/**
 * A case's statutory clock across the holiday schedules of 2026 as the State Council published them (seeded in the
 * shared calendar's migration): Spring Festival, 15–23 Feb, with make-up workdays Sat 14 Feb and Sat 28 Feb; the
 * Mid-Autumn Festival, 25–27 Sep, and National Day, 1–7 Oct, with make-up workdays Sun 20 Sep and Sat 10 Oct. Every
 * expected date was counted by hand from that schedule, day by day in the comments, not by the code.
 */
@PlatformTest
class CaseClocksTests {

    @Autowired CaseClocks clocks;
    @Autowired ClockCalendar clockCalendar;
    @Autowired WorkingDays workingDays;
    @Autowired JdbcClient jdbc;

    static String number() {
        return "T" + UUID.randomUUID().toString().substring(0, 13);
    }

    static LocalDate d(int month, int day) {
        return LocalDate.of(2026, month, day);
    }

    @Test
    void aCaseAcceptedBeforeSpringFestivalCountsBothMakeUpSaturdaysAndSkipsTheHoliday() {
        // Accepted Wed 11 Feb; the day of acceptance does not count.
        //   Thu 12 (1), Fri 13 (2), Sat 14 make-up (3), 15–23 Feb 春节, Tue 24 (4), Wed 25 (5), Thu 26 (6),
        //   Fri 27 (7), Sat 28 make-up (8), Mon 2 Mar (9), Tue 3 Mar (10),
        //   Wed 4 (11), Thu 5 (12), Fri 6 (13), Mon 9 (14), Tue 10 (15), Wed 11 (16), Thu 12 (17), Fri 13 (18),
        //   Mon 16 (19), Tue 17 Mar (20).
        String n = number();
        CaseDeadline started = clocks.start(n, "370100-XK-001", "建筑工程施工许可", "zjj", d(2, 11), 20, 10);

        assertThat(started.promisedDue()).isEqualTo(d(3, 3));
        assertThat(started.legalDue()).isEqualTo(d(3, 17));
        assertThat(started.yellowOn()).as("8 of 10 days used on the second make-up Saturday").isEqualTo(d(2, 28));
        assertThat(started.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(clocks.deadline(n, d(2, 23)).orElseThrow().elapsedWorkingDays()).as("through the holiday").isEqualTo(3);
        assertThat(clocks.deadline(n, d(2, 24)).orElseThrow().elapsedWorkingDays()).isEqualTo(4);
    }

    @Test
    void aSupplementPauseInTheMiddleStopsTheClockAndPushesBothDeadlines() {
        // Accepted Wed 11 Feb; 补正 asked on Tue 24 Feb (working day 4, which still counts), materials in on Fri 27 Feb.
        // Paused: Wed 25, Thu 26, Fri 27 = 3 working days; the resume day counts no more than a start day.
        //   Sat 28 make-up (5), Mon 2 Mar (6), Tue 3 (7), Wed 4 (8 = yellow), Thu 5 (9), Fri 6 Mar (10 = promised),
        //   Mon 9 (11) … Fri 13 (15), Mon 16 (16) … Fri 20 Mar (20 = legal).
        String n = number();
        clocks.start(n, "370100-XK-001", "建筑工程施工许可", "zjj", d(2, 11), 20, 10);

        CaseDeadline paused = clocks.pause(n, PauseKind.SUPPLEMENT, "缺少施工图审查合格书", d(2, 24));
        assertThat(paused.status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(paused.promisedDue()).as("unknown while the clock is stopped").isNull();
        assertThat(paused.legalDue()).isNull();
        CaseDeadline whilePaused = clocks.deadline(n, d(2, 26)).orElseThrow();
        assertThat(whilePaused.elapsedWorkingDays()).as("frozen at the pause day").isEqualTo(4);
        assertThat(whilePaused.pausedWorkingDays()).isEqualTo(2);
        assertThat(whilePaused.colour()).isEqualTo(Colour.GREEN);

        CaseDeadline resumed = clocks.resume(n, d(2, 27));
        assertThat(resumed.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(resumed.promisedDue()).isEqualTo(d(3, 6));
        assertThat(resumed.legalDue()).isEqualTo(d(3, 20));
        assertThat(resumed.yellowOn()).isEqualTo(d(3, 4));
        assertThat(resumed.pausedWorkingDays()).isEqualTo(3);
        assertThat(resumed.pauses()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(PauseKind.SUPPLEMENT);
            assertThat(p.workingDays()).isEqualTo(3);
        });

        CaseDeadline done = clocks.finish(n, d(3, 6));
        assertThat(done.elapsedWorkingDays()).isEqualTo(10);
        assertThat(done.pausedWorkingDays()).isEqualTo(3);
        assertThat(done.colour()).as("finished on the deadline day itself").isNotEqualTo(Colour.RED);
        assertThat(jdbc.sql("select elapsed_days from approval.case_clock where case_number = ?").param(n).query(Integer.class).single())
                .isEqualTo(10);
    }

    @Test
    void aPauseThatStartsAndEndsOnTheSameDayStopsNothing() {
        String n = number();
        clocks.start(n, "370100-XK-001", "建筑工程施工许可", "zjj", d(2, 11), 20, 10);
        clocks.pause(n, PauseKind.OTHER, "当场补正", d(2, 24));
        CaseDeadline resumed = clocks.resume(n, d(2, 24));

        assertThat(resumed.promisedDue()).isEqualTo(d(3, 3));
        assertThat(resumed.pausedWorkingDays()).isZero();
    }

    @Test
    void aPauseAfterTheDeadlinePassedLeavesTheCaseOverdueButStillPushesTheLegalDeadline() {
        // Accepted Wed 11 Feb, promised 10 (due Tue 3 Mar), legal 20 (due Tue 17 Mar). Paused on Thu 5 Mar, resumed
        // Tue 10 Mar: Fri 6, Mon 9 and Tue 10 Mar stopped. The promised deadline had passed and stays; the legal one
        // moves by 3: Wed 4 (11), Thu 5 (12), Wed 11 (13) … Fri 13 (15), Mon 16 (16) … Fri 20 Mar (20).
        String n = number();
        clocks.start(n, "370100-XK-001", "建筑工程施工许可", "zjj", d(2, 11), 20, 10);

        CaseDeadline paused = clocks.pause(n, PauseKind.HEARING, "听证", d(3, 5));
        assertThat(paused.promisedDue()).as("reached before the pause, so known").isEqualTo(d(3, 3));
        assertThat(paused.legalDue()).isNull();
        assertThat(clocks.deadline(n, d(3, 9)).orElseThrow().colour()).isEqualTo(Colour.RED);

        CaseDeadline resumed = clocks.resume(n, d(3, 10));
        assertThat(resumed.promisedDue()).isEqualTo(d(3, 3));
        assertThat(resumed.legalDue()).isEqualTo(d(3, 20));
        assertThat(clocks.deadline(n, d(3, 11)).orElseThrow().elapsedWorkingDays()).isEqualTo(13);
        assertThat(refusal(() -> clocks.pause(n, PauseKind.OTHER, "再次暂停", d(3, 9))).code())
                .as("before the last resume").isEqualTo("approval.clock.date-too-early");
    }

    @Test
    void aCaseAcceptedBeforeMidAutumnCrossesNationalDayAndItsMakeUpDays() {
        // Accepted Fri 18 Sep: Sun 20 Sep make-up (1), Mon 21 (2) … Thu 24 (5), 25–27 Sep 中秋节, Mon 28 (6), Tue 29 (7),
        // Wed 30 (8), 1–7 Oct 国庆节, Thu 8 Oct (9), Fri 9 Oct (10 = 80 % of 12, yellow), Sat 10 Oct make-up (11),
        // Mon 12 Oct (12 = promised), Tue 13 (13), Wed 14 (14), Thu 15 Oct (15 = legal).
        String n = number();
        CaseDeadline c = clocks.start(n, "370100-QR-002", "食品经营许可", "scjgj", d(9, 18), 15, 12);

        assertThat(c.yellowOn()).isEqualTo(d(10, 9));
        assertThat(c.promisedDue()).isEqualTo(d(10, 12));
        assertThat(c.legalDue()).isEqualTo(d(10, 15));
        assertThat(clocks.deadline(n, d(10, 7)).orElseThrow().elapsedWorkingDays()).isEqualTo(8);
        assertThat(clocks.deadline(n, d(10, 10)).orElseThrow().elapsedWorkingDays()).isEqualTo(11);
    }

    @Test
    void theColourTurnsYellowAtExactlyEightyPercentAndRedOnlyAfterTheDeadlineDay() {
        String n = number();
        clocks.start(n, "370100-XK-001", "建筑工程施工许可", "zjj", d(2, 11), 20, 10);

        assertThat(colourOn(n, d(2, 27))).as("7 of 10 days").isEqualTo(Colour.GREEN);
        assertThat(colourOn(n, d(2, 28))).as("8 of 10 days, exactly 80 %").isEqualTo(Colour.YELLOW);
        assertThat(colourOn(n, d(3, 1))).as("a Sunday: still 8 days").isEqualTo(Colour.YELLOW);
        assertThat(colourOn(n, d(3, 3))).as("the deadline day itself is on time").isEqualTo(Colour.YELLOW);
        assertThat(colourOn(n, d(3, 4))).as("the day after the deadline").isEqualTo(Colour.RED);
        assertThat(clocks.deadline(n, d(3, 18)).orElseThrow().pastLegalDue()).isTrue();
        assertThat(clocks.deadline(n, d(3, 17)).orElseThrow().pastLegalDue()).isFalse();
    }

    @Test
    void aSevenDayPromiseTurnsYellowOnTheSixthDayBecauseEightyPercentRoundsUp() {
        // 80 % of 7 is 5.6 days: yellow once 6 are used. Accepted Mon 2 Mar: Tue 3 (1) … Fri 6 (4), Mon 9 (5), Tue 10 (6).
        String n = number();
        CaseDeadline c = clocks.start(n, "370100-GG-003", "户口迁移", "gaj", d(3, 2), 7, 7);
        assertThat(c.yellowOn()).isEqualTo(d(3, 10));
        assertThat(colourOn(n, d(3, 9))).isEqualTo(Colour.GREEN);
    }

    @Test
    void aStepHasItsOwnDeadlineAndTheCasePausesStopItToo() {
        // Step from Thu 12 Feb, 5 days: Fri 13 (1), Sat 14 (2), Tue 24 (3), Wed 25 (4 = yellow), Thu 26 Feb (5 = due).
        // With the case paused after Tue 24 until Fri 27: Sat 28 (4), Mon 2 Mar (5).
        String n = number();
        clocks.start(n, "370100-XK-001", "建筑工程施工许可", "zjj", d(2, 11), 20, 10);
        StepDeadline review = clocks.startStep(n, "fire-review", "gaj", 5, d(2, 12));
        assertThat(review.due()).isEqualTo(d(2, 26));
        assertThat(review.yellowOn()).isEqualTo(d(2, 25));
        StepDeadline other = clocks.startStep(n, "land-review", "zrzyj", 2, d(2, 12));
        assertThat(other.due()).isEqualTo(d(2, 14));

        clocks.endStep(n, "land-review", d(2, 14));
        clocks.pause(n, PauseKind.EXPERT_REVIEW, "消防专家评审", d(2, 24));
        assertThat(clocks.deadline(n, d(2, 25)).orElseThrow().openSteps()).singleElement()
                .satisfies(s -> assertThat(s.due()).isNull());
        clocks.resume(n, d(2, 27));

        CaseDeadline c = clocks.deadline(n, d(3, 2)).orElseThrow();
        assertThat(c.openSteps()).singleElement().satisfies(s -> {
            assertThat(s.stepKey()).isEqualTo("fire-review");
            assertThat(s.due()).isEqualTo(d(3, 2));
            assertThat(s.colour()).as("on its deadline day").isEqualTo(Colour.YELLOW);
        });
        assertThat(c.steps()).filteredOn(s -> s.stepKey().equals("land-review")).singleElement()
                .satisfies(s -> assertThat(s.colour()).isNotEqualTo(Colour.RED));

        StepDeadline late = clocks.endStep(n, "fire-review", d(3, 3));
        assertThat(late.colour()).isEqualTo(Colour.RED);
        assertThat(late.elapsedWorkingDays()).isEqualTo(6);
    }

    @Test
    void badInputIsRefusedWithAStableCode() {
        assertThat(refusal(() -> clocks.start(number(), "X", "事项", "gaj", d(3, 2), -1, 0)))
                .satisfies(p -> assertThat(p.code()).isEqualTo("approval.clock.limit-out-of-range"))
                .satisfies(p -> assertThat(p.status()).isEqualTo(HttpStatus.BAD_REQUEST));
        assertThat(refusal(() -> clocks.start(number(), "X", "事项", "gaj", d(3, 2), 10, -2)).code())
                .isEqualTo("approval.clock.limit-out-of-range");
        assertThat(refusal(() -> clocks.start(number(), "X", "事项", "gaj", d(3, 2), 10, 11)).code())
                .isEqualTo("approval.clock.promised-over-legal");
        assertThat(refusal(() -> clocks.start(" ", "X", "事项", "gaj", d(3, 2), 10, 5)).code()).isEqualTo("approval.clock.blank");

        String unknown = number();
        ClockProblem notFound = refusal(() -> clocks.pause(unknown, PauseKind.SUPPLEMENT, "缺材料", d(3, 3)));
        assertThat(notFound.code()).isEqualTo("approval.clock.unknown-case");
        assertThat(notFound.status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(refusal(() -> clocks.finish(unknown, d(3, 3))).status()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(clocks.deadline(unknown)).isEmpty();

        String n = number();
        clocks.start(n, "X", "事项", "gaj", d(3, 2), 10, 5);
        assertThat(refusal(() -> clocks.start(n, "X", "事项", "gaj", d(3, 2), 10, 5)).code()).isEqualTo("approval.clock.already-started");
        assertThat(refusal(() -> clocks.resume(n, d(3, 3))))
                .satisfies(p -> assertThat(p.code()).isEqualTo("approval.clock.not-paused"))
                .satisfies(p -> assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(refusal(() -> clocks.pause(n, PauseKind.SUPPLEMENT, "缺材料", d(3, 1))).code())
                .as("before acceptance").isEqualTo("approval.clock.date-too-early");
        clocks.pause(n, PauseKind.SUPPLEMENT, "缺材料", d(3, 3));
        assertThat(refusal(() -> clocks.pause(n, PauseKind.HEARING, "听证", d(3, 4))))
                .satisfies(p -> assertThat(p.code()).isEqualTo("approval.clock.already-paused"))
                .satisfies(p -> assertThat(p.status()).isEqualTo(HttpStatus.CONFLICT));
        assertThat(refusal(() -> clocks.endStep(n, "none", d(3, 4))).code()).isEqualTo("approval.clock.unknown-step");

        assertThat(refusal(() -> clocks.resume(n, d(3, 2))).code()).as("before the pause").isEqualTo("approval.clock.date-too-early");
        clocks.finish(n, d(3, 5));
        assertThat(refusal(() -> clocks.pause(n, PauseKind.SUPPLEMENT, "缺材料", d(3, 6))).code()).isEqualTo("approval.clock.finished");
        assertThat(refusal(() -> clocks.startStep(n, "late", "gaj", 3, d(3, 6))).code()).isEqualTo("approval.clock.finished");
        ClockProblem twice = refusal(() -> clocks.finish(n, d(3, 6)));
        assertThat(twice.code()).isEqualTo("approval.clock.finished");
        assertThat(twice.status()).isEqualTo(HttpStatus.CONFLICT);
        CaseDeadline finished = clocks.deadline(n).orElseThrow();
        assertThat(finished.status()).isEqualTo(ClockStatus.FINISHED);
        assertThat(finished.pauses()).singleElement().satisfies(p -> assertThat(p.endedOn()).as("closed by the finish").isEqualTo(d(3, 5)));
    }

    @Test
    void deadlinesOfSeveralCasesAreReadAtOnceAndUnknownOnesLeftOut() {
        String a = number();
        String b = number();
        clocks.start(a, "X", "事项", "gaj", d(3, 2), 10, 5);
        clocks.start(b, "X", "事项", "gaj", d(3, 3), 10, 5);

        var found = clocks.deadlines(List.of(b, "NO-SUCH-CASE", a));
        assertThat(found.keySet()).containsExactly(b, a);
    }

    @Test
    void whenTheCalendarChangesRunningClocksAreCountedAgain() {
        // 2027 is entered by no migration: Monday to Friday. Accepted Fri 5 Feb 2027, 5 days: Mon 8 … Fri 12 Feb.
        // Two days off inserted on Wed 10 and Thu 11 Feb move the deadline to Tue 16 Feb.
        LocalDate accepted = LocalDate.of(2027, 2, 5);
        String n = number();
        clockCalendar.ensureCurrent();
        assertThat(clocks.start(n, "X", "事项", "gaj", accepted, 10, 5).promisedDue()).isEqualTo(LocalDate.of(2027, 2, 12));
        try {
            workingDays.setDay(LocalDate.of(2027, 2, 10), Kind.HOLIDAY, "测试假日");
            workingDays.setDay(LocalDate.of(2027, 2, 11), Kind.HOLIDAY, "测试假日");
            assertThat(clockCalendar.ensureCurrent()).isPositive();
            assertThat(stored(n)).isEqualTo(LocalDate.of(2027, 2, 16));
        } finally {
            workingDays.clearDay(LocalDate.of(2027, 2, 10));
            workingDays.clearDay(LocalDate.of(2027, 2, 11));
            clockCalendar.ensureCurrent();
        }
        assertThat(stored(n)).isEqualTo(LocalDate.of(2027, 2, 12));
    }

    private LocalDate stored(String n) {
        return jdbc.sql("select promised_due from approval.case_clock where case_number = ?").param(n).query(LocalDate.class).single();
    }

    private Colour colourOn(String n, LocalDate day) {
        return clocks.deadline(n, day).orElseThrow().colour();
    }

    private static ClockProblem refusal(Runnable call) {
        ClockProblem p = catchThrowableOfType(ClockProblem.class, call::run);
        assertThat(p).as("refused").isNotNull();
        return p;
    }
}
