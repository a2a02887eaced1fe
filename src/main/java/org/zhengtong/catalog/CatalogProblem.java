package org.zhengtong.catalog;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why the catalog refused a request; each has a stable code and a message in both languages. */
public final class CatalogProblem extends PlatformException {

    private CatalogProblem(String code, HttpStatus status, Object... args) {
        super("catalog." + code, status, args);
    }

    public static CatalogProblem notFound(String code) {
        return new CatalogProblem("not-found", HttpStatus.NOT_FOUND, code);
    }

    public static CatalogProblem wrongState(String code, String state) {
        return new CatalogProblem("wrong-state", HttpStatus.CONFLICT, code, state);
    }

    public static CatalogProblem notYourDepartment(String code) {
        return new CatalogProblem("not-your-department", HttpStatus.FORBIDDEN, code);
    }

    public static CatalogProblem notShareable(String code) {
        return new CatalogProblem("not-shareable", HttpStatus.CONFLICT, code);
    }

    public static CatalogProblem ownResource(String code) {
        return new CatalogProblem("own-resource", HttpStatus.CONFLICT, code);
    }

    public static CatalogProblem alreadyRequested(String code) {
        return new CatalogProblem("already-requested", HttpStatus.CONFLICT, code);
    }

    public static CatalogProblem noDepartment() {
        return new CatalogProblem("no-department", HttpStatus.FORBIDDEN);
    }
}
