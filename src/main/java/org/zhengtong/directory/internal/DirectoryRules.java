package org.zhengtong.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.NewOrgUnit;
import org.zhengtong.directory.NewPerson;
import org.zhengtong.directory.OrgUnitKind;
import org.zhengtong.shared.DivisionCode;
import org.zhengtong.shared.DivisionCodes;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * The rules an org unit or a person must satisfy, checked the same way for a form, an API call and every
 * row of an import. Each broken rule becomes a {@link FieldProblem} naming the field, so the caller can
 * report all of them at once.
 */
@Component
public class DirectoryRules {

    public static final int MAX_NAME = 100;
    public static final int MAX_PERSON_NAME = 50;
    public static final int MAX_TITLE = 50;
    public static final int MAX_EMAIL = 100;

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9]{1,29}");
    private static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");
    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final DivisionCodes divisionCodes;

    DirectoryRules(DivisionCodes divisionCodes) {
        this.divisionCodes = divisionCodes;
    }

    /**
     * Checks an org unit.
     *
     * @param codeTaken whether a short code is already used by another unit
     * @param parentExists whether a parent code names a known unit
     */
    public List<FieldProblem> checkOrgUnit(NewOrgUnit u, boolean isNew, Predicate<String> codeTaken, Predicate<String> parentExists) {
        List<FieldProblem> problems = new ArrayList<>();
        if (isBlank(u.code()) || !CODE.matcher(u.code()).matches()) {
            problems.add(new FieldProblem("code", "directory.field.code.format", String.valueOf(u.code())));
        } else if (isNew && codeTaken.test(u.code())) {
            problems.add(new FieldProblem("code", "directory.field.code.taken", u.code()));
        }
        checkText(problems, "name", u.name(), true, MAX_NAME);
        if (u.parentCode() == null) {
            if (u.kind() != OrgUnitKind.GOVERNMENT) {
                problems.add(new FieldProblem("parentCode", "directory.field.parent.required"));
            }
        } else if (u.parentCode().equals(u.code())) {
            problems.add(new FieldProblem("parentCode", "directory.field.parent.self", u.parentCode()));
        } else if (!parentExists.test(u.parentCode())) {
            problems.add(new FieldProblem("parentCode", "directory.field.parent.unknown", u.parentCode()));
        }
        if (u.creditCode() != null) {
            try {
                UnifiedSocialCreditCode.parse(u.creditCode());
            } catch (InvalidCode e) {
                problems.add(new FieldProblem("creditCode", e.messageKey(), e.args()));
            }
        } else if (u.kind() != OrgUnitKind.DIVISION) {
            problems.add(new FieldProblem("creditCode", "directory.field.credit-code.required"));
        }
        checkDivisionCode(problems, u.divisionCode());
        return problems;
    }

    public void checkDivisionCode(List<FieldProblem> problems, @Nullable String code) {
        if (isBlank(code)) {
            problems.add(new FieldProblem("divisionCode", "directory.field.required"));
        } else if (!DivisionCode.isWellFormed(code)) {
            problems.add(new FieldProblem("divisionCode", "directory.field.division-code.format", code));
        } else if (divisionCodes.find(code).isEmpty()) {
            problems.add(new FieldProblem("divisionCode", "directory.field.division-code.unknown", code));
        } else if (!divisionCodes.isCurrent(code)) {
            problems.add(new FieldProblem("divisionCode", "directory.field.division-code.retired", code));
        }
    }

    /** Checks a person's record; {@code usernameTaken} is consulted only for a new person. */
    public List<FieldProblem> checkPerson(NewPerson p, boolean isNew, Predicate<String> usernameTaken, Predicate<String> orgUnitExists) {
        List<FieldProblem> problems = new ArrayList<>();
        if (isBlank(p.username()) || !USERNAME.matcher(p.username()).matches()) {
            problems.add(new FieldProblem("username", "directory.field.username.format", String.valueOf(p.username())));
        } else if (isNew && usernameTaken.test(p.username())) {
            problems.add(new FieldProblem("username", "directory.field.username.taken", p.username()));
        }
        checkText(problems, "fullName", p.fullName(), true, MAX_PERSON_NAME);
        if (p.orgUnitCode() != null && !orgUnitExists.test(p.orgUnitCode())) {
            problems.add(new FieldProblem("orgUnitCode", "directory.field.org-unit.unknown", p.orgUnitCode()));
        }
        checkText(problems, "title", p.title(), false, MAX_TITLE);
        if (p.mobile() != null && !MOBILE.matcher(p.mobile()).matches()) {
            problems.add(new FieldProblem("mobile", "directory.field.mobile.format", p.mobile()));
        }
        checkText(problems, "email", p.email(), false, MAX_EMAIL);
        if (p.email() != null && p.email().length() <= MAX_EMAIL && !EMAIL.matcher(p.email()).matches()) {
            problems.add(new FieldProblem("email", "directory.field.email.format", p.email()));
        }
        return problems;
    }

    public List<FieldProblem> checkRoles(Set<String> roles, Predicate<String> known) {
        return roles.stream().filter(known.negate())
                .map(r -> new FieldProblem("roles", "directory.field.role.unknown", r))
                .toList();
    }

    private static void checkText(List<FieldProblem> problems, String field, @Nullable String value, boolean required, int max) {
        if (isBlank(value)) {
            if (required) {
                problems.add(new FieldProblem(field, "directory.field.required"));
            }
        } else if (value.codePointCount(0, value.length()) > max) {
            problems.add(new FieldProblem(field, "directory.field.too-long", value.codePointCount(0, value.length()), max));
        }
    }

    static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
