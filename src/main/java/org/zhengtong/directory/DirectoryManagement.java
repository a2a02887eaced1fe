package org.zhengtong.directory;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.internal.DirectoryRules;
import org.zhengtong.directory.internal.DirectoryStore;
import org.zhengtong.directory.internal.Passwords;
import org.zhengtong.directory.security.ApplicantPrincipal;
import org.zhengtong.directory.security.PersonPrincipal;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

/**
 * The directory's facade (统一目录): the one way other modules and the directory's own pages and API read
 * and change org units, people, roles and department systems.
 *
 * <p>Every change is checked against the same rules whatever its source, applied in one transaction and
 * written to the audit log in that same transaction. Reading a person's contact details is audited too,
 * because they are personal data. A department administrator manages only the people of their own
 * department and its divisions; the platform administrator manages everyone. Roles are granted by the
 * security administrator, never by the person receiving them, and never two of the three officers to one
 * person (三员分立).
 */
@Service
public class DirectoryManagement {

    private final DirectoryStore store;
    private final DirectoryRules rules;
    private final Passwords passwords;
    private final PasswordEncoder encoder;
    private final AccessPolicy policy;
    private final AuditLog audit;

    DirectoryManagement(DirectoryStore store, DirectoryRules rules, Passwords passwords, PasswordEncoder encoder,
            AccessPolicy policy, AuditLog audit) {
        this.store = store;
        this.rules = rules;
        this.passwords = passwords;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
    }

    // org units

    public List<OrgUnit> orgUnits() {
        return store.orgUnits();
    }

    public Optional<OrgUnit> findOrgUnit(String code) {
        return store.orgUnit(code);
    }

    public OrgUnit orgUnit(String code) {
        return store.orgUnit(code).orElseThrow(() -> DirectoryProblem.orgUnitNotFound(code));
    }

    @Transactional
    public OrgUnit createOrgUnit(NewOrgUnit unit) {
        List<FieldProblem> problems = new ArrayList<>(rules.checkOrgUnit(unit, true, c -> store.orgUnit(c).isPresent(),
                c -> store.orgUnit(c).isPresent()));
        if (unit.creditCode() != null && store.creditCodeTaken(unit.creditCode(), null)) {
            problems.add(new FieldProblem("creditCode", "directory.field.credit-code.taken", unit.creditCode()));
        }
        InvalidInput.throwIfAny(problems);
        store.insertOrgUnit(unit);
        audit.record("directory.org-unit.create", "org-unit:" + unit.code(), unit.name());
        return orgUnit(unit.code());
    }

    @Transactional
    public OrgUnit updateOrgUnit(String code, NewOrgUnit unit) {
        OrgUnit before = orgUnit(code);
        NewOrgUnit changed = new NewOrgUnit(before.code(), unit.name(), unit.kind(), unit.parentCode(), unit.creditCode(),
                unit.divisionCode(), unit.sortOrder());
        List<FieldProblem> problems = new ArrayList<>(rules.checkOrgUnit(changed, false, c -> false, c -> store.orgUnit(c).isPresent()));
        if (changed.parentCode() != null && store.subtree(code).contains(changed.parentCode())) {
            problems.add(new FieldProblem("parentCode", "directory.field.parent.cycle", changed.parentCode()));
        }
        if (changed.creditCode() != null && store.creditCodeTaken(changed.creditCode(), code)) {
            problems.add(new FieldProblem("creditCode", "directory.field.credit-code.taken", changed.creditCode()));
        }
        InvalidInput.throwIfAny(problems);
        store.updateOrgUnit(code, changed);
        audit.record("directory.org-unit.update", "org-unit:" + code, before + " -> " + changed);
        return orgUnit(code);
    }

    @Transactional
    public void deleteOrgUnit(String code) {
        orgUnit(code);
        if (store.membersOf(code) > 0) {
            throw DirectoryProblem.hasMembers(code);
        }
        store.deleteOrgUnit(code);
        audit.record("directory.org-unit.delete", "org-unit:" + code, "");
    }

    /**
     * The department a person works for: the org unit they belong to, or, for someone in a division, the nearest
     * unit above it that is not a division. Other modules use it to know which department acts.
     */
    public Optional<OrgUnit> departmentOf(String username) {
        return store.person(username).map(Person::orgUnitCode).flatMap(store::orgUnit).map(this::autonomousAncestor);
    }

    private OrgUnit autonomousAncestor(OrgUnit unit) {
        OrgUnit current = unit;
        while (!current.kind().isAutonomous() && current.parentCode() != null) {
            current = orgUnit(current.parentCode());
        }
        return current;
    }

    // people

    /** People of an org unit (and its divisions) or of the whole city, without their contact details. */
    public List<Person> people(@Nullable String orgUnitCode, @Nullable String text, int limit) {
        Set<String> orgs = orgUnitCode == null || orgUnitCode.isBlank() ? null : store.subtree(orgUnitCode);
        return store.people(orgs, text, limit).stream().map(Person::withoutContacts).toList();
    }

