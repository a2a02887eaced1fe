package org.zhengtong.shared;

import java.util.List;
import org.springframework.http.HttpStatus;

/** Input refused because of the listed field problems; nothing was changed. */
public final class InvalidInput extends PlatformException {

    private final List<FieldProblem> problems;

    private InvalidInput(List<FieldProblem> problems) {
        super("invalid-input", HttpStatus.BAD_REQUEST, problems.size());
        this.problems = List.copyOf(problems);
    }

    public static InvalidInput of(List<FieldProblem> problems) {
        return new InvalidInput(problems);
    }

    public static InvalidInput of(String field, String messageKey, Object... args) {
        return new InvalidInput(List.of(new FieldProblem(field, messageKey, args)));
    }

    /** Throws when any problem was found, so callers can collect problems first and fail once. */
    public static void throwIfAny(List<FieldProblem> problems) {
        if (!problems.isEmpty()) {
            throw new InvalidInput(problems);
        }
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
