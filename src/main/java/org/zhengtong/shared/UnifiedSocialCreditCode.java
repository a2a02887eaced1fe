package org.zhengtong.shared;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015), the one identifier of every company,
 * public institution and social organisation: registration authority, organisation type, six-digit
 * division code, nine-character {@link OrganizationCode} and a check character, all drawn from
 * {@code 0-9} and the capital letters other than I, O, S, V and Z.
 *
 * <p>The embedded organisation code must pass its own GB 11714 check as well. The division part is not
 * checked against {@link DivisionCode#isWellFormed(String)} because central-level registrations use
 * {@code 100000}.
 */
public record UnifiedSocialCreditCode(String value) {

    private static final String BLANK = "code.credit-code.blank";

    private static final String LENGTH = "code.credit-code.length";

    private static final String CHARACTERS = "code.credit-code.characters";

    private static final String CHECK = "code.credit-code.check";

    private static final String ORGANIZATION_CODE = "code.credit-code.organization-code";

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

    /** Validates and normalises {@code value}; prefer {@link #parse(String)}. */
    public UnifiedSocialCreditCode {
        value = value.strip().toUpperCase(Locale.ROOT);
        if (value.length() != 18) {
            throw InvalidCode.of(LENGTH, value);
        }
        if (!value.chars().allMatch((c) -> ALPHABET.indexOf(c) >= 0)) {
            throw InvalidCode.of(CHARACTERS, value);
        }
        if (checkCharacter(value.substring(0, 17)) != value.charAt(17)) {
            throw InvalidCode.of(CHECK, value);
        }
        String organizationCode = value.substring(8, 17);
        if (!OrganizationCode.isValid(organizationCode)) {
            throw InvalidCode.of(ORGANIZATION_CODE, value, organizationCode);
        }
    }

    /**
     * Reads a code, ignoring surrounding blanks and letter case.
     * @throws InvalidCode naming the first rule the code breaks
     */
    public static UnifiedSocialCreditCode parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidCode.of(BLANK, (text != null) ? text : "");
        }
        return new UnifiedSocialCreditCode(text);
    }

    public static boolean isValid(@Nullable String text) {
        try {
            parse(text);
            return true;
        }
        catch (InvalidCode ex) {
            return false;
        }
    }

    /**
     * The check character for the first 17 characters: with each character worth its position in the
     * alphabet, {@code (31 - weighted sum mod 31) mod 31} is the position of the check character.
     */
    public static char checkCharacter(String first17) {
        if (first17.length() != 17) {
            throw InvalidCode.of(LENGTH, first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int worth = ALPHABET.indexOf(first17.charAt(i));
            if (worth < 0) {
                throw InvalidCode.of(CHARACTERS, first17);
            }
            sum += worth * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** Who registered the organisation (登记管理部门), e.g. {@code 9} for market regulation. */
    public char registrationAuthority() {
        return this.value.charAt(0);
    }

    /** The kind of organisation (机构类别) within that authority, e.g. {@code 1} for a company. */
    public char organizationType() {
        return this.value.charAt(1);
    }

    public String divisionCode() {
        return this.value.substring(2, 8);
    }

    public OrganizationCode organizationCode() {
        return new OrganizationCode(this.value.substring(8, 17));
    }

    @Override
    public String toString() {
        return this.value;
    }

}
