package org.zhengtong.shared;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Shape rules for administrative division codes (行政区划代码, GB/T 2260): two digits each for province,
 * prefecture and county, with trailing {@code 00} pairs marking a higher level. The standard has no
 * check digit, so whether a code really exists is decided against the code list in the database; these
 * methods only tell a plausible code from a typo and navigate the hierarchy the digits spell out.
 *
 * <p>Parents are derived from the digits alone and may be absent from the code list, for example
 * {@code 429000} above the county-level cities that Hubei administers directly.
 */
public final class DivisionCode {

    private static final String BLANK = "code.division.blank";

    private static final String FORMAT = "code.division.format";

    /** How far down the hierarchy a code points. */
    public enum Level {

        /** 省级: province, autonomous region, municipality or special administrative region. */
        PROVINCE,

        /** 地级: prefecture-level city, autonomous prefecture or league. */
        PREFECTURE,

        /** 县级: county, district or county-level city. */
        COUNTY

    }

    private DivisionCode() {
    }

    /**
     * Whether {@code code} is six digits with a province part from 11 to 91 and no county part under an
     * empty prefecture part, which no level of the hierarchy could mean.
     */
    public static boolean isWellFormed(@Nullable String code) {
        if (code == null || code.length() != 6 || !code.chars().allMatch((c) -> c >= '0' && c <= '9')) {
            return false;
        }
        int province = Integer.parseInt(code.substring(0, 2));
        return province >= 11 && province <= 91 && !(code.startsWith("00", 2) && !code.endsWith("00"));
    }

    /**
     * Returns the code without surrounding blanks.
     * @throws InvalidCode if it is blank or not {@linkplain #isWellFormed(String) well formed}
     */
    public static String parse(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InvalidCode.of(BLANK, (text != null) ? text : "");
        }
        String code = text.strip();
        if (!isWellFormed(code)) {
            throw InvalidCode.of(FORMAT, code);
        }
        return code;
    }

    public static Level level(String code) {
        String wellFormed = parse(code);
        if (!wellFormed.endsWith("00")) {
            return Level.COUNTY;
        }
        return wellFormed.startsWith("00", 2) ? Level.PROVINCE : Level.PREFECTURE;
    }

    /** The province-level code the given code belongs to, e.g. {@code 110000} for {@code 110105}. */
    public static String province(String code) {
        return parse(code).substring(0, 2) + "0000";
    }

    /** The prefecture-level code the given code belongs to, or nothing for a province-level code. */
    public static Optional<String> prefecture(String code) {
        String wellFormed = parse(code);
        return (level(wellFormed) == Level.PROVINCE) ? Optional.empty()
                : Optional.of(wellFormed.substring(0, 4) + "00");
    }

    /** The code one level up, or nothing for a province-level code. */
    public static Optional<String> parent(String code) {
        String wellFormed = parse(code);
        return switch (level(wellFormed)) {
            case PROVINCE -> Optional.empty();
            case PREFECTURE -> Optional.of(province(wellFormed));
            case COUNTY -> prefecture(wellFormed);
        };
    }

}
