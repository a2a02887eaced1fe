package org.zhengtong.directory.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.BadJwtException;

/** A token is verified once while it lives; an expired one is verified again, and so refused. */
class VerifiedTokensTests {

    final AtomicInteger verifications = new AtomicInteger();

    JwtDecoder verifier(Instant expiresAt) {
        return token -> {
            verifications.incrementAndGet();
            if (expiresAt.isBefore(Instant.now())) {
                throw new BadJwtException("expired");
            }
            return Jwt.withTokenValue(token).header("alg", "RS256").subject("gaj-system").issuedAt(expiresAt.minusSeconds(300))
                    .expiresAt(expiresAt).build();
        };
    }

    @Test
    void theSameLiveTokenIsVerifiedOnce() {
        var tokens = new VerifiedTokens(verifier(Instant.now().plusSeconds(300)));
        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");
        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
        tokens.decode("token-b");
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenRememberedPastItsExpiryIsVerifiedAgain() throws Exception {
        var tokens = new VerifiedTokens(verifier(Instant.now().plusMillis(300)));
        tokens.decode("token-a");
        Thread.sleep(400);
        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }
}
