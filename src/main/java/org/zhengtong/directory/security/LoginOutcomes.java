package org.zhengtong.directory.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.internal.DirectoryStore;
import org.zhengtong.shared.Actor;

/**
 * What happens after a sign-in attempt. Every attempt is audited. Five wrong passwords in a row lock the
 * account for fifteen minutes (or until the security administrator unlocks it); a success clears the count.
 * A person holding a temporary password is sent to change it before anything else.
 */
@Component
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final int MAX_FAILURES = 5;
    static final int LOCK_MINUTES = 15;

    private final DirectoryStore store;
    private final AuditLog audit;
    private final SavedRequestAwareAuthenticationSuccessHandler afterLogin = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginOutcomes(DirectoryStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        PersonPrincipal person = (PersonPrincipal) authentication.getPrincipal();
        store.recordSuccessfulLogin(person.username());
        audit.recordFailure(Actor.current(), "directory.login", "person:" + person.username(), AuditLog.Outcome.SUCCESS, "");
        if (person.mustChangePassword()) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
        }
        afterLogin.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
            throws IOException {
        String username = String.valueOf(request.getParameter("username")).strip();
        String reason;
        if (exception instanceof LockedException) {
            reason = "locked";
        } else if (exception instanceof DisabledException) {
            reason = "disabled";
        } else {
            int failures = store.recordFailedLogin(username, MAX_FAILURES, LOCK_MINUTES);
            reason = failures >= MAX_FAILURES ? "locked" : "bad";
        }
        audit.recordFailure(Actor.current().withUsername(username), "directory.login", "person:" + username,
                AuditLog.Outcome.FAILURE, reason);
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
