package org.zhengtong.approval.items;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.shared.FieldProblem;

/**
 * What makes an item's content acceptable, checked on every save and again on publication. The promised limit
 * (承诺时限) may not exceed the legal one (法定时限); a parallel item needs its reviewing departments and a sequence
 * its steps, each with a limit the promise can hold; every department named is a real org unit. Problems name the
 * field, and for a row of materials, steps, form fields or windows its position ({@code materials.2.form}, counting
 * from 0), so a form or an import can point at it.
 */
@Component
class ServiceItemRules {

    static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]{2,63}");
    static final Pattern LICENCE_TYPE = Pattern.compile("[A-Z][A-Z0-9]{1,19}");
    static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,39}");
    static final int MAX_DAYS = 3650;
    static final int TEXT = 4000;
    static final int NAME = 200;
    static final BigDecimal MAX_FEE = new BigDecimal("100000000");

    private final DirectoryManagement directory;
    private final org.zhengtong.licence.Licences licences;

    ServiceItemRules(DirectoryManagement directory, org.zhengtong.licence.Licences licences) {
        this.directory = directory;
        this.licences = licences;
    }

    List<FieldProblem> checkCode(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return List.of(new FieldProblem("code", "approval-items.rule.required"));
        }
        if (!CODE.matcher(code).matches()) {
            return List.of(new FieldProblem("code", "approval-items.rule.code", code));
        }
        return List.of();
    }

    /** Problems of normalized content (see {@link ItemContent#normalized}). */
    List<FieldProblem> check(ItemContent c) {
        List<FieldProblem> p = new ArrayList<>();
        text(p, "name", c.name(), NAME);
        if (c.type() == null) {
            p.add(new FieldProblem("type", "approval-items.rule.required"));
        }
        text(p, "legalBasis", c.legalBasis(), TEXT);
        text(p, "conditions", c.conditions(), TEXT);
        text(p, "procedure", c.procedure(), TEXT);
        boolean limitsOk = days(p, "legalLimitDays", c.legalLimitDays()) & days(p, "promisedLimitDays", c.promisedLimitDays());
        if (limitsOk && c.promisedLimitDays() > c.legalLimitDays()) {
            p.add(new FieldProblem("promisedLimitDays", "approval-items.rule.promised-over-legal", c.promisedLimitDays(), c.legalLimitDays()));
        }
        if (c.feeText() != null && c.feeText().length() > TEXT) {
            p.add(new FieldProblem("feeText", "approval-items.rule.too-long", TEXT));
        }
        if (c.feeAmount() != null && (c.feeAmount().signum() < 0 || c.feeAmount().compareTo(MAX_FEE) >= 0 || c.feeAmount().scale() > 2)) {
            p.add(new FieldProblem("feeAmount", "approval-items.rule.fee-amount"));
        }
        materials(p, c.materials());
        process(p, c, limitsOk);
        formFields(p, c.formFields());
        windows(p, c.windows());
        return p;
    }

    /** Publication asks a little more than saving a draft: at least one material, one window, and a form to fill. */
    List<FieldProblem> checkPublishable(ItemContent c) {
        List<FieldProblem> p = new ArrayList<>(check(c));
        if (c.materials().isEmpty()) {
            p.add(new FieldProblem("materials", "approval-items.rule.materials-none"));
        }
        if (c.windows().isEmpty()) {
            p.add(new FieldProblem("windows", "approval-items.rule.windows-none"));
        }
        return p;
    }

    private void materials(List<FieldProblem> p, List<Material> materials) {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < materials.size(); i++) {
            Material m = materials.get(i);
            String at = "materials." + i + ".";
            text(p, at + "name", m.name(), NAME);
            if (!Material.FORMS.contains(m.form())) {
                p.add(new FieldProblem(at + "form", "approval-items.rule.material-form", m.form()));
            }
            if (m.copies() < 0 || m.copies() > 99) {
                p.add(new FieldProblem(at + "copies", "approval-items.rule.copies"));
            }
            if (!codes.add(m.code())) {
                p.add(new FieldProblem(at + "code", "approval-items.rule.duplicate", m.code()));
            }
            if (m.licenceType() != null && (!LICENCE_TYPE.matcher(m.licenceType()).matches() || licences.type(m.licenceType()).isEmpty())) {
                p.add(new FieldProblem(at + "licenceType", "approval-items.rule.licence-type", m.licenceType()));
            }
            if (m.baseField() != null && !DataSources.known(m.baseField())) {
                p.add(new FieldProblem(at + "baseField", "approval-items.rule.source", m.baseField()));
            }
        }
    }

    private void process(List<FieldProblem> p, ItemContent c, boolean limitsOk) {
        if (c.template() == null) {
            p.add(new FieldProblem("template", "approval-items.rule.required"));
            return;
        }
        String lead = c.leadDepartment();
        if (lead == null || lead.isBlank()) {
            p.add(new FieldProblem("leadDepartment", "approval-items.rule.required"));
        } else if (!isDepartment(lead)) {
            p.add(new FieldProblem("leadDepartment", "approval-items.rule.department", lead));
        }
        List<Step> steps = c.steps();
        switch (c.template()) {
            case SINGLE -> {
                if (steps.size() != 1) {
                    p.add(new FieldProblem("steps", "approval-items.rule.single-steps", steps.size()));
                }
            }
            case PARALLEL -> {
                if (steps.isEmpty()) {
                    p.add(new FieldProblem("steps", "approval-items.rule.parallel-steps"));
                }
            }
            case SEQUENCE -> {
                if (steps.size() < 2) {
                    p.add(new FieldProblem("steps", "approval-items.rule.sequence-steps"));
                }
            }
        }
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            String at = "steps." + i + ".";
            if (s.department().isBlank()) {
                p.add(new FieldProblem(at + "department", "approval-items.rule.required"));
            } else if (!isDepartment(s.department())) {
                p.add(new FieldProblem(at + "department", "approval-items.rule.department", s.department()));
            } else if (!seen.add(s.department())) {
                p.add(new FieldProblem(at + "department", "approval-items.rule.duplicate", s.department()));
            } else if (c.template() == ProcessTemplate.PARALLEL && s.department().equals(lead)) {
                p.add(new FieldProblem(at + "department", "approval-items.rule.lead-in-parallel", s.department()));
            }
            if (s.limitDays() < 1 || s.limitDays() > MAX_DAYS) {
                p.add(new FieldProblem(at + "limitDays", "approval-items.rule.days", MAX_DAYS));
            } else if (limitsOk && s.limitDays() > c.promisedLimitDays()) {
                p.add(new FieldProblem(at + "limitDays", "approval-items.rule.step-over-promised", s.limitDays(), c.promisedLimitDays()));
            }
            total += Math.max(0, s.limitDays());
        }
        if (c.template() == ProcessTemplate.SEQUENCE && limitsOk && total > c.promisedLimitDays()) {
            p.add(new FieldProblem("steps", "approval-items.rule.sequence-over-promised", total, c.promisedLimitDays()));
        }
    }

    private void formFields(List<FieldProblem> p, List<FormField> fields) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FormField f = fields.get(i);
            String at = "formFields." + i + ".";
            if (!FIELD_NAME.matcher(f.name()).matches()) {
                p.add(new FieldProblem(at + "name", "approval-items.rule.field-name", f.name()));
            } else if (!names.add(f.name())) {
                p.add(new FieldProblem(at + "name", "approval-items.rule.duplicate", f.name()));
            }
            text(p, at + "label", f.label(), NAME);
            if (!FormField.TYPES.contains(f.type())) {
                p.add(new FieldProblem(at + "type", "approval-items.rule.field-type", f.type()));
            }
            if (f.prefill() != null && !DataSources.known(f.prefill())) {
                p.add(new FieldProblem(at + "prefill", "approval-items.rule.source", f.prefill()));
            }
        }
    }

    private void windows(List<FieldProblem> p, List<Window> windows) {
        for (int i = 0; i < windows.size(); i++) {
            Window w = windows.get(i);
            String at = "windows." + i + ".";
            text(p, at + "address", w.address(), NAME);
            text(p, at + "hours", w.hours(), NAME);
            if (w.phone().isBlank()) {
                p.add(new FieldProblem(at + "phone", "approval-items.rule.required"));
            } else if (!w.phone().matches("[0-9+()\\- ]{5,30}")) {
                p.add(new FieldProblem(at + "phone", "approval-items.rule.phone", w.phone()));
            }
        }
    }

    private boolean isDepartment(String code) {
        return directory.findOrgUnit(code).isPresent();
    }

    private static void text(List<FieldProblem> p, String field, @Nullable String value, int max) {
        if (value == null || value.isBlank()) {
            p.add(new FieldProblem(field, "approval-items.rule.required"));
        } else if (value.length() > max) {
            p.add(new FieldProblem(field, "approval-items.rule.too-long", max));
        }
    }

    private static boolean days(List<FieldProblem> p, String field, int days) {
        if (days < 1 || days > MAX_DAYS) {
            p.add(new FieldProblem(field, "approval-items.rule.days", MAX_DAYS));
            return false;
        }
        return true;
    }
}