    /** A person with contact details; the read is audited because they are personal data. */
    @Transactional
    public Person person(String username) {
        Person p = store.person(username).orElseThrow(() -> DirectoryProblem.personNotFound(username));
        audit.record("directory.person.read", "person:" + p.username(), "contact details");
        return p;
    }

    public Optional<Person> findPerson(String username) {
        return store.person(username).map(Person::withoutContacts);
    }

    @Transactional
    public Person createPerson(NewPerson person) {
        checkScope(person.orgUnitCode());
        InvalidInput.throwIfAny(rules.checkPerson(person, true, store::signInNameTaken, c -> store.orgUnit(c).isPresent()));
        store.insertPerson(person);
        audit.record("directory.person.create", "person:" + person.username(), person.fullName());
        return store.person(person.username()).orElseThrow();
    }

    @Transactional
    public Person updatePerson(String username, NewPerson person) {
        Person before = store.person(username).orElseThrow(() -> DirectoryProblem.personNotFound(username));
        checkScope(before.orgUnitCode());
        checkScope(person.orgUnitCode());
        NewPerson changed = new NewPerson(before.username(), person.fullName(), person.orgUnitCode(), person.title(),
                person.mobile(), person.email());
        InvalidInput.throwIfAny(rules.checkPerson(changed, false, u -> false, c -> store.orgUnit(c).isPresent()));
        store.updatePerson(username, changed);
        audit.record("directory.person.update", "person:" + before.username(), "");
        return store.person(username).orElseThrow();
    }

    @Transactional
    public void setEnabled(String username, boolean enabled) {
        Person p = store.person(username).orElseThrow(() -> DirectoryProblem.personNotFound(username));
        checkScope(p.orgUnitCode());
        store.setEnabled(username, enabled);
        audit.record(enabled ? "directory.person.enable" : "directory.person.disable", "person:" + p.username(), "");
    }

    /** Replaces a person's roles. Only someone else may do it, and never with two of the three officers. */
    @Transactional
    public Person assignRoles(String username, Set<String> roles) {
        Person p = store.person(username).orElseThrow(() -> DirectoryProblem.personNotFound(username));
        if (p.username().equalsIgnoreCase(currentUsername())) {
            throw DirectoryProblem.ownRoles();
        }
        InvalidInput.throwIfAny(rules.checkRoles(roles, policy::isRole));
        List<String> officers = policy.threeOfficerRolesIn(roles);
        if (officers.size() > 1) {
            throw DirectoryProblem.threeOfficers(officers);
        }
        store.setRoles(p.username(), new LinkedHashSet<>(roles));
        audit.record("directory.person.roles", "person:" + p.username(), p.roles() + " -> " + roles);
        return store.person(username).orElseThrow();
    }

    /**
     * Appoints the first security administrator or auditor of a new platform (任命三员). Only while the post is
     * vacant, only to someone else who holds none of the three officer roles; the appointee gets a temporary
     * password, returned to be handed over once. From then on roles are the security administrator's to grant.
     */
    @Transactional
    public String appointOfficer(String username, String role) {
        if (!role.equals("SECURITY_ADMIN") && !role.equals("AUDITOR")) {
            throw InvalidInput.of("role", "directory.field.role.unknown", role);
        }
        if (store.countPeopleWithRole(role) > 0) {
            throw DirectoryProblem.postFilled(role);
        }
        Person p = store.person(username).orElseThrow(() -> DirectoryProblem.personNotFound(username));
        if (p.username().equalsIgnoreCase(currentUsername())) {
            throw DirectoryProblem.ownRoles();
        }
        Set<String> roles = new LinkedHashSet<>(p.roles());
        roles.add(role);
        List<String> officers = policy.threeOfficerRolesIn(roles);
        if (officers.size() > 1) {
            throw DirectoryProblem.threeOfficers(officers);
        }
        store.setRoles(p.username(), roles);
        audit.record("directory.person.appoint", "person:" + p.username(), role);
        return issueTemporaryPassword(p.username());
    }

    /** Whether a three-officer post still has no holder. */
    public boolean isVacant(String role) {
        return store.countPeopleWithRole(role) == 0;
    }

    /** Issues a one-time password the person must change at their next sign-in; returns it to show once. */
    @Transactional
    public String issueTemporaryPassword(String username) {
        Person p = store.person(username).orElseThrow(() -> DirectoryProblem.personNotFound(username));
        String password = passwords.temporary();
        store.setPassword(p.username(), encoder.encode(password), true);
        audit.record("directory.person.temporary-password", "person:" + p.username(), "");
        return password;
    }

    @Transactional
    public void unlock(String username) {
        Person p = store.person(username).orElseThrow(() -> DirectoryProblem.personNotFound(username));
        store.unlock(p.username());
        audit.record("directory.person.unlock", "person:" + p.username(), "");
    }

