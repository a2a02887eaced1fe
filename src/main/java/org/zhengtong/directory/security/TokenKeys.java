package org.zhengtong.directory.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.zhengtong.directory.internal.DirectoryStore;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Actor;

/**
 * The key that signs access tokens. It is generated on first start and kept in the database, so tokens stay
 * valid across a restart and every instance of the platform signs and checks with the same key. (JOSE has no
 * SM2 algorithm, so access tokens use RS256; documents and the audit chain use the national algorithms.)
 */
@Configuration(proxyBeanMethods = false)
class TokenKeys {

    @Bean
    RSAKey signingKey(JdbcClient jdbc) throws GeneralSecurityException {
        var stored = jdbc.sql("select id, private_key, public_key from directory.signing_key order by created_at desc limit 1")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBytes(2), rs.getBytes(3)})
                .optional();
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        if (stored.isPresent()) {
            Object[] row = stored.get();
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec((byte[]) row[2])))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec((byte[]) row[1])))
                    .keyID((String) row[0])
                    .build();
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        String id = UUID.randomUUID().toString();
        jdbc.sql("insert into directory.signing_key (id, private_key, public_key) values (?, ?, ?) on conflict do nothing")
                .params(id, pair.getPrivate().getEncoded(), pair.getPublic().getEncoded())
                .update();
        return new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey(pair.getPrivate()).keyID(id).build();
    }

    @Bean
    JWKSource<SecurityContext> jwkSource(RSAKey signingKey) {
        return new ImmutableJWKSet<>(new JWKSet(signingKey));
    }

    @Bean
    JwtDecoder jwtDecoder(RSAKey signingKey) throws Exception {
        return new VerifiedTokens(NimbusJwtDecoder.withPublicKey(signingKey.toRSAPublicKey()).build());
    }

    /**
     * Tells the token's holder which org unit it acts for, so audit records can say so, and records the issue
     * of every token.
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> orgUnitClaim(DirectoryStore store, AuditLog audit) {
        return context -> store.apiClient(context.getRegisteredClient().getClientId())
                .ifPresent(c -> {
                    if (c.orgUnitCode() != null) {
                        context.getClaims().claim(Actor.ORG_UNIT_CLAIM, c.orgUnitCode());
                    }
                    context.getClaims().claim("privileges", c.privileges());
                    Actor current = Actor.current();
                    audit.recordFailure(new Actor(c.clientId(), c.orgUnitCode(), current.address()), "directory.client.token",
                            "client:" + c.clientId(), AuditLog.Outcome.SUCCESS, "access token issued");
                });
    }
}
