package org.zhengtong.shared;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class IdCardNumberTests {

    @Test
    void parsesTheFemaleExampleOfTheStandard() {
        IdCardNumber number = IdCardNumber.parse("11010519491231002X");

        assertThat(number.value()).isEqualTo("11010519491231002X");
        assertThat(number.divisionCode()).isEqualTo("110105");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1949, 12, 31));
        assertThat(number.isMale()).isFalse();
    }

    @Test
    void parsesTheMaleExampleOfTheStandard() {
        IdCardNumber number = IdCardNumber.parse("440524188001010014");

        assertThat(number.divisionCode()).isEqualTo("440524");
        assertThat(number.birthDate()).isEqualTo(LocalDate.of(1880, 1, 1));
        assertThat(number.isMale()).isTrue();
    }

    @Test
    void computesTheCheckCharactersOfTheStandardExamples() {
        assertThat(IdCardNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(IdCardNumber.checkCharacter("44052418800101001")).isEqualTo('4');
    }

    @Test
    void acceptsSurroundingBlanksAndLowerCaseX() {
        assertThat(IdCardNumber.parse(" 11010519491231002x\t").value()).isEqualTo("11010519491231002X");
        assertThat(IdCardNumber.parse("11010519491231002x")).isEqualTo(IdCardNumber.parse("11010519491231002X"));
    }

    @Test
    void upgradesLegacyFifteenDigitNumbers() {
        assertThat(IdCardNumber.fromLegacy15("110105491231002").value()).isEqualTo("11010519491231002X");
    }

    @Test
    void readsEitherFormUpgradingTheLegacyOne() {
        assertThat(IdCardNumber.parseOrUpgrade(" 110105491231002 ").value()).isEqualTo("11010519491231002X");
        assertThat(IdCardNumber.parseOrUpgrade("11010519491231002x").value()).isEqualTo("11010519491231002X");
        assertKey(() -> IdCardNumber.parseOrUpgrade("110105490230002"), "code.id-number.birth-date");
        assertKey(() -> IdCardNumber.parseOrUpgrade("1101054912310"), "code.id-number.length");
    }

    @Test
    void rejectsLegacyNumbersOfTheWrongShape() {
        assertKey(() -> IdCardNumber.fromLegacy15("11010549123100"), "code.id-number.length");
        assertKey(() -> IdCardNumber.fromLegacy15("11010549123100X"), "code.id-number.characters");
        assertKey(() -> IdCardNumber.fromLegacy15("110105490230002"), "code.id-number.birth-date");
    }

    @Test
    void rejectsAWrongCheckCharacter() {
        assertKey(() -> IdCardNumber.parse("110105194912310021"), "code.id-number.check");
        assertKey(() -> IdCardNumber.parse("440524188001010015"), "code.id-number.check");
    }

    @Test
    void rejectsFebruaryThirtiethEvenWithAMatchingCheckCharacter() {
        assertKey(() -> IdCardNumber.parse("110105194902300020"), "code.id-number.birth-date");
    }

    @Test
    void rejectsBirthDatesInTheFuture() {
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(1);
        String first17 = "110105" + tomorrow.format(DateTimeFormatter.BASIC_ISO_DATE) + "002";
        String number = first17 + IdCardNumber.checkCharacter(first17);

        assertKey(() -> IdCardNumber.parse(number), "code.id-number.birth-date");
    }

    @Test
    void rejectsBirthYearsBeforeEighteenHundred() {
        assertKey(() -> IdCardNumber.parse("110105179912310024"), "code.id-number.birth-date");
    }

    @Test
    void rejectsTheWrongLengthAndNamesTheExpectedOne() {
        assertThatExceptionOfType(InvalidCode.class).isThrownBy(() -> IdCardNumber.parse("11010519491231002"))
            .satisfies((ex) -> {
                assertThat(ex.messageKey()).isEqualTo("code.id-number.length");
                assertThat(ex.args()).containsExactly("11010519491231002", 18);
            });
        assertKey(() -> IdCardNumber.parse("11010519491231002X0"), "code.id-number.length");
    }

    @Test
    void rejectsLetters() {
        assertKey(() -> IdCardNumber.parse("11010519491231002A"), "code.id-number.characters");
        assertKey(() -> IdCardNumber.parse("1101051949123100X2"), "code.id-number.characters");
        assertKey(() -> IdCardNumber.parse("１１０１０５１９４９１２３１００２Ｘ"), "code.id-number.characters");
    }

    @Test
    void rejectsBlankInput() {
        assertKey(() -> IdCardNumber.parse(null), "code.id-number.blank");
        assertKey(() -> IdCardNumber.parse("   "), "code.id-number.blank");
    }

    @Test
    void isValidAnswersWithoutThrowing() {
        assertThat(IdCardNumber.isValid("440524188001010014")).isTrue();
        assertThat(IdCardNumber.isValid("440524188001010015")).isFalse();
        assertThat(IdCardNumber.isValid(null)).isFalse();
    }

    @Test
    void masksBirthDateAndSequenceButPrintsInFullOtherwise() {
        IdCardNumber number = IdCardNumber.parse("11010519491231002X");

        assertThat(number.masked()).isEqualTo("110105********002X");
        assertThat(number).hasToString("11010519491231002X");
    }

    @Test
    void keepsTheNumberOutOfTheExceptionMessage() {
        assertThatExceptionOfType(InvalidCode.class).isThrownBy(() -> IdCardNumber.parse("110105194912310021"))
            .satisfies((ex) -> {
                assertThat(ex.getMessage()).doesNotContain("110105194912310021");
                assertThat(ex.value()).isEqualTo("110105194912310021");
            });
    }

    static void assertKey(Runnable parse, String messageKey) {
        assertThatExceptionOfType(InvalidCode.class).isThrownBy(parse::run)
            .extracting(InvalidCode::messageKey)
            .isEqualTo(messageKey);
    }

}
