package org.zhengtong.exchange.internal;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.shared.Sm2;

/**
 * The SM2 keys of the exchange: each department node's public key, with which the hub checks the batches the node
 * signs, and the hub's own key pair, with which it signs what it delivers. A node's private key never stays on
 * the hub: when the hub makes a pair for a node, it hands the private key over once.
 */
@Component
public class NodeKeys {

    /** The row holding the hub's own key pair. */
    static final String HUB = "_hub";

    private final JdbcClient jdbc;
    private final AtomicReference<KeyPair> hub = new AtomicReference<>();

    NodeKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<PublicKey> publicKey(String department) {
        return jdbc.sql("select public_key from exchange.node_key where department = ?").param(department).query(String.class).optional()
                .map(Sm2::publicKeyFromPem);
    }

    /** Registers (or replaces) a node's public key. */
    @Transactional
    public void register(String department, PublicKey key, String by) {
        jdbc.sql("""
                insert into exchange.node_key (department, public_key, registered_by) values (?, ?, ?)
                on conflict (department) do update set public_key = excluded.public_key, private_key = null,
                  registered_by = excluded.registered_by, registered_at = now()""")
                .params(department, Sm2.toPem(key), by).update();
    }

    /** Makes a new key pair for a node, keeps its public key and returns the private key in PEM, once. */
    @Transactional
    public String generate(String department, String by) {
        KeyPair pair = Sm2.generateKeyPair();
        register(department, pair.getPublic(), by);
        return Sm2.toPem(pair.getPrivate());
    }

    public PrivateKey hubPrivateKey() {
        return hubPair().getPrivate();
    }

    public PublicKey hubPublicKey() {
        return hubPair().getPublic();
    }

    private KeyPair hubPair() {
        KeyPair pair = hub.get();
        if (pair != null) {
            return pair;
        }
        synchronized (hub) {
            if (hub.get() == null) {
                KeyPair fresh = Sm2.generateKeyPair();
                jdbc.sql("""
                        insert into exchange.node_key (department, public_key, private_key, registered_by) values (?, ?, ?, 'system')
                        on conflict (department) do nothing""")
                        .params(HUB, Sm2.toPem(fresh.getPublic()), Sm2.toPem(fresh.getPrivate())).update();
                hub.set(jdbc.sql("select public_key, private_key from exchange.node_key where department = ?").param(HUB)
                        .query((rs, n) -> new KeyPair(Sm2.publicKeyFromPem(rs.getString(1)), Sm2.privateKeyFromPem(rs.getString(2))))
                        .single());
            }
            return hub.get();
        }
    }
}