    /** The signed-in person changes their own password, proving they know the current one. */
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String username = currentUsername();
        var credentials = store.credentials(username).orElseThrow(() -> DirectoryProblem.personNotFound(username));
        if (credentials.passwordHash() == null || !encoder.matches(currentPassword, credentials.passwordHash())) {
            throw DirectoryProblem.wrongPassword();
        }
        List<FieldProblem> problems = new ArrayList<>(passwords.check("newPassword", username, newPassword));
        if (newPassword.equals(currentPassword)) {
            problems.add(new FieldProblem("newPassword", "directory.password.unchanged"));
        }
        InvalidInput.throwIfAny(problems);
        store.setPassword(username, encoder.encode(newPassword), false);
        audit.record("directory.person.password", "person:" + username, "changed own password");
    }

    /** Sets a password without the one-time flag: the first administrator and the demo city use it. */
    @Transactional
    public void setPassword(String username, String password, boolean mustChange) {
        InvalidInput.throwIfAny(passwords.check("password", username, password));
        store.setPassword(username, encoder.encode(password), mustChange);
        audit.record("directory.person.password", "person:" + username, "set by the platform");
    }

    // API clients

    public List<ApiClient> apiClients() {
        return store.apiClients();
    }

    public ApiClient apiClient(String clientId) {
        return store.apiClient(clientId).orElseThrow(() -> DirectoryProblem.clientNotFound(clientId));
    }

    /** Registers a department system and returns its secret, which is shown once and stored only as a hash. */
    @Transactional
    public String createApiClient(String clientId, String name, @Nullable String orgUnitCode, List<String> privileges,
            @Nullable String secret) {
        List<FieldProblem> problems = new ArrayList<>();
        if (clientId == null || !clientId.matches("[a-z][a-z0-9-]{2,63}")) {
            problems.add(new FieldProblem("clientId", "directory.field.client-id.format", String.valueOf(clientId)));
        } else if (store.apiClient(clientId).isPresent()) {
            problems.add(new FieldProblem("clientId", "directory.field.client-id.taken", clientId));
        }
        if (name == null || name.isBlank()) {
            problems.add(new FieldProblem("name", "directory.field.required"));
        }
        if (orgUnitCode != null && store.orgUnit(orgUnitCode).isEmpty()) {
            problems.add(new FieldProblem("orgUnitCode", "directory.field.org-unit.unknown", orgUnitCode));
        }
        privileges.stream().filter(p -> !policy.isPrivilege(p))
                .forEach(p -> problems.add(new FieldProblem("privileges", "directory.field.privilege.unknown", p)));
        InvalidInput.throwIfAny(problems);
        String issued = secret != null ? secret : passwords.temporary() + passwords.temporary();
        store.insertApiClient(clientId, name.strip(), orgUnitCode, privileges, encoder.encode(issued));
        audit.record("directory.client.create", "client:" + clientId, String.join(",", privileges));
        return issued;
    }

    @Transactional
    public ApiClient updateApiClient(String clientId, List<String> privileges, boolean enabled) {
        ApiClient before = apiClient(clientId);
        InvalidInput.throwIfAny(privileges.stream().filter(p -> !policy.isPrivilege(p))
                .map(p -> new FieldProblem("privileges", "directory.field.privilege.unknown", p)).toList());
        store.updateApiClient(clientId, privileges, enabled);
        audit.record("directory.client.update", "client:" + clientId,
                before.privileges() + "/" + before.enabled() + " -> " + privileges + "/" + enabled);
        return apiClient(clientId);
    }

    @Transactional
    public String rotateClientSecret(String clientId) {
        apiClient(clientId);
        String issued = passwords.temporary() + passwords.temporary();
        store.setClientSecret(clientId, encoder.encode(issued));
        audit.record("directory.client.secret", "client:" + clientId, "secret rotated");
        return issued;
    }

    // scope

    /**
     * The org units the current person may manage people in: all (null) for a city-wide role, otherwise their
     * own department (the nearest unit above them that is not a division) and everything below it.
     */
    public @Nullable Set<String> managedOrgUnits() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ApplicantPrincipal) {
            // An applicant manages nobody; their privileges keep them from these pages anyway.
            return Set.of();
        }
        if (auth == null || !(auth.getPrincipal() instanceof PersonPrincipal p)) {
            return null;
        }
        boolean cityWide = p.roles().stream()
                .map(r -> policy.roles().get(r))
                .anyMatch(r -> r != null && r.privileges().contains("PERSON_MANAGE") && !r.departmentScoped());
        if (cityWide) {
            return null;
        }
        String home = p.orgUnitCode();
        if (home == null) {
            return Set.of();
        }
        return store.subtree(autonomousAncestor(orgUnit(home)).code());
    }

    private void checkScope(@Nullable String orgUnitCode) {
        Set<String> managed = managedOrgUnits();
        if (managed != null && (orgUnitCode == null || !managed.contains(orgUnitCode))) {
            throw DirectoryProblem.outOfScope(String.valueOf(orgUnitCode));
        }
    }

    private static String currentUsername() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "" : auth.getName();
    }
}
