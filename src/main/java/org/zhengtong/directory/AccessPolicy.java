package org.zhengtong.directory;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The privileges and roles of the platform (权限与角色), bound from {@code access.yml}, the one file that maps
 * privileges to roles.
 *
 * <p>A privilege opens exactly the pages and endpoints annotated with it; a role is a named set of
 * privileges. Three roles, the system administrator, the security administrator and the auditor (三员), are
 * marked {@code three-officers}: 三员分立 requires that no one holds two of them, so that the person who runs
 * the platform is not the one who grants access, and neither is the one who reads the audit log.
 */
@ConfigurationProperties("zt.access")
public record AccessPolicy(
        Map<String, PrivilegeDefinition> privileges,
        Map<String, RoleDefinition> roles,
        List<String> defaultClientPrivileges) {

    public AccessPolicy {
        privileges = new LinkedHashMap<>(privileges);
        roles = new LinkedHashMap<>(roles);
        for (var role : roles.entrySet()) {
            for (String p : role.getValue().privileges()) {
                if (!privileges.containsKey(p)) {
                    throw new IllegalStateException("access.yml: role " + role.getKey() + " grants unknown privilege " + p);
                }
            }
        }
        for (String p : defaultClientPrivileges) {
            if (!privileges.containsKey(p)) {
                throw new IllegalStateException("access.yml: unknown default client privilege " + p);
            }
        }
    }

    /**
     * A privilege and the page the workbench links to for it; {@code apiOnly} ones are for programs, and
     * {@code publicAccess} ones are held by everyone, signed in or not (open data for the public).
     */
    public record PrivilegeDefinition(@Nullable String page, boolean apiOnly, boolean publicAccess) {}

    /** A role: its privileges, whether it is one of the three officers, and the scope it manages. */
    public record RoleDefinition(List<String> privileges, boolean threeOfficers, @Nullable String scope) {
        public RoleDefinition {
            privileges = List.copyOf(privileges);
        }

        public boolean departmentScoped() {
            return "department".equals(scope);
        }
    }

    public boolean isRole(String role) {
        return roles.containsKey(role);
    }

    public boolean isPrivilege(String privilege) {
        return privileges.containsKey(privilege);
    }

    /** The privileges everyone holds, even without signing in. */
    public Set<String> publicPrivileges() {
        Set<String> result = new TreeSet<>();
        privileges.forEach((name, p) -> {
            if (p.publicAccess()) {
                result.add(name);
            }
        });
        return result;
    }

    /** The privileges granted together by a set of roles, with the public ones everyone holds. */
    public Set<String> privilegesOf(Collection<String> roleCodes) {
        Set<String> result = publicPrivileges();
        for (String r : roleCodes) {
            RoleDefinition role = roles.get(r);
            if (role != null) {
                result.addAll(role.privileges());
            }
        }
        return result;
    }

    /** The three-officer roles among the given ones; more than one breaks 三员分立. */
    public List<String> threeOfficerRolesIn(Collection<String> roleCodes) {
        return roleCodes.stream().filter(r -> roles.containsKey(r) && roles.get(r).threeOfficers()).sorted().toList();
    }
}
