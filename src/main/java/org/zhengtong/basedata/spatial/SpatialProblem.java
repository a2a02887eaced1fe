package org.zhengtong.basedata.spatial;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why the spatial pages refused a request; each has a stable code and a message in both languages. */
final class SpatialProblem extends PlatformException {

    private SpatialProblem(String code, HttpStatus status, Object... args) {
        super("basedata." + code, status, args);
    }

    static SpatialProblem noBoundary(String code) {
        return new SpatialProblem("no-boundary", HttpStatus.NOT_FOUND, code);
    }

    static SpatialProblem unknownDivision(String code) {
        return new SpatialProblem("unknown-division", HttpStatus.NOT_FOUND, code);
    }
}
