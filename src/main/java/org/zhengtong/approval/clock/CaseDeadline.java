package org.zhengtong.approval.clock;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A case's statutory clock as of a day (截止期限): its computed legal deadline (法定期限) and promised deadline
 * (承诺期限), the working days used and paused, its colour and status, its pauses and its steps.
 *
 * <p>A deadline is null while an open pause has stopped the clock before reaching it; the colour is then the one
 * the case had when it stopped.
 *
 * @param asOf               the day the elapsed days and colours are counted to (the finish day for a finished case)
 * @param yellowOn           the day the case turns yellow (80 % of the promised limit used)
 * @param elapsedWorkingDays working days used after acceptance, up to {@code asOf}, pauses left out
 * @param pausedWorkingDays  working days stopped by pauses, up to {@code asOf}
 */
public record CaseDeadline(
        String caseNumber,
        String itemCode,
        String itemName,
        String department,
        LocalDate acceptedOn,
        int legalDays,
        int promisedDays,
        @Nullable LocalDate legalDue,
        @Nullable LocalDate promisedDue,
        @Nullable LocalDate yellowOn,
        int elapsedWorkingDays,
        int pausedWorkingDays,
        Colour colour,
        ClockStatus status,
        @Nullable LocalDate finishedOn,
        LocalDate asOf,
        List<PausePeriod> pauses,
        List<StepDeadline> steps) {

    public CaseDeadline {
        pauses = List.copyOf(pauses);
        steps = List.copyOf(steps);
    }

    /** The steps still running, each with its own deadline and colour. */
    public List<StepDeadline> openSteps() {
        return steps.stream().filter(s -> s.endedOn() == null).toList();
    }

    /** Whether the case is past its legal deadline as well (违法超期), not just its promise. */
    public boolean pastLegalDue() {
        return legalDue != null && asOf.isAfter(legalDue);
    }

    /**
     * A pause of the clock.
     *
     * @param workingDays the working days it stopped (up to {@code asOf} while it lasts)
     */
    public record PausePeriod(PauseKind kind, String reason, LocalDate startedOn, @Nullable LocalDate endedOn, int workingDays) {}

    /**
     * A step's clock (环节时限): a department's part of the case, with its own limit; the case's pauses stop it too.
     *
     * @param due                its deadline, null while a pause stops it before it is reached
     * @param elapsedWorkingDays working days used since the step started, up to its end or the case's {@code asOf}
     * @param colour             by the same rule as the case's, against the step's own limit
     */
    public record StepDeadline(
            String stepKey,
            String department,
            int limitDays,
            LocalDate startedOn,
            @Nullable LocalDate endedOn,
            @Nullable LocalDate yellowOn,
            @Nullable LocalDate due,
            int elapsedWorkingDays,
            Colour colour) {}
}
