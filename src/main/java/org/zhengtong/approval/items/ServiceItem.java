package org.zhengtong.approval.items;

import java.util.List;

/**
 * A service item (政务服务事项) as its public guide (办事指南) shows it and as cases run it: the GB/T 39554 guide
 * fields – code (事项编码), name, type, implementing department (实施主体), legal basis (设定依据), acceptance
 * conditions (受理条件), materials, procedure (办理流程), the legal and promised limits in working days (法定办结时限,
 * 承诺办结时限), fees (收费标准) and windows – with the process its cases follow and the fields of its online form.
 *
 * <p>A case keeps the {@code version} of the item it was applied under, so a later publication never changes the
 * rules of a running case.
 */
public record ServiceItem(String code, String name, ItemType type, String department, String legalBasis, String conditions,
        List<Material> materials, String procedure, int legalLimitDays, int promisedLimitDays, String fees, List<Window> windows,
        ProcessTemplate template, String leadDepartment, List<Step> steps, List<FormField> formFields, ItemStatus status,
        int version) {

    public ServiceItem {
        materials = List.copyOf(materials);
        windows = List.copyOf(windows);
        steps = List.copyOf(steps);
        formFields = List.copyOf(formFields);
    }

    /** Every department that takes part: the lead first, then the steps' departments in order. */
    public List<String> departments() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        all.add(leadDepartment);
        steps.forEach(s -> all.add(s.department()));
        return List.copyOf(all);
    }
}
