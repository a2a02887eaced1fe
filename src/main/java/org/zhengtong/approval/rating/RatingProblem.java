package org.zhengtong.approval.rating;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why a progress query, a rating or a follow-up was refused; each has a stable code and a message in both languages. */
public final class RatingProblem extends PlatformException {

    private RatingProblem(String code, HttpStatus status, Object... args) {
        super("approval.rating." + code, status, args);
    }

    /** The same answer for a wrong number and a wrong code, so that the query tells nobody which one was wrong. */
    public static RatingProblem noSuchCase() {
        return new RatingProblem("no-such-case", HttpStatus.NOT_FOUND);
    }

    public static RatingProblem notYourCase(String number) {
        return new RatingProblem("not-your-case", HttpStatus.FORBIDDEN, number);
    }

    public static RatingProblem notFinished(String number) {
        return new RatingProblem("not-finished", HttpStatus.CONFLICT, number);
    }

    public static RatingProblem alreadyRated(String number) {
        return new RatingProblem("already-rated", HttpStatus.CONFLICT, number);
    }

    public static RatingProblem badGrade(String grade) {
        return new RatingProblem("bad-grade", HttpStatus.BAD_REQUEST, grade);
    }

    public static RatingProblem commentRequired() {
        return new RatingProblem("comment-required", HttpStatus.BAD_REQUEST);
    }

    public static RatingProblem tooLong(String field, int max) {
        return new RatingProblem("too-long", HttpStatus.BAD_REQUEST, field, max);
    }

    public static RatingProblem unknownFollowUp(long id) {
        return new RatingProblem("unknown-follow-up", HttpStatus.NOT_FOUND, id);
    }

    public static RatingProblem followUpClosed(long id) {
        return new RatingProblem("follow-up-closed", HttpStatus.CONFLICT, id);
    }

    public static RatingProblem noteRequired() {
        return new RatingProblem("note-required", HttpStatus.BAD_REQUEST);
    }
}
