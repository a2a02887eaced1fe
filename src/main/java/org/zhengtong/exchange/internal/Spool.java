package org.zhengtong.exchange.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Signature;
import java.security.SignatureException;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;
import org.zhengtong.exchange.ExchangeProblem;

/**
 * A batch body written to disk as it arrives and forced to the device before the batch counts as received: the
 * hub holds one buffer of it in memory, never the whole body, and a batch that was received survives a crash. Its
 * SM3 digest, and its SM2 signature check when the node signed it, are computed on the way.
 */
public final class Spool {

    private Spool() {
    }

    /** @param verifier fed every byte, when the batch carries a signature */
    public static Received receive(InputStream body, Path file, long limit, @Nullable Signature verifier) throws IOException {
        Files.createDirectories(file.getParent());
        SM3Digest digest = new SM3Digest();
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                total += n;
                if (total > limit) {
                    throw ExchangeProblem.tooLarge(limit);
                }
                digest.update(buffer, 0, n);
                if (verifier != null) {
                    verifier.update(buffer, 0, n);
                }
                ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
            out.force(true);
        } catch (SignatureException e) {
            throw new IllegalStateException(e);
        }
        byte[] sum = new byte[digest.getDigestSize()];
        digest.doFinal(sum, 0);
        return new Received(total, HexFormat.of().formatHex(sum));
    }

    /** Reads the bytes of one record back from a spooled body. */
    static byte[] read(Path file, long offset, int length) throws IOException {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[length];
            in.seek(offset);
            in.readFully(bytes);
            return bytes;
        }
    }

    public record Received(long bytes, String digest) {}
}
