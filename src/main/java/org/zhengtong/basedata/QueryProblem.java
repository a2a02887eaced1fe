package org.zhengtong.basedata;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why the unified query or verification refused a request; each has a stable code and a message in both languages. */
public final class QueryProblem extends PlatformException {

    private QueryProblem(String code, HttpStatus status, Object... args) {
        super("basedata." + code, status, args);
    }

    public static QueryProblem noPurpose() {
        return new QueryProblem("no-purpose", HttpStatus.BAD_REQUEST);
    }

    public static QueryProblem unknownPurpose(String purpose) {
        return new QueryProblem("unknown-purpose", HttpStatus.BAD_REQUEST, purpose);
    }

    public static QueryProblem purposeTextRequired() {
        return new QueryProblem("purpose-text-required", HttpStatus.BAD_REQUEST);
    }

    public static QueryProblem notFound(String base, String key) {
        return new QueryProblem("not-found", HttpStatus.NOT_FOUND, base, key);
    }

    public static QueryProblem noDepartment() {
        return new QueryProblem("no-department", HttpStatus.FORBIDDEN);
    }

    public static QueryProblem noGrant(String department, String resource) {
        return new QueryProblem("no-grant", HttpStatus.FORBIDDEN, department, resource);
    }

    public static QueryProblem criterionNotGranted(String field) {
        return new QueryProblem("criterion-not-granted", HttpStatus.FORBIDDEN, field);
    }

    public static QueryProblem noCriteria() {
        return new QueryProblem("no-criteria", HttpStatus.BAD_REQUEST);
    }

    public static QueryProblem tooManyClaims(int count, int max) {
        return new QueryProblem("too-many-claims", HttpStatus.PAYLOAD_TOO_LARGE, count, max);
    }

    public static QueryProblem noClaims() {
        return new QueryProblem("no-claims", HttpStatus.BAD_REQUEST);
    }

    public static QueryProblem unknownClaimField(int index, String field) {
        return new QueryProblem("unknown-claim-field", HttpStatus.BAD_REQUEST, index, field);
    }

    public static QueryProblem claimFieldNotGranted(String field) {
        return new QueryProblem("claim-field-not-granted", HttpStatus.FORBIDDEN, field);
    }
}
