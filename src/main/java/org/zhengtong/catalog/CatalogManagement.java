package org.zhengtong.catalog;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.catalog.Resource.ResourceStatus;
import org.zhengtong.catalog.Resource.VersionStatus;
import org.zhengtong.catalog.internal.CatalogRules;
import org.zhengtong.catalog.internal.CatalogStore;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.InvalidInput;

/**
 * The catalog's facade (目录管理). A department's data officer drafts an entry for one of the department's
 * resources and submits it; the platform's data administrator reviews it and publishes it, or sends it back
 * with a comment. A published entry changes only by drafting, submitting and publishing a new version, so what
 * consumers relied on stays readable; a resource withdrawn from sharing is revoked. Every step is audited.
 *
 * <p>A resource's code (资源代码) is assigned when it is first drafted, following the guide's structure: the
 * 前段码 is the classification (类 1 digit: 基础 1, 主题 2, 部门 3; 项 2; 目 3; 细目 3), the 后段码 a six-digit
 * sequence within that classification, e.g. {@code 101001001/000001}.
 */
@Service
public class CatalogManagement {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CatalogStore store;
    private final CatalogRules rules;
    private final DirectoryManagement directory;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;

    CatalogManagement(CatalogStore store, CatalogRules rules, DirectoryManagement directory, AuditLog audit,
            ApplicationEventPublisher events) {
        this.store = store;
        this.rules = rules;
        this.directory = directory;
        this.audit = audit;
        this.events = events;
    }

    /** A resource's version was published; the search index and later the exchange hub follow it. */
    public record ResourcePublished(String code, int version) {}

    /** A resource was revoked and is no longer offered. */
    public record ResourceRevoked(String code) {}

    // reading

    public Optional<Resource> find(String code) {
        return store.latest(code).map(this::named);
    }

    /** The newest version, whatever its state. */
    public Resource latest(String code) {
        return find(code).orElseThrow(() -> CatalogProblem.notFound(code));
    }

    /** The version consumers see: the current published one. */
    public Optional<Resource> published(String code) {
        return store.latest(code)
                .flatMap(r -> r.publishedVersion() == null || r.status() != ResourceStatus.PUBLISHED
                        ? Optional.<Resource>empty() : store.version(code, r.publishedVersion()))
                .map(this::named);
    }

    public Resource version(String code, int version) {
        return store.version(code, version).map(this::named).orElseThrow(() -> CatalogProblem.notFound(code + " v" + version));
    }

    public List<Resource> versions(String code) {
        return store.versions(code).stream().map(this::named).toList();
    }

    /** Published entries, by provider and/or classification prefix (the department, base and theme catalogs). */
    public List<Resource> publishedEntries(@Nullable String provider, @Nullable String classificationPrefix, int limit) {
        return store.list(provider, classificationPrefix, null, true, limit).stream().map(this::named).toList();
    }

    /** Entries in any state, e.g. a department's own work or the review queue. */
    public List<Resource> entries(@Nullable String provider, @Nullable List<ResourceStatus> statuses, int limit) {
        return store.list(provider, null, statuses == null ? null : statuses.stream().map(Enum::name).toList(), false, limit)
                .stream().map(this::named).toList();
    }

    public Map<String, String> classificationNames() {
        return store.classificationNames();
    }

    // changing

    /** Drafts a new entry for the acting person's department and assigns its code. */
    @Transactional
    public Resource draft(ResourceDraft draft) {
        return draftFor(actingDepartment(), draft);
    }

    /**
     * Drafts a new entry for the given provider. An import (导入) drafts on behalf of the provider a row names,
     * which for the data administrator need not be their own department; {@link CatalogTransfer} has already
     * decided that the acting person may.
     */
    @Transactional
    Resource draftFor(OrgUnit provider, ResourceDraft draft) {
        InvalidInput.throwIfAny(rules.check(draft));
        String code = draft.classification() + "/" + String.format("%06d", store.nextSequence(draft.classification()));
        long id = store.insertResource(code, draft.classification(), provider.code(), providerCode(provider), actor());
        store.insertVersion(id, 1, VersionStatus.DRAFT, draft, actor());
        audit.record("catalog.resource.draft", "resource:" + code, draft.name());
        return latest(code);
    }

