package org.zhengtong.approval.clock;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.directory.DirectoryManagement;

/**
 * Electronic supervision (电子监察): the live board of every running case by colour, the statistics of finished cases
 * against their limits, and the warnings before deadlines.
 *
 * <p>The board must stay under a second over 100,000 running cases. It can, because each running clock carries the
 * day it turns yellow and its promised deadline, counted when it starts, pauses or resumes and when the calendar
 * changes: a case's colour is a date comparison, the counts are one scan of the running clocks grouped by department
 * and by item at once ({@code grouping sets}), and the red and yellow list walks the index of promised deadlines.
 * Only the cases of the page shown are counted in working days.
 */
@Service
public class Supervision {

    /** Cases per page of the red and yellow list. */
    public static final int PAGE_SIZE = 20;

    private final JdbcClient jdbc;
    private final CaseClocks clocks;
    private final ClockCalendar clockCalendar;
    private final DirectoryManagement directory;

    Supervision(JdbcClient jdbc, CaseClocks clocks, ClockCalendar clockCalendar, DirectoryManagement directory) {
        this.jdbc = jdbc;
        this.clocks = clocks;
        this.clockCalendar = clockCalendar;
        this.directory = directory;
    }

    /**
     * Running cases (paused ones included) of a department or item by colour; a paused case counts by the colour it
     * had when it stopped, and once more under {@code paused}.
     */
    public record ColourCount(String code, String name, long green, long yellow, long red, long paused) {

        public long total() {
            return green + yellow + red;
        }
    }

    /** One page of the red and yellow cases, most urgent first (earliest promised deadline). */
    public record AlertPage(List<CaseDeadline> cases, int page, long total) {

        public int pages() {
            return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        }
    }

    /**
     * The board as of a day.
     *
     * @param department the department it is limited to, or null for every department
     * @param colour     the colour the list is limited to (RED or YELLOW), or null for both
     */
    public record Board(LocalDate today, @Nullable String department, @Nullable Colour colour, ColourCount total,
            List<ColourCount> byDepartment, List<ColourCount> byItem, AlertPage alerts) {}

    /** The board with the first page of red and yellow cases: what a benchmark times. */
    @Transactional(readOnly = true)
    public Board board(LocalDate today, @Nullable String department) {
        return board(today, department, null, 0);
    }

    /** The board, its list limited to a colour (RED or YELLOW; GREEN lists nothing) and turned to a page (from 0). */
    @Transactional(readOnly = true)
    public Board board(LocalDate today, @Nullable String department, @Nullable Colour colour, int page) {
        clockCalendar.ensureCurrent();
        List<ColourCount> byDepartment = new ArrayList<>();
        List<ColourCount> byItem = new ArrayList<>();
        jdbc.sql("""
                select grouping(department) as by_item, department, item_code, max(item_name) as item_name,
                       count(*) filter (where promised_due < :today) as red,
                       count(*) filter (where yellow_on <= :today and (promised_due is null or promised_due >= :today)) as yellow,
                       count(*) as total,
                       count(*) filter (where status = 'PAUSED') as paused
                from approval.case_clock
                where finished_on is null and (cast(:department as text) is null or department = :department)
                group by grouping sets ((department), (item_code))""")
                .param("today", today)
                .param("department", department)
                .query((rs, n) -> {
                    boolean item = rs.getInt("by_item") == 1;
                    long red = rs.getLong("red");
                    long yellow = rs.getLong("yellow");
                    ColourCount c = new ColourCount(item ? rs.getString("item_code") : rs.getString("department"),
                            item ? rs.getString("item_name") : rs.getString("department"), rs.getLong("total") - red - yellow, yellow, red,
                            rs.getLong("paused"));
                    (item ? byItem : byDepartment).add(c);
                    return c;
                })
                .list();
        List<ColourCount> departments = byDepartment.stream()
                .map(c -> new ColourCount(c.code(), departmentName(c.code()), c.green(), c.yellow(), c.red(), c.paused()))
                .sorted(URGENT_FIRST)
                .toList();
        byItem.sort(URGENT_FIRST);
        ColourCount total = new ColourCount("", "", departments.stream().mapToLong(ColourCount::green).sum(),
                departments.stream().mapToLong(ColourCount::yellow).sum(), departments.stream().mapToLong(ColourCount::red).sum(),
                departments.stream().mapToLong(ColourCount::paused).sum());
        long listed = colour == Colour.RED ? total.red() : colour == Colour.YELLOW ? total.yellow() : colour == Colour.GREEN ? 0
                : total.red() + total.yellow();
        return new Board(today, department, colour, total, departments, List.copyOf(byItem), alerts(today, department, colour, page, listed));
    }

    private static final Comparator<ColourCount> URGENT_FIRST = Comparator.comparingLong(ColourCount::red).reversed()
            .thenComparing(Comparator.comparingLong(ColourCount::yellow).reversed())
            .thenComparing(ColourCount::code);

