package org.zhengtong.basedata.economy;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why the macro-economy pages refused a request; each has a stable code and a message in both languages. */
final class EconomyProblem extends PlatformException {

    private EconomyProblem(String code, HttpStatus status, Object... args) {
        super("basedata." + code, status, args);
    }

    static EconomyProblem unknownIndicator(String code) {
        return new EconomyProblem("unknown-indicator", HttpStatus.NOT_FOUND, code);
    }

    static EconomyProblem unknownPeriodKind(String kind) {
        return new EconomyProblem("unknown-period-kind", HttpStatus.BAD_REQUEST, kind);
    }
}