    /** Saves changes to the draft version of one of the department's entries. */
    @Transactional
    public Resource saveDraft(String code, ResourceDraft draft) {
        Resource current = ownEntry(code);
        requireVersion(current, VersionStatus.DRAFT);
        ResourceDraft fixed = withClassification(draft, current.classification());
        InvalidInput.throwIfAny(rules.check(fixed));
        store.updateVersion(store.resourceId(code), current.version(), fixed, actor());
        audit.record("catalog.resource.save", "resource:" + code + "@" + current.version(), fixed.name());
        return latest(code);
    }

    @Transactional
    public Resource submit(String code) {
        return submitDraft(ownEntry(code));
    }

    /**
     * Submits an entry an import has just drafted or saved, for whichever provider it was imported; the import
     * decided who may, as with {@link #draftFor}.
     */
    @Transactional
    Resource submitImported(String code) {
        return submitDraft(latest(code));
    }

    private Resource submitDraft(Resource current) {
        String code = current.code();
        requireVersion(current, VersionStatus.DRAFT);
        InvalidInput.throwIfAny(rules.check(current.content()));
        store.markSubmitted(store.resourceId(code), current.version(), actor());
        if (current.publishedVersion() == null) {
            store.setResourceStatus(code, ResourceStatus.SUBMITTED, null);
        }
        audit.record("catalog.resource.submit", "resource:" + code + "@" + current.version(), "");
        return latest(code);
    }

    /** The data administrator publishes a submitted version; the one it replaces stays readable as superseded. */
    @Transactional
    public Resource publish(String code, @Nullable String comment) {
        Resource current = latest(code);
        requireVersion(current, VersionStatus.SUBMITTED);
        long id = store.resourceId(code);
        if (current.publishedVersion() != null) {
            store.setVersionStatus(id, current.publishedVersion(), VersionStatus.SUPERSEDED);
        }
        LocalDate today = LocalDate.now(CHINA);
        store.markReviewed(id, current.version(), VersionStatus.PUBLISHED, actor(), comment, today);
        store.setResourceStatus(code, ResourceStatus.PUBLISHED, current.version());
        audit.record("catalog.resource.publish", "resource:" + code + "@" + current.version(), comment == null ? "" : comment);
        events.publishEvent(new ResourcePublished(code, current.version()));
        return latest(code);
    }

    /** The data administrator sends a submitted version back to its department with the reason. */
    @Transactional
    public Resource reject(String code, String comment) {
        Resource current = latest(code);
        requireVersion(current, VersionStatus.SUBMITTED);
        if (comment == null || comment.isBlank()) {
            throw InvalidInput.of("comment", "catalog.field.comment.required");
        }
        store.markReviewed(store.resourceId(code), current.version(), VersionStatus.DRAFT, actor(), comment, null);
        if (current.publishedVersion() == null) {
            store.setResourceStatus(code, ResourceStatus.DRAFT, null);
        }
        audit.record("catalog.resource.reject", "resource:" + code + "@" + current.version(), comment);
        return latest(code);
    }

    /** Starts a change (变更) of a published entry: a new draft version holding the published content. */
    @Transactional
    public Resource startChange(String code) {
        Resource current = ownEntry(code);
        requireVersion(current, VersionStatus.PUBLISHED);
        store.insertVersion(store.resourceId(code), current.version() + 1, VersionStatus.DRAFT, current.content(), actor());
        audit.record("catalog.resource.change", "resource:" + code + "@" + (current.version() + 1), "");
        return latest(code);
    }

