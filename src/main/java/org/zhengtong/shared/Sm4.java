package org.zhengtong.shared;

import java.security.SecureRandom;
import java.util.Arrays;

import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * Authenticated encryption with the SM4 block cipher (SM4 分组密码算法, GB/T 32907-2016) in GCM mode.
 * The output is the random 12-byte nonce followed by the ciphertext and its 16-byte tag, the same bytes
 * that {@code SM4/GCM/NoPadding} produces, so the nonce never has to be stored separately and any change
 * to the stored bytes is detected on decryption.
 *
 * <p>BouncyCastle's lightweight API is used instead of a JCA {@code Cipher} so that encryption does not
 * depend on the JVM authenticating BouncyCastle as a signed JCE provider: JDKs that check provider
 * signatures, such as Oracle's, cannot do so when the jar is nested in an executable Spring Boot jar.
 */
public final class Sm4 {

    /** Key length in bytes. */
    public static final int KEY_LENGTH = 16;

    private static final int NONCE_LENGTH = 12;

    private static final int TAG_BITS = 128;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm4() {
    }

    /** A fresh random 16-byte key. */
    public static byte[] generateKey() {
        byte[] key = new byte[KEY_LENGTH];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Encrypts under a new random nonce, so equal plaintexts give different ciphertexts. */
    public static byte[] encrypt(byte[] key, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        GCMModeCipher gcm = cipher(true, key, nonce);
        byte[] out = Arrays.copyOf(nonce, NONCE_LENGTH + gcm.getOutputSize(plaintext.length));
        int written = gcm.processBytes(plaintext, 0, plaintext.length, out, NONCE_LENGTH);
        try {
            gcm.doFinal(out, NONCE_LENGTH + written);
        }
        catch (InvalidCipherTextException ex) {
            throw new IllegalStateException("SM4-GCM encryption failed", ex);
        }
        return out;
    }

    /**
     * Decrypts what {@link #encrypt(byte[], byte[])} produced.
     * @throws IllegalArgumentException if the key is wrong or the bytes were changed or cut short
     */
    public static byte[] decrypt(byte[] key, byte[] nonceAndCiphertext) {
        if (nonceAndCiphertext.length < NONCE_LENGTH + TAG_BITS / 8) {
            throw new IllegalArgumentException("SM4-GCM ciphertext is too short");
        }
        GCMModeCipher gcm = cipher(false, key, Arrays.copyOf(nonceAndCiphertext, NONCE_LENGTH));
        int length = nonceAndCiphertext.length - NONCE_LENGTH;
        byte[] plaintext = new byte[gcm.getOutputSize(length)];
        int written = gcm.processBytes(nonceAndCiphertext, NONCE_LENGTH, length, plaintext, 0);
        try {
            gcm.doFinal(plaintext, written);
        }
        catch (InvalidCipherTextException ex) {
            throw new IllegalArgumentException("SM4-GCM ciphertext failed authentication", ex);
        }
        return plaintext;
    }

    private static GCMModeCipher cipher(boolean forEncryption, byte[] key, byte[] nonce) {
        if (key.length != KEY_LENGTH) {
            throw new IllegalArgumentException("SM4 keys are 16 bytes, not " + key.length);
        }
        GCMModeCipher gcm = GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(forEncryption, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce));
        return gcm;
    }

}
