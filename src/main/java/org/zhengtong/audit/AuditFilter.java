package org.zhengtong.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an auditor looks for in the audit log (审计查询条件). Every condition is optional and all given ones
 * must hold: the actor and org unit match exactly, the action by its beginning ({@code directory.person}
 * finds every person action), the target and the detail by any part of them, ignoring case; {@code from}
 * is inclusive and {@code to} exclusive.
 */
public record AuditFilter(
        @Nullable String actor,
        @Nullable String orgUnit,
        @Nullable String action,
        @Nullable String target,
        AuditLog.@Nullable Outcome outcome,
        @Nullable Instant from,
        @Nullable Instant to,
        @Nullable String text) {

    /** No condition: the whole log. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        orgUnit = blankToNull(orgUnit);
        action = blankToNull(action);
        target = blankToNull(target);
        text = blankToNull(text);
    }

    /** The conditions in words, for the audit record of an export of the log. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        add(parts, "actor", actor);
        add(parts, "orgUnit", orgUnit);
        add(parts, "action", action);
        add(parts, "target", target);
        add(parts, "outcome", outcome);
        add(parts, "from", from);
        add(parts, "to", to);
        add(parts, "text", text);
        return parts.isEmpty() ? "all records" : String.join(", ", parts);
    }

    private static void add(List<String> parts, String name, @Nullable Object value) {
        if (value != null) {
            parts.add(name + "=" + value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