    /** Withdraws a published resource (撤销); its versions stay readable. */
    @Transactional
    public Resource revoke(String code, String reason) {
        Resource current = latest(code);
        if (current.status() != ResourceStatus.PUBLISHED) {
            throw CatalogProblem.wrongState(code, current.status().name());
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.of("comment", "catalog.field.comment.required");
        }
        store.setResourceStatus(code, ResourceStatus.REVOKED, null);
        store.setVersionStatus(store.resourceId(code), current.publishedVersion(), VersionStatus.REVOKED);
        audit.record("catalog.resource.revoke", "resource:" + code, reason);
        events.publishEvent(new ResourceRevoked(code));
        return latest(code);
    }

    /**
     * Registers and publishes, as the platform itself, a resource a module keeps on the departments' behalf (the base
     * databases' 人口基础库 and 法人基础库 of the big-data bureau): nobody drafts or reviews it. Registering the same
     * provider and name again returns the resource as it is.
     */
    @Transactional
    public Resource registerPlatformResource(String provider, ResourceDraft draft) {
        Optional<Resource> existing = store.list(provider, draft.classification(), null, false, 1000).stream()
                .filter(r -> r.name().equals(draft.name())).findFirst();
        if (existing.isPresent()) {
            return named(existing.get());
        }
        InvalidInput.throwIfAny(rules.check(draft));
        OrgUnit unit = directory.orgUnit(provider);
        String code = draft.classification() + "/" + String.format("%06d", store.nextSequence(draft.classification()));
        String by = actor();
        long id = store.insertResource(code, draft.classification(), unit.code(), providerCode(unit), by);
        store.insertVersion(id, 1, VersionStatus.PUBLISHED, draft, by);
        store.markReviewed(id, 1, VersionStatus.PUBLISHED, by, null, LocalDate.now(CHINA));
        store.setResourceStatus(code, ResourceStatus.PUBLISHED, 1);
        audit.record("catalog.resource.register", "resource:" + code, draft.name() + " of " + provider);
        events.publishEvent(new ResourcePublished(code, 1));
        return latest(code);
    }

    /** Adds a classification node (类-项-目-细目); the data administrator extends the tree as departments need. */
    @Transactional
    public void addClassification(String code, String name, @Nullable String parent) {
        store.addClassification(code, name, parent);
        audit.record("catalog.classification.add", "classification:" + code, name);
    }

    // helpers

    private Resource ownEntry(String code) {
        Resource current = latest(code);
        if (!current.provider().equals(actingDepartment().code())) {
            throw CatalogProblem.notYourDepartment(code);
        }
        return current;
    }

    private static void requireVersion(Resource r, VersionStatus expected) {
        if (r.versionStatus() != expected) {
            throw CatalogProblem.wrongState(r.code(), r.versionStatus().name());
        }
    }

    /** The department of the acting person; a department system's token names its org unit. */
    public OrgUnit actingDepartment() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw CatalogProblem.noDepartment();
        }
        return directory.departmentOf(auth.getName()).orElseThrow(CatalogProblem::noDepartment);
    }

    private Resource named(Resource r) {
        String providerName = directory.findOrgUnit(r.provider()).map(OrgUnit::name).orElse(r.provider());
        return new Resource(r.code(), r.classification(), r.classificationName(), r.provider(), providerName, r.providerCode(),
                r.status(), r.version(), r.versionStatus(), r.publishedVersion(), r.content(), r.editedBy(), r.editedAt(),
                r.reviewedBy(), r.reviewComment());
    }

    private static ResourceDraft withClassification(ResourceDraft d, String classification) {
        return new ResourceDraft(classification, d.name(), d.summary(), d.format(), d.shareType(), d.shareConditions(), d.shareWays(),
                d.shareBasis(), d.openType(), d.openConditions(), d.updateCycle(), d.publishDate(), d.relatedCodes(), d.keywords(),
                d.contactName(), d.contactPhone(), d.contactEmail(), d.items());
    }

    private static String providerCode(OrgUnit department) {
        return department.creditCode() != null ? department.creditCode() : department.code();
    }

    private static String actor() {
        return Actor.current().username();
    }
}
