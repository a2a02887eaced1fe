package org.zhengtong.approval.clock;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why the statutory clock refused a request; each has a stable code and a message in Chinese and English. */
public final class ClockProblem extends PlatformException {

    private ClockProblem(String code, HttpStatus status, Object... args) {
        super("approval.clock." + code, status, args);
    }

    public static ClockProblem unknownCase(String caseNumber) {
        return new ClockProblem("unknown-case", HttpStatus.NOT_FOUND, caseNumber);
    }

    public static ClockProblem alreadyStarted(String caseNumber) {
        return new ClockProblem("already-started", HttpStatus.CONFLICT, caseNumber);
    }

    public static ClockProblem alreadyPaused(String caseNumber) {
        return new ClockProblem("already-paused", HttpStatus.CONFLICT, caseNumber);
    }

    public static ClockProblem notPaused(String caseNumber) {
        return new ClockProblem("not-paused", HttpStatus.CONFLICT, caseNumber);
    }

    public static ClockProblem finished(String caseNumber) {
        return new ClockProblem("finished", HttpStatus.CONFLICT, caseNumber);
    }

    public static ClockProblem stepOpen(String caseNumber, String stepKey) {
        return new ClockProblem("step-open", HttpStatus.CONFLICT, caseNumber, stepKey);
    }

    public static ClockProblem unknownStep(String caseNumber, String stepKey) {
        return new ClockProblem("unknown-step", HttpStatus.NOT_FOUND, caseNumber, stepKey);
    }

    public static ClockProblem blank(String field) {
        return new ClockProblem("blank", HttpStatus.BAD_REQUEST, field);
    }

    public static ClockProblem tooLong(String field, int max) {
        return new ClockProblem("too-long", HttpStatus.BAD_REQUEST, field, max);
    }

    public static ClockProblem limitOutOfRange(String field, int days, int min) {
        return new ClockProblem("limit-out-of-range", HttpStatus.BAD_REQUEST, field, days, min, CaseClocks.MAX_DAYS);
    }

    public static ClockProblem promisedOverLegal(int promised, int legal) {
        return new ClockProblem("promised-over-legal", HttpStatus.BAD_REQUEST, promised, legal);
    }

    /** A date before the one the clock already stands at (before acceptance, before the last pause ended …). */
    public static ClockProblem dateTooEarly(String field, Object day, Object earliest) {
        return new ClockProblem("date-too-early", HttpStatus.BAD_REQUEST, field, day, earliest);
    }
}
