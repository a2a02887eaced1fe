package org.zhengtong.catalog;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.internal.SharingStore;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.WorkingDays;

/**
 * Share requests and grants (共享申请与授权), under the rule 共享为原则、不共享为例外 (国发〔2016〕51号).
 *
 * <p>A department asks for the data items it needs of a published resource. A 无条件共享 resource is granted at
 * once; a 有条件共享 one goes to the providing department, which must answer within ten working days counted on
 * the working-day calendar, and overdue requests are flagged to the platform's administrators; a 不予共享 one cannot
 * be requested. A grant names the consumer, the resource, the data items and the validity period; it can be
 * revoked, and revoking a resource revokes its grants. {@link #isGranted} is what other modules enforce.
 */
@Service
public class SharingManagement {

    /** The provider's time limit to answer, in working days. */
    public static final int ANSWER_WITHIN_WORKING_DAYS = 10;

    private final SharingStore store;
    private final CatalogManagement catalog;
    private final WorkingDays workingDays;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    SharingManagement(SharingStore store, CatalogManagement catalog, WorkingDays workingDays, AuditLog audit,
            ApplicationEventPublisher events) {
        this.store = store;
        this.catalog = catalog;
        this.workingDays = workingDays;
        this.audit = audit;
        this.events = events;
    }

    /** A grant of a resource to a consumer was made or revoked: whoever caches what a department may see forgets it. */
    public record GrantChanged(String resourceCode, String consumer) {}

    /** The acting department asks for a resource; returns the request, already approved for unconditional resources. */
    @Transactional
    public ShareRequest request(NewShareRequest r) {
        OrgUnit consumer = catalog.actingDepartment();
        Resource resource = catalog.published(r.resourceCode()).orElseThrow(() -> CatalogProblem.notFound(r.resourceCode()));
        if (resource.content().shareType() == ShareType.NONE) {
            throw CatalogProblem.notShareable(resource.code());
        }
        if (resource.provider().equals(consumer.code())) {
            throw CatalogProblem.ownResource(resource.code());
        }
        if (store.pendingExists(resource.code(), consumer.code())) {
            throw CatalogProblem.alreadyRequested(resource.code());
        }
        LocalDate today = LocalDate.now(CatalogManagement.CHINA);
        List<FieldProblem> problems = new ArrayList<>();
        boolean conditional = resource.content().shareType() == ShareType.CONDITIONAL;
        if (blank(r.purpose())) {
            problems.add(new FieldProblem("purpose", "catalog.field.required"));
        }
        if (conditional && blank(r.legalBasis())) {
            problems.add(new FieldProblem("legalBasis", "catalog.share.legal-basis.required"));
        }
        if (conditional && blank(r.systems())) {
            problems.add(new FieldProblem("systems", "catalog.field.required"));
        }
        List<String> known = resource.items().stream().map(DataItem::name).toList();
        if (r.items().isEmpty()) {
            problems.add(new FieldProblem("items", "catalog.share.items.required"));
        }
        r.items().stream().filter(i -> !known.contains(i))
                .forEach(i -> problems.add(new FieldProblem("items", "catalog.share.items.unknown", i)));
        LocalDate from = r.validFrom() == null ? today : r.validFrom();
        LocalDate until = r.validUntil();
        if (until == null) {
            problems.add(new FieldProblem("validUntil", "catalog.field.required"));
        } else if (until.isBefore(from) || from.isBefore(today)) {
            problems.add(new FieldProblem("validUntil", "catalog.share.validity", from, until));
        } else if (until.isAfter(from.plusYears(3))) {
            problems.add(new FieldProblem("validUntil", "catalog.share.validity.too-long", 3));
        }
        InvalidInput.throwIfAny(problems);
        String by = actor();
        LocalDate due = workingDays.addWorkingDays(today, ANSWER_WITHIN_WORKING_DAYS);
        long id = store.insertRequest(resource.code(), consumer.code(), r.purpose().strip(), r.legalBasis() == null ? "" : r.legalBasis().strip(),
                r.items(), r.systems() == null ? "" : r.systems().strip(), from, until,
                conditional ? ShareRequest.Status.PENDING : ShareRequest.Status.APPROVED, by, due);
        audit.record("catalog.share.request", "request:" + id, resource.code() + " for " + consumer.code() + ": " + r.items());
        if (!conditional) {
            store.answer(id, ShareRequest.Status.APPROVED, "system", "无条件共享，自动授权");
            long grant = store.insertGrant(resource.code(), consumer.code(), r.items(), from, until, id, "system");
            audit.record("catalog.share.grant", "grant:" + grant, "unconditional resource " + resource.code());
            events.publishEvent(new GrantChanged(resource.code(), consumer.code()));
        }
        return request(id);
    }

    /** The providing department approves a pending request; the grant is created with the requested items. */
    @Transactional
    public Grant approve(long requestId, @Nullable String comment) {
        ShareRequest q = pendingOfMyResources(requestId);
        store.answer(requestId, ShareRequest.Status.APPROVED, actor(), comment);
        long grant = store.insertGrant(q.resourceCode(), q.consumer(), q.items(), q.validFrom(), q.validUntil(), requestId, actor());
        audit.record("catalog.share.approve", "request:" + requestId, comment == null ? "" : comment);
        audit.record("catalog.share.grant", "grant:" + grant, q.resourceCode() + " to " + q.consumer() + ": " + q.items());
        events.publishEvent(new GrantChanged(q.resourceCode(), q.consumer()));
        return store.grant(grant).orElseThrow();
    }

