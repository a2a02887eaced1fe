package org.zhengtong.shared;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.jcajce.provider.asymmetric.util.ECUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class Sm2Tests {

    private static final byte[] MESSAGE = "申请编号 2026-000001".getBytes(StandardCharsets.UTF_8);

    private final KeyPair keys = Sm2.generateKeyPair();

    @Test
    void verifiesItsOwnSignature() {
        byte[] signature = Sm2.sign(this.keys.getPrivate(), MESSAGE);

        assertThat(Sm2.verify(this.keys.getPublic(), MESSAGE, signature)).isTrue();
    }

    @Test
    void rejectsAChangedMessage() {
        byte[] signature = Sm2.sign(this.keys.getPrivate(), MESSAGE);
        byte[] changed = MESSAGE.clone();
        changed[changed.length - 1]++;

        assertThat(Sm2.verify(this.keys.getPublic(), changed, signature)).isFalse();
    }

    @Test
    void rejectsASignatureByAnotherKey() {
        byte[] signature = Sm2.sign(Sm2.generateKeyPair().getPrivate(), MESSAGE);

        assertThat(Sm2.verify(this.keys.getPublic(), MESSAGE, signature)).isFalse();
    }

    @Test
    void rejectsGarbageAsSignature() {
        assertThat(Sm2.verify(this.keys.getPublic(), MESSAGE, new byte[] { 1, 2, 3 })).isFalse();
    }

    @Test
    void signsWithTheStandardDefaultSignerId() throws Exception {
        byte[] signature = Sm2.sign(this.keys.getPrivate(), MESSAGE);
        SM2Signer verifier = new SM2Signer();
        verifier.init(false, new ParametersWithID(ECUtil.generatePublicKeyParameter(this.keys.getPublic()),
                "1234567812345678".getBytes(StandardCharsets.US_ASCII)));
        verifier.update(MESSAGE, 0, MESSAGE.length);

        assertThat(verifier.verifySignature(signature)).isTrue();
    }

    @Test
    void keysSurviveAPemRoundTrip() {
        String privatePem = Sm2.toPem(this.keys.getPrivate());
        String publicPem = Sm2.toPem(this.keys.getPublic());

        assertThat(privatePem).startsWith("-----BEGIN PRIVATE KEY-----\n");
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----\n");
        assertThat(Sm2.privateKeyFromPem(privatePem).getEncoded()).isEqualTo(this.keys.getPrivate().getEncoded());
        assertThat(Sm2.publicKeyFromPem(publicPem).getEncoded()).isEqualTo(this.keys.getPublic().getEncoded());
        byte[] signature = Sm2.sign(Sm2.privateKeyFromPem(privatePem), MESSAGE);
        assertThat(Sm2.verify(Sm2.publicKeyFromPem(publicPem), MESSAGE, signature)).isTrue();
    }

    @Test
    void readsBareBase64() {
        String base64 = Base64.getEncoder().encodeToString(this.keys.getPublic().getEncoded());

        assertThat(Sm2.publicKeyFromPem(base64)).isEqualTo(this.keys.getPublic());
    }

    @Test
    void refusesKeysOnOtherCurves() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair p256 = generator.generateKeyPair();
        String pem = "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getEncoder().encodeToString(p256.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";

        assertThatIllegalArgumentException().isThrownBy(() -> Sm2.sign(p256.getPrivate(), MESSAGE));
        assertThatIllegalArgumentException().isThrownBy(() -> Sm2.publicKeyFromPem(pem));
    }

    @Test
    void refusesTextThatIsNoKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> Sm2.publicKeyFromPem("not a key"));
        assertThatIllegalArgumentException()
            .isThrownBy(() -> Sm2.publicKeyFromPem(Sm2.toPem(this.keys.getPrivate())));
    }

}
