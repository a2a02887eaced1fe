package org.zhengtong.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.zhengtong.shared.xlsx.XlsxDownload;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.Problems;
import org.zhengtong.shared.WorkingDays;
import org.zhengtong.shared.WorkingDays.CalendarDay;
import org.zhengtong.shared.WorkingDays.Kind;

/**
 * The platform administrator's working-day calendar (工作日历): a year's holidays and make-up workdays as a list
 * and as twelve month grids, a form to list, change or remove a day, and the year as an Excel list to download,
 * edit and upload again.
 */
@Controller
class CalendarController {


    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final WorkingDays calendar;
    private final CalendarChanges changes;
    private final Problems problems;
    private final MessageSource messages;

    CalendarController(WorkingDays calendar, CalendarChanges changes, Problems problems, MessageSource messages) {
        this.calendar = calendar;
        this.changes = changes;
        this.problems = problems;
        this.messages = messages;
    }

    /** The day form as posted or shown; empty fields arrive as null. */
    record DayForm(@Nullable String day, @Nullable String kind, @Nullable String name) {}

    /** A row of the year's list: the day and its weekday in the page's language. */
    record Row(CalendarDay day, String weekday) {}

    /** One square of a month grid; {@code kind} is null for a day that is not listed. */
    record Cell(LocalDate date, @Nullable Kind kind, @Nullable String name, boolean weekend) {}

    /** A month as weeks of seven squares, Monday first; squares outside the month are null. */
    record MonthGrid(String name, List<List<@Nullable Cell>> weeks) {}

    /** A weekday column heading: the short form shown and the full name for assistive technology. */
    record Weekday(String narrow, String full) {}

    @GetMapping("/calendar")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    String page(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable String day,
            HttpServletRequest request, Model model) {
        LocalDate chosen = CalendarChanges.parseDate(day);
        int shown = year != null ? clamp(year) : chosen != null ? clamp(chosen.getYear()) : thisYear();
        DayForm form = new DayForm(null, Kind.HOLIDAY.name(), null);
        if (chosen != null) {
            form = calendar.year(chosen.getYear()).stream().filter(d -> d.day().equals(chosen)).findFirst()
                    .map(d -> new DayForm(d.day().toString(), d.kind().name(), d.name()))
                    .orElse(new DayForm(chosen.toString(), Kind.HOLIDAY.name(), null));
        }
        model.addAttribute("form", form);
        return show(shown, request, model);
    }

    @PostMapping("/calendar/days")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    String setDay(@RequestParam(required = false) @Nullable String day, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String name, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        LocalDate date = CalendarChanges.parseDate(day);
        Kind k = CalendarChanges.parseKind(kind);
        try {
            List<FieldProblem> found = new ArrayList<>();
            if (day != null && date == null) {
                found.add(new FieldProblem("day", "calendar.day.format", day));
            }
            if (kind != null && k == null) {
                found.add(new FieldProblem("kind", "calendar.kind.unknown", kind));
            }
            for (FieldProblem p : calendar.check(date, k, name)) {
                if (found.stream().noneMatch(f -> f.field().equals(p.field()))) {
                    found.add(p);
                }
            }
            InvalidInput.throwIfAny(found);
            CalendarDay saved = changes.setDay(Objects.requireNonNull(date), Objects.requireNonNull(k), name == null ? "" : name);
            redirect.addFlashAttribute("savedDay", saved.day().toString());
            return "redirect:/calendar?year=" + saved.day().getYear();
        } catch (InvalidInput e) {
            model.addAttribute("form", new DayForm(day, kind, name));
            model.addAttribute("errors", problems.byField(e, problems.locale(request)));
            return show(date != null ? clamp(date.getYear()) : thisYear(), request, model);
        }
    }

    @PostMapping("/calendar/days/remove")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    String clearDay(@RequestParam(required = false) @Nullable String day, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        LocalDate date = CalendarChanges.parseDate(day);
        if (date == null) {
            FieldProblem p = day == null ? new FieldProblem("day", "calendar.day.blank") : new FieldProblem("day", "calendar.day.format", day);
            model.addAttribute("removeProblem", problems.message(p, problems.locale(request)));
            return show(thisYear(), request, model);
        }
        redirect.addFlashAttribute(changes.clearDay(date) ? "removedDay" : "notListedDay", date.toString());
        return "redirect:/calendar?year=" + clamp(date.getYear());
    }

    @PostMapping("/calendar/years")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    String markYearEntered(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable String source,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        int shown = year == null ? thisYear() : year;
        try {
            if (year == null) {
                throw InvalidInput.of("year", "calendar.year.blank");
            }
            changes.markYearEntered(shown, source == null ? "" : source);
            redirect.addFlashAttribute("enteredYear", Integer.toString(shown));
            return "redirect:/calendar?year=" + shown;
        } catch (InvalidInput e) {
            model.addAttribute("yearErrors", problems.byField(e, problems.locale(request)));
            model.addAttribute("yearSource", source);
            return show(clamp(shown), request, model);
        }
    }

    @GetMapping("/calendar/export")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    void export(@RequestParam(required = false) @Nullable Integer year, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        int shown = year == null ? thisYear() : clamp(year);
        Locale locale = problems.locale(request);
        String fileName = ("en".equals(locale.getLanguage()) ? "calendar-" : "工作日历-") + shown + ".xlsx";
        XlsxDownload.prepare(response, fileName);
        changes.export(shown, locale, response.getOutputStream());
    }

