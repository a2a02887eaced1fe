package org.zhengtong.directory.security;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.zhengtong.directory.AccessPolicy;
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
    private final AccessPolicy policy;

    ClientAuthorities(DirectoryStore store, AccessPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Set<String> privileges = new TreeSet<>(policy.publicPrivileges());
        store.apiClient(jwt.getSubject()).filter(ApiClient::enabled).ifPresent(c -> privileges.addAll(c.privileges()));
        List<SimpleGrantedAuthority> authorities = privileges.stream().map(SimpleGrantedAuthority::new).toList();
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
