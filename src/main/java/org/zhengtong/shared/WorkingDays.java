package org.zhengtong.shared;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The working-day calendar (工作日历): which days the government works, for counting statutory time limits in
 * working days (工作日) — an approval due within 20 working days, a share request answered within 10, a citizen
 * letter within 15.
 *
 * <p>Each year the State Council publishes the public holidays (法定节假日) and the make-up workdays (调休上班日),
 * Saturdays or Sundays worked to lengthen a holiday. The platform keeps that schedule as data, one year at a time,
 * entered by the platform administrator: a day is a working day if it is listed as a {@link Kind#WORKDAY}, or it
 * is Monday to Friday and not listed as a {@link Kind#HOLIDAY}. A year nobody has entered yet falls back to plain
 * Monday to Friday; {@link #isYearEntered(int)} tells callers so that they can warn that a deadline in that year
 * may move once its holidays are known.
 *
 * <p>The calendar is read from {@code shared.calendar_day} and {@code shared.calendar_year} once and kept in
 * memory; an edit reloads it as soon as the edit's transaction ends, so that a committed change counts at once
 * and a rolled-back one never does. Edits are not audited here, because the shared kernel sits below the audit
 * log: callers record them in the same transaction.
 */
@Component
public class WorkingDays {

    /** The years the calendar can hold; a date outside them is surely a typo. */
    public static final int FIRST_YEAR = 2000;

    public static final int LAST_YEAR = 2100;

    /** The longest name of a day, in characters. */
    public static final int MAX_NAME = 50;

    /** The longest description of where a year's schedule came from, in characters. */
    public static final int MAX_SOURCE = 200;

    /** What a listed day is. */
    public enum Kind {

        /** 放假: a day off, part of a public holiday period (weekends inside the period included). */
        HOLIDAY,

        /** 调休上班: a Saturday or Sunday worked in exchange for a longer holiday. */
        WORKDAY
    }

    /**
     * One listed day.
     *
     * @param day  the date
     * @param kind whether it is a day off or a make-up workday
     * @param name the holiday it belongs to, e.g. 春节; may be empty for a make-up workday
     */
    public record CalendarDay(LocalDate day, Kind kind, String name) {}

    /** The whole calendar as last read: listed days by date, and each entered year's source. */
    private record Snapshot(NavigableMap<LocalDate, CalendarDay> days, Map<Integer, String> years) {}

    private final JdbcClient jdbc;
    private volatile @Nullable Snapshot snapshot;

    WorkingDays(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // reading

    /** Whether the government works on that day. */
    public boolean isWorkingDay(LocalDate date) {
        CalendarDay listed = snapshot().days().get(date);
        if (listed != null) {
            return listed.kind() == Kind.WORKDAY;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The deadline of a time limit of {@code n} working days that starts on {@code start}: the n-th working day
     * after it. The start day itself is not counted, whether or not it is a working day; {@code n = 0} gives
     * {@code start}.
     *
     * @throws IllegalArgumentException if {@code n} is negative
     */
    public LocalDate addWorkingDays(LocalDate start, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a number of working days cannot be negative: " + n);
        }
        LocalDate day = start;
        for (int counted = 0; counted < n; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /**
     * How many working days lie after {@code fromExclusive} up to and including {@code toInclusive}, so that
     * {@code workingDaysBetween(s, addWorkingDays(s, n)) == n}. When {@code toInclusive} comes first the count is
     * negative: how many working days a deadline has passed.
     */
    public int workingDaysBetween(LocalDate fromExclusive, LocalDate toInclusive) {
        if (toInclusive.isBefore(fromExclusive)) {
            return -workingDaysBetween(toInclusive, fromExclusive);
        }
        int count = 0;
        for (LocalDate day = fromExclusive.plusDays(1); !day.isAfter(toInclusive); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The name of the holiday the day belongs to, if it is a listed day off. */
    public Optional<String> holidayName(LocalDate date) {
        CalendarDay listed = snapshot().days().get(date);
        return listed != null && listed.kind() == Kind.HOLIDAY ? Optional.of(listed.name()) : Optional.empty();
    }

    /** Whether the year's schedule has been entered; if not, its working days are just Monday to Friday. */
    public boolean isYearEntered(int year) {
        return snapshot().years().containsKey(year);
    }

    /** Where an entered year's schedule came from, e.g. the title of the State Council's notice. */
    public Optional<String> yearSource(int year) {
        return Optional.ofNullable(snapshot().years().get(year));
    }

    /** The listed days of a year, in date order. */
    public List<CalendarDay> year(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            return List.of();
        }
        return List.copyOf(snapshot().days().subMap(LocalDate.of(year, 1, 1), true, LocalDate.of(year, 12, 31), true).values());
    }

    // checking

    /**
     * What is wrong with a day as someone would list it, empty if nothing: a date outside 2000–2100, a make-up
     * workday on Monday to Friday (those are working days anyway), a day off without the name of its holiday, a
     * name too long. Missing values are problems too, so that a form or an import row can be checked as it came.
     * The fields are {@code day}, {@code kind} and {@code name}.
     */
    public List<FieldProblem> check(@Nullable LocalDate day, @Nullable Kind kind, @Nullable String name) {
        List<FieldProblem> problems = new ArrayList<>();
        if (day == null) {
            problems.add(new FieldProblem("day", "calendar.day.blank"));
        } else if (day.getYear() < FIRST_YEAR || day.getYear() > LAST_YEAR) {
            problems.add(new FieldProblem("day", "calendar.day.out-of-range", day.toString(),
                    Integer.toString(FIRST_YEAR), Integer.toString(LAST_YEAR)));
        }
        if (kind == null) {
            problems.add(new FieldProblem("kind", "calendar.kind.blank"));
        } else if (kind == Kind.WORKDAY && day != null && day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            problems.add(new FieldProblem("kind", "calendar.workday.on-weekday", day.toString()));
        }
        String text = name == null ? "" : name.strip();
        if (kind == Kind.HOLIDAY && text.isEmpty()) {
            problems.add(new FieldProblem("name", "calendar.name.blank"));
        } else if (text.codePointCount(0, text.length()) > MAX_NAME) {
            problems.add(new FieldProblem("name", "calendar.name.too-long", Integer.toString(MAX_NAME)));
        }
        return problems;
    }

    // editing

    /**
     * Lists a day as a day off or a make-up workday, or changes how it is listed.
     *
     * @throws InvalidInput if {@link #check} finds anything wrong; nothing is changed then
     */
    @Transactional
    public CalendarDay setDay(LocalDate day, Kind kind, String name) {
        InvalidInput.throwIfAny(check(day, kind, name));
        CalendarDay listed = new CalendarDay(day, kind, name.strip());
        jdbc.sql("""
                insert into shared.calendar_day (day, kind, name) values (?, ?, ?)
                on conflict (day) do update set kind = excluded.kind, name = excluded.name""")
                .params(listed.day(), listed.kind().name(), listed.name())
                .update();
        reloadWhenDone();
        return listed;
    }

    /** Takes a day off the list, so that it counts by its weekday again; returns whether it was listed. */
    @Transactional
    public boolean clearDay(LocalDate day) {
        int removed = jdbc.sql("delete from shared.calendar_day where day = ?").param(day).update();
        reloadWhenDone();
        return removed > 0;
    }

    /**
     * Marks a year's schedule as entered, noting where it came from; marking it again replaces the source.
     *
     * @throws InvalidInput if the year is outside 2000–2100 or the source is blank or too long
     */
    @Transactional
    public void markYearEntered(int year, String source) {
        List<FieldProblem> problems = new ArrayList<>();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            problems.add(new FieldProblem("year", "calendar.year.out-of-range", Integer.toString(year),
                    Integer.toString(FIRST_YEAR), Integer.toString(LAST_YEAR)));
        }
        String text = source.strip();
        if (text.isEmpty()) {
            problems.add(new FieldProblem("source", "calendar.source.blank"));
        } else if (text.codePointCount(0, text.length()) > MAX_SOURCE) {
            problems.add(new FieldProblem("source", "calendar.source.too-long", Integer.toString(MAX_SOURCE)));
        }
        InvalidInput.throwIfAny(problems);
        jdbc.sql("""
                insert into shared.calendar_year (year, source) values (?, ?)
                on conflict (year) do update set source = excluded.source""")
                .params(year, text)
                .update();
        reloadWhenDone();
    }

    // the cache

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        return current != null ? current : load();
    }

    /**
     * Reads the calendar, unless another thread just did. Loading and forgetting share one lock, so that a read
     * begun before an edit was committed cannot overwrite the forgetting that follows the commit.
     */
    private synchronized Snapshot load() {
        Snapshot current = snapshot;
        if (current != null) {
            return current;
        }
        NavigableMap<LocalDate, CalendarDay> days = new TreeMap<>();
        jdbc.sql("select day, kind, name from shared.calendar_day")
                .query((rs, n) -> new CalendarDay(rs.getObject(1, LocalDate.class), Kind.valueOf(rs.getString(2)), rs.getString(3)))
                .list()
                .forEach(d -> days.put(d.day(), d));
        Map<Integer, String> years = new TreeMap<>();
        jdbc.sql("select year, source from shared.calendar_year")
                .query((rs, n) -> Map.entry(rs.getInt(1), rs.getString(2)))
                .list()
                .forEach(e -> years.put(e.getKey(), e.getValue()));
        Snapshot loaded = new Snapshot(Collections.unmodifiableNavigableMap(days), Collections.unmodifiableMap(years));
        snapshot = loaded;
        return loaded;
    }

    private synchronized void forget() {
        snapshot = null;
    }

    /**
     * Forgets the cached calendar once the current transaction ends, committed or rolled back, so the next read
     * sees what the database holds; at once when there is no transaction.
     */
    private void reloadWhenDone() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        } else {
            forget();
        }
    }
}
