package org.zhengtong.shared;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;

import org.jspecify.annotations.Nullable;

/**
 * A citizen ID number (公民身份号码, GB 11643-1999): six-digit administrative division code, birth date
 * as {@code YYYYMMDD}, three-digit sequence (odd for men, even for women) and a check character.
 *
 * <p>Only well-formed numbers can be constructed, so holding an {@code IdCardNumber} means the number
 * passed every check the standard defines. {@link #toString()} returns the full number because other
 * code relies on it; use {@link #masked()} wherever the number could be seen by someone other than its
 * holder, such as logs and lists.
 */
public record IdCardNumber(String value) {

    private static final String BLANK = "code.id-number.blank";

    private static final String LENGTH = "code.id-number.length";

    private static final String CHARACTERS = "code.id-number.characters";

    private static final String BIRTH_DATE = "code.id-number.birth-date";

    private static final String CHECK = "code.id-number.check";

    private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };

    private static final String CHECK_CHARACTERS = "10X98765432";

    // Births are registered in Chinese time; a server clock in UTC would reject a baby born after
    // midnight in Beijing for eight hours.
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    // The standard's own example holder was born in 1880; an earlier year is a typo, not a person.
    private static final int EARLIEST_BIRTH_YEAR = 1800;

    /** Validates and normalises {@code value}; prefer {@link #parse(String)}. */
    public IdCardNumber {
        value = normalize(value);
        requireLength(value, 18);
        requireDigits(value, value.substring(0, 17));
        char last = value.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            throw InvalidCode.of(CHARACTERS, value);
        }
        requireBirthDate(value, value.substring(6, 14));
        if (checkCharacter(value.substring(0, 17)) != last) {
            throw InvalidCode.of(CHECK, value);
        }
    }

    /**
     * Reads an 18-character ID number, ignoring surrounding blanks and accepting a lower-case
     * {@code x} as check character.
     * @throws InvalidCode naming the first rule the number breaks
     */
    public static IdCardNumber parse(@Nullable String text) {
        return new IdCardNumber(requireNotBlank(text));
    }

    /**
     * Reads an ID number as people still write it: 18 characters, or a 15-digit number issued before 1999, which is
     * upgraded ({@link #fromLegacy15}).
     * @throws InvalidCode naming the first rule the number breaks
     */
    public static IdCardNumber parseOrUpgrade(@Nullable String text) {
        String trimmed = text == null ? null : text.strip();
        return trimmed != null && trimmed.length() == 15 ? fromLegacy15(trimmed) : parse(trimmed);
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
     * Upgrades a 15-digit number issued before 1999 (旧版十五位身份证号码) the way GB 11643-1999
     * prescribes: the century {@code 19} goes before the two-digit year and a check character is added.
     */
    public static IdCardNumber fromLegacy15(@Nullable String text) {
        String legacy = requireNotBlank(text);
        requireLength(legacy, 15);
        requireDigits(legacy, legacy);
        String first17 = legacy.substring(0, 6) + "19" + legacy.substring(6);
        requireBirthDate(legacy, first17.substring(6, 14));
        return new IdCardNumber(first17 + checkCharacter(first17));
    }

    /**
     * The check character for the first 17 digits: the weighted sum modulo 11 indexes
     * {@code "10X98765432"}.
     */
    public static char checkCharacter(String first17) {
        requireLength(first17, 17);
        requireDigits(first17, first17);
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The division code of the place of first registration, which need not be current. */
    public String divisionCode() {
        return this.value.substring(0, 6);
    }

    public LocalDate birthDate() {
        return LocalDate.of(Integer.parseInt(this.value.substring(6, 10)),
                Integer.parseInt(this.value.substring(10, 12)), Integer.parseInt(this.value.substring(12, 14)));
    }

    public boolean isMale() {
        return (this.value.charAt(16) - '0') % 2 == 1;
    }

    /** The number with birth date and sequence hidden, e.g. {@code 110105********002X}. */
    public String masked() {
        return this.value.substring(0, 6) + "********" + this.value.substring(14);
    }

    @Override
    public String toString() {
        return this.value;
    }

    private static String normalize(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith("x") ? trimmed.substring(0, trimmed.length() - 1) + 'X' : trimmed;
    }

    private static String requireNotBlank(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidCode.of(BLANK, (text != null) ? text : "");
        }
        return normalize(text);
    }

    private static void requireLength(String value, int length) {
        if (value.length() != length) {
            throw InvalidCode.of(LENGTH, value, length);
        }
    }

    private static void requireDigits(String value, String part) {
        if (!part.chars().allMatch(IdCardNumber::isAsciiDigit)) {
            throw InvalidCode.of(CHARACTERS, value);
        }
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static void requireBirthDate(String value, String yyyymmdd) {
        int year = Integer.parseInt(yyyymmdd.substring(0, 4));
        LocalDate birthDate;
        try {
            birthDate = LocalDate.of(year, Integer.parseInt(yyyymmdd.substring(4, 6)),
                    Integer.parseInt(yyyymmdd.substring(6, 8)));
        }
        catch (DateTimeException ex) {
            throw InvalidCode.of(BIRTH_DATE, value);
        }
        if (year < EARLIEST_BIRTH_YEAR || birthDate.isAfter(LocalDate.now(CHINA))) {
            throw InvalidCode.of(BIRTH_DATE, value);
        }
    }

}
