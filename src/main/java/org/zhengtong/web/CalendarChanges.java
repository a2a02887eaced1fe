package org.zhengtong.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.WorkingDays;
import org.zhengtong.shared.WorkingDays.CalendarDay;
import org.zhengtong.shared.WorkingDays.Kind;
import org.zhengtong.shared.xlsx.XlsxColumn;
import org.zhengtong.shared.xlsx.XlsxProblem;
import org.zhengtong.shared.xlsx.XlsxReadResult;
import org.zhengtong.shared.xlsx.XlsxReader;
import org.zhengtong.shared.xlsx.XlsxRow;
import org.zhengtong.shared.xlsx.XlsxTable;
import org.zhengtong.shared.xlsx.XlsxWriter;

/**
 * Changes to the working-day calendar (工作日历) made by the platform administrator, each committed together
 * with its audit record, and the calendar's Excel list: a year exported in the layout it is imported in, and an
 * import that replaces a year's list whole or not at all.
 */
@Component
class CalendarChanges {

    /** The Excel list of a year: one row per listed day. */
    static final XlsxTable TABLE = XlsxTable.of("工作日历", "Calendar",
            XlsxColumn.required("date", "日期", "Date", 20)
                    .withCheck(v -> parseDate(v) == null ? XlsxColumn.Invalid.of("calendar.day.format", v) : null),
            XlsxColumn.required("kind", "类型", "Kind", 20)
                    .withCheck(v -> parseKind(v) == null ? XlsxColumn.Invalid.of("calendar.kind.unknown", v) : null),
            XlsxColumn.optional("name", "名称", "Name", WorkingDays.MAX_NAME))
            .withMaxRows(366);

    /** The column of the Excel list each field of {@link WorkingDays#check} is about. */
    private static final Map<String, String> COLUMN_OF = Map.of("day", "date", "kind", "kind", "name", "name");

    /** 2026-02-15, 2026/2/15, 2026.2.15 or 2026年2月15日. */
    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");

    private static final Map<String, Kind> KIND_NAMES = Map.of(
            "放假", Kind.HOLIDAY, "休", Kind.HOLIDAY, "休息", Kind.HOLIDAY,
            "调休上班", Kind.WORKDAY, "上班", Kind.WORKDAY, "班", Kind.WORKDAY, "补班", Kind.WORKDAY);

    /** What an import came to: applied whole, or refused with every problem. */
    record ImportOutcome(boolean applied, int days, List<XlsxProblem> problems) {}

