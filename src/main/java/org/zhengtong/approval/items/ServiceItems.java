package org.zhengtong.approval.items;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

/**
 * The service items' facade (事项管理). A department maintains its own items: it drafts one, edits it, and publishes
 * it as a public guide (办事指南); it can withdraw (停用) a published item and publish it again. Each publication
 * freezes the content as a new version: the public guide and new cases read the published version, while the
 * department's later edits wait in the working copy until it publishes again. Every change is audited.
 *
 * <p>The case engine reads items only through {@link #published(String)}, {@link #publishedVersion(String, int)}
 * and {@link #publishedList()}.
 */
@Service
public class ServiceItems {

    /** The largest downloadable form accepted. */
    public static final int MAX_FORM_BYTES = 10 * 1024 * 1024;

    private final ServiceItemStore store;
    private final ServiceItemRules rules;
    private final DirectoryManagement directory;
    private final AuditLog audit;

    ServiceItems(ServiceItemStore store, ServiceItemRules rules, DirectoryManagement directory, AuditLog audit) {
        this.store = store;
        this.rules = rules;
        this.directory = directory;
        this.audit = audit;
    }

    // what the public and the case engine read

    /** The item's current published version, if it is published. */
    public Optional<ServiceItem> published(String code) {
        return store.published(code).map(ServiceItems::toItem);
    }

    /** A version once published, for a case applied under it; the item may have moved on or been withdrawn since. */
    public Optional<ServiceItem> publishedVersion(String code, int version) {
        return store.version(code, version).map(ServiceItems::toItem);
    }

    /** Every published item, by department and code. */
    public List<ServiceItem> publishedList() {
        return search(null, null, null);
    }

    /** Published items whose name or code holds the text, of a department and/or of a type; null means any. */
    public List<ServiceItem> search(@Nullable String text, @Nullable String department, @Nullable ItemType type) {
        return store.published(blankToNull(text), blankToNull(department), type == null ? null : type.name()).stream()
                .map(ServiceItems::toItem).toList();
    }

    /** The forms of a published item, for its guide. */
    public List<ItemFile> publishedForms(String code) {
        return published(code).isPresent() ? store.forms(code) : List.of();
    }

    /** A form file of a published item. */
    public FormDownload publishedForm(String code, long id) {
        if (published(code).isEmpty()) {
            throw ItemProblem.notFound(code);
        }
        return store.form(code, id).map(f -> new FormDownload(f.file(), f.bytes())).orElseThrow(() -> ItemProblem.formNotFound(code, id));
    }

    /** A form file and its bytes. */
    public record FormDownload(ItemFile file, byte[] bytes) {}

    // what departments do

    /** The items of a department, any state. */
    public List<ItemEntry> entries(String department) {
        return store.entries(department);
    }

    /** One of the acting person's department's items. */
    public ItemEntry own(String code) {
        ItemEntry e = store.entry(code).orElseThrow(() -> ItemProblem.notFound(code));
        if (!e.department().equals(actingDepartment().code())) {
            throw ItemProblem.notYourDepartment(code);
        }
        return e;
    }

    /** Drafts a new item of the acting person's department. */
    @Transactional
    public ItemEntry create(String code, ItemContent content) {
        return createFor(actingDepartment().code(), code, content);
    }

    /** Drafts an item for a department; the demo and the import have already decided that it may. */
    @Transactional
    ItemEntry createFor(String department, String code, ItemContent content) {
        String c = code == null ? "" : code.strip();
        ItemContent n = content.normalized(department);
        List<FieldProblem> problems = new ArrayList<>(rules.checkCode(c));
        problems.addAll(rules.check(n));
        InvalidInput.throwIfAny(problems);
        if (store.entry(c).isPresent()) {
            throw ItemProblem.exists(c);
        }
        try {
            store.insert(c, department, n, actor());
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // Drafted by someone else between the check and the insert.
            throw ItemProblem.exists(c);
        }
        audit.record("approval.item.create", "item:" + c, n.name());
        return store.entry(c).orElseThrow();
    }

    /** Saves changes to the working copy; a published item's guide stays as published until it is published again. */
    @Transactional
    public ItemEntry save(String code, ItemContent content) {
        return saveOwned(own(code), content);
    }

    @Transactional
    ItemEntry saveOwned(ItemEntry current, ItemContent content) {
        ItemContent n = content.normalized(current.department());
        InvalidInput.throwIfAny(rules.check(n));
        store.update(current.code(), n, actor());
        audit.record("approval.item.save", "item:" + current.code(), n.name());
        return store.entry(current.code()).orElseThrow();
    }

    /** Publishes the working copy as the next version of the public guide. */
    @Transactional
    public ItemEntry publish(String code) {
        return publishOwned(own(code));
    }

    @Transactional
    ItemEntry publishOwned(ItemEntry current) {
        if (current.status() == ItemStatus.PUBLISHED && !current.changed()) {
            throw ItemProblem.unchanged(current.code());
        }
        InvalidInput.throwIfAny(rules.checkPublishable(current.content()));
        int version = store.publish(current.code(), actor());
        audit.record("approval.item.publish", "item:" + current.code() + "@" + version, current.content().name());
        return store.entry(current.code()).orElseThrow();
    }

