package org.zhengtong.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.shared.WorkingDays.CalendarDay;
import org.zhengtong.shared.WorkingDays.Kind;

/**
 * Deadlines counted in working days across the State Council's holiday schedules of 2025 and 2026, as seeded by
 * the migration. Every expected date below was worked out by hand from the published schedule, not by the code.
 * Tests that edit the calendar put it back, because all integration tests share one database.
 */
@PlatformTest
class WorkingDaysTests {

    /** A year nobody enters in any test: it must fall back to Monday to Friday. */
    static final int YEAR_NOT_ENTERED = 2031;

    @Autowired WorkingDays workingDays;
    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactionManager;

    @Test
    void aTenDayLimitStartedBeforeSpringFestival2026CountsBothMakeUpSaturdays() {
        // Started Wednesday 11 Feb 2026; the start day itself does not count.
        //   Thu 12 Feb (1), Fri 13 Feb (2), Sat 14 Feb make-up workday (3),
        //   Sun 15 – Mon 23 Feb 春节, nine days off,
        //   Tue 24 (4), Wed 25 (5), Thu 26 (6), Fri 27 (7), Sat 28 Feb make-up workday (8),
        //   Sun 1 Mar off, Mon 2 Mar (9), Tue 3 Mar (10).
        // Without the two make-up Saturdays the deadline would be Thu 5 Mar; without the holiday, Wed 25 Feb.
        LocalDate start = LocalDate.of(2026, 2, 11);

        assertThat(workingDays.addWorkingDays(start, 10)).isEqualTo(LocalDate.of(2026, 3, 3));
        assertThat(workingDays.addWorkingDays(start, 3)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(workingDays.addWorkingDays(start, 4)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(workingDays.addWorkingDays(start, 8)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 14))).isTrue();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 2, 23))).as("Monday inside the holiday").isFalse();
        assertThat(workingDays.holidayName(LocalDate.of(2026, 2, 17))).contains("春节");
        assertThat(workingDays.holidayName(LocalDate.of(2026, 2, 14))).as("a make-up workday is no holiday").isEmpty();
    }

    @Test
    void aTenDayLimitStartedBeforeMidAutumn2026CrossesBothHolidaysAndTheirMakeUpDays() {
        // Started Friday 18 Sep 2026:
        //   Sat 19 Sep off, Sun 20 Sep make-up workday (1), Mon 21 (2), Tue 22 (3), Wed 23 (4), Thu 24 (5),
        //   Fri 25 – Sun 27 Sep 中秋节, Mon 28 (6), Tue 29 (7), Wed 30 (8),
        //   Thu 1 – Wed 7 Oct 国庆节, Thu 8 Oct (9), Fri 9 Oct (10).
        // The tenth working day is the Friday just before the make-up Saturday, 10 Oct, which is the eleventh;
        // Sunday 11 Oct is off, so the twelfth is Monday 12 Oct.
        LocalDate start = LocalDate.of(2026, 9, 18);

        assertThat(workingDays.addWorkingDays(start, 1)).isEqualTo(LocalDate.of(2026, 9, 20));
        assertThat(workingDays.addWorkingDays(start, 10)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(workingDays.addWorkingDays(start, 11)).isEqualTo(LocalDate.of(2026, 10, 10));
        assertThat(workingDays.addWorkingDays(start, 12)).isEqualTo(LocalDate.of(2026, 10, 12));
        assertThat(workingDays.holidayName(LocalDate.of(2026, 9, 25))).contains("中秋节");
        assertThat(workingDays.holidayName(LocalDate.of(2026, 10, 7))).contains("国庆节");
    }

    @Test
    void springFestivalAndNationalDay2025() {
        // Started Friday 24 Jan 2025:
        //   Sat 25 Jan off, Sun 26 Jan make-up workday (1), Mon 27 Jan (2), Tue 28 Jan – Tue 4 Feb 春节,
        //   Wed 5 (3), Thu 6 (4), Fri 7 (5), Sat 8 Feb make-up workday (6), Sun 9 off,
        //   Mon 10 (7), Tue 11 (8), Wed 12 (9), Thu 13 Feb (10).
        assertThat(workingDays.addWorkingDays(LocalDate.of(2025, 1, 24), 10)).isEqualTo(LocalDate.of(2025, 2, 13));
        // Started Friday 26 Sep 2025:
        //   Sat 27 off, Sun 28 Sep make-up workday (1), Mon 29 (2), Tue 30 (3), Wed 1 – Wed 8 Oct 国庆节、中秋节,
        //   Thu 9 (4), Fri 10 (5), Sat 11 Oct make-up workday (6), Sun 12 off,
        //   Mon 13 (7), Tue 14 (8), Wed 15 (9), Thu 16 Oct (10).
        assertThat(workingDays.addWorkingDays(LocalDate.of(2025, 9, 26), 10)).isEqualTo(LocalDate.of(2025, 10, 16));
        assertThat(workingDays.holidayName(LocalDate.of(2025, 10, 8))).contains("国庆节、中秋节");
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 1, 1))).as("元旦, a Wednesday").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2025, 4, 27))).as("the Sunday worked for 劳动节").isTrue();
    }

    @Test
    void theSeededYearsListEveryDayOfEachHolidayAndEachMakeUpDay() {
        assertThat(workingDays.isYearEntered(2025)).isTrue();
        assertThat(workingDays.isYearEntered(2026)).isTrue();
        // 2025: 1 + 8 + 3 + 5 + 3 + 8 days off, 5 make-up workdays; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7 and 6.
        assertThat(workingDays.year(2025)).filteredOn(d -> d.kind() == Kind.HOLIDAY).hasSize(28);
        assertThat(workingDays.year(2025)).filteredOn(d -> d.kind() == Kind.WORKDAY).extracting(CalendarDay::day)
                .containsExactly(LocalDate.of(2025, 1, 26), LocalDate.of(2025, 2, 8), LocalDate.of(2025, 4, 27),
                        LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));
        assertThat(workingDays.year(2026)).filteredOn(d -> d.kind() == Kind.HOLIDAY).hasSize(33);
        assertThat(workingDays.year(2026)).filteredOn(d -> d.kind() == Kind.WORKDAY).extracting(CalendarDay::day)
                .containsExactly(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14), LocalDate.of(2026, 2, 28),
                        LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));
        assertThat(workingDays.year(2026)).extracting(CalendarDay::day).isSorted();
    }

    @Test
    void weekendsThatAreNotListedAreNotWorkingDays() {
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 3, 7))).as("Saturday").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 3, 8))).as("Sunday").isFalse();
        assertThat(workingDays.isWorkingDay(LocalDate.of(2026, 3, 9))).as("Monday").isTrue();
        assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 3, 6), 1)).isEqualTo(LocalDate.of(2026, 3, 9));
        assertThat(workingDays.holidayName(LocalDate.of(2026, 3, 7))).isEmpty();
    }

    @Test
    void aYearNotEnteredFallsBackToMondayToFridayAndSaysSo() {
        assertThat(workingDays.isYearEntered(YEAR_NOT_ENTERED)).isFalse();
        assertThat(workingDays.year(YEAR_NOT_ENTERED)).isEmpty();
        // 1 Jan 2031 is a Wednesday: a working day until someone enters that year's 元旦.
        assertThat(workingDays.isWorkingDay(LocalDate.of(YEAR_NOT_ENTERED, 1, 1))).isTrue();
        assertThat(workingDays.holidayName(LocalDate.of(YEAR_NOT_ENTERED, 1, 1))).isEmpty();
        assertThat(workingDays.addWorkingDays(LocalDate.of(YEAR_NOT_ENTERED, 1, 3), 1))
                .as("Friday 3 Jan to Monday 6 Jan").isEqualTo(LocalDate.of(YEAR_NOT_ENTERED, 1, 6));
        assertThat(workingDays.workingDaysBetween(LocalDate.of(YEAR_NOT_ENTERED, 1, 31), LocalDate.of(YEAR_NOT_ENTERED, 2, 28)))
                .as("February 2031, twenty weekdays").isEqualTo(20);
    }

    @Test
    void workingDaysBetweenAgreesWithAddWorkingDays() {
        for (LocalDate start = LocalDate.of(2024, 12, 1); start.isBefore(LocalDate.of(2027, 1, 31)); start = start.plusDays(3)) {
            for (int n : new int[] {0, 1, 2, 5, 10, 15, 20, 30}) {
                LocalDate deadline = workingDays.addWorkingDays(start, n);
                assertThat(workingDays.workingDaysBetween(start, deadline)).as(start + " + " + n).isEqualTo(n);
                assertThat(workingDays.workingDaysBetween(deadline, start)).as("backwards from " + deadline).isEqualTo(-n);
                if (n > 0) {
                    assertThat(workingDays.isWorkingDay(deadline)).as("a deadline falls on a working day").isTrue();
                    assertThat(workingDays.workingDaysBetween(start, deadline.minusDays(1))).as("the day before " + deadline).isEqualTo(n - 1);
                }
            }
        }
        assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 2, 15), 0)).isEqualTo(LocalDate.of(2026, 2, 15));
        assertThatIllegalArgumentException().isThrownBy(() -> workingDays.addWorkingDays(LocalDate.of(2026, 1, 5), -1));
    }

    @Test
    void anEditCountsAtOnceAndClearingItRestoresTheWeekday() {
        LocalDate tuesday = LocalDate.of(2026, 3, 10);
        assertThat(workingDays.isWorkingDay(tuesday)).isTrue();
        try {
            workingDays.setDay(tuesday, Kind.HOLIDAY, " 测试假日 ");

            assertThat(workingDays.isWorkingDay(tuesday)).isFalse();
            assertThat(workingDays.holidayName(tuesday)).contains("测试假日");
            assertThat(workingDays.addWorkingDays(LocalDate.of(2026, 3, 9), 1)).isEqualTo(LocalDate.of(2026, 3, 11));
            assertThat(workingDays.year(2026)).contains(new CalendarDay(tuesday, Kind.HOLIDAY, "测试假日"));
        } finally {
            assertThat(workingDays.clearDay(tuesday)).isTrue();
        }
        assertThat(workingDays.isWorkingDay(tuesday)).isTrue();
        assertThat(workingDays.clearDay(tuesday)).as("nothing left to clear").isFalse();
    }

    @Test
    void anEditRolledBackNeverCounts() {
        LocalDate saturday = LocalDate.of(2026, 3, 14);
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            workingDays.setDay(saturday, Kind.WORKDAY, "测试调休");
            workingDays.isWorkingDay(saturday); // a read inside the transaction must not leave the change cached
            status.setRollbackOnly();
        });

        assertThat(workingDays.isWorkingDay(saturday)).isFalse();
        assertThat(workingDays.year(2026)).extracting(CalendarDay::day).doesNotContain(saturday);
    }

    @Test
    void anEditMadeOnThePageCountsAtOnceAndIsAudited() throws Exception {
        MockHttpSession admin = Logins.session(mvc, "admin");
        LocalDate thursday = LocalDate.of(2026, 3, 12);
        long before = audited("calendar.day.set", thursday);
        assertThat(workingDays.isWorkingDay(thursday)).isTrue();
        try {
            mvc.perform(post("/calendar/days").session(admin).with(csrf())
                    .param("day", thursday.toString()).param("kind", "HOLIDAY").param("name", "测试假日"));

            assertThat(workingDays.isWorkingDay(thursday)).isFalse();
            assertThat(audited("calendar.day.set", thursday)).isEqualTo(before + 1);
            assertThat(jdbc.sql("select detail from audit.audit_record where action = 'calendar.day.set' and target = ? order by seq desc limit 1")
                    .param("calendar:" + thursday).query(String.class).single()).isEqualTo("- -> HOLIDAY 测试假日");
        } finally {
            mvc.perform(post("/calendar/days/remove").session(admin).with(csrf()).param("day", thursday.toString()));
        }
        assertThat(workingDays.isWorkingDay(thursday)).isTrue();
        assertThat(audited("calendar.day.clear", thursday)).isPositive();
    }

    @Test
    void badDaysAreRefusedWithTheirFieldsAndChangeNothing() {
        List<CalendarDay> before = workingDays.year(2026);

        InvalidInput weekday = catchThrowableOfType(InvalidInput.class,
                () -> workingDays.setDay(LocalDate.of(2026, 3, 10), Kind.WORKDAY, "调休"));
        assertThat(weekday.problems()).singleElement().satisfies(p -> {
            assertThat(p.field()).isEqualTo("kind");
            assertThat(p.messageKey()).isEqualTo("calendar.workday.on-weekday");
        });
        InvalidInput unnamed = catchThrowableOfType(InvalidInput.class,
                () -> workingDays.setDay(LocalDate.of(2026, 3, 11), Kind.HOLIDAY, "  "));
        assertThat(unnamed.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("name", "calendar.name.blank"));
        InvalidInput early = catchThrowableOfType(InvalidInput.class,
                () -> workingDays.setDay(LocalDate.of(1999, 12, 31), Kind.HOLIDAY, "除夕"));
        assertThat(early.problems()).extracting(FieldProblem::field).containsExactly("day");
        InvalidInput late = catchThrowableOfType(InvalidInput.class,
                () -> workingDays.setDay(LocalDate.of(2101, 1, 1), Kind.HOLIDAY, "元旦"));
        assertThat(late.problems()).extracting(FieldProblem::field).containsExactly("day");

        assertThat(workingDays.check(LocalDate.of(2026, 3, 14), Kind.WORKDAY, "")).as("a named Saturday is fine").isEmpty();
        assertThat(workingDays.check(null, null, "长".repeat(51))).extracting(FieldProblem::field)
                .containsExactly("day", "kind", "name");
        assertThat(workingDays.year(2026)).isEqualTo(before);
        assertThat(LocalDate.of(2026, 3, 10).getDayOfWeek()).isEqualTo(DayOfWeek.TUESDAY);
    }

    @Test
    void markingAYearEnteredReplacesItsSource() {
        String original = workingDays.yearSource(2026).orElseThrow();
        try {
            workingDays.markYearEntered(2026, " 测试来源 ");
            assertThat(workingDays.yearSource(2026)).contains("测试来源");
        } finally {
            workingDays.markYearEntered(2026, original);
        }
        assertThat(workingDays.yearSource(2026)).contains(original);
        InvalidInput blank = catchThrowableOfType(InvalidInput.class, () -> workingDays.markYearEntered(1999, " "));
        assertThat(blank.problems()).extracting(FieldProblem::field).containsExactly("year", "source");
        assertThat(workingDays.isYearEntered(1999)).isFalse();
    }

    private long audited(String action, LocalDate day) {
        return jdbc.sql("select count(*) from audit.audit_record where action = ? and target = ? and actor = 'admin'")
                .params(action, "calendar:" + day).query(Long.class).single();
    }
}
