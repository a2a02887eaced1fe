package org.zhengtong.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.zhengtong.shared.DivisionCode;
import org.zhengtong.shared.DivisionCodes;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.InvalidCode;
import org.zhengtong.shared.OrganizationCode;
import org.zhengtong.shared.Problems;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * Checks a code a clerk has in front of them (代码核验): a citizen ID number, a unified social credit code, an
 * organisation code or a division code, and says in plain words what it means or what is wrong with it.
 */
@Component
class CodeCheck {

    /** The kinds of code that can be checked, by their URL names. */
    enum Type {
        ID_NUMBER("id-number"),
        CREDIT_CODE("credit-code"),
        ORGANIZATION_CODE("organization-code"),
        DIVISION_CODE("division-code");

        private final String slug;

        Type(String slug) {
            this.slug = slug;
        }

        String slug() {
            return slug;
        }

        static @Nullable Type of(String slug) {
            for (Type t : values()) {
                if (t.slug().equals(slug)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** The verdict: whether the code is valid, its normal form, what it says, or what is wrong. */
    record Result(String type, String value, boolean valid, @Nullable String normalized, Map<String, String> details,
            @Nullable String problem) {}

    private final DivisionCodes divisionCodes;
    private final Problems problems;

    CodeCheck(DivisionCodes divisionCodes, Problems problems) {
        this.divisionCodes = divisionCodes;
        this.problems = problems;
    }

    Result check(Type type, String value, Locale locale) {
        Map<String, String> details = new LinkedHashMap<>();
        try {
            String normalized = switch (type) {
                case ID_NUMBER -> {
                    IdCardNumber id = value.strip().length() == 15 ? IdCardNumber.fromLegacy15(value) : IdCardNumber.parse(value);
                    details.put("birthDate", id.birthDate().toString());
                    details.put("sex", problems.message(id.isMale() ? "tools.codes.male" : "tools.codes.female", new Object[0], locale));
                    details.put("divisionCode", id.divisionCode());
                    divisionCodes.find(id.divisionCode()).ifPresent(e -> details.put("place", e.name()));
                    yield id.value();
                }
                case CREDIT_CODE -> {
                    UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(value);
                    details.put("registrationAuthority", String.valueOf(code.registrationAuthority()));
                    details.put("organizationType", String.valueOf(code.organizationType()));
                    details.put("divisionCode", code.divisionCode());
                    divisionCodes.find(code.divisionCode()).ifPresent(e -> details.put("place", e.name()));
                    details.put("organizationCode", code.organizationCode().hyphenated());
                    yield code.value();
                }
                case ORGANIZATION_CODE -> OrganizationCode.parse(value).hyphenated();
                case DIVISION_CODE -> {
                    String code = DivisionCode.parse(value);
                    var entry = divisionCodes.find(code);
                    if (entry.isEmpty()) {
                        throw InvalidCode.of("directory.field.division-code.unknown", code);
                    }
                    details.put("place", entry.get().name());
                    details.put("level", entry.get().level());
                    if (entry.get().retired()) {
                        details.put("retired", "true");
                    }
                    yield code;
                }
            };
            return new Result(type.slug(), value, true, normalized, details, null);
        } catch (InvalidCode e) {
            return new Result(type.slug(), value, false, null, details, problems.message(e.messageKey(), e.args(), locale));
        }
    }
}
