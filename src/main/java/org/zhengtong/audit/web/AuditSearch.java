package org.zhengtong.audit.web;

import io.swagger.v3.oas.annotations.Parameter;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.zhengtong.audit.AuditFilter;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

/**
 * The search conditions as they arrive from the filter form or the API's query string, still as text, so a
 * mistyped value is reported beside its field instead of failing the whole request.
 *
 * <p>Times may carry an offset ({@code 2026-01-31T01:30:00Z}); without one they are Beijing time
 * (北京时间), which is what the form's date-time fields send.
 */
record AuditSearch(
        @Parameter(description = "Username or client id, exactly · 操作人") @Nullable String actor,
        @Parameter(description = "Org unit code, exactly · 所属单位代码") @Nullable String orgUnit,
        @Parameter(description = "Beginning of the action, e.g. directory.person · 操作（前缀）") @Nullable String action,
        @Parameter(description = "Part of the target · 对象包含") @Nullable String target,
        @Parameter(description = "SUCCESS, FAILURE or DENIED · 结果") @Nullable String outcome,
        @Parameter(description = "From (inclusive), ISO-8601; Beijing time without offset · 起始时间（含）") @Nullable String from,
        @Parameter(description = "Until (exclusive), ISO-8601; Beijing time without offset · 截止时间（不含）") @Nullable String to,
        @Parameter(description = "Part of the detail · 详情包含") @Nullable String text) {

    /** Pages and exports show Beijing time whatever the server's own time zone. */
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    AuditFilter toFilter() {
        List<FieldProblem> problems = new ArrayList<>();
        AuditLog.@Nullable Outcome parsedOutcome = null;
        if (outcome != null && !outcome.isBlank()) {
            try {
                parsedOutcome = AuditLog.Outcome.valueOf(outcome.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("outcome", "audit.invalid.outcome", outcome));
            }
        }
        @Nullable Instant parsedFrom = instant("from", from, problems);
        @Nullable Instant parsedTo = instant("to", to, problems);
        InvalidInput.throwIfAny(problems);
        return new AuditFilter(actor, orgUnit, action, target, parsedOutcome, parsedFrom, parsedTo, text);
    }

    /** The conditions given, by parameter name, for links that keep them (the pager, the export). */
    Map<String, String> parameters() {
        Map<String, String> given = new LinkedHashMap<>();
        put(given, "actor", actor);
        put(given, "orgUnit", orgUnit);
        put(given, "action", action);
        put(given, "target", target);
        put(given, "outcome", outcome);
        put(given, "from", from);
        put(given, "to", to);
        put(given, "text", text);
        return given;
    }

    private static void put(Map<String, String> given, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            given.put(name, value);
        }
    }

    private static @Nullable Instant instant(String field, @Nullable String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(value.strip(), OffsetDateTime::from,
                    LocalDateTime::from);
            return t instanceof OffsetDateTime withOffset
                    ? withOffset.toInstant()
                    : ((LocalDateTime) t).atZone(BEIJING).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem(field, "audit.invalid." + field, value));
            return null;
        }
    }
}
