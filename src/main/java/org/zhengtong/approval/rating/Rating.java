package org.zhengtong.approval.rating;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** An applicant's rating (评价) of a finished case. */
public record Rating(String caseNumber, String itemCode, String itemName, String department, String applicant, Grade grade,
        @Nullable String comment, Instant ratedAt) {}
