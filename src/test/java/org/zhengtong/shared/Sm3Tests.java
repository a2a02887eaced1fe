package org.zhengtong.shared;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class Sm3Tests {

    @Test
    void hashesTheFirstExampleOfTheStandard() {
        assertThat(Sm3.hex("abc")).isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
    }

    @Test
    void hashesTheSecondExampleOfTheStandard() {
        assertThat(Sm3.hex("abcd".repeat(16)))
            .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
    }

    @Test
    void hashesTheUtf8EncodingOfText() {
        assertThat(Sm3.hex("政通")).isEqualTo(Sm3.hex("政通".getBytes(StandardCharsets.UTF_8)))
            .isNotEqualTo(Sm3.hex("政通".getBytes(StandardCharsets.UTF_16)));
    }

    @Test
    void digestsAreThirtyTwoBytes() {
        assertThat(Sm3.digest(new byte[0])).hasSize(32);
    }

}