    /** The providing department refuses, giving its reason. */
    @Transactional
    public ShareRequest reject(long requestId, String reason) {
        pendingOfMyResources(requestId);
        if (blank(reason)) {
            throw InvalidInput.of("answer", "catalog.field.comment.required");
        }
        store.answer(requestId, ShareRequest.Status.REJECTED, actor(), reason.strip());
        audit.record("catalog.share.reject", "request:" + requestId, reason);
        return request(requestId);
    }

    /** The providing department (or the data administrator) revokes a grant. */
    @Transactional
    public void revokeGrant(long grantId, String reason) {
        Grant g = store.grant(grantId).orElseThrow(() -> CatalogProblem.notFound("grant " + grantId));
        boolean reviewer = holds("CATALOG_REVIEW");
        if (!reviewer && !g.provider().equals(catalog.actingDepartment().code())) {
            throw CatalogProblem.notYourDepartment(g.resourceCode());
        }
        if (blank(reason)) {
            throw InvalidInput.of("reason", "catalog.field.comment.required");
        }
        store.revokeGrant(grantId, actor(), reason.strip());
        audit.record("catalog.share.revoke", "grant:" + grantId, reason);
        events.publishEvent(new GrantChanged(g.resourceCode(), g.consumer()));
    }

    /** A revoked resource is no longer offered to anyone. */
    @EventListener
    void resourceRevoked(CatalogManagement.ResourceRevoked event) {
        for (long id : store.activeGrantIds(event.code())) {
            store.revokeGrant(id, actor(), "资源已撤销 resource revoked");
            audit.record("catalog.share.revoke", "grant:" + id, "resource " + event.code() + " revoked");
        }
        events.publishEvent(new GrantChanged(event.code(), "*"));
    }

    /**
     * The platform grants a resource's data items to a department without a request, e.g. the demo city's grants of
     * the base databases. The items must be the resource's; the grant is audited like any other.
     */
    @Transactional
    public Grant grantByPlatform(String resourceCode, String consumer, List<String> items, LocalDate from, LocalDate until, String reason) {
        Resource resource = catalog.published(resourceCode).orElseThrow(() -> CatalogProblem.notFound(resourceCode));
        List<String> known = resource.items().stream().map(DataItem::name).toList();
        items.stream().filter(i -> !known.contains(i)).findFirst()
                .ifPresent(i -> InvalidInput.throwIfAny(List.of(new FieldProblem("items", "catalog.share.items.unknown", i))));
        long grant = store.insertGrant(resourceCode, consumer, items, from, until, null, actor());
        audit.record("catalog.share.grant", "grant:" + grant, resourceCode + " to " + consumer + ": " + items + " (" + reason + ")");
        events.publishEvent(new GrantChanged(resourceCode, consumer));
        return store.grant(grant).orElseThrow();
    }

    // reading

    public ShareRequest request(long id) {
        return store.request(id).orElseThrow(() -> CatalogProblem.notFound("request " + id));
    }

    /** Requests made to a provider's resources, newest first. */
    public List<ShareRequest> incoming(String provider) {
        return store.requests(provider, null, null, 1000);
    }

    /** Requests a consumer department made, newest first. */
    public List<ShareRequest> outgoing(String consumer) {
        return store.requests(null, consumer, null, 1000);
    }

    /** Pending requests past their ten-working-day limit, for the platform's administrators. */
    public List<ShareRequest> overdue() {
        LocalDate today = LocalDate.now(CatalogManagement.CHINA);
        return store.requests(null, null, "PENDING", 10_000).stream().filter(q -> q.overdueOn(today)).toList();
    }

    public List<ShareRequest> allRequests(int limit) {
        return store.requests(null, null, null, limit);
    }

    public List<Grant> grantsTo(String consumer) {
        return store.grants(null, consumer, null, false, 1000);
    }

    public List<Grant> grantsOf(String provider) {
        return store.grants(provider, null, null, false, 1000);
    }

    /**
     * Whether a consumer department may use these data items of a resource today: the question the exchange hub
     * and the unified query ask before they move or show anything.
     */
    public boolean isGranted(String consumer, String resourceCode, Collection<String> items) {
        LocalDate today = LocalDate.now(CatalogManagement.CHINA);
        return store.grants(null, consumer, resourceCode, true, 100).stream().anyMatch(g -> g.activeOn(today) && g.covers(items));
    }

    private ShareRequest pendingOfMyResources(long id) {
        ShareRequest q = request(id);
        if (!q.provider().equals(catalog.actingDepartment().code())) {
            throw CatalogProblem.notYourDepartment(q.resourceCode());
        }
        if (q.status() != ShareRequest.Status.PENDING) {
            throw CatalogProblem.wrongState("request " + id, q.status().name());
        }
        return q;
    }

    private static boolean holds(String privilege) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(privilege));
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static String actor() {
        return Actor.current().username();
    }
}
