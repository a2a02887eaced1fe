package org.zhengtong.directory.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.zhengtong.shared.ActingPrincipal;

/**
 * A signed-in applicant (申请人) as the security layer sees them. Deliberately not a {@link PersonPrincipal}: code that
 * asks "is this a member of staff, and of which department?" must never get yes for a citizen. Its authorities are
 * the privileges of the APPLICANT role in {@code access.yml} and nothing else; it acts for no org unit.
 */
public final class ApplicantPrincipal implements UserDetails, CredentialsContainer, ActingPrincipal, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** The one role every applicant holds, and the only one. */
    public static final String ROLE = "APPLICANT";

    private final long id;
    private final String loginName;
    private final String displayName;
    private @Nullable String passwordHash;
    private final boolean locked;
    private final List<SimpleGrantedAuthority> authorities;

    public ApplicantPrincipal(long id, String loginName, String displayName, @Nullable String passwordHash, boolean locked,
            Collection<String> privileges) {
        this.id = id;
        this.loginName = loginName;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.locked = locked;
        this.authorities = privileges.stream().map(SimpleGrantedAuthority::new).toList();
    }

    public long id() {
        return id;
    }

    @Override
    public String username() {
        return loginName;
    }

    @Override
    public String displayName() {
        return displayName;
    }

    @Override
    public @Nullable String orgUnitCode() {
        return null;
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
        return loginName;
    }

    @Override
    public boolean isAccountNonLocked() {
        return !locked;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApplicantPrincipal p && p.loginName.equals(loginName);
    }

    @Override
    public int hashCode() {
        return loginName.hashCode();
    }

    @Override
    public String toString() {
        return loginName;
    }
}
