package org.zhengtong.shared;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The SM3 hash (SM3 密码杂凑算法, GB/T 32905-2016), which government systems use where others would use
 * SHA-256. Digests are 32 bytes.
 */
public final class Sm3 {

    private Sm3() {
    }

    public static byte[] digest(byte[] data) {
        SM3Digest sm3 = new SM3Digest();
        sm3.update(data, 0, data.length);
        byte[] digest = new byte[sm3.getDigestSize()];
        sm3.doFinal(digest, 0);
        return digest;
    }

    /** The digest as 64 lower-case hex digits. */
    public static String hex(byte[] data) {
        return HexFormat.of().formatHex(digest(data));
    }

    /** The digest of the UTF-8 encoding of {@code text}, as 64 lower-case hex digits. */
    public static String hex(String text) {
        return hex(text.getBytes(StandardCharsets.UTF_8));
    }

}
