package org.zhengtong.exchange;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.Actor;

/** Which department acts: a person's department, or the org unit a department system's token names. */
@Component
class Departments {

    private final DirectoryManagement directory;

    Departments(DirectoryManagement directory) {
        this.directory = directory;
    }

    OrgUnit acting() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw ExchangeProblem.noDepartment();
        }
        return directory.departmentOf(auth.getName()).or(() -> {
            String org = Actor.current().orgUnitCode();
            return org == null ? java.util.Optional.empty() : directory.findOrgUnit(org);
        }).orElseThrow(ExchangeProblem::noDepartment);
    }

    String name(String code) {
        return directory.findOrgUnit(code).map(OrgUnit::name).orElse(code);
    }

    static boolean holds(String privilege) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(privilege));
    }
}
