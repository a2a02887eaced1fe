package org.zhengtong.approval.items;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a department writes about one of its items: everything of the guide but the code and the department, which
 * identify the item. A fee is text (收费项目及依据) and an amount in yuan, or nothing when the item is free (不收费).
 * The lead department may be left out, and a SINGLE item's one step too: both are then the item's own department.
 */
public record ItemContent(String name, @Nullable ItemType type, String legalBasis, String conditions, List<Material> materials,
        String procedure, int legalLimitDays, int promisedLimitDays, @Nullable String feeText, @Nullable BigDecimal feeAmount,
        List<Window> windows, @Nullable ProcessTemplate template, @Nullable String leadDepartment, List<Step> steps,
        List<FormField> formFields) {

    public ItemContent {
        materials = List.copyOf(materials);
        windows = List.copyOf(windows);
        steps = List.copyOf(steps);
        formFields = List.copyOf(formFields);
    }

    /** The guide's fee line: 不收费, or the text with its amount. */
    public String fees() {
        if ((feeText == null || feeText.isBlank()) && feeAmount == null) {
            return "不收费";
        }
        String text = feeText == null || feeText.isBlank() ? "收费" : feeText.strip();
        return feeAmount == null ? text : text + "（" + feeAmount.stripTrailingZeros().toPlainString() + " 元）";
    }

    /**
     * The content as stored: text trimmed, material codes given in order where missing ({@code M01} …), the lead
     * department and a SINGLE item's step filled in from the item's department.
     */
    ItemContent normalized(String department) {
        List<Material> ms = new ArrayList<>();
        int n = 0;
        for (Material m : materials) {
            n++;
            String code = blank(m.code()) ? String.format("M%02d", n) : m.code().strip();
            ms.add(new Material(code, strip(m.name()), strip(m.form()), m.copies(), m.required(), nullIfBlank(m.licenceType()),
                    nullIfBlank(m.baseField())));
        }
        String lead = blank(leadDepartment) ? department : leadDepartment.strip();
        List<Step> st = steps.stream().map(s -> new Step(strip(s.department()), s.limitDays())).toList();
        if (template == ProcessTemplate.SINGLE && st.isEmpty()) {
            st = List.of(new Step(department, promisedLimitDays));
        }
        List<FormField> ff = formFields.stream()
                .map(f -> new FormField(strip(f.name()), strip(f.label()), strip(f.type()), f.required(), nullIfBlank(f.prefill()))).toList();
        List<Window> ws = windows.stream().map(w -> new Window(strip(w.address()), strip(w.hours()), strip(w.phone()))).toList();
        return new ItemContent(strip(name), type, strip(legalBasis), strip(conditions), ms, strip(procedure), legalLimitDays,
                promisedLimitDays, nullIfBlank(feeText), feeAmount, ws, template, lead, st, ff);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String strip(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    private static @Nullable String nullIfBlank(@Nullable String s) {
        return blank(s) ? null : s.strip();
    }
}
