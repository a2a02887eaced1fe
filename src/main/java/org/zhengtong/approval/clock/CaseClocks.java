package org.zhengtong.approval.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.approval.clock.CaseDeadline.PausePeriod;
import org.zhengtong.approval.clock.CaseDeadline.StepDeadline;
import org.zhengtong.approval.clock.ClockMath.Pause;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.WorkingDays;

/**
 * The statutory clock (法定时限) of every case, keyed by case number (办件编号): the case engine starts it when a
 * clerk accepts a case (受理), pauses it for 补正 and special procedures, runs step clocks for each department's part,
 * and finishes it when the case is decided (办结). Supervision reads the same clocks.
 *
 * <p>A case has a legal limit (法定时限) and a promised limit (承诺时限, at most the legal one) in working days, counted
 * on the shared working-day calendar with its holidays and make-up workdays (调休). {@link ClockMath} states how the
 * start day and the pause days count. The deadlines and the day the case turns yellow are stored with the clock and
 * counted again whenever a pause starts or ends, and when the calendar changes ({@link ClockCalendar}), so that the
 * board over every running case compares dates and counts nothing.
 *
 * <p>Every method joins the caller's transaction, so a case's change and its clock's commit together; every change is
 * recorded in the audit log in the same transaction. Refusals are {@link ClockProblem}s.
 */
@Service
public class CaseClocks {

    /** The longest limit, in working days, a clock accepts (about four years): anything longer is a typo. */
    public static final int MAX_DAYS = 1000;

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final WorkingDays calendar;
    private final ClockMath math;
    private final AuditLog audit;

    CaseClocks(JdbcClient jdbc, JdbcTemplate template, WorkingDays calendar, AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.calendar = calendar;
        this.math = new ClockMath(calendar);
        this.audit = audit;
    }

    /** Today in China, the day the platform's deadlines are counted to. */
    public static LocalDate today() {
        return LocalDate.now(CHINA);
    }

    // changing

    /**
     * Starts a case's clock on the day it was accepted; that day does not count.
     *
     * @throws ClockProblem if a field is blank or too long, a limit is out of range, the promised limit exceeds the
     *                      legal one, or the case already has a clock
     */
    @Transactional
    public CaseDeadline start(String caseNumber, String itemCode, String itemName, String department, LocalDate acceptedOn,
            int legalDays, int promisedDays) {
        String number = text("caseNumber", caseNumber, 64);
        String code = text("itemCode", itemCode, 64);
        String name = text("itemName", itemName, 200);
        String dept = text("department", department, 64);
        if (legalDays < 1 || legalDays > MAX_DAYS) {
            throw ClockProblem.limitOutOfRange("legalDays", legalDays, 1);
        }
        if (promisedDays < 0 || promisedDays > MAX_DAYS) {
            throw ClockProblem.limitOutOfRange("promisedDays", promisedDays, 0);
        }
        if (promisedDays > legalDays) {
            throw ClockProblem.promisedOverLegal(promisedDays, legalDays);
        }
        int inserted = jdbc.sql("""
                insert into approval.case_clock (case_number, item_code, item_name, department, accepted_on, legal_days,
                    promised_days, status)
                values (?, ?, ?, ?, ?, ?, ?, 'RUNNING') on conflict (case_number) do nothing""")
                .params(number, code, name, dept, acceptedOn, legalDays, promisedDays)
                .update();
        if (inserted == 0) {
            throw ClockProblem.alreadyStarted(number);
        }
        recompute(number);
        audit.record("approval.clock.start", target(number), code + " " + dept + " accepted " + acceptedOn + ", legal "
                + legalDays + ", promised " + promisedDays + " working days");
        return deadline(number, acceptedOn).orElseThrow();
    }

    /**
     * Stops the clock from the day after {@code on}: the pause day itself still counts.
     *
     * @throws ClockProblem 404 for an unknown case, 409 if it is paused already or finished, 400 for a blank reason
     *                      or a day before acceptance or before the last pause ended
     */
    @Transactional
    public CaseDeadline pause(String caseNumber, PauseKind kind, String reason, LocalDate on) {
        String why = text("reason", reason, 500);
        Row clock = lock(caseNumber);
        if (clock.status == ClockStatus.FINISHED) {
            throw ClockProblem.finished(caseNumber);
        }
        if (clock.status == ClockStatus.PAUSED) {
            throw ClockProblem.alreadyPaused(caseNumber);
        }
        LocalDate earliest = latestEvent(clock);
        if (on.isBefore(earliest)) {
            throw ClockProblem.dateTooEarly("on", on, earliest);
        }
        jdbc.sql("insert into approval.clock_pause (case_number, kind, reason, started_on) values (?, ?, ?, ?)")
                .params(caseNumber, kind.name(), why, on)
                .update();
        jdbc.sql("update approval.case_clock set status = 'PAUSED' where case_number = ?").param(caseNumber).update();
        recompute(caseNumber);
        audit.record("approval.clock.pause", target(caseNumber), kind + " from " + on + ": " + why);
        return deadline(caseNumber, on).orElseThrow();
    }

