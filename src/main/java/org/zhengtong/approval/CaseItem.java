package org.zhengtong.approval;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.zhengtong.approval.engine.ProcessPlan;

/**
 * What a case keeps of its service item at the moment it is submitted: the item may change or be withdrawn later,
 * but a case is judged by the rules it was applied under.
 *
 * @param stepLimits    each taking-part department's limit for its own step, in working days
 * @param issuesLicence the e-licence type an approval issues, if any
 */
public record CaseItem(
        String code,
        String name,
        int version,
        String department,
        ProcessPlan plan,
        int legalDays,
        int promisedDays,
        Map<String, Integer> stepLimits,
        List<RequiredMaterial> materials,
        List<Field> fields,
        @Nullable String issuesLicence) {

    /** A material the item asks for, and what may stand in for a paper copy. */
    public record RequiredMaterial(String code, String name, boolean required, @Nullable String licenceType, @Nullable String baseField) {}

    /** A field of the application form. */
    public record Field(String name, String label, String type, boolean required, @Nullable String prefill) {}

    public CaseItem {
        stepLimits = Map.copyOf(stepLimits);
        materials = List.copyOf(materials);
        fields = List.copyOf(fields);
    }
}
