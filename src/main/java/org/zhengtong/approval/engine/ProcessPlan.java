package org.zhengtong.approval.engine;

import java.util.List;

/**
 * What a generated approval process looks like: its template, the lead department and the departments' steps.
 * The approval module builds one from a service item; {@link ProcessTemplates} turns it into BPMN 2.0.
 *
 * @param key   the process definition key, one per service item (see {@link ProcessTemplates#keyOf})
 * @param name  the item's name, shown as the process name
 * @param shape SINGLE (one department), PARALLEL (reviewers in parallel, then the lead decides) or SEQUENCE
 * @param lead  the lead department's org unit code (the deciding department of a PARALLEL process)
 * @param steps the departments' steps: the reviewers of a PARALLEL process, the chain of a SEQUENCE, the single
 *              department of a SINGLE one
 */
public record ProcessPlan(String key, String name, Shape shape, Department lead, List<Department> steps) {

    /** A department taking part: its org unit code and name. */
    public record Department(String code, String name) {}

    public enum Shape { SINGLE, PARALLEL, SEQUENCE }

    public ProcessPlan {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a process needs at least one department's step");
        }
    }
}
