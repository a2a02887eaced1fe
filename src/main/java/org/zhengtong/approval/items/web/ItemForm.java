package org.zhengtong.approval.items.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.zhengtong.approval.items.FormField;
import org.zhengtong.approval.items.ItemContent;
import org.zhengtong.approval.items.ItemType;
import org.zhengtong.approval.items.Material;
import org.zhengtong.approval.items.ProcessTemplate;
import org.zhengtong.approval.items.Step;
import org.zhengtong.approval.items.Window;
import org.zhengtong.shared.FieldProblem;

/**
 * The item form as posted. The lists – materials, steps, form fields and windows – are typed one per line with their
 * parts separated by "|", as staff already keep them in documents; a line that cannot be read is a problem of that
 * field naming the line, found before the item's own rules run.
 */
record ItemForm(@Nullable String code, @Nullable String name, @Nullable String type, @Nullable String legalBasis,
        @Nullable String conditions, @Nullable String procedure, @Nullable String legalLimitDays, @Nullable String promisedLimitDays,
        @Nullable String feeText, @Nullable String feeAmount, @Nullable String template, @Nullable String leadDepartment,
        @Nullable String materials, @Nullable String steps, @Nullable String formFields, @Nullable String windows) {

    /** The form showing an item's content. */
    static ItemForm of(@Nullable String code, ItemContent c) {
        return new ItemForm(code, c.name(), c.type() == null ? "" : c.type().name(), c.legalBasis(), c.conditions(), c.procedure(),
                Integer.toString(c.legalLimitDays()), Integer.toString(c.promisedLimitDays()), c.feeText(),
                c.feeAmount() == null ? "" : c.feeAmount().toPlainString(), c.template() == null ? "" : c.template().name(),
                c.leadDepartment(),
                c.materials().stream().map(m -> String.join("|", m.name(), m.form(), Integer.toString(m.copies()), yes(m.required()),
                        orEmpty(m.licenceType()), orEmpty(m.baseField()))).collect(Collectors.joining("\n")),
                c.steps().stream().map(s -> s.department() + "|" + s.limitDays()).collect(Collectors.joining("\n")),
                c.formFields().stream().map(f -> String.join("|", f.name(), f.label(), f.type(), yes(f.required()), orEmpty(f.prefill())))
                        .collect(Collectors.joining("\n")),
                c.windows().stream().map(w -> String.join("|", w.address(), w.hours(), w.phone())).collect(Collectors.joining("\n")));
    }

    /** The long text fields by name, for the form's loops. */
    java.util.Map<String, String> texts() {
        return java.util.Map.of("legalBasis", orEmpty(legalBasis), "conditions", orEmpty(conditions), "procedure", orEmpty(procedure),
                "materials", orEmpty(materials), "steps", orEmpty(steps), "formFields", orEmpty(formFields), "windows", orEmpty(windows));
    }

    static ItemForm empty() {
        return new ItemForm("", "", "", "", "", "", "", "", "", "", "SINGLE", "", "", "", "", "");
    }

    /** The content, or the problems of lines that could not be read. */
    ItemContent toContent(List<FieldProblem> problems) {
        List<Material> ms = new ArrayList<>();
        for (String[] p : lines(problems, "materials", materials, 4, 6)) {
            ms.add(new Material("", p[0], p[1], number(problems, "materials", p[2]), yesNo(problems, "materials", p[3]), part(p, 4),
                    part(p, 5)));
        }
        List<Step> st = new ArrayList<>();
        for (String[] p : lines(problems, "steps", steps, 2, 2)) {
            st.add(new Step(p[0], number(problems, "steps", p[1])));
        }
        List<FormField> ff = new ArrayList<>();
        for (String[] p : lines(problems, "formFields", formFields, 3, 5)) {
            ff.add(new FormField(p[0], p[1], p[2], p.length > 3 && yesNo(problems, "formFields", p[3]), part(p, 4)));
        }
        List<Window> ws = new ArrayList<>();
        for (String[] p : lines(problems, "windows", windows, 3, 3)) {
            ws.add(new Window(p[0], p[1], p[2]));
        }
        ItemType t = type == null || type.isBlank() ? null : ItemType.parse(type).orElse(null);
        ProcessTemplate pt = null;
        if (template != null && !template.isBlank()) {
            try {
                pt = ProcessTemplate.valueOf(template.strip());
            } catch (IllegalArgumentException e) {
                problems.add(new FieldProblem("template", "approval-items.rule.template", template));
            }
        }
        BigDecimal amount = null;
        if (feeAmount != null && !feeAmount.isBlank()) {
            try {
                amount = new BigDecimal(feeAmount.strip());
            } catch (NumberFormatException e) {
                problems.add(new FieldProblem("feeAmount", "approval-items.rule.amount", feeAmount));
            }
        }
        return new ItemContent(orEmpty(name), t, orEmpty(legalBasis), orEmpty(conditions), ms, orEmpty(procedure),
                days(problems, "legalLimitDays", legalLimitDays), days(problems, "promisedLimitDays", promisedLimitDays), feeText, amount, ws, pt,
                leadDepartment, st, ff);
    }

    private static List<String[]> lines(List<FieldProblem> problems, String field, @Nullable String text, int min, int max) {
        List<String[]> result = new ArrayList<>();
        if (text == null) {
            return result;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] parts = lines[i].split("[|｜]", -1);
            for (int j = 0; j < parts.length; j++) {
                parts[j] = parts[j].strip();
            }
            if (parts.length < min || parts.length > max) {
                problems.add(new FieldProblem(field, "approval-items.rule.row-format", i + 1, max));
                continue;
            }
            result.add(parts);
        }
        return result;
    }

    private static int number(List<FieldProblem> problems, String field, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "approval-items.rule.number", text));
            return 0;
        }
    }

    private static int days(List<FieldProblem> problems, String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            problems.add(new FieldProblem(field, "approval-items.rule.number", text));
            return 0;
        }
    }

    static boolean yesNo(List<FieldProblem> problems, String field, String text) {
        String t = text.strip();
        if (t.equals("是") || t.equalsIgnoreCase("yes") || t.equalsIgnoreCase("y") || t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equals("否") || t.equalsIgnoreCase("no") || t.equalsIgnoreCase("n") || t.equalsIgnoreCase("false") || t.isEmpty()) {
            return false;
        }
        problems.add(new FieldProblem(field, "approval-items.rule.yes-no", text));
        return false;
    }

    private static @Nullable String part(String[] p, int i) {
        return p.length > i && !p[i].isBlank() ? p[i] : null;
    }

    private static String yes(boolean b) {
        return b ? "是" : "否";
    }

    private static String orEmpty(@Nullable String s) {
        return s == null ? "" : s;
    }
}