    /** Withdraws a published item (停用): the guide is no longer shown and no new case can be applied for. */
    @Transactional
    public ItemEntry withdraw(String code, @Nullable String reason) {
        ItemEntry current = own(code);
        if (current.status() != ItemStatus.PUBLISHED) {
            throw ItemProblem.wrongState(code, current.status());
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInput.of("reason", "approval-items.rule.required");
        }
        store.setStatus(code, ItemStatus.WITHDRAWN);
        audit.record("approval.item.withdraw", "item:" + code, reason.strip());
        return store.entry(code).orElseThrow();
    }

    /** The forms of one of the department's items. */
    public List<ItemFile> forms(String code) {
        own(code);
        return store.forms(code);
    }

    /**
     * Adds a downloadable form. Only PDF, Word (docx) and Excel (xlsx) files up to {@link #MAX_FORM_BYTES} are taken,
     * and the content must be what the name says, not merely carry the extension.
     */
    @Transactional
    public ItemFile addForm(String code, String fileName, byte[] bytes) {
        own(code);
        String name = fileName == null || fileName.isBlank() ? "form" : fileName.strip();
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (bytes.length > MAX_FORM_BYTES) {
            throw ItemProblem.formSize(name, MAX_FORM_BYTES / 1024 / 1024);
        }
        String type = contentType(name, bytes);
        if (type == null || name.length() > 200) {
            throw ItemProblem.formType(name);
        }
        long id = store.addForm(code, name, type, bytes, actor());
        audit.record("approval.item.form.add", "item:" + code, name + " (" + bytes.length + " bytes)");
        return store.forms(code).stream().filter(f -> f.id() == id).findFirst().orElseThrow();
    }

    /** A form file of one of the department's items, published or not. */
    public FormDownload ownForm(String code, long id) {
        own(code);
        return store.form(code, id).map(f -> new FormDownload(f.file(), f.bytes())).orElseThrow(() -> ItemProblem.formNotFound(code, id));
    }

    @Transactional
    public void removeForm(String code, long id) {
        own(code);
        if (!store.removeForm(code, id)) {
            throw ItemProblem.formNotFound(code, id);
        }
        audit.record("approval.item.form.remove", "item:" + code, Long.toString(id));
    }

    /** The department of the acting person (the item's 实施主体). */
    public OrgUnit actingDepartment() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            throw ItemProblem.noDepartment();
        }
        return directory.departmentOf(auth.getName()).orElseThrow(ItemProblem::noDepartment);
    }

    /** The departments (部门) items can be assigned to, code to name, in directory order. */
    public java.util.Map<String, String> departments() {
        java.util.Map<String, String> result = new java.util.LinkedHashMap<>();
        directory.orgUnits().stream().filter(u -> u.kind() == org.zhengtong.directory.OrgUnitKind.DEPARTMENT
                        || u.kind() == org.zhengtong.directory.OrgUnitKind.DISTRICT)
                .forEach(u -> result.put(u.code(), u.name()));
        return result;
    }

    /** The name of a department, or its code when it is unknown. */
    public String departmentName(String code) {
        return directory.findOrgUnit(code).map(OrgUnit::name).orElse(code);
    }

    // helpers

    static @Nullable String contentType(String fileName, byte[] bytes) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".pdf")) {
            return startsWith(bytes, "%PDF-") ? "application/pdf" : null;
        }
        if (lower.endsWith(".docx")) {
            return zipHolds(bytes, "word/") ? "application/vnd.openxmlformats-officedocument.wordprocessingml.document" : null;
        }
        if (lower.endsWith(".xlsx")) {
            return zipHolds(bytes, "xl/") ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : null;
        }
        return null;
    }

    private static boolean startsWith(byte[] bytes, String magic) {
        byte[] m = magic.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        if (bytes.length < m.length) {
            return false;
        }
        for (int i = 0; i < m.length; i++) {
            if (bytes[i] != m[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the bytes are a zip (an Office Open XML package) with an entry under the folder. */
    private static boolean zipHolds(byte[] bytes, String folder) {
        if (!startsWith(bytes, "PK\u0003\u0004")) {
            return false;
        }
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().startsWith(folder)) {
                    return true;
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
        return false;
    }

    static ServiceItem toItem(ServiceItemStore.Published p) {
        return toItem(p.code(), p.department(), p.content(), p.status(), p.version());
    }

    static ServiceItem toItem(String code, String department, ItemContent c, ItemStatus status, int version) {
        return new ServiceItem(code, c.name(), c.type() == null ? ItemType.OTHER_POWER : c.type(), department, c.legalBasis(),
                c.conditions(), c.materials(), c.procedure(), c.legalLimitDays(), c.promisedLimitDays(), c.fees(), c.windows(),
                c.template() == null ? ProcessTemplate.SINGLE : c.template(),
                c.leadDepartment() == null ? department : c.leadDepartment(), c.steps(), c.formFields(), status, version);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String actor() {
        return Actor.current().username();
    }
}
