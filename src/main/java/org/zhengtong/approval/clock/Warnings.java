package org.zhengtong.approval.clock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.shared.WorkingDays;

/**
 * Warnings before deadlines (临期预警): the cases and steps of a department whose promised deadline falls within the
 * next N working days ({@code zt.approval.supervision.warning-days}, 2 unless set), and those already past it, so that
 * approvers and clerks act before a case turns red. A paused case warns no one: its deadline is not known until it
 * resumes.
 *
 * <p>{@link ClockTicker} records each warning the first time it is seen, per case or step and deadline, so the list
 * can tell since when it has stood; a pause that moves the deadline makes a new warning.
 */
@Service
public class Warnings {

    private final JdbcClient jdbc;
    private final WorkingDays calendar;
    private final ClockCalendar clockCalendar;
    private final int defaultDays;

    Warnings(JdbcClient jdbc, WorkingDays calendar, ClockCalendar clockCalendar, Environment env) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.clockCalendar = clockCalendar;
        this.defaultDays = Math.clamp(env.getProperty("zt.approval.supervision.warning-days", Integer.class, 2), 0, MAX_DAYS);
    }

    /** The longest look-ahead a warning list takes, in working days. */
    public static final int MAX_DAYS = 30;

    /** The most warnings one list shows; more are counted, not listed. */
    public static final int MAX_LISTED = 500;

    /**
     * A case (step key null) or step close to or past its promised deadline.
     *
     * @param workingDaysLeft working days from today to the deadline; 0 on the deadline day, negative once past it
     * @param raisedAt        when the warning was first recorded, null if not yet
     */
    public record Warning(String caseNumber, @Nullable String stepKey, String itemName, String department, LocalDate due,
            int workingDaysLeft, Colour colour, @Nullable Instant raisedAt) {

        public boolean overdue() {
            return colour == Colour.RED;
        }
    }

    /** A department's warnings as of a day: those due by {@code horizon}, the earliest first. */
    public record WarningList(LocalDate today, String department, int withinDays, LocalDate horizon, long total, List<Warning> warnings) {}

    public int defaultDays() {
        return defaultDays;
    }

    /** The day a look-ahead of {@code withinDays} working days from {@code today} reaches. */
    public LocalDate horizon(LocalDate today, int withinDays) {
        return calendar.addWorkingDays(today, Math.clamp(withinDays, 0, MAX_DAYS));
    }

    private static final String DUE = """
            select c.case_number, '' as step_key, c.item_name, c.department, c.promised_due as due, c.yellow_on
            from approval.case_clock c
            where c.finished_on is null and c.promised_due <= :horizon and (cast(:department as text) is null or c.department = :department)
            union all
            select s.case_number, s.step_key, c.item_name, s.department, s.due_on as due, s.yellow_on
            from approval.clock_step s join approval.case_clock c on c.case_number = s.case_number
            where s.ended_on is null and c.finished_on is null and s.due_on <= :horizon
              and (cast(:department as text) is null or s.department = :department)""";

    /** The warnings of a department, due within {@code withinDays} working days of {@code today} or past due. */
    @Transactional(readOnly = true)
    public WarningList warnings(LocalDate today, String department, int withinDays) {
        clockCalendar.ensureCurrent();
        int days = Math.clamp(withinDays, 0, MAX_DAYS);
        LocalDate horizon = horizon(today, days);
        long total = jdbc.sql("select count(*) from (" + DUE + ") d")
                .param("horizon", horizon)
                .param("department", department)
                .query(Long.class)
                .single();
        List<Warning> list = jdbc.sql("""
                select d.*, w.raised_at from (%s) d
                left join approval.clock_warning w on w.case_number = d.case_number and w.step_key = d.step_key and w.due_on = d.due
                order by d.due, d.case_number, d.step_key limit :limit""".formatted(DUE))
                .param("horizon", horizon)
                .param("department", department)
                .param("limit", MAX_LISTED)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due", LocalDate.class);
                    String step = rs.getString("step_key");
                    OffsetDateTime raised = rs.getObject("raised_at", OffsetDateTime.class);
                    return new Warning(rs.getString("case_number"), step.isEmpty() ? null : step, rs.getString("item_name"),
                            rs.getString("department"), due, calendar.workingDaysBetween(today, due),
                            Colour.on(today, rs.getObject("yellow_on", LocalDate.class), due), raised == null ? null : raised.toInstant());
                })
                .list();
        return new WarningList(today, department, days, horizon, total, list);
    }

    /** How many cases and steps of every department are due within the default look-ahead or past due. */
    @Transactional(readOnly = true)
    public long count(LocalDate today) {
        return jdbc.sql("select count(*) from (" + DUE + ") d")
                .param("horizon", horizon(today, defaultDays))
                .param("department", null)
                .query(Long.class)
                .single();
    }

    /** Records every warning not recorded yet, for every department; returns how many were new. */
    @Transactional
    public int record(LocalDate today) {
        return jdbc.sql("""
                insert into approval.clock_warning (case_number, step_key, department, due_on, raised_on)
                select d.case_number, d.step_key, d.department, d.due, :today from (%s) d
                on conflict (case_number, step_key, due_on) do nothing""".formatted(DUE))
                .param("horizon", horizon(today, defaultDays))
                .param("department", null)
                .param("today", today)
                .update();
    }
}
