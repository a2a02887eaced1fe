package org.zhengtong.licence;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why the licence module refused a request; each has a stable code and a message in both languages. */
public final class LicenceProblem extends PlatformException {

    private LicenceProblem(String code, HttpStatus status, Object... args) {
        super("licence." + code, status, args);
    }

    public static LicenceProblem notFound(String number) {
        return new LicenceProblem("not-found", HttpStatus.NOT_FOUND, number);
    }

    public static LicenceProblem unknownType(String code) {
        return new LicenceProblem("unknown-type", HttpStatus.BAD_REQUEST, code);
    }

    public static LicenceProblem badPersonId(String holderId) {
        return new LicenceProblem("bad-person-id", HttpStatus.BAD_REQUEST, holderId);
    }

    public static LicenceProblem badCreditCode(String holderId) {
        return new LicenceProblem("bad-credit-code", HttpStatus.BAD_REQUEST, holderId);
    }

    public static LicenceProblem holderNameRequired() {
        return new LicenceProblem("holder-name-required", HttpStatus.BAD_REQUEST);
    }

    public static LicenceProblem unknownField(String type, String field) {
        return new LicenceProblem("unknown-field", HttpStatus.BAD_REQUEST, type, field);
    }

    public static LicenceProblem validFromRequired() {
        return new LicenceProblem("valid-from-required", HttpStatus.BAD_REQUEST);
    }

    public static LicenceProblem validity(Object from, Object until) {
        return new LicenceProblem("validity", HttpStatus.BAD_REQUEST, from, until);
    }

    public static LicenceProblem notTheIssuer(String type, String issuer, String department) {
        return new LicenceProblem("not-the-issuer", HttpStatus.FORBIDDEN, type, issuer, department);
    }

    public static LicenceProblem unknownDepartment(String department) {
        return new LicenceProblem("unknown-department", HttpStatus.BAD_REQUEST, department);
    }

    public static LicenceProblem alreadyRevoked(String number) {
        return new LicenceProblem("already-revoked", HttpStatus.CONFLICT, number);
    }

    public static LicenceProblem reasonRequired() {
        return new LicenceProblem("reason-required", HttpStatus.BAD_REQUEST);
    }

    public static LicenceProblem holderRequired() {
        return new LicenceProblem("holder-required", HttpStatus.BAD_REQUEST);
    }

    public static LicenceProblem purposeRequired() {
        return new LicenceProblem("purpose-required", HttpStatus.BAD_REQUEST);
    }

    public static LicenceProblem noDepartment() {
        return new LicenceProblem("no-department", HttpStatus.FORBIDDEN);
    }

    public static LicenceProblem notYourLicence(String number) {
        return new LicenceProblem("not-your-licence", HttpStatus.FORBIDDEN, number);
    }

    public static LicenceProblem noGrant(String department, String resource) {
        return new LicenceProblem("no-grant", HttpStatus.FORBIDDEN, department, resource);
    }

    public static LicenceProblem tooLong(String field, int max) {
        return new LicenceProblem("too-long", HttpStatus.BAD_REQUEST, field, max);
    }
}
