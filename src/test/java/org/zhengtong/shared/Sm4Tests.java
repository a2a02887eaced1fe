package org.zhengtong.shared;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Sm4Tests {

    private static final byte[] PLAINTEXT = "身份证号码 11010519491231002X".getBytes(StandardCharsets.UTF_8);

    private final byte[] key = Sm4.generateKey();

    @Test
    void decryptsWhatItEncrypted() {
        byte[] sealed = Sm4.encrypt(this.key, PLAINTEXT);

        assertThat(sealed).hasSize(12 + PLAINTEXT.length + 16);
        assertThat(Sm4.decrypt(this.key, sealed)).isEqualTo(PLAINTEXT);
    }

    @Test
    void usesAFreshNonceEveryTime() {
        assertThat(Sm4.encrypt(this.key, PLAINTEXT)).isNotEqualTo(Sm4.encrypt(this.key, PLAINTEXT));
    }

    @Test
    void detectsATamperedCiphertext() {
        byte[] sealed = Sm4.encrypt(this.key, PLAINTEXT);
        sealed[20] ^= 1;

        assertThatIllegalArgumentException().isThrownBy(() -> Sm4.decrypt(this.key, sealed));
    }

    @Test
    void detectsATamperedNonceAndTruncation() {
        byte[] sealed = Sm4.encrypt(this.key, PLAINTEXT);
        byte[] otherNonce = sealed.clone();
        otherNonce[0] ^= 1;

        assertThatIllegalArgumentException().isThrownBy(() -> Sm4.decrypt(this.key, otherNonce));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Sm4.decrypt(this.key, Arrays.copyOf(sealed, sealed.length - 1)));
        assertThatIllegalArgumentException().isThrownBy(() -> Sm4.decrypt(this.key, new byte[27]));
    }

    @Test
    void refusesTheWrongKey() {
        byte[] sealed = Sm4.encrypt(this.key, PLAINTEXT);

        assertThatIllegalArgumentException().isThrownBy(() -> Sm4.decrypt(Sm4.generateKey(), sealed));
        assertThatIllegalArgumentException().isThrownBy(() -> Sm4.encrypt(new byte[32], PLAINTEXT));
    }

    @Test
    void writesWhatJcaSm4GcmNoPaddingReads() throws Exception {
        byte[] sealed = Sm4.encrypt(this.key, PLAINTEXT);
        Cipher cipher = Cipher.getInstance("SM4/GCM/NoPadding", new BouncyCastleProvider());
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(this.key, "SM4"),
                new GCMParameterSpec(128, sealed, 0, 12));

        assertThat(cipher.doFinal(sealed, 12, sealed.length - 12)).isEqualTo(PLAINTEXT);
    }

    @Test
    void blockCipherMatchesTheStandardExamples() {
        byte[] key = HexFormat.of().parseHex("0123456789abcdeffedcba9876543210");
        SM4Engine engine = new SM4Engine();
        engine.init(true, new KeyParameter(key));
        byte[] block = key.clone();

        engine.processBlock(block, 0, block, 0);
        assertThat(HexFormat.of().formatHex(block)).isEqualTo("681edf34d206965e86b3e94f536e4246");

        for (int i = 1; i < 1_000_000; i++) {
            engine.processBlock(block, 0, block, 0);
        }
        assertThat(HexFormat.of().formatHex(block)).isEqualTo("595298c7c6fd271f0402f804c33d3f66");
    }

}
