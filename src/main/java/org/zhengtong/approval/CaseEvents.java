package org.zhengtong.approval;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What happens to a case, published inside the transaction that makes it happen so that the clock, supervision
 * and licences follow the case exactly: if the step rolls back, so does everything that listened.
 */
public final class CaseEvents {

    private CaseEvents() {}

    public record Submitted(String number, CaseItem item, LocalDate on) {}

    public record SupplementRequested(String number, String note, LocalDate on) {}

    public record Supplemented(String number, LocalDate on) {}

    /** A special procedure (专家评审, 听证, 公示 …) began: the clock stops until it ends. */
    public record SpecialProcedureStarted(String number, String kind, String reason, LocalDate on) {}

    public record SpecialProcedureEnded(String number, LocalDate on) {}

    public record Accepted(String number, LocalDate on) {}

    /** A department's task appeared: its own step limit starts. */
    public record StepStarted(String number, String step, String department, int limitDays, LocalDate on) {}

    public record StepEnded(String number, String step, String department, String decision, LocalDate on) {}

    /** The case ended: refused at the window, or approved or rejected after review. */
    public record Finished(String number, CaseStatus status, @Nullable String reason, LocalDate on) {}
}
