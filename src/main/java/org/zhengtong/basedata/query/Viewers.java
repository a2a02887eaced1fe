package org.zhengtong.basedata.query;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.zhengtong.basedata.QueryProblem;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.Actor;

/**
 * Who queries, for which department: a person's department (kept a minute, so a busy clerk's lookups do not each
 * read the directory), or the org unit a department system's token names.
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
        if (auth.getPrincipal() instanceof Jwt) {
            if (actor.orgUnitCode() == null) {
                throw QueryProblem.noDepartment();
            }
            return new Viewer(actor, actor.orgUnitCode());
        }
        String username = auth.getName();
        Entry e = departments.get(username);
        Instant now = Instant.now();
        if (e == null || now.isAfter(e.until())) {
            String department = directory.departmentOf(username).map(OrgUnit::code)
                    .or(() -> java.util.Optional.ofNullable(actor.orgUnitCode())).orElseThrow(QueryProblem::noDepartment);
            e = new Entry(department, now.plusSeconds(KEEP_SECONDS));
            departments.put(username, e);
        }
        return new Viewer(actor, e.department());
    }
}
