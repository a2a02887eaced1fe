package org.zhengtong.licence.internal;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengtong.shared.Sm2;

/**
 * The issuing departments' seal keys (电子印章密钥): one SM2 key pair per department, made the first time the
 * department seals a licence. The private key is kept in the database for now; a production platform keeps it in a
 * signing device or seal server (签章服务器) and sends it only the digest to sign, which is why signing goes through
 * this one class.
 */
@Component
public class SealKeys {

    private final JdbcClient jdbc;

    SealKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Signs the canonical bytes of a licence with the department's key, making the key first if it has none. */
    public byte[] sign(String department, byte[] canonical) {
        return Sm2.sign(privateKey(department), canonical);
    }

    /** The department's public key, if it has ever sealed anything. */
    public Optional<PublicKey> publicKey(String department) {
        return jdbc.sql("select public_key from licence.seal_key where department = ?").param(department).query(String.class).optional()
                .map(Sm2::publicKeyFromPem);
    }

    /** The department's public key as PEM, for anyone who wants to check seals offline. */
    public Optional<String> publicKeyPem(String department) {
        return jdbc.sql("select public_key from licence.seal_key where department = ?").param(department).query(String.class).optional();
    }

    private PrivateKey privateKey(String department) {
        Optional<String> pem = jdbc.sql("select private_key from licence.seal_key where department = ?").param(department)
                .query(String.class).optional();
        if (pem.isEmpty()) {
            KeyPair pair = Sm2.generateKeyPair();
            // Two first seals at once both make a key; the first one stored is the department's, the other is dropped.
            jdbc.sql("insert into licence.seal_key (department, public_key, private_key) values (?, ?, ?) on conflict do nothing")
                    .params(department, Sm2.toPem(pair.getPublic()), Sm2.toPem(pair.getPrivate())).update();
            pem = jdbc.sql("select private_key from licence.seal_key where department = ?").param(department).query(String.class).optional();
        }
        return Sm2.privateKeyFromPem(pem.orElseThrow());
    }
}
