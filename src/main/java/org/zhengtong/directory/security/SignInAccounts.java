package org.zhengtong.directory.security;

import java.util.List;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.directory.internal.ApplicantStore;
import org.zhengtong.directory.internal.DirectoryStore;

/**
 * Everyone who signs in on the login page: staff (人员) and applicants (申请人) share one form. A sign-in name is
 * either a person's username or an applicant's login name, never both (the directory refuses a name the other kind
 * already uses, and the database enforces it), so the name alone says which kind of account it is.
 *
 * <p>A staff account becomes a {@link PersonPrincipal} with the privileges of its roles; an applicant account an
 * {@link ApplicantPrincipal} with the privileges of the APPLICANT role only, never a staff privilege.
 */
@Component
class SignInAccounts implements UserDetailsService {

    private final PersonAccounts people;
    private final DirectoryStore directory;
    private final ApplicantStore applicants;
    private final AccessPolicy policy;

    SignInAccounts(PersonAccounts people, DirectoryStore directory, ApplicantStore applicants, AccessPolicy policy) {
        this.people = people;
        this.directory = directory;
        this.applicants = applicants;
        this.policy = policy;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        if (directory.usernameTaken(username)) {
            return people.loadUserByUsername(username);
        }
        return applicants.credentials(username)
                .map(c -> new ApplicantPrincipal(c.id(), c.loginName(), c.name(), c.passwordHash(), c.locked(),
                        policy.privilegesOf(List.of(ApplicantPrincipal.ROLE))))
                .orElseThrow(() -> new UsernameNotFoundException(username));
    }
}
