package org.zhengtong.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.PlatformTest;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

/**
 * The directory's rules, as its administrators meet them: codes are checked against their standards, 三员分立
 * holds, nobody grants themselves roles, a department administrator stays inside their department, and every
 * change lands in the audit log.
 */
@PlatformTest
class DirectoryManagementTests {

    @Autowired DirectoryManagement directory;
    @Autowired PersonAccounts accounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOrgUnitWithBadCodesIsRefusedNamingEachField() {
        signIn("admin");
        assertThatThrownBy(() -> directory.createOrgUnit(
                new NewOrgUnit("Bad Code", "", OrgUnitKind.DEPARTMENT, "nowhere", "91350100M000100Y44", "990000", 0)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(FieldProblem::field)
                        .contains("code", "name", "parentCode", "creditCode", "divisionCode"));
        assertThat(directory.findOrgUnit("Bad Code")).isEmpty();
    }

    @Test
    void aValidOrgUnitIsCreatedAndAudited() {
        signIn("admin");
        long before = audits("directory.org-unit.create");
        OrgUnit unit = directory.createOrgUnit(new NewOrgUnit("sjj", "海川市审计局", OrgUnitKind.DEPARTMENT, "hcs",
                DirectoryImportTests.credit(777), "379900", 200));
        assertThat(unit.parentCode()).isEqualTo("hcs");
        assertThat(audits("directory.org-unit.create")).isEqualTo(before + 1);
        assertThatThrownBy(() -> directory.updateOrgUnit("hcs", new NewOrgUnit("hcs", "海川市人民政府", OrgUnitKind.GOVERNMENT, "sjj",
                directory.orgUnit("hcs").creditCode(), "379900", 0)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(FieldProblem::messageKey)
                        .contains("directory.field.parent.cycle"));
    }

    @Test
    void noOneHoldsTwoOfTheThreeOfficerRoles() {
        signIn("security");
        assertThatThrownBy(() -> directory.assignRoles("gaj.officer", Set.of("AUDITOR", "PLATFORM_ADMIN")))
                .isInstanceOfSatisfying(DirectoryProblem.class, e -> assertThat(e.code()).isEqualTo("directory.three-officers"));
        assertThat(directory.findPerson("gaj.officer").orElseThrow().roles()).containsExactly("DATA_OFFICER");
    }

    @Test
    void nobodyAssignsRolesToThemselves() {
        signIn("security");
        assertThatThrownBy(() -> directory.assignRoles("security", Set.of("SECURITY_ADMIN", "LEADER")))
                .isInstanceOfSatisfying(DirectoryProblem.class, e -> assertThat(e.code()).isEqualTo("directory.own-roles"));
    }

    @Test
    void aDepartmentAdministratorManagesOnlyTheirOwnDepartment() {
        signIn("gaj.admin");
        assertThat(directory.managedOrgUnits()).contains("gaj", "gajhzc").doesNotContain("scjgj", "hcs");
        Person created = directory.createPerson(new NewPerson("gaj.newcomer", "新同事", "gajhzc", "科员", null, null));
        assertThat(created.orgUnitCode()).isEqualTo("gajhzc");
        assertThatThrownBy(() -> directory.createPerson(new NewPerson("scjgj.newcomer", "越界", "scjgj", null, null, null)))
                .isInstanceOfSatisfying(DirectoryProblem.class, e -> assertThat(e.code()).isEqualTo("directory.out-of-scope"));
        assertThatThrownBy(() -> directory.setEnabled("scjgj.head", false)).isInstanceOf(DirectoryProblem.class);
    }

    @Test
    void readingContactDetailsIsAudited() {
        signIn("gaj.head");
        long before = audits("directory.person.read");
        Person p = directory.person("tjj.officer");
        assertThat(p.mobile()).startsWith("139");
        assertThat(audits("directory.person.read")).isEqualTo(before + 1);
        assertThat(directory.people("tjj", null, 100)).allSatisfy(listed -> assertThat(listed.mobile()).isNull());
    }

    @Test
    void passwordsFollowThePolicy() {
        signIn("admin");
        directory.createPerson(new NewPerson("policy.check", "口令测试", "zwfwj", null, null, null));
        for (String weak : List.of("short1A!", "alllowercaseletters", "policy.check-Aa1!")) {
            assertThatThrownBy(() -> directory.setPassword("policy.check", weak, false)).as(weak).isInstanceOf(InvalidInput.class);
        }
        directory.setPassword("policy.check", "Strong#Pass2026", false);
        assertThat(jdbc.sql("select password_hash from directory.person where username = 'policy.check'").query(String.class).single())
                .startsWith("{argon2}").doesNotContain("Strong#Pass2026");
    }

    @Test
    void theFirstSecurityAdministratorIsAppointedOnlyWhileThePostIsVacant() {
        signIn("admin");
        assertThatThrownBy(() -> directory.appointOfficer("gaj.head", "SECURITY_ADMIN"))
                .isInstanceOfSatisfying(DirectoryProblem.class, e -> assertThat(e.code()).isEqualTo("directory.post-filled"));
    }

    private void signIn(String username) {
        var person = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
    }

    private long audits(String action) {
        return jdbc.sql("select count(*) from audit.audit_record where action = ?").param(action).query(Long.class).single();
    }
}
