package org.zhengtong.approval.clock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.WorkingDays;

/**
 * Many running clocks at once, for the supervision benchmark (the board over 100,000 running cases) and demo data:
 * the dates are counted exactly as {@link CaseClocks#start} counts them, and the rows go in as one batch with one
 * audit record, instead of 100,000 starts.
 */
@Component
public class ClockBulk {

    /** A clock to insert, as {@link CaseClocks#start} takes it; limits must already be valid. */
    public record NewClock(String caseNumber, String itemCode, String itemName, String department, LocalDate acceptedOn, int legalDays,
            int promisedDays) {}

    private final JdbcTemplate template;
    private final ClockMath math;
    private final ClockCalendar clockCalendar;
    private final AuditLog audit;

    ClockBulk(JdbcTemplate template, WorkingDays calendar, ClockCalendar clockCalendar, AuditLog audit) {
        this.template = template;
        this.math = new ClockMath(calendar);
        this.clockCalendar = clockCalendar;
        this.audit = audit;
    }

    /**
     * Inserts running clocks with their counted dates, in the caller's transaction; returns how many.
     *
     * @throws ClockProblem if a limit is out of range or the promised limit exceeds the legal one (nothing is inserted)
     */
    @Transactional
    public int insert(List<NewClock> clocks) {
        // Settle the calendar's fingerprint first, so the first board after a bulk insert does not count them all again.
        clockCalendar.ensureCurrent();
        List<Object[]> rows = new ArrayList<>(clocks.size());
        for (NewClock c : clocks) {
            if (c.legalDays() < 1 || c.legalDays() > CaseClocks.MAX_DAYS) {
                throw ClockProblem.limitOutOfRange("legalDays", c.legalDays(), 1);
            }
            if (c.promisedDays() < 0 || c.promisedDays() > c.legalDays()) {
                throw ClockProblem.promisedOverLegal(c.promisedDays(), c.legalDays());
            }
            rows.add(new Object[] {c.caseNumber(), c.itemCode(), c.itemName(), c.department(), c.acceptedOn(), c.legalDays(), c.promisedDays(),
                    math.reach(c.acceptedOn(), Colour.yellowThreshold(c.promisedDays()), List.of()),
                    math.reach(c.acceptedOn(), c.promisedDays(), List.of()), math.reach(c.acceptedOn(), c.legalDays(), List.of())});
        }
        for (int from = 0; from < rows.size(); from += 5_000) {
            template.batchUpdate("""
                    insert into approval.case_clock (case_number, item_code, item_name, department, accepted_on, legal_days, promised_days,
                        status, yellow_on, promised_due, legal_due)
                    values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, ?)""", rows.subList(from, Math.min(rows.size(), from + 5_000)));
        }
        audit.record("approval.clock.bulk-insert", "case-clock:*", rows.size() + " running clocks");
        return rows.size();
    }

    /**
     * Made-up running clocks for a benchmark: case numbers {@code prefix} + sequence, spread over the departments and
     * 40 items, accepted up to 1.6 times their promised days in calendar days before {@code today}, with 5 to 20 promised days and twice
     * that legally: mostly green, with some yellow and red, as a busy city might show.
     */
    public static List<NewClock> sample(String prefix, int count, LocalDate today, List<String> departments, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<NewClock> clocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int promised = 5 + random.nextInt(16);
            int item = random.nextInt(40);
            clocks.add(new NewClock(prefix + i, "BENCH-" + item, "基准测试事项 " + item, departments.get(random.nextInt(departments.size())),
                    today.minusDays(random.nextInt(0, promised * 8 / 5)), promised * 2, promised));
        }
        return clocks;
    }

    /** Removes the clocks whose case number starts with the prefix (with their pauses, steps and warnings). */
    @Transactional
    public int delete(String caseNumberPrefix) {
        String like = caseNumberPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        for (String table : List.of("clock_warning", "clock_step", "clock_pause")) {
            template.update("delete from approval." + table + " where case_number like ?", like);
        }
        int n = template.update("delete from approval.case_clock where case_number like ?", like);
        audit.record("approval.clock.bulk-delete", "case-clock:" + caseNumberPrefix + "*", n + " clocks");
        return n;
    }
}
