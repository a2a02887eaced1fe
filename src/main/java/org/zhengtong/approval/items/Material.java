package org.zhengtong.approval.items;

import org.jspecify.annotations.Nullable;

/**
 * A material (申请材料) an applicant hands in: its name, form (原件, 复印件 or 电子), how many copies, whether it is
 * required, and what may replace it so that the applicant need not bring it: an electronic licence of a type
 * ({@code licenceType}, e.g. {@code YYZZ} 营业执照) or a field of the base databases ({@code baseField}, e.g.
 * {@code person.household}), which the platform already holds (减材料).
 *
 * @param code short id within the item ({@code M01}), by which cases refer to the material
 */
public record Material(String code, String name, String form, int copies, boolean required, @Nullable String licenceType,
        @Nullable String baseField) {

    /** The forms a material may take. */
    public static final java.util.List<String> FORMS = java.util.List.of("原件", "复印件", "电子");

    /** Whether the platform can supply it instead of the applicant (免提交). */
    public boolean replaceable() {
        return licenceType != null || baseField != null;
    }
}
