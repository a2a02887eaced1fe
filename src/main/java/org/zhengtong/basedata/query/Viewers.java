package org.zhengtong.basedata.query;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.zhengtong.basedata.QueryProblem;
import org.zhengtong.directory.ApiClient;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.Actor;

/**
 * Who queries, for which department: a person's department, or a department system's (its API client's org unit),
 * each kept a minute, so a busy clerk's or system's lookups do not each read the directory.
 */
@Component
public class Viewers {

    private static final long KEEP_SECONDS = 60;

    private final DirectoryManagement directory;
    private final Map<String, Entry> departments = new ConcurrentHashMap<>();

    private record Entry(String department, Instant until) {}

    /** The acting party and the department whose grants apply. */
    public record Viewer(Actor actor, String department) {}

    Viewers(DirectoryManagement directory) {
        this.directory = directory;
    }

    public Viewer current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw QueryProblem.noDepartment();
        }
        Actor actor = Actor.current();
        if (auth.getPrincipal() instanceof Jwt jwt) {
            return new Viewer(actor, kept("client:" + jwt.getSubject(), () -> clientDepartment(jwt.getSubject(), actor)));
        }
        String username = auth.getName();
        return new Viewer(actor, kept(username, () -> directory.departmentOf(username).map(OrgUnit::code)
                .or(() -> Optional.ofNullable(actor.orgUnitCode())).orElseThrow(QueryProblem::noDepartment)));
    }

    private String kept(String key, Supplier<String> department) {
        Entry e = departments.get(key);
        Instant now = Instant.now();
        if (e == null || now.isAfter(e.until())) {
            e = new Entry(department.get(), now.plusSeconds(KEEP_SECONDS));
            departments.put(key, e);
        }
        return e.department();
    }

    /**
     * A department system acts for its client's org unit as the directory holds it now (the token's claim only says
     * what it was at issue), or for the department above it when the client belongs to a division.
     */
    private String clientDepartment(String clientId, Actor actor) {
        String unit = directory.apiClients().stream().filter(c -> c.clientId().equals(clientId)).findFirst()
                .map(ApiClient::orgUnitCode).orElse(actor.orgUnitCode());
        Optional<OrgUnit> current = unit == null ? Optional.empty() : directory.findOrgUnit(unit);
        while (current.isPresent() && !current.get().kind().isAutonomous() && current.get().parentCode() != null) {
            current = directory.findOrgUnit(current.get().parentCode());
        }
        return current.map(OrgUnit::code).orElseThrow(QueryProblem::noDepartment);
    }
}
