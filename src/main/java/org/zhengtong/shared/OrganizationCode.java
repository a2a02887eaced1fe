package org.zhengtong.shared;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An organisation code (组织机构代码, GB 11714-1997): eight digits or capital letters and a check
 * character. It is printed as {@code D2143569-X}; the value kept here has no hyphen. Since 2015 the code
 * lives on inside the {@link UnifiedSocialCreditCode}, but older records and certificates still carry it
 * on its own.
 */
public record OrganizationCode(String value) {

    private static final String BLANK = "code.organization-code.blank";

    private static final String LENGTH = "code.organization-code.length";

    private static final String CHARACTERS = "code.organization-code.characters";

    private static final String CHECK = "code.organization-code.check";

    private static final int[] WEIGHTS = { 3, 7, 9, 10, 5, 8, 4, 2 };

    /** Validates and normalises {@code value}; prefer {@link #parse(String)}. */
    public OrganizationCode {
        value = normalize(value);
        if (value.length() != 9) {
            throw InvalidCode.of(LENGTH, value);
        }
        char last = value.charAt(8);
        if (!isBodyCharacters(value.substring(0, 8)) || !(isAsciiDigit(last) || last == 'X')) {
            throw InvalidCode.of(CHARACTERS, value);
        }
        if (checkCharacter(value.substring(0, 8)) != last) {
            throw InvalidCode.of(CHECK, value);
        }
    }

    /**
     * Reads a code with or without the hyphen before the check character, in either case.
     * @throws InvalidCode naming the first rule the code breaks
     */
    public static OrganizationCode parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidCode.of(BLANK, (text != null) ? text : "");
        }
        return new OrganizationCode(text);
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
     * The check character for the first eight characters, digits counting as themselves and letters
     * {@code A}-{@code Z} as 10-35: {@code 11 - (sum mod 11)}, where 10 is written {@code X} and 11 as
     * {@code 0}.
     */
    public static char checkCharacter(String first8) {
        if (first8.length() != 8) {
            throw InvalidCode.of(LENGTH, first8);
        }
        if (!isBodyCharacters(first8)) {
            throw InvalidCode.of(CHARACTERS, first8);
        }
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(first8.charAt(i), 36) * WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        return switch (check) {
            case 10 -> 'X';
            case 11 -> '0';
            default -> (char) ('0' + check);
        };
    }

    /** The code as printed on certificates, e.g. {@code D2143569-X}. */
    public String hyphenated() {
        return this.value.substring(0, 8) + '-' + this.value.charAt(8);
    }

    @Override
    public String toString() {
        return this.value;
    }

    private static String normalize(String text) {
        String code = text.strip().toUpperCase(Locale.ROOT);
        if (code.length() == 10 && code.charAt(8) == '-') {
            return code.substring(0, 8) + code.charAt(9);
        }
        return code;
    }

    private static boolean isBodyCharacters(String body) {
        return body.chars().allMatch((c) -> isAsciiDigit(c) || (c >= 'A' && c <= 'Z'));
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

}
