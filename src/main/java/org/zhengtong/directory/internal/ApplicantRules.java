package org.zhengtong.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.ApplicantKind;
import org.zhengtong.directory.NewApplicant;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.InvalidCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * What a self-registration must satisfy. A citizen proves nothing by typing an ID number, but a number whose check
 * character is wrong is certainly a typo, and catching it here saves a clerk from rejecting the case later. Every
 * broken rule becomes a {@link FieldProblem} naming its form field, so the form can show all of them at once.
 */
@Component
public class ApplicantRules {

    public static final int MAX_PERSON_NAME = 50;
    public static final int MAX_ENTERPRISE_NAME = 100;

    private static final Pattern LOGIN_NAME = Pattern.compile("[a-z][a-z0-9._-]{1,31}");
    private static final Pattern PHONE = Pattern.compile("1[3-9][0-9]{9}");

    private final Passwords passwords;

    ApplicantRules(Passwords passwords) {
        this.passwords = passwords;
    }

    /**
     * The holder id as stored: an ID number or credit code normalised by its parser (blanks dropped, upper case),
     * or the text as typed when it is not valid.
     */
    public static @Nullable String normalizedHolderId(@Nullable ApplicantKind kind, @Nullable String holderId) {
        if (holderId == null || kind == null) {
            return holderId == null ? null : holderId.strip();
        }
        try {
            return kind == ApplicantKind.PERSON ? IdCardNumber.parse(holderId).value() : UnifiedSocialCreditCode.parse(holderId).value();
        } catch (InvalidCode e) {
            return holderId.strip();
        }
    }

    /**
     * Checks a registration.
     *
     * @param nameTaken whether a sign-in name is already used, by a person or another applicant
     * @param holderTaken whether a holder id already has an account
     */
    public List<FieldProblem> check(NewApplicant a, Predicate<String> nameTaken, Predicate<String> holderTaken) {
        List<FieldProblem> problems = new ArrayList<>();
        String loginName = a.loginName() == null ? "" : a.loginName().strip();
        if (loginName.isEmpty()) {
            problems.add(new FieldProblem("loginName", "applicant.field.required"));
        } else if (!LOGIN_NAME.matcher(loginName).matches()) {
            problems.add(new FieldProblem("loginName", "applicant.field.loginName.format", loginName));
        } else if (nameTaken.test(loginName)) {
            problems.add(new FieldProblem("loginName", "applicant.field.loginName.taken", loginName));
        }
        if (a.kind() == null) {
            problems.add(new FieldProblem("kind", "applicant.field.kind.required"));
        } else if (isBlank(a.holderId())) {
            problems.add(new FieldProblem("holderId", a.kind() == ApplicantKind.PERSON
                    ? "applicant.field.holderId.person.required" : "applicant.field.holderId.enterprise.required"));
        } else {
            try {
                String holder = a.kind() == ApplicantKind.PERSON
                        ? IdCardNumber.parse(a.holderId()).value()
                        : UnifiedSocialCreditCode.parse(a.holderId()).value();
                if (holderTaken.test(holder)) {
                    problems.add(new FieldProblem("holderId", "applicant.field.holderId.taken"));
                }
            } catch (InvalidCode e) {
                problems.add(new FieldProblem("holderId", e.messageKey(), e.args()));
            }
        }
        int maxName = a.kind() == ApplicantKind.ENTERPRISE ? MAX_ENTERPRISE_NAME : MAX_PERSON_NAME;
        checkText(problems, "name", a.name(), maxName);
        if (a.kind() == ApplicantKind.ENTERPRISE) {
            checkText(problems, "contactName", a.contactName(), MAX_PERSON_NAME);
        }
        if (isBlank(a.phone())) {
            problems.add(new FieldProblem("phone", "applicant.field.required"));
        } else if (!PHONE.matcher(a.phone().strip()).matches()) {
            problems.add(new FieldProblem("phone", "applicant.field.phone.format", a.phone().strip()));
        }
        if (isBlank(a.password())) {
            problems.add(new FieldProblem("password", "applicant.field.required"));
        } else {
            problems.addAll(passwords.check("password", loginName, a.password()));
        }
        return problems;
    }

    /** Checks a new password of an applicant who is changing their own. */
    public List<FieldProblem> checkPassword(String field, String loginName, String password) {
        return passwords.check(field, loginName, password);
    }

    private static void checkText(List<FieldProblem> problems, String field, @Nullable String value, int max) {
        if (isBlank(value)) {
            problems.add(new FieldProblem(field, "applicant.field.required"));
        } else if (value.strip().codePointCount(0, value.strip().length()) > max) {
            problems.add(new FieldProblem(field, "applicant.field.too-long", max));
        }
    }

    private static boolean isBlank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