    @PostMapping("/calendar/import")
    @PreAuthorize("hasAuthority('CALENDAR_MANAGE')")
    String importYear(@RequestParam(required = false) @Nullable Integer year, @RequestParam(required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String source, HttpServletRequest request, Model model,
            RedirectAttributes redirect) throws IOException {
        Locale locale = problems.locale(request);
        Map<String, List<String>> errors = new LinkedHashMap<>();
        if (year == null) {
            errors.put("importYear", List.of(problems.message(new FieldProblem("year", "calendar.year.blank"), locale)));
        } else if (year < WorkingDays.FIRST_YEAR || year > WorkingDays.LAST_YEAR) {
            errors.put("importYear", List.of(problems.message(new FieldProblem("year", "calendar.year.out-of-range",
                    year.toString(), Integer.toString(WorkingDays.FIRST_YEAR), Integer.toString(WorkingDays.LAST_YEAR)), locale)));
        }
        if (file == null || file.isEmpty()) {
            errors.put("file", List.of(problems.message(new FieldProblem("file", "calendar.import.no-file"), locale)));
        }
        if (source != null && source.codePointCount(0, source.length()) > WorkingDays.MAX_SOURCE) {
            errors.put("importSource", List.of(problems.message(new FieldProblem("source", "calendar.source.too-long",
                    Integer.toString(WorkingDays.MAX_SOURCE)), locale)));
        }
        if (!errors.isEmpty() || year == null || file == null) {
            model.addAttribute("importErrors", errors);
            model.addAttribute("importSource", source);
            return show(year == null ? thisYear() : clamp(year), request, model);
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.xlsx" : file.getOriginalFilename();
        CalendarChanges.ImportOutcome outcome;
        try (InputStream in = file.getInputStream()) {
            outcome = changes.importYear(year, name, in, source);
        }
        if (outcome.applied()) {
            redirect.addFlashAttribute("importedDays", Integer.toString(outcome.days()));
            return "redirect:/calendar?year=" + year;
        }
        model.addAttribute("importFile", name);
        model.addAttribute("importProblems", outcome.problems().stream().map(p -> p.message(messages, locale)).toList());
        model.addAttribute("importSource", source);
        return show(year, request, model);
    }

    private String show(int year, HttpServletRequest request, Model model) {
        Locale locale = problems.locale(request);
        List<CalendarDay> days = calendar.year(year);
        Map<LocalDate, CalendarDay> byDate = new HashMap<>();
        days.forEach(d -> byDate.put(d.day(), d));
        model.addAttribute("year", year);
        model.addAttribute("previousYear", year > WorkingDays.FIRST_YEAR ? year - 1 : null);
        model.addAttribute("nextYear", year < WorkingDays.LAST_YEAR ? year + 1 : null);
        model.addAttribute("entered", calendar.isYearEntered(year));
        model.addAttribute("source", calendar.yearSource(year).orElse(null));
        model.addAttribute("rows", days.stream().map(d -> new Row(d, d.day().getDayOfWeek().getDisplayName(TextStyle.SHORT, locale))).toList());
        model.addAttribute("months", months(year, byDate, locale));
        model.addAttribute("weekdays", weekdays(locale));
        model.addAttribute("kinds", Kind.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new DayForm(null, Kind.HOLIDAY.name(), null));
        }
        return "calendar/year";
    }

    private static List<MonthGrid> months(int year, Map<LocalDate, CalendarDay> listed, Locale locale) {
        List<MonthGrid> months = new ArrayList<>();
        for (Month month : Month.values()) {
            YearMonth ym = YearMonth.of(year, month);
            List<List<@Nullable Cell>> weeks = new ArrayList<>();
            List<@Nullable Cell> week = new ArrayList<>();
            for (int i = 1; i < ym.atDay(1).getDayOfWeek().getValue(); i++) {
                week.add(null);
            }
            for (int d = 1; d <= ym.lengthOfMonth(); d++) {
                LocalDate date = ym.atDay(d);
                CalendarDay day = listed.get(date);
                week.add(new Cell(date, day == null ? null : day.kind(), day == null ? null : day.name(),
                        date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY));
                if (week.size() == 7) {
                    weeks.add(week);
                    week = new ArrayList<>();
                }
            }
            if (!week.isEmpty()) {
                while (week.size() < 7) {
                    week.add(null);
                }
                weeks.add(week);
            }
            String name = "zh".equals(locale.getLanguage()) ? month.getValue() + "月" : month.getDisplayName(TextStyle.FULL, locale);
            months.add(new MonthGrid(name, weeks));
        }
        return months;
    }

    private static List<Weekday> weekdays(Locale locale) {
        List<Weekday> weekdays = new ArrayList<>();
        for (DayOfWeek d : DayOfWeek.values()) {
            weekdays.add(new Weekday(d.getDisplayName(TextStyle.NARROW_STANDALONE, locale), d.getDisplayName(TextStyle.FULL, locale)));
        }
        return weekdays;
    }

    private static int thisYear() {
        return LocalDate.now(BEIJING).getYear();
    }

    private static int clamp(int year) {
        return Math.clamp(year, WorkingDays.FIRST_YEAR, WorkingDays.LAST_YEAR);
    }
}
