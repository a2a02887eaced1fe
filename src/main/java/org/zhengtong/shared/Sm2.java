package org.zhengtong.shared;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

/**
 * Digital signatures with SM2 (SM2 椭圆曲线公钥密码算法, GB/T 32918) over the curve {@code sm2p256v1},
 * hashing with SM3 ({@code SM3withSM2}, default signer ID {@code 1234567812345678} as GB/T 35276
 * prescribes). Signatures are DER-encoded; keys travel as PEM, PKCS#8 for private and X.509
 * SubjectPublicKeyInfo for public keys.
 *
 * <p>The BouncyCastle provider is used directly rather than registered with {@code Security}, so that
 * it does not change which implementation the rest of the JVM gets for standard algorithms.
 */
public final class Sm2 {

    private static final String CURVE = "sm2p256v1";

    private static final String ALGORITHM = "SM3withSM2";

    private static final Provider PROVIDER = new BouncyCastleProvider();

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final ECParameterSpec CURVE_PARAMETERS = curveParameters();

    private static final String PRIVATE_KEY_LABEL = "PRIVATE KEY";

    private static final String PUBLIC_KEY_LABEL = "PUBLIC KEY";

    private Sm2() {
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", PROVIDER);
            generator.initialize(new ECGenParameterSpec(CURVE), RANDOM);
            return generator.generateKeyPair();
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("BouncyCastle cannot generate SM2 keys", ex);
        }
    }

    /** Signs {@code message}; SM2 signatures are randomised, so signing twice gives different bytes. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        requireSm2(key);
        try {
            Signature signer = Signature.getInstance(ALGORITHM, PROVIDER);
            signer.initSign(key, RANDOM);
            signer.update(message);
            return signer.sign();
        }
        catch (InvalidKeyException ex) {
            throw new IllegalArgumentException("Not a usable SM2 private key", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SM2 signing failed", ex);
        }
    }

    /**
     * A verifier for a message too large to hold in memory: feed it the message with {@code update(..)} as it
     * streams past, then ask {@code verify(signature)}.
     */
    public static Signature verifier(PublicKey key) {
        requireSm2(key);
        try {
            Signature verifier = Signature.getInstance(ALGORITHM, PROVIDER);
            verifier.initVerify(key);
            return verifier;
        }
        catch (InvalidKeyException ex) {
            throw new IllegalArgumentException("Not a usable SM2 public key", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SM2 verification failed", ex);
        }
    }

    /** Whether {@code signature} is the holder of {@code key}'s signature on exactly {@code message}. */
    public static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        requireSm2(key);
        try {
            Signature verifier = Signature.getInstance(ALGORITHM, PROVIDER);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        }
        catch (SignatureException ex) {
            return false;
        }
        catch (InvalidKeyException ex) {
            throw new IllegalArgumentException("Not a usable SM2 public key", ex);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("SM2 verification failed", ex);
        }
    }

    public static String toPem(PrivateKey key) {
        requireSm2(key);
        return pem(PRIVATE_KEY_LABEL, key.getEncoded());
    }

    public static String toPem(PublicKey key) {
        requireSm2(key);
        return pem(PUBLIC_KEY_LABEL, key.getEncoded());
    }

    /**
     * Reads a PKCS#8 private key from PEM, or from bare base64.
     * @throws IllegalArgumentException if the text is no SM2 private key
     */
    public static PrivateKey privateKeyFromPem(String pem) {
        try {
            PrivateKey key = keyFactory().generatePrivate(new PKCS8EncodedKeySpec(base64Body(pem)));
            requireSm2(key);
            return key;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Not an SM2 private key", ex);
        }
    }

    /**
     * Reads an X.509 SubjectPublicKeyInfo public key from PEM, or from bare base64.
     * @throws IllegalArgumentException if the text is no SM2 public key
     */
    public static PublicKey publicKeyFromPem(String pem) {
        try {
            PublicKey key = keyFactory().generatePublic(new X509EncodedKeySpec(base64Body(pem)));
            requireSm2(key);
            return key;
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("Not an SM2 public key", ex);
        }
    }

    // An EC key on another curve, say P-256, would be accepted by the SM2 signer and silently produce
    // signatures that no SM2 verifier elsewhere accepts.
    private static void requireSm2(Key key) {
        if (!(key instanceof ECKey ec) || !isSm2Curve(ec.getParams())) {
            throw new IllegalArgumentException("Not a key on the SM2 curve " + CURVE);
        }
    }

    private static boolean isSm2Curve(ECParameterSpec parameters) {
        return parameters.getCurve().equals(CURVE_PARAMETERS.getCurve())
                && parameters.getGenerator().equals(CURVE_PARAMETERS.getGenerator())
                && parameters.getOrder().equals(CURVE_PARAMETERS.getOrder());
    }

    private static ECParameterSpec curveParameters() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC", PROVIDER);
            parameters.init(new ECGenParameterSpec(CURVE));
            return parameters.getParameterSpec(ECParameterSpec.class);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("BouncyCastle does not know the curve " + CURVE, ex);
        }
    }

    private static KeyFactory keyFactory() throws GeneralSecurityException {
        return KeyFactory.getInstance("EC", PROVIDER);
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    private static byte[] base64Body(String pem) {
        String body = pem.replaceAll("-----(BEGIN|END) [A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return Base64.getDecoder().decode(body);
        }
        catch (IllegalArgumentException ex) {
            throw new IllegalArgumentException("Not base64 key material", ex);
        }
    }

}
