package org.zhengtong.approval.clock;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zhengtong.shared.WorkingDays;

/**
 * Counting a clock's working days with its pauses. The rules, which docs/approval-clock.md states for users:
 *
 * <ul>
 *   <li>The day a clock starts (受理日) does not count; counting begins with the next working day, as the law
 *       counts periods (期间开始的当日不计入). So a limit of n days is due on the n-th working day after the start,
 *       and a limit of 0 on the start day itself.
 *   <li>A pause from day P to day R stops the working days after P up to and including R: the day the pause starts
 *       still counts (work was done on it), the day it ends does not (like a new start). A pause that starts and
 *       ends on the same day stops nothing.
 *   <li>An open pause (no end yet) stops every day after P: a deadline not reached by P is unknown until it ends.
 * </ul>
 */
final class ClockMath {

    /** A pause as counted: the working days after {@code from} up to and including {@code to} (null: open). */
    record Pause(LocalDate from, @Nullable LocalDate to) {

        boolean stops(LocalDate day) {
            return day.isAfter(from) && (to == null || !day.isAfter(to));
        }
    }

    /** No limit reaches further than this many calendar days; a guard against a bad calendar, not a rule. */
    private static final int HORIZON_DAYS = 366 * 20;

    private final WorkingDays calendar;

    ClockMath(WorkingDays calendar) {
        this.calendar = calendar;
    }

    /**
     * The day on which {@code n} counted working days after {@code start} are used up, or null if an open pause
     * stops the clock first.
     */
    @Nullable LocalDate reach(LocalDate start, int n, List<Pause> pauses) {
        if (n <= 0) {
            return start;
        }
        int counted = 0;
        LocalDate day = start;
        for (int i = 0; i < HORIZON_DAYS; i++) {
            day = day.plusDays(1);
            Pause stopping = stoppingOn(day, pauses);
            if (stopping != null) {
                if (stopping.to() == null) {
                    return null;
                }
                continue;
            }
            if (calendar.isWorkingDay(day) && ++counted == n) {
                return day;
            }
        }
        throw new IllegalStateException("no working day within 20 years of " + start);
    }

    /** The working days after {@code start} up to and including {@code until} that count. */
    int elapsed(LocalDate start, LocalDate until, List<Pause> pauses) {
        int counted = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(until); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day) && stoppingOn(day, pauses) == null) {
                counted++;
            }
        }
        return counted;
    }

    /** The working days after {@code start} up to and including {@code until} that a pause stopped. */
    int paused(LocalDate start, LocalDate until, List<Pause> pauses) {
        int stopped = 0;
        for (LocalDate day = start.plusDays(1); !day.isAfter(until); day = day.plusDays(1)) {
            if (calendar.isWorkingDay(day) && stoppingOn(day, pauses) != null) {
                stopped++;
            }
        }
        return stopped;
    }

    private static @Nullable Pause stoppingOn(LocalDate day, List<Pause> pauses) {
        for (Pause p : pauses) {
            if (p.stops(day)) {
                return p;
            }
        }
        return null;
    }
}
