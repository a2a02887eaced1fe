package org.zhengtong.directory.security;

import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.ApiClient;
import org.zhengtong.directory.internal.DirectoryStore;

/**
 * Gives a department system's request the privileges its client holds now, read from the directory on every
 * call rather than from the token, so that revoking a privilege or disabling a client takes effect at once.
 */
@Component
class ClientAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    private final DirectoryStore store;

    ClientAuthorities(DirectoryStore store) {
        this.store = store;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<SimpleGrantedAuthority> authorities = store.apiClient(jwt.getSubject())
                .filter(ApiClient::enabled)
                .map(c -> c.privileges().stream().map(SimpleGrantedAuthority::new).toList())
                .orElse(List.of());
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