    private AlertPage alerts(LocalDate today, @Nullable String department, @Nullable Colour colour, int page, long listed) {
        if (colour == Colour.GREEN || listed == 0) {
            return new AlertPage(List.of(), 0, 0);
        }
        int last = (int) ((listed - 1) / PAGE_SIZE);
        int p = Math.max(0, Math.min(page, last));
        String which = colour == Colour.RED ? "promised_due < :today"
                : colour == Colour.YELLOW ? "yellow_on <= :today and (promised_due is null or promised_due >= :today)"
                : "yellow_on <= :today";
        List<String> numbers = jdbc.sql("""
                select case_number from approval.case_clock
                where finished_on is null and %s and (cast(:department as text) is null or department = :department)
                order by promised_due nulls last, case_number limit :limit offset :offset""".formatted(which))
                .param("today", today)
                .param("department", department)
                .param("limit", PAGE_SIZE)
                .param("offset", p * PAGE_SIZE)
                .query(String.class)
                .list();
        return new AlertPage(List.copyOf(clocks.deadlines(numbers, today).values()), p, listed);
    }

    /**
     * A department's name from the directory, or its code if the directory does not know it. The names are read all at
     * once and kept for a minute: a board names every department and the departments of every listed case and step,
     * and a renamed department may show its old name that long.
     */
    public String departmentName(String code) {
        Names current = names;
        if (current == null || current.readAt().isBefore(Instant.now().minus(NAMES_KEPT))) {
            Map<String, String> read = new HashMap<>();
            directory.orgUnits().forEach(u -> read.put(u.code(), u.name()));
            current = new Names(Instant.now(), Map.copyOf(read));
            names = current;
        }
        return current.byCode().getOrDefault(code, code);
    }

    private record Names(Instant readAt, Map<String, String> byCode) {}

    private static final Duration NAMES_KEPT = Duration.ofMinutes(1);

    private volatile @Nullable Names names;

    // statistics

    /**
     * Finished cases of a department or item against their limits (Qingdao's 300 → 150 working days): how many,
     * their average elapsed and paused working days, their average promised and legal limits, how many finished by
     * the promised deadline and how many after the legal one.
     */
    public record LimitStat(String code, String name, long finished, double avgElapsed, double avgPaused, double avgPromised,
            double avgLegal, long onTime, long pastLegal) {

        /** The share finished by the promised deadline, in per cent. */
        public double onTimePercent() {
            return finished == 0 ? 0 : 100.0 * onTime / finished;
        }
    }

    /** Statistics of the cases finished between two days (either may be open); {@code overall} is null if none finished. */
    public record Statistics(@Nullable LocalDate from, @Nullable LocalDate to, @Nullable LimitStat overall, List<LimitStat> byDepartment,
            List<LimitStat> byItem) {}

    @Transactional(readOnly = true)
    public Statistics statistics(@Nullable LocalDate from, @Nullable LocalDate to) {
        List<LimitStat> byDepartment = new ArrayList<>();
        List<LimitStat> byItem = new ArrayList<>();
        LimitStat overall = jdbc.sql("""
                select grouping(department, item_code) as grouped, department, item_code, max(item_name) as item_name, count(*) as finished,
                       avg(elapsed_days) as elapsed, avg(paused_days) as paused, avg(promised_days) as promised, avg(legal_days) as legal,
                       count(*) filter (where finished_on <= promised_due) as on_time,
                       count(*) filter (where finished_on > legal_due) as past_legal
                from approval.case_clock
                where finished_on is not null
                  and (cast(:from as date) is null or finished_on >= :from) and (cast(:to as date) is null or finished_on <= :to)
                group by grouping sets ((department), (item_code), ())
                order by 2, 3""")
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> {
                    // grouping(): 1 = item code summed over (a department's row), 2 = department summed over, 3 = both.
                    int grouped = rs.getInt("grouped");
                    if (grouped == 3) {
                        return stat(rs, "", "");
                    }
                    boolean item = grouped == 2;
                    String code = item ? rs.getString("item_code") : rs.getString("department");
                    LimitStat s = stat(rs, code, item ? rs.getString("item_name") : departmentName(code));
                    (item ? byItem : byDepartment).add(s);
                    return s;
                })
                .list()
                .stream()
                .filter(s -> s.code().isEmpty() && s.finished() > 0)
                .findFirst()
                .orElse(null);
        return new Statistics(from, to, overall, byDepartment, byItem);
    }

    private static LimitStat stat(ResultSet rs, String code, String name) throws SQLException {
        return new LimitStat(code, name, rs.getLong("finished"), rs.getDouble("elapsed"), rs.getDouble("paused"), rs.getDouble("promised"),
                rs.getDouble("legal"), rs.getLong("on_time"), rs.getLong("past_legal"));
    }

    /** Departments with running clocks, for the board's filter: code to name. */
    @Transactional(readOnly = true)
    public Map<String, String> departments() {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select distinct department from approval.case_clock where finished_on is null order by 1").query(String.class).list()
                .forEach(code -> names.put(code, departmentName(code)));
        return names;
    }
}
