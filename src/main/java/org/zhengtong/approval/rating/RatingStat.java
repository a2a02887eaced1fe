package org.zhengtong.approval.rating;

/**
 * The ratings of one item or one department: how many, their average grade, how many good (4–5) and bad (1–2), and
 * the follow-ups still open.
 */
public record RatingStat(String code, String name, long count, double average, long good, long bad, long openFollowUps) {

    public double goodShare() {
        return count == 0 ? 0 : 100.0 * good / count;
    }

    public double badShare() {
        return count == 0 ? 0 : 100.0 * bad / count;
    }
}
