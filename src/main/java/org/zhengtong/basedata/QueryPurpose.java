package org.zhengtong.basedata;

import org.jspecify.annotations.Nullable;

/**
 * Why someone queries the base databases (查询用途). Every query states one; {@link #OTHER} needs a few words of
 * explanation. The purpose is kept with the query in the audit log and the person's query history.
 */
public enum QueryPurpose {

    HANDLING("办事", "Handling a matter"),
    ENFORCEMENT("执法", "Law enforcement"),
    STATISTICS("统计", "Statistics"),
    OTHER("其他", "Other");

    private final String label;
    private final String english;

    QueryPurpose(String label, String english) {
        this.label = label;
        this.english = english;
    }

    public String label() {
        return label;
    }

    public String english() {
        return english;
    }

    /** A stated purpose: its kind and, for {@link #OTHER} required, its explanation. */
    public record Stated(QueryPurpose purpose, @Nullable String text) {

        @Override
        public String toString() {
            return text == null ? purpose.name() : purpose.name() + ": " + text;
        }
    }

    /**
     * Reads a purpose as a form or the API states it, by name ({@code HANDLING}) or Chinese label ({@code 办事}).
     *
     * @throws QueryProblem {@code basedata.no-purpose} when none is stated, {@code basedata.unknown-purpose} for another
     *     word, {@code basedata.purpose-text-required} for {@code OTHER} without text
     */
    public static Stated parse(@Nullable String purpose, @Nullable String text) {
        if (purpose == null || purpose.isBlank()) {
            throw QueryProblem.noPurpose();
        }
        String p = purpose.strip();
        QueryPurpose found = null;
        for (QueryPurpose q : values()) {
            if (q.name().equalsIgnoreCase(p) || q.label.equals(p)) {
                found = q;
            }
        }
        if (found == null) {
            throw QueryProblem.unknownPurpose(p);
        }
        String t = text == null || text.isBlank() ? null : text.strip();
        if (found == OTHER && t == null) {
            throw QueryProblem.purposeTextRequired();
        }
        if (t != null && t.length() > 500) {
            t = t.substring(0, 500);
        }
        return new Stated(found, t);
    }
}
