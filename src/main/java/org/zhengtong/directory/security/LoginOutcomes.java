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
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.zhengtong.directory.internal.ApplicantStore;
import org.zhengtong.directory.internal.DirectoryStore;
import org.zhengtong.shared.Actor;

/**
 * What happens after a sign-in attempt. Every attempt is audited. Five wrong passwords in a row lock the
 * account for fifteen minutes (or until the security administrator unlocks it); a success clears the count.
 * A person holding a temporary password is sent to change it before anything else. Applicants (申请人) are counted,
 * locked and audited the same way, as {@code applicant:<login name>}, and land on their own page.
 */
@Component
class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final int MAX_FAILURES = 5;
    static final int LOCK_MINUTES = 15;

    /** Where an applicant lands after signing in. */
    static final String APPLICANT_HOME = "/services/mine";

    private final DirectoryStore store;
    private final ApplicantStore applicants;
    private final AuditLog audit;
    private final HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
    private final SavedRequestAwareAuthenticationSuccessHandler afterLogin = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginOutcomes(DirectoryStore store, ApplicantStore applicants, AuditLog audit) {
        this.store = store;
        this.applicants = applicants;
        this.audit = audit;
    }

    /**
     * Where a signed-in applicant goes: back to the public page they were on their way to, or to their cases
     * ({@code /services/mine}); never to a staff page they were sent away from, which would only refuse them.
     */
    private String applicantLanding(HttpServletRequest request, HttpServletResponse response) {
        var saved = requestCache.getRequest(request, response);
        requestCache.removeRequest(request, response);
        String services = request.getContextPath() + "/services";
        if (saved != null) {
            String path = java.net.URI.create(saved.getRedirectUrl()).getRawPath();
            if (path != null && (path.equals(services) || path.startsWith(services + "/"))) {
                return saved.getRedirectUrl();
            }
        }
        return request.getContextPath() + APPLICANT_HOME;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (authentication.getPrincipal() instanceof ApplicantPrincipal applicant) {
            applicants.recordSuccessfulLogin(applicant.username());
            audit.recordFailure(Actor.current(), "directory.login", "applicant:" + applicant.username(), AuditLog.Outcome.SUCCESS, "");
            response.sendRedirect(applicantLanding(request, response));
            return;
        }
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
            // The name belongs to a person or to an applicant, never both, so at most one of these counts.
            int failures = Math.max(store.recordFailedLogin(username, MAX_FAILURES, LOCK_MINUTES),
                    applicants.recordFailedLogin(username, MAX_FAILURES, LOCK_MINUTES));
            reason = failures >= MAX_FAILURES ? "locked" : "bad";
        }
        String kind = !store.usernameTaken(username) && applicants.find(username).isPresent() ? "applicant:" : "person:";
        audit.recordFailure(Actor.current().withUsername(username), "directory.login", kind + username,
                AuditLog.Outcome.FAILURE, reason);
        response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
    }
}
