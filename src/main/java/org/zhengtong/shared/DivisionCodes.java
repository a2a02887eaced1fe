package org.zhengtong.shared;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list of administrative division codes (行政区划代码, GB/T 2260) the platform accepts.
 *
 * <p>A division code has no check digit, so the only way to tell a real code from a typo is the list itself.
 * The national list ships with the platform; the operator may add codes the State publishes later. A retired
 * code stays in the list, so old records still name a known place, but is refused for new data because the
 * State never reuses a retired code for another place.
 */
@Component
public class DivisionCodes {

    private final JdbcClient jdbc;
    /**
     * Replaced whole by {@link #load}, never emptied in place: a reader must not find the list empty while it is
     * read again, or it would read it itself, inside its own transaction, perhaps on a connection busy with a COPY.
     */
    private volatile Map<String, Entry> byCode = new ConcurrentHashMap<>();

    DivisionCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One entry of the list. */
    public record Entry(String code, String name, String level, @Nullable String parent, boolean retired) {}

    @EventListener(ApplicationStartedEvent.class)
    public void load() {
        Map<String, Entry> fresh = new ConcurrentHashMap<>();
        jdbc.sql("select code, name, level, parent, retired_on is not null from shared.division_code")
                .query((rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getBoolean(5)))
                .list()
                .forEach(e -> fresh.put(e.code(), e));
        byCode = fresh;
    }

    public Optional<Entry> find(String code) {
        if (byCode.isEmpty()) {
            load();
        }
        return Optional.ofNullable(byCode.get(code));
    }

    /** Whether new data may carry this code: it is on the list and not retired. */
    public boolean isCurrent(String code) {
        return find(code).map(e -> !e.retired()).orElse(false);
    }

    /** Adds a code the platform did not ship with, e.g. a newly created district. Known codes are left as they are. */
    @Transactional
    public void add(String code, String name, String level, @Nullable String parent, String source) {
        jdbc.sql("""
                insert into shared.division_code (code, name, level, parent, source) values (?, ?, ?, ?, ?)
                on conflict (code) do nothing""")
                .params(code, name, level, parent, source)
                .update();
        byCode.putIfAbsent(code, new Entry(code, name, level, parent, false));
    }
}
