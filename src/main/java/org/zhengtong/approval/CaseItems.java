package org.zhengtong.approval;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Actor;
import org.zhengtong.approval.engine.ProcessPlan;
import org.zhengtong.approval.engine.ProcessTemplates;
import org.zhengtong.approval.items.ProcessTemplate;
import org.zhengtong.approval.items.ServiceItem;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;

/** Turns a published service item into what a case keeps of it, with the plan of its process. */
@Component
public class CaseItems {

    private final ServiceItems items;
    private final DirectoryManagement directory;
    private final JdbcClient jdbc;
    private final AuditLog audit;

    CaseItems(ServiceItems items, DirectoryManagement directory, JdbcClient jdbc, AuditLog audit) {
        this.items = items;
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The e-licence type an approved case of the item issues (办理结果), if any. */
    public Optional<String> issuedLicence(String itemCode) {
        return jdbc.sql("select licence_type from approval.item_result where item_code = ?").param(itemCode).query(String.class).optional();
    }

    /** Sets, or with null clears, the e-licence type an approved case of the item issues; cases already submitted keep theirs. */
    @Transactional
    public void setIssuedLicence(String itemCode, @Nullable String licenceType) {
        if (licenceType == null || licenceType.isBlank()) {
            jdbc.sql("delete from approval.item_result where item_code = ?").param(itemCode).update();
        } else {
            jdbc.sql("""
                    insert into approval.item_result (item_code, licence_type, set_by) values (?, ?, ?)
                    on conflict (item_code) do update set licence_type = excluded.licence_type, set_by = excluded.set_by, set_at = now()""")
                    .params(itemCode, licenceType, Actor.current().username()).update();
        }
        audit.record("approval.item-result", "item:" + itemCode, licenceType == null || licenceType.isBlank() ? "none" : licenceType);
    }

    /** The published item's newest version, as a case will keep it. */
    public CaseItem published(String code) {
        return of(items.published(code).orElseThrow(() -> ApprovalProblem.unknownItem(code)));
    }

    /** One published version of an item, as a case applied under it keeps it. */
    public CaseItem version(String code, int version) {
        return of(items.publishedVersion(code, version).orElseThrow(() -> ApprovalProblem.unknownItem(code + " v" + version)));
    }

    /**
     * The item as it is published now, or — once withdrawn — the version a case was applied under: the plan a case
     * accepted today runs on.
     */
    public CaseItem current(String code, int fallbackVersion) {
        return items.published(code).map(this::of).orElseGet(() -> version(code, fallbackVersion));
    }

    public CaseItem of(ServiceItem item) {
        ProcessPlan.Shape shape = switch (item.template()) {
            case SINGLE -> ProcessPlan.Shape.SINGLE;
            case PARALLEL -> ProcessPlan.Shape.PARALLEL;
            case SEQUENCE -> ProcessPlan.Shape.SEQUENCE;
        };
        List<ProcessPlan.Department> steps = item.template() == ProcessTemplate.SINGLE && item.steps().isEmpty()
                ? List.of(department(item.department()))
                : item.steps().stream().map(s -> department(s.department())).toList();
        var plan = new ProcessPlan(ProcessTemplates.keyOf(item.code()), item.name(), shape, department(item.leadDepartment()), steps);
        Map<String, Integer> limits = new LinkedHashMap<>();
        item.steps().forEach(s -> limits.put(s.department(), s.limitDays()));
        limits.putIfAbsent(item.leadDepartment(), Math.max(1, item.promisedLimitDays() / 4));
        var materials = item.materials().stream()
                .map(m -> new CaseItem.RequiredMaterial(m.code(), m.name(), m.required(), m.licenceType(), m.baseField())).toList();
        var fields = item.formFields().stream()
                .map(f -> new CaseItem.Field(f.name(), f.label(), f.type(), f.required(), f.prefill())).toList();
        return new CaseItem(item.code(), item.name(), item.version(), item.department(), plan, item.legalLimitDays(),
                item.promisedLimitDays(), limits, materials, fields, issuedLicence(item.code()).orElse(null));
    }

    private ProcessPlan.Department department(String code) {
        return new ProcessPlan.Department(code, directory.findOrgUnit(code).map(OrgUnit::name).orElse(code));
    }
}