    /**
     * Lets the clock run again; {@code on} itself does not count, like a start.
     *
     * @throws ClockProblem 404 for an unknown case, 409 if it is not paused, 400 for a day before the pause began
     */
    @Transactional
    public CaseDeadline resume(String caseNumber, LocalDate on) {
        Row clock = lock(caseNumber);
        if (clock.status == ClockStatus.FINISHED) {
            throw ClockProblem.finished(caseNumber);
        }
        if (clock.status != ClockStatus.PAUSED) {
            throw ClockProblem.notPaused(caseNumber);
        }
        LocalDate pausedOn = openPauseStart(caseNumber);
        if (on.isBefore(pausedOn)) {
            throw ClockProblem.dateTooEarly("on", on, pausedOn);
        }
        closePause(caseNumber, on);
        jdbc.sql("update approval.case_clock set status = 'RUNNING' where case_number = ?").param(caseNumber).update();
        recompute(caseNumber);
        audit.record("approval.clock.resume", target(caseNumber), "paused " + pausedOn + " – " + on + ", "
                + calendar.workingDaysBetween(pausedOn, on) + " working days");
        return deadline(caseNumber, on).orElseThrow();
    }

    /**
     * Starts a step's clock (a department's part of the case) with its own limit; the case's pauses stop it too.
     *
     * @throws ClockProblem 404 for an unknown case, 409 if the case is finished or the step is running already, 400
     *                      for a blank field, a limit out of range or a day before acceptance
     */
    @Transactional
    public StepDeadline startStep(String caseNumber, String stepKey, String department, int limitDays, LocalDate on) {
        String key = text("stepKey", stepKey, 100);
        String dept = text("department", department, 64);
        if (limitDays < 0 || limitDays > MAX_DAYS) {
            throw ClockProblem.limitOutOfRange("limitDays", limitDays, 0);
        }
        Row clock = lock(caseNumber);
        if (clock.status == ClockStatus.FINISHED) {
            throw ClockProblem.finished(caseNumber);
        }
        if (on.isBefore(clock.acceptedOn)) {
            throw ClockProblem.dateTooEarly("on", on, clock.acceptedOn);
        }
        int inserted = jdbc.sql("""
                insert into approval.clock_step (case_number, step_key, department, limit_days, started_on)
                values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(caseNumber, key, dept, limitDays, on)
                .update();
        if (inserted == 0) {
            throw ClockProblem.stepOpen(caseNumber, key);
        }
        recompute(caseNumber);
        audit.record("approval.clock.step.start", target(caseNumber), key + " " + dept + " from " + on + ", " + limitDays + " working days");
        return step(caseNumber, key, on);
    }

    /**
     * Ends a running step's clock.
     *
     * @throws ClockProblem 404 for an unknown case or no such running step, 400 for a day before the step started
     */
    @Transactional
    public StepDeadline endStep(String caseNumber, String stepKey, LocalDate on) {
        lock(caseNumber);
        LocalDate started = jdbc.sql("select started_on from approval.clock_step where case_number = ? and step_key = ? and ended_on is null")
                .params(caseNumber, stepKey)
                .query(LocalDate.class)
                .optional()
                .orElseThrow(() -> ClockProblem.unknownStep(caseNumber, stepKey));
        if (on.isBefore(started)) {
            throw ClockProblem.dateTooEarly("on", on, started);
        }
        jdbc.sql("update approval.clock_step set ended_on = ? where case_number = ? and step_key = ? and ended_on is null")
                .params(on, caseNumber, stepKey)
                .update();
        audit.record("approval.clock.step.end", target(caseNumber), stepKey + " ended " + on);
        return step(caseNumber, stepKey, on);
    }

    /**
     * Stops the clock for good: the case is decided (办结). An open pause and running steps end on the same day. The
     * working days used and paused are kept for the statistics.
     *
     * @throws ClockProblem 404 for an unknown case, 409 if it is finished already, 400 for a day before the last event
     */
    @Transactional
    public CaseDeadline finish(String caseNumber, LocalDate on) {
        Row clock = lock(caseNumber);
        if (clock.status == ClockStatus.FINISHED) {
            throw ClockProblem.finished(caseNumber);
        }
        LocalDate earliest = latestEvent(clock);
        if (clock.status == ClockStatus.PAUSED) {
            earliest = max(earliest, openPauseStart(caseNumber));
        }
        if (on.isBefore(earliest)) {
            throw ClockProblem.dateTooEarly("on", on, earliest);
        }
        if (clock.status == ClockStatus.PAUSED) {
            closePause(caseNumber, on);
        }
        jdbc.sql("update approval.clock_step set ended_on = greatest(?, started_on) where case_number = ? and ended_on is null")
                .params(on, caseNumber)
                .update();
        recompute(caseNumber);
        List<Pause> pauses = pauses(List.of(caseNumber)).getOrDefault(caseNumber, List.of()).stream().map(PausePeriodRow::pause).toList();
        int elapsed = math.elapsed(clock.acceptedOn, on, pauses);
        int paused = math.paused(clock.acceptedOn, on, pauses);
        jdbc.sql("""
                update approval.case_clock set status = 'FINISHED', finished_on = ?, elapsed_days = ?, paused_days = ?
                where case_number = ?""")
                .params(on, elapsed, paused, caseNumber)
                .update();
        audit.record("approval.clock.finish", target(caseNumber), "finished " + on + " after " + elapsed + " working days ("
                + paused + " paused)");
        return deadline(caseNumber, on).orElseThrow();
    }

    // reading

    /** The case's clock as of today (China), or empty if the case has none. */
    @Transactional(readOnly = true)
    public Optional<CaseDeadline> deadline(String caseNumber) {
        return deadline(caseNumber, today());
    }

    /** The case's clock as of a day, or empty if the case has none. A finished case is counted to its finish day. */
    @Transactional(readOnly = true)
    public Optional<CaseDeadline> deadline(String caseNumber, LocalDate asOf) {
        return Optional.ofNullable(deadlines(List.of(caseNumber), asOf).get(caseNumber));
    }

    /** The clocks of several cases as of today, by case number; cases without a clock are left out. */
    @Transactional(readOnly = true)
    public Map<String, CaseDeadline> deadlines(Collection<String> caseNumbers) {
        return deadlines(caseNumbers, today());
    }

    /** The clocks of several cases as of a day, in the order asked, read with one query per table. */
    @Transactional(readOnly = true)
    public Map<String, CaseDeadline> deadlines(Collection<String> caseNumbers, LocalDate asOf) {
        if (caseNumbers.isEmpty()) {
            return Map.of();
        }
        List<String> numbers = List.copyOf(caseNumbers);
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql(Row.SELECT + " where case_number = any(?)")
                .param(numbers.toArray(String[]::new))
                .query(Row::read)
                .list()
                .forEach(r -> rows.put(r.caseNumber, r));
        Map<String, List<PausePeriodRow>> pauses = pauses(rows.keySet());
        Map<String, List<StepRow>> steps = steps(rows.keySet(), false);
        Map<String, CaseDeadline> found = new LinkedHashMap<>();
        for (String number : numbers) {
            Row r = rows.get(number);
            if (r != null) {
                found.put(number, view(r, pauses.getOrDefault(number, List.of()), steps.getOrDefault(number, List.of()), asOf));
            }
        }
        return found;
    }

    private CaseDeadline view(Row r, List<PausePeriodRow> pauseRows, List<StepRow> stepRows, LocalDate asOf) {
        LocalDate until = r.finishedOn != null ? r.finishedOn : asOf;
        List<Pause> pauses = pauseRows.stream().map(PausePeriodRow::pause).toList();
        List<PausePeriod> periods = pauseRows.stream()
                .map(p -> new PausePeriod(p.kind, p.reason, p.startedOn, p.endedOn,
                        until.isAfter(p.startedOn) ? calendar.workingDaysBetween(p.startedOn, min(until, p.endedOn)) : 0))
                .toList();
        List<StepDeadline> steps = stepRows.stream().map(s -> {
            LocalDate stepUntil = s.endedOn != null ? s.endedOn : until;
            return new StepDeadline(s.stepKey, s.department, s.limitDays, s.startedOn, s.endedOn, s.yellowOn, s.due,
                    math.elapsed(s.startedOn, stepUntil, pauses), Colour.on(stepUntil, s.yellowOn, s.due));
        }).toList();
        return new CaseDeadline(r.caseNumber, r.itemCode, r.itemName, r.department, r.acceptedOn, r.legalDays, r.promisedDays,
                r.legalDue, r.promisedDue, r.yellowOn, math.elapsed(r.acceptedOn, until, pauses),
                math.paused(r.acceptedOn, until, pauses), Colour.on(until, r.yellowOn, r.promisedDue), r.status, r.finishedOn,
                until, periods, steps);
    }

    private StepDeadline step(String caseNumber, String stepKey, LocalDate asOf) {
        CaseDeadline d = deadline(caseNumber, asOf).orElseThrow();
        return d.steps().stream().filter(s -> s.stepKey().equals(stepKey)).reduce((a, b) -> b).orElseThrow();
    }

    // counting the stored dates

    /** Counts the case's stored dates and those of its running steps again, from its pauses and the calendar. */
    private void recompute(String caseNumber) {
        Row r = jdbc.sql(Row.SELECT + " where case_number = ?").param(caseNumber).query(Row::read).single();
        List<Pause> pauses = pauses(List.of(caseNumber)).getOrDefault(caseNumber, List.of()).stream().map(PausePeriodRow::pause).toList();
        Dates d = dates(r, pauses);
        jdbc.sql("update approval.case_clock set yellow_on = ?, promised_due = ?, legal_due = ? where case_number = ?")
                .params(d.yellowOn, d.promisedDue, d.legalDue, caseNumber)
                .update();
        for (StepRow s : steps(List.of(caseNumber), true).getOrDefault(caseNumber, List.of())) {
            StepDates sd = stepDates(s, pauses);
            jdbc.sql("update approval.clock_step set yellow_on = ?, due_on = ? where id = ?")
                    .params(sd.yellowOn, sd.due, s.id)
                    .update();
        }
    }

    /**
     * Counts the stored dates of every running clock and running step again, after the calendar changed; writes only
     * those that moved. Returns how many clocks and steps moved.
     */
    @Transactional
    int recomputeAll() {
        Map<String, List<Pause>> pauses = new HashMap<>();
        jdbc.sql("""
                select p.case_number, p.started_on, p.ended_on from approval.clock_pause p
                join approval.case_clock c on c.case_number = p.case_number
                where c.finished_on is null order by p.case_number, p.started_on""")
                .query((rs, n) -> Map.entry(rs.getString(1), new Pause(rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))))
                .list()
                .forEach(e -> pauses.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        List<Object[]> clockUpdates = new ArrayList<>();
        jdbc.sql(Row.SELECT + " where finished_on is null").query(Row::read).stream().forEach(r -> {
            Dates d = dates(r, pauses.getOrDefault(r.caseNumber, List.of()));
            if (!d.equals(new Dates(r.yellowOn, r.promisedDue, r.legalDue))) {
                clockUpdates.add(new Object[] {d.yellowOn, d.promisedDue, d.legalDue, r.caseNumber});
            }
        });
        List<Object[]> stepUpdates = new ArrayList<>();
        jdbc.sql(StepRow.SELECT + " where ended_on is null").query(StepRow::read).stream().forEach(s -> {
            StepDates sd = stepDates(s, pauses.getOrDefault(s.caseNumber, List.of()));
            if (!sd.equals(new StepDates(s.yellowOn, s.due))) {
                stepUpdates.add(new Object[] {sd.yellowOn, sd.due, s.id});
            }
        });
        template.batchUpdate("update approval.case_clock set yellow_on = ?, promised_due = ?, legal_due = ? where case_number = ?", clockUpdates);
        template.batchUpdate("update approval.clock_step set yellow_on = ?, due_on = ? where id = ?", stepUpdates);
        return clockUpdates.size() + stepUpdates.size();
    }

    private record Dates(@Nullable LocalDate yellowOn, @Nullable LocalDate promisedDue, @Nullable LocalDate legalDue) {}

    private record StepDates(@Nullable LocalDate yellowOn, @Nullable LocalDate due) {}

    private Dates dates(Row r, List<Pause> pauses) {
        return new Dates(math.reach(r.acceptedOn, Colour.yellowThreshold(r.promisedDays), pauses),
                math.reach(r.acceptedOn, r.promisedDays, pauses), math.reach(r.acceptedOn, r.legalDays, pauses));
    }

    private StepDates stepDates(StepRow s, List<Pause> pauses) {
        return new StepDates(math.reach(s.startedOn, Colour.yellowThreshold(s.limitDays), pauses), math.reach(s.startedOn, s.limitDays, pauses));
    }

    // rows

    private Row lock(String caseNumber) {
        return jdbc.sql(Row.SELECT + " where case_number = ? for update")
                .param(caseNumber)
                .query(Row::read)
                .optional()
                .orElseThrow(() -> ClockProblem.unknownCase(caseNumber));
    }

    /** The last day something happened to the clock: its acceptance or the end of its last pause. */
    private LocalDate latestEvent(Row clock) {
        LocalDate lastResume = jdbc.sql("select max(ended_on) from approval.clock_pause where case_number = ?")
                .param(clock.caseNumber)
                .query(LocalDate.class)
                .optional()
                .orElse(null);
        return lastResume == null ? clock.acceptedOn : max(clock.acceptedOn, lastResume);
    }

    private LocalDate openPauseStart(String caseNumber) {
        return jdbc.sql("select started_on from approval.clock_pause where case_number = ? and ended_on is null")
                .param(caseNumber)
                .query(LocalDate.class)
                .single();
    }

    private void closePause(String caseNumber, LocalDate on) {
        jdbc.sql("update approval.clock_pause set ended_on = ? where case_number = ? and ended_on is null")
                .params(on, caseNumber)
                .update();
    }

    private Map<String, List<PausePeriodRow>> pauses(Collection<String> caseNumbers) {
        Map<String, List<PausePeriodRow>> found = new HashMap<>();
        if (caseNumbers.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select case_number, kind, reason, started_on, ended_on from approval.clock_pause
                where case_number = any(?) order by case_number, started_on, id""")
                .param(caseNumbers.toArray(String[]::new))
                .query((rs, n) -> new PausePeriodRow(rs.getString(1), PauseKind.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)))
                .list()
                .forEach(p -> found.computeIfAbsent(p.caseNumber, k -> new ArrayList<>()).add(p));
        return found;
    }

    private Map<String, List<StepRow>> steps(Collection<String> caseNumbers, boolean runningOnly) {
        Map<String, List<StepRow>> found = new HashMap<>();
        if (caseNumbers.isEmpty()) {
            return found;
        }
        jdbc.sql(StepRow.SELECT + " where case_number = any(?)" + (runningOnly ? " and ended_on is null" : "") + " order by started_on, id")
                .param(caseNumbers.toArray(String[]::new))
                .query(StepRow::read)
                .list()
                .forEach(s -> found.computeIfAbsent(s.caseNumber, k -> new ArrayList<>()).add(s));
        return found;
    }

    private record Row(String caseNumber, String itemCode, String itemName, String department, LocalDate acceptedOn, int legalDays,
            int promisedDays, ClockStatus status, @Nullable LocalDate yellowOn, @Nullable LocalDate promisedDue,
            @Nullable LocalDate legalDue, @Nullable LocalDate finishedOn) {

        static final String SELECT = """
                select case_number, item_code, item_name, department, accepted_on, legal_days, promised_days, status,
                       yellow_on, promised_due, legal_due, finished_on
                from approval.case_clock""";

        static Row read(ResultSet rs, int n) throws SQLException {
            return new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getObject(5, LocalDate.class),
                    rs.getInt(6), rs.getInt(7), ClockStatus.valueOf(rs.getString(8)), rs.getObject(9, LocalDate.class),
                    rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class));
        }
    }

    private record PausePeriodRow(String caseNumber, PauseKind kind, String reason, LocalDate startedOn, @Nullable LocalDate endedOn) {

        Pause pause() {
            return new Pause(startedOn, endedOn);
        }
    }

    private record StepRow(long id, String caseNumber, String stepKey, String department, int limitDays, LocalDate startedOn,
            @Nullable LocalDate endedOn, @Nullable LocalDate yellowOn, @Nullable LocalDate due) {

        static final String SELECT = """
                select id, case_number, step_key, department, limit_days, started_on, ended_on, yellow_on, due_on
                from approval.clock_step""";

        static StepRow read(ResultSet rs, int n) throws SQLException {
            return new StepRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                    rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
                    rs.getObject(9, LocalDate.class));
        }
    }

    // small helpers

    private static String text(String field, @Nullable String value, int max) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw ClockProblem.blank(field);
        }
        if (v.codePointCount(0, v.length()) > max) {
            throw ClockProblem.tooLong(field, max);
        }
        return v;
    }

    static String target(String caseNumber) {
        return "case-clock:" + caseNumber;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, @Nullable LocalDate b) {
        return b == null || a.isBefore(b) ? a : b;
    }
}
