package org.zhengtong.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengtong.shared.IdCardNumberTests.assertKey;

class OrganizationCodeTests {

    @Test
    void parsesTheExampleWithAndWithoutHyphen() {
        assertThat(OrganizationCode.parse("D2143569-X").value()).isEqualTo("D2143569X");
        assertThat(OrganizationCode.parse("D2143569X").value()).isEqualTo("D2143569X");
        assertThat(OrganizationCode.parse(" d2143569-x ").value()).isEqualTo("D2143569X");
    }

    @Test
    void printsTheHyphenatedForm() {
        assertThat(OrganizationCode.parse("D2143569X").hyphenated()).isEqualTo("D2143569-X");
    }

    @Test
    void computesCheckCharactersIncludingTheTwoSpecialCases() {
        assertThat(OrganizationCode.checkCharacter("D2143569")).isEqualTo('X');
        assertThat(OrganizationCode.checkCharacter("10000004")).isEqualTo('0');
        assertThat(OrganizationCode.checkCharacter("12345678")).isEqualTo('8');
        assertThat(OrganizationCode.checkCharacter("19220382")).isEqualTo('1');
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertKey(() -> OrganizationCode.parse("D21435691"), "code.organization-code.check");
        assertKey(() -> OrganizationCode.parse("123456780"), "code.organization-code.check");
    }

    @Test
    void rejectsCharactersOutsideTheStandard() {
        assertKey(() -> OrganizationCode.parse("D214356#X"), "code.organization-code.characters");
        assertKey(() -> OrganizationCode.parse("D2143569A"), "code.organization-code.characters");
        assertKey(() -> OrganizationCode.parse("D2143569/X"), "code.organization-code.length");
    }

    @Test
    void rejectsTheWrongLengthAndBlankInput() {
        assertKey(() -> OrganizationCode.parse("D2143569"), "code.organization-code.length");
        assertKey(() -> OrganizationCode.parse(""), "code.organization-code.blank");
        assertKey(() -> OrganizationCode.parse(null), "code.organization-code.blank");
    }

    @Test
    void isValidAnswersWithoutThrowing() {
        assertThat(OrganizationCode.isValid("100000040")).isTrue();
        assertThat(OrganizationCode.isValid("100000041")).isFalse();
    }

}
