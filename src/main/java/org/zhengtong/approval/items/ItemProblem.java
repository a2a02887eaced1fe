package org.zhengtong.approval.items;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why a service item request was refused; each has a stable code and a message in both languages. */
public final class ItemProblem extends PlatformException {

    private ItemProblem(String code, HttpStatus status, Object... args) {
        super("approval-items." + code, status, args);
    }

    public static ItemProblem notFound(String code) {
        return new ItemProblem("not-found", HttpStatus.NOT_FOUND, code);
    }

    public static ItemProblem formNotFound(String code, long id) {
        return new ItemProblem("form-not-found", HttpStatus.NOT_FOUND, code, Long.toString(id));
    }

    public static ItemProblem exists(String code) {
        return new ItemProblem("exists", HttpStatus.CONFLICT, code);
    }

    public static ItemProblem wrongState(String code, ItemStatus status) {
        return new ItemProblem("wrong-state", HttpStatus.CONFLICT, code, status.name());
    }

    public static ItemProblem unchanged(String code) {
        return new ItemProblem("unchanged", HttpStatus.CONFLICT, code);
    }

    public static ItemProblem notYourDepartment(String code) {
        return new ItemProblem("not-your-department", HttpStatus.FORBIDDEN, code);
    }

    public static ItemProblem noDepartment() {
        return new ItemProblem("no-department", HttpStatus.FORBIDDEN);
    }

    public static ItemProblem formType(String fileName) {
        return new ItemProblem("form-type", HttpStatus.BAD_REQUEST, fileName);
    }

    public static ItemProblem formSize(String fileName, long maxMegabytes) {
        return new ItemProblem("form-size", HttpStatus.BAD_REQUEST, fileName, Long.toString(maxMegabytes));
    }
}
