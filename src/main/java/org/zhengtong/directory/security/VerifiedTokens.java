package org.zhengtong.directory.security;

import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the access tokens already verified, until they expire. A department system sends the same token with
 * every call for its lifetime, and checking its RSA signature and claims again each time is a good part of a
 * lookup's cost. The same token text has the same signature, so the answer cannot change but by expiry, which is
 * checked on every use. What the token may do is not remembered here: {@link ClientAuthorities} still reads the
 * client's privileges on every call.
 */
final class VerifiedTokens implements JwtDecoder {

    /** More distinct live tokens than this and the memory starts over; a platform has a few per department system. */
    static final int MAX_REMEMBERED = 10_000;

    private final JwtDecoder verifier;
    private final ConcurrentHashMap<String, Jwt> verified = new ConcurrentHashMap<>();

    VerifiedTokens(JwtDecoder verifier) {
        this.verifier = verifier;
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.get(token);
        if (known != null) {
            if (known.getExpiresAt() != null && known.getExpiresAt().isAfter(Instant.now())) {
                return known;
            }
            verified.remove(token);
        }
        Jwt jwt = verifier.decode(token);
        if (jwt.getExpiresAt() != null) {
            if (verified.size() >= MAX_REMEMBERED) {
                verified.clear();
            }
            verified.put(token, jwt);
        }
        return jwt;
    }
}
