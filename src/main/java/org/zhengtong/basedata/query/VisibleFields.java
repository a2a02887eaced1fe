package org.zhengtong.basedata.query;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.zhengtong.basedata.Base;
import org.zhengtong.catalog.Grant;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.catalog.SharingManagement.GrantChanged;

/**
 * Each department's {@link Access} to each base, read from its grants and kept until a grant changes (the catalog's
 * {@link GrantChanged}) or, at the latest, for a few minutes, so a grant that expires at midnight stops showing soon.
 */
@Component
public class VisibleFields {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final long KEEP_SECONDS = 300;

    private final SharingManagement sharing;
    private final BaseResources resources;
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    private record Entry(Access access, Instant until) {}

    VisibleFields(SharingManagement sharing, BaseResources resources) {
        this.sharing = sharing;
        this.resources = resources;
    }

    public Access of(String department, Base base) {
        String key = department + "/" + base;
        Entry e = cache.get(key);
        Instant now = Instant.now();
        if (e == null || now.isAfter(e.until())) {
            e = new Entry(read(department, base), now.plusSeconds(KEEP_SECONDS));
            cache.put(key, e);
        }
        return e.access();
    }

    private Access read(String department, Base base) {
        if (department.equals(resources.bureau())) {
            return Access.everything(base);
        }
        String code = resources.code(base);
        Set<String> items = new HashSet<>();
        LocalDate today = LocalDate.now(CHINA);
        if (code != null) {
            for (Grant g : sharing.grantsTo(department)) {
                if (g.resourceCode().equals(code) && g.activeOn(today)) {
                    items.addAll(g.items());
                }
            }
        }
        return new Access(base, false, items);
    }

    @EventListener
    void changed(GrantChanged event) {
        cache.clear();
    }

    /** Once more after the change commits, in case a query read the old grants in between. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void committed(GrantChanged event) {
        cache.clear();
    }
}
