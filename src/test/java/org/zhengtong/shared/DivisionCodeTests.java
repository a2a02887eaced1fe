package org.zhengtong.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhengtong.shared.DivisionCode.Level;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengtong.shared.IdCardNumberTests.assertKey;

class DivisionCodeTests {

    @ParameterizedTest
    @ValueSource(strings = { "110000", "110100", "110105", "440524", "650000", "820000", "910000" })
    void acceptsWellFormedCodes(String code) {
        assertThat(DivisionCode.isWellFormed(code)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "000000", "100000", "920000", "11010", "1101050", "11010a", "110001", "１１０１０５" })
    void rejectsMalformedCodes(String code) {
        assertThat(DivisionCode.isWellFormed(code)).isFalse();
    }

    @Test
    void rejectsNull() {
        assertThat(DivisionCode.isWellFormed(null)).isFalse();
    }

    @Test
    void tellsTheLevelFromTheTrailingZeros() {
        assertThat(DivisionCode.level("110000")).isEqualTo(Level.PROVINCE);
        assertThat(DivisionCode.level("110100")).isEqualTo(Level.PREFECTURE);
        assertThat(DivisionCode.level("110105")).isEqualTo(Level.COUNTY);
    }

    @Test
    void findsProvinceAndPrefecture() {
        assertThat(DivisionCode.province("440524")).isEqualTo("440000");
        assertThat(DivisionCode.prefecture("440524")).contains("440500");
        assertThat(DivisionCode.prefecture("440500")).contains("440500");
        assertThat(DivisionCode.prefecture("440000")).isEmpty();
    }

    @Test
    void walksUpOneLevelAtATime() {
        assertThat(DivisionCode.parent("110105")).contains("110100");
        assertThat(DivisionCode.parent("110100")).contains("110000");
        assertThat(DivisionCode.parent("110000")).isEmpty();
    }

    @Test
    void parseTrimsAndRejects() {
        assertThat(DivisionCode.parse(" 110105 ")).isEqualTo("110105");
        assertKey(() -> DivisionCode.parse("11010X"), "code.division.format");
        assertKey(() -> DivisionCode.level("000000"), "code.division.format");
        assertKey(() -> DivisionCode.parse(""), "code.division.blank");
    }

}
