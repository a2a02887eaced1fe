package org.zhengtong.directory.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.directory.internal.DirectoryStore;

/**
 * Loads a member of staff, with the privileges their roles grant today. Sign-in goes through {@link SignInAccounts},
 * which also knows applicants; this class knows only staff.
 */
@Component
public class PersonAccounts {

    private final DirectoryStore store;
    private final AccessPolicy policy;

    PersonAccounts(DirectoryStore store, AccessPolicy policy) {
        this.store = store;
        this.policy = policy;
    }

    public PersonPrincipal loadUserByUsername(String username) {
        var c = store.credentials(username).orElseThrow(() -> new UsernameNotFoundException(username));
        boolean locked = c.lockedUntil() != null && c.lockedUntil().isAfter(Instant.now());
        return new PersonPrincipal(c.username(), c.fullName(), c.orgUnitCode(), c.passwordHash(), c.enabled(), locked,
                c.mustChangePassword(), c.roles(), policy.privilegesOf(c.roles()));
    }

    /** Reloads the signed-in person into their session, after their password or roles changed. */
    public void refreshSession(HttpServletRequest request, HttpServletResponse response) {
        var current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null) {
            return;
        }
        PersonPrincipal fresh = loadUserByUsername(current.getName());
        fresh.eraseCredentials();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities()));
        SecurityContextHolder.setContext(context);
        new HttpSessionSecurityContextRepository().saveContext(context, request, response);
    }
}
