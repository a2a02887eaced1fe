package org.zhengtong.directory.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.zhengtong.shared.ActingPrincipal;

/**
 * A signed-in person as the security layer sees them: their roles, and as authorities the privileges those
 * roles grant according to {@code access.yml}. Kept in the session, so it is serialisable and holds no
 * password once sign-in is over.
 */
public final class PersonPrincipal implements UserDetails, CredentialsContainer, ActingPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String username;
    private final String displayName;
    private final @Nullable String orgUnitCode;
    private @Nullable String passwordHash;
    private final boolean enabled;
    private final boolean locked;
    private final boolean mustChangePassword;
    private final Set<String> roles;
    private final List<SimpleGrantedAuthority> authorities;

    public PersonPrincipal(String username, String displayName, @Nullable String orgUnitCode, @Nullable String passwordHash,
            boolean enabled, boolean locked, boolean mustChangePassword, Set<String> roles, Collection<String> privileges) {
        this.username = username;
        this.displayName = displayName;
        this.orgUnitCode = orgUnitCode;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
        this.locked = locked;
        this.mustChangePassword = mustChangePassword;
        this.roles = Set.copyOf(roles);
        this.authorities = privileges.stream().map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public String username() {
        return username;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public @Nullable String orgUnitCode() {
        return orgUnitCode;
    }

    public Set<String> roles() {
        return roles;
    }

    public boolean mustChangePassword() {
        return mustChangePassword;
    }

    public boolean hasPrivilege(String privilege) {
        return authorities.stream().anyMatch(a -> a.getAuthority().equals(privilege));
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return authorities;
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public boolean isEnabled() {
        return enabled && passwordHash != null;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PersonPrincipal p && p.username.equals(username);
    }

    @Override
    public int hashCode() {
        return username.hashCode();
    }

    @Override
    public String toString() {
        return username;
    }
}
