package org.zhengtong.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.zhengtong.shared.IdCardNumberTests.assertKey;

class UnifiedSocialCreditCodeTests {

    @ParameterizedTest
    @ValueSource(strings = { "91350100M000100Y43", "914403001922038216", "91440300708461136T", "91330100799655058B" })
    void acceptsPublishedCodes(String code) {
        assertThat(UnifiedSocialCreditCode.parse(code).value()).isEqualTo(code);
        assertThat(UnifiedSocialCreditCode.isValid(code)).isTrue();
    }

    @Test
    void splitsTheCodeIntoItsParts() {
        UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse("91350100M000100Y43");

        assertThat(code.registrationAuthority()).isEqualTo('9');
        assertThat(code.organizationType()).isEqualTo('1');
        assertThat(code.divisionCode()).isEqualTo("350100");
        assertThat(code.organizationCode()).isEqualTo(OrganizationCode.parse("M000100Y-4"));
        assertThat(code).hasToString("91350100M000100Y43");
    }

    @Test
    void acceptsLowerCaseAndBlanks() {
        assertThat(UnifiedSocialCreditCode.parse(" 91350100m000100y43 ").value()).isEqualTo("91350100M000100Y43");
    }

    @Test
    void computesTheCheckCharacter() {
        assertThat(UnifiedSocialCreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
        assertThat(UnifiedSocialCreditCode.checkCharacter("91440300708461136")).isEqualTo('T');
        assertThat(UnifiedSocialCreditCode.checkCharacter("91330100799655058")).isEqualTo('B');
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertKey(() -> UnifiedSocialCreditCode.parse("91350100M000100Y44"), "code.credit-code.check");
        assertKey(() -> UnifiedSocialCreditCode.parse("91440300708461136U"), "code.credit-code.check");
    }

    @ParameterizedTest
    @ValueSource(strings = { "I", "O", "S", "V", "Z" })
    void rejectsTheFiveForbiddenLetters(String letter) {
        String code = "91350100M000100Y43".replace("M", letter);

        assertKey(() -> UnifiedSocialCreditCode.parse(code), "code.credit-code.characters");
    }

    @Test
    void rejectsAnEmbeddedOrganizationCodeWithABadCheckEvenIfTheOuterCheckHolds() {
        String code = "91350100M000100Y0N";
        assertThat(UnifiedSocialCreditCode.checkCharacter(code.substring(0, 17))).isEqualTo('N');

        assertThatExceptionOfType(InvalidCode.class).isThrownBy(() -> UnifiedSocialCreditCode.parse(code))
            .satisfies((ex) -> {
                assertThat(ex.messageKey()).isEqualTo("code.credit-code.organization-code");
                assertThat(ex.args()).containsExactly(code, "M000100Y0");
            });
    }

    @Test
    void rejectsTheWrongLengthAndBlankInput() {
        assertKey(() -> UnifiedSocialCreditCode.parse("91350100M000100Y4"), "code.credit-code.length");
        assertKey(() -> UnifiedSocialCreditCode.parse(" "), "code.credit-code.blank");
        assertKey(() -> UnifiedSocialCreditCode.parse(null), "code.credit-code.blank");
    }

}
