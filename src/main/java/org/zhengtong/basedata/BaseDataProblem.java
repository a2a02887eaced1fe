package org.zhengtong.basedata;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why the base databases refused a request; each has a stable code and a message in both languages. */
public final class BaseDataProblem extends PlatformException {

    private BaseDataProblem(String code, HttpStatus status, Object... args) {
        super("basedata." + code, status, args);
    }

    public static BaseDataProblem unknownBase(String base) {
        return new BaseDataProblem("unknown-base", HttpStatus.BAD_REQUEST, base);
    }

    public static BaseDataProblem unknownDataset(String dataset) {
        return new BaseDataProblem("unknown-dataset", HttpStatus.NOT_FOUND, dataset);
    }

    public static BaseDataProblem unknownItem(String dataset, String item) {
        return new BaseDataProblem("unknown-item", HttpStatus.BAD_REQUEST, dataset, item);
    }

    public static BaseDataProblem unknownField(String base, String field) {
        return new BaseDataProblem("unknown-field", HttpStatus.BAD_REQUEST, base, field);
    }

    public static BaseDataProblem fieldTwice(String field) {
        return new BaseDataProblem("field-twice", HttpStatus.BAD_REQUEST, field);
    }

    public static BaseDataProblem keyNotMapped(String dataset, String field) {
        return new BaseDataProblem("key-not-mapped", HttpStatus.BAD_REQUEST, dataset, field);
    }

    public static BaseDataProblem notGranted(String dataset, String department, String items) {
        return new BaseDataProblem("not-granted", HttpStatus.FORBIDDEN, dataset, department, items);
    }

    public static BaseDataProblem feedExists(String base, String dataset) {
        return new BaseDataProblem("feed-exists", HttpStatus.CONFLICT, base, dataset);
    }

    public static BaseDataProblem noBureau(String department) {
        return new BaseDataProblem("no-bureau", HttpStatus.CONFLICT, department);
    }

    public static BaseDataProblem unknownFeed(long id) {
        return new BaseDataProblem("unknown-feed", HttpStatus.NOT_FOUND, id);
    }

    public static BaseDataProblem unknownDepartment(String department) {
        return new BaseDataProblem("unknown-department", HttpStatus.BAD_REQUEST, department);
    }

    public static BaseDataProblem unknownConflict(long id) {
        return new BaseDataProblem("unknown-conflict", HttpStatus.NOT_FOUND, id);
    }

    public static BaseDataProblem conflictClosed(long id, String status) {
        return new BaseDataProblem("conflict-closed", HttpStatus.CONFLICT, id, status);
    }

    public static BaseDataProblem unknownSubject(String base, String key) {
        return new BaseDataProblem("unknown-subject", HttpStatus.NOT_FOUND, base, key);
    }
}
