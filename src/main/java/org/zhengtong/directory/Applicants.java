package org.zhengtong.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.internal.ApplicantRules;
import org.zhengtong.directory.internal.ApplicantStore;
import org.zhengtong.directory.internal.DirectoryStore;
import org.zhengtong.directory.security.ApplicantPrincipal;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

/**
 * Applicant accounts (申请人账号): how citizens and enterprises get onto the public side of the platform (外网受理)
 * and how other modules learn who is applying.
 *
 * <p>Anyone may register: there is no one to approve a citizen's account, so the rules are checked strictly
 * instead. The holder id must pass its national standard's check (GB 11643 for ID numbers, GB 32100 for credit
 * codes) and may hold one account only; the login name may be neither another applicant's nor a staff username,
 * because both sign in on the same page; the password follows the staff password policy and is hashed the same way.
 * Registration, password changes, locking and every read of the account list are audited.
 *
 * <p>An applicant is not a person of the directory: they hold only the APPLICANT role's privileges, and staff
 * pages, which need staff privileges, stay closed to them.
 */
@Service
public class Applicants {

    private final ApplicantStore store;
    private final DirectoryStore directory;
    private final ApplicantRules rules;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    Applicants(ApplicantStore store, DirectoryStore directory, ApplicantRules rules, PasswordEncoder encoder, AuditLog audit) {
        this.store = store;
        this.directory = directory;
        this.rules = rules;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** The applicant signed in on the current request, if the party signed in is an applicant. */
    public Optional<Applicant> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof ApplicantPrincipal p)) {
            return Optional.empty();
        }
        return store.find(p.username());
    }

    public Optional<Applicant> find(String loginName) {
        return store.find(loginName);
    }

    /**
     * Opens an applicant account. Every problem of the registration is reported at once, each naming its field
     * ({@code loginName}, {@code kind}, {@code holderId}, {@code name}, {@code contactName}, {@code phone},
     * {@code password}).
     *
     * @throws InvalidInput if any rule is broken; nothing is stored then
     */
    @Transactional
    public Applicant register(NewApplicant a) {
        InvalidInput.throwIfAny(rules.check(a, directory::signInNameTaken, store::holderTaken));
        String loginName = a.loginName().strip();
        String holderId = ApplicantRules.normalizedHolderId(a.kind(), a.holderId());
        String contact = a.kind() == ApplicantKind.ENTERPRISE ? a.contactName().strip() : null;
        try {
            store.insert(loginName, a.kind(), holderId, a.name().strip(), contact, a.phone().strip(), encoder.encode(a.password()));
        } catch (DataIntegrityViolationException e) {
            // Two registrations of the same name or holder at the same moment: the database lets one through.
            String reason = String.valueOf(e.getMostSpecificCause().getMessage());
            throw reason.contains("applicant_holder_id")
                    ? InvalidInput.of("holderId", "applicant.field.holderId.taken")
                    : InvalidInput.of("loginName", "applicant.field.loginName.taken", loginName);
        }
        Applicant created = store.find(loginName).orElseThrow();
        audit.record("directory.applicant.register", "applicant:" + loginName, a.kind().name());
        return created;
    }

    /** The contact person (经办人) of an enterprise's account; empty for a citizen. */
    public Optional<String> contactName(String loginName) {
        return store.contactName(loginName);
    }

    /** The signed-in applicant changes their password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        Applicant me = current().orElseThrow(() -> DirectoryProblem.notAnApplicant());
        var credentials = store.credentials(me.loginName()).orElseThrow();
        if (!encoder.matches(currentPassword, credentials.passwordHash())) {
            audit.recordFailure(org.zhengtong.shared.Actor.current(), "directory.applicant.password", "applicant:" + me.loginName(),
                    AuditLog.Outcome.FAILURE, "wrong current password");
            throw DirectoryProblem.wrongPassword();
        }
        List<FieldProblem> problems = new ArrayList<>(rules.checkPassword("newPassword", me.loginName(), newPassword));
        if (newPassword.equals(currentPassword)) {
            problems.add(new FieldProblem("newPassword", "directory.password.unchanged"));
        }
        InvalidInput.throwIfAny(problems);
        store.setPassword(me.loginName(), encoder.encode(newPassword));
        audit.record("directory.applicant.password", "applicant:" + me.loginName(), "changed own password");
    }

    /**
     * Applicants for the security administrator, found by login name, name, contact or holder id (all of them,
     * newest first, without text). The read is audited because the list holds personal data.
     */
    @Transactional
    public List<Applicant> search(@Nullable String text, int limit) {
        List<Applicant> found = store.search(text, limit);
        audit.record("directory.applicant.read", "applicants", "search '" + (text == null ? "" : text.strip()) + "': " + found.size());
        return found;
    }

    /** The applicant accounts that are locked now, by the security administrator or for wrong passwords. */
    public List<Applicant> lockedAccounts() {
        return store.locked();
    }

    /** Locks an account until the security administrator unlocks it; the applicant can no longer sign in. */
    @Transactional
    public Applicant lock(String loginName) {
        Applicant a = store.find(loginName).orElseThrow(() -> DirectoryProblem.applicantNotFound(loginName));
        store.setLocked(a.loginName(), true);
        audit.record("directory.applicant.lock", "applicant:" + a.loginName(), "");
        return store.find(a.loginName()).orElseThrow();
    }

    /** Unlocks an account, whether the security administrator locked it or wrong passwords did. */
    @Transactional
    public Applicant unlock(String loginName) {
        Applicant a = store.find(loginName).orElseThrow(() -> DirectoryProblem.applicantNotFound(loginName));
        store.setLocked(a.loginName(), false);
        audit.record("directory.applicant.unlock", "applicant:" + a.loginName(), "");
        return store.find(a.loginName()).orElseThrow();
    }
}
