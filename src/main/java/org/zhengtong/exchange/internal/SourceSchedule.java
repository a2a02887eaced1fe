package org.zhengtong.exchange.internal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.scheduling.support.CronExpression;
import org.zhengtong.shared.FieldProblem;

/**
 * When a pull source runs (同步周期), in Beijing time: every so many seconds ({@code INTERVAL}), at the times a
 * Spring cron expression names ({@code CRON}, six fields: second minute hour day month weekday), or every so many
 * seconds inside a daily window such as {@code 22:00-06:00} ({@code WINDOW}, which may cross midnight), so that
 * a department's database is read off-hours only.
 */
public final class SourceSchedule {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    public static final int MIN_SECONDS = 10;
    public static final int MAX_SECONDS = 7 * 24 * 3600;
    public static final List<String> KINDS = List.of("INTERVAL", "CRON", "WINDOW");

    private static final Pattern WINDOW = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*[-–~]\\s*(\\d{1,2}:\\d{2})\\s*");

    private SourceSchedule() {
    }

    /** What is wrong with a schedule, field by field ({@code scheduleKind}, {@code scheduleValue}, {@code windowInterval}). */
    public static List<FieldProblem> check(@Nullable String kind, @Nullable String value, @Nullable Integer windowInterval) {
        List<FieldProblem> problems = new ArrayList<>();
        String k = kind == null ? "" : kind.strip().toUpperCase(Locale.ROOT);
        if (!KINDS.contains(k)) {
            problems.add(new FieldProblem("scheduleKind", "exchange.field.schedule-kind.invalid"));
            return problems;
        }
        String v = value == null ? "" : value.strip();
        switch (k) {
            case "INTERVAL" -> {
                Integer seconds = seconds(v);
                if (seconds == null || seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
                    problems.add(new FieldProblem("scheduleValue", "exchange.field.interval.range", MIN_SECONDS, MAX_SECONDS));
                }
            }
            case "CRON" -> {
                try {
                    CronExpression.parse(v);
                } catch (IllegalArgumentException e) {
                    problems.add(new FieldProblem("scheduleValue", "exchange.field.cron.invalid", v));
                }
            }
            default -> {
                if (window(v) == null) {
                    problems.add(new FieldProblem("scheduleValue", "exchange.field.window.invalid"));
                }
                if (windowInterval == null || windowInterval < MIN_SECONDS || windowInterval > MAX_SECONDS) {
                    problems.add(new FieldProblem("windowInterval", "exchange.field.window-interval.range", MIN_SECONDS, MAX_SECONDS));
                }
            }
        }
        return problems;
    }

    /** When a source whose schedule was just set runs first: at once, or when its window opens or its cron fires. */
    public static Instant first(String kind, String value, @Nullable Integer windowInterval, Instant now) {
        return switch (kind) {
            case "INTERVAL" -> now;
            case "CRON" -> cron(value, now);
            default -> within(window(value), now) ? now : opening(window(value), now);
        };
    }

    /** When a source that finished a run at {@code finished} runs next. */
    public static Instant next(String kind, String value, @Nullable Integer windowInterval, Instant finished) {
        return switch (kind) {
            case "INTERVAL" -> finished.plusSeconds(seconds(value));
            case "CRON" -> cron(value, finished);
            default -> {
                LocalTime[] w = window(value);
                Instant candidate = finished.plusSeconds(windowInterval == null ? 3600 : windowInterval);
                yield within(w, candidate) ? candidate : opening(w, candidate);
            }
        };
    }

    /** The window's opening and closing time, or {@code null} if the text is not {@code HH:mm-HH:mm}. */
    static LocalTime @Nullable [] window(String value) {
        Matcher m = WINDOW.matcher(value);
        if (!m.matches()) {
            return null;
        }
        try {
            LocalTime from = LocalTime.parse(pad(m.group(1)));
            LocalTime to = LocalTime.parse(pad(m.group(2)));
            return from.equals(to) ? null : new LocalTime[] {from, to};
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    static boolean within(LocalTime[] w, Instant at) {
        LocalTime t = at.atZone(CHINA).toLocalTime();
        return w[0].isBefore(w[1]) ? !t.isBefore(w[0]) && t.isBefore(w[1]) : !t.isBefore(w[0]) || t.isBefore(w[1]);
    }

    /** The next time the window opens after {@code at}. */
    static Instant opening(LocalTime[] w, Instant at) {
        ZonedDateTime now = at.atZone(CHINA);
        ZonedDateTime today = LocalDateTime.of(now.toLocalDate(), w[0]).atZone(CHINA);
        return (today.isAfter(now) ? today : today.plusDays(1)).toInstant();
    }

    private static Instant cron(String value, Instant after) {
        ZonedDateTime next = CronExpression.parse(value.strip()).next(after.atZone(CHINA));
        return next == null ? after.plusSeconds(MAX_SECONDS) : next.toInstant();
    }

    private static @Nullable Integer seconds(String v) {
        try {
            return Integer.valueOf(v.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 ? "0" + hhmm : hhmm;
    }
}