    private final WorkingDays calendar;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    CalendarChanges(WorkingDays calendar, AuditLog audit, PlatformTransactionManager transactionManager) {
        this.calendar = calendar;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Lists a day or changes it; the audit record names what it was before. */
    CalendarDay setDay(LocalDate day, Kind kind, String name) {
        return Objects.requireNonNull(transactions.execute(status -> {
            String before = listed(day).map(CalendarChanges::describe).orElse("-");
            CalendarDay saved = calendar.setDay(day, kind, name);
            audit.record("calendar.day.set", target(day), before + " -> " + describe(saved));
            return saved;
        }));
    }

    /** Takes a day off the list; returns whether it was listed (nothing is recorded if it was not). */
    boolean clearDay(LocalDate day) {
        return Boolean.TRUE.equals(transactions.execute(status -> {
            Optional<CalendarDay> before = listed(day);
            if (before.isEmpty() || !calendar.clearDay(day)) {
                return false;
            }
            audit.record("calendar.day.clear", target(day), describe(before.get()) + " -> -");
            return true;
        }));
    }

    void markYearEntered(int year, String source) {
        transactions.executeWithoutResult(status -> {
            String before = calendar.yearSource(year).orElse("-");
            calendar.markYearEntered(year, source);
            audit.record("calendar.year.enter", "calendar:" + year, before + " -> " + source.strip());
        });
    }

    /** Writes a year's listed days in the import layout, kinds in the language of the headers. */
    void export(int year, Locale locale, OutputStream out) throws IOException {
        boolean english = "en".equals(locale.getLanguage());
        List<Map<String, String>> rows = new ArrayList<>();
        for (CalendarDay d : calendar.year(year)) {
            Map<String, String> row = new HashMap<>();
            row.put("date", d.day().toString());
            row.put("kind", english ? d.kind().name() : d.kind() == Kind.HOLIDAY ? "放假" : "调休上班");
            row.put("name", d.name());
            rows.add(row);
        }
        XlsxWriter.write(TABLE, rows, locale, out);
        audit.record("calendar.export", "calendar:" + year, rows.size() + " days");
    }

    /**
     * Replaces a year's list with the file's, marks the year entered and records it, or, if any row is wrong,
     * changes nothing and names every wrong row. Every row must fall in {@code year}, so a file cannot touch a year
     * the administrator did not choose.
     *
     * @param source where the schedule came from; when blank, the year keeps its source, or is credited to the file
     */
    ImportOutcome importYear(int year, String fileName, InputStream in, @Nullable String source) {
        XlsxReadResult read = XlsxReader.read(fileName, in, TABLE);
        Map<LocalDate, CalendarDay> days = read.problems().stream().anyMatch(XlsxProblem::isFileLevel) ? Map.of()
                : check(year, read);
        if (!read.isAcceptable()) {
            audit.recordFailure(Actor.current(), "calendar.import", "calendar:" + year, AuditLog.Outcome.FAILURE,
                    fileName + ": " + read.problems().size() + " problems, nothing changed");
            return new ImportOutcome(false, 0, read.problems());
        }
        transactions.executeWithoutResult(status -> {
            for (CalendarDay old : calendar.year(year)) {
                if (!days.containsKey(old.day())) {
                    calendar.clearDay(old.day());
                }
            }
            for (CalendarDay d : days.values()) {
                calendar.setDay(d.day(), d.kind(), d.name());
            }
            String credited = source != null && !source.isBlank() ? source
                    : calendar.yearSource(year).orElse("xlsx: " + fileName);
            calendar.markYearEntered(year, credited);
            audit.record("calendar.import", "calendar:" + year, fileName + ": " + days.size() + " days, source " + credited.strip());
        });
        return new ImportOutcome(true, days.size(), List.of());
    }

    /** Checks every row by the calendar's own rules, the year and duplicates; returns the days if all is well. */
    private Map<LocalDate, CalendarDay> check(int year, XlsxReadResult read) {
        Map<LocalDate, CalendarDay> days = new LinkedHashMap<>();
        Map<LocalDate, Integer> seenOn = new HashMap<>();
        for (XlsxRow row : read.rows()) {
            LocalDate day = parseDate(row.get("date"));
            Kind kind = parseKind(row.get("kind"));
            if (day == null || kind == null) {
                continue; // already reported by the column checks
            }
            String name = row.get("name") == null ? "" : row.get("name");
            boolean fine = true;
            if (day.getYear() != year) {
                read.addProblem(row, "date", "calendar.import.other-year", day.toString(), Integer.toString(year));
                fine = false;
            }
            Integer earlier = seenOn.putIfAbsent(day, row.rowNumber());
            if (earlier != null) {
                read.addProblem(row, "date", "calendar.import.duplicate", day.toString(), Integer.toString(earlier));
                fine = false;
            }
            for (FieldProblem p : calendar.check(day, kind, name)) {
                String column = COLUMN_OF.get(p.field());
                if (!reported(read, row, column)) {
                    read.addProblem(row, column, p.messageKey(), p.args());
                }
                fine = false;
            }
            if (fine) {
                days.put(day, new CalendarDay(day, kind, name));
            }
        }
        return days;
    }

    /** Whether the reader already found something wrong with that cell (a name too long, say). */
    private static boolean reported(XlsxReadResult read, XlsxRow row, @Nullable String column) {
        String header = column == null ? null : TABLE.column(column).map(XlsxColumn::headerZh).orElse(null);
        return read.problems().stream().anyMatch(p -> p.row() == row.rowNumber() && Objects.equals(p.field(), header));
    }

    private Optional<CalendarDay> listed(LocalDate day) {
        return calendar.year(day.getYear()).stream().filter(d -> d.day().equals(day)).findFirst();
    }

    private static String target(LocalDate day) {
        return "calendar:" + day;
    }

    private static String describe(CalendarDay d) {
        return d.kind() + (d.name().isEmpty() ? "" : " " + d.name());
    }

    /** A date as people type it: 2026-02-15, 2026/2/15, 2026.2.15 or 2026年2月15日; null if it is none. */
    static @Nullable LocalDate parseDate(@Nullable String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A kind by its Chinese name (放假, 调休上班) or its code (HOLIDAY, WORKDAY); null if it is neither. */
    static @Nullable Kind parseKind(@Nullable String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        Kind kind = KIND_NAMES.get(t);
        if (kind != null) {
            return kind;
        }
        for (Kind k : Kind.values()) {
            if (k.name().equalsIgnoreCase(t)) {
                return k;
            }
        }
        return null;
    }
}
