package org.zhengtong.basedata;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.shared.Actor;

/**
 * The authority table (权威来源): which department's value sets which field of the population and legal-person
 * databases. The merge reads it for every page it takes; a field without a row has no authority, and there the
 * last department to send a value wins. The platform admin edits it on {@code /basedata/authority}; every change
 * is audited with the department before and after. A new platform starts with the demo city's departments:
 * 公安 for identity and household, 民政 for marriage and death, 人社 for social insurance, 教育 for education,
 * 市场监管 for registration and 税务 for tax.
 */
@Service
public class Authorities {

    /** The defaults seeded into an empty table: base, field, department. */
    static final String[][] DEFAULTS = {
            {"PERSON", "name", "gaj"}, {"PERSON", "gender", "gaj"}, {"PERSON", "ethnicity", "gaj"}, {"PERSON", "birth_date", "gaj"},
            {"PERSON", "household_address", "gaj"}, {"PERSON", "household_division", "gaj"}, {"PERSON", "marital_status", "mzj"},
            {"PERSON", "death_date", "mzj"}, {"PERSON", "social_insurance", "rsj"}, {"PERSON", "education", "jyj"},
            {"LEGAL_PERSON", "name", "scjgj"}, {"LEGAL_PERSON", "type", "scjgj"}, {"LEGAL_PERSON", "legal_representative", "scjgj"},
            {"LEGAL_PERSON", "registered_capital", "scjgj"}, {"LEGAL_PERSON", "established", "scjgj"}, {"LEGAL_PERSON", "address", "scjgj"},
            {"LEGAL_PERSON", "division", "scjgj"}, {"LEGAL_PERSON", "business_scope", "scjgj"}, {"LEGAL_PERSON", "status", "scjgj"},
            {"LEGAL_PERSON", "status_date", "scjgj"}, {"LEGAL_PERSON", "industry", "scjgj"}, {"LEGAL_PERSON", "tax_grade", "swj"},
            {"LEGAL_PERSON", "last_tax_filing", "swj"}};

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final DirectoryManagement directory;

    Authorities(JdbcClient jdbc, AuditLog audit, DirectoryManagement directory) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.directory = directory;
    }

    /** Seeds the defaults when the table is empty, so a new platform merges sensibly from its first feed. */
    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void seed() {
        if (jdbc.sql("select count(*) from basedata.authority").query(Long.class).single() > 0) {
            return;
        }
        for (String[] d : DEFAULTS) {
            jdbc.sql("insert into basedata.authority (base, field, department, changed_by) values (?, ?, ?, 'system') on conflict do nothing")
                    .params(d[0], d[1], d[2]).update();
        }
    }

    /** Field name to authoritative department for one base, in field order; fields without authority are absent. */
    public Map<String, String> of(Base base) {
        Map<String, String> rows = new LinkedHashMap<>();
        jdbc.sql("select field, department from basedata.authority where base = ?").param(base.name())
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2))).list().forEach(e -> rows.put(e.getKey(), e.getValue()));
        Map<String, String> ordered = new LinkedHashMap<>();
        for (BaseField f : base.fields()) {
            if (rows.containsKey(f.column())) {
                ordered.put(f.column(), rows.get(f.column()));
            }
        }
        return ordered;
    }

    /** The department authoritative for a field, or null when the field has none. */
    public @Nullable String of(Base base, String field) {
        return of(base).get(field);
    }

    /**
     * Makes a department authoritative for a field, or, with a blank department, leaves the field without
     * authority. Audited with the previous department.
     */
    @Transactional
    public void set(Base base, String field, @Nullable String department) {
        if (base.fields().stream().noneMatch(f -> f.column().equals(field))) {
            throw BaseDataProblem.unknownField(base.name(), field);
        }
        String before = of(base, field);
        String after = department == null || department.isBlank() ? null : department.strip();
        if (after != null && directory.findOrgUnit(after).isEmpty()) {
            throw BaseDataProblem.unknownDepartment(after);
        }
        if (java.util.Objects.equals(before, after)) {
            return;
        }
        if (after == null) {
            jdbc.sql("delete from basedata.authority where base = ? and field = ?").params(base.name(), field).update();
        } else {
            jdbc.sql("""
                    insert into basedata.authority (base, field, department, changed_by, changed_at) values (?, ?, ?, ?, now())
                    on conflict (base, field) do update set department = excluded.department, changed_by = excluded.changed_by,
                      changed_at = excluded.changed_at""").params(base.name(), field, after, Actor.current().username()).update();
        }
        audit.record("basedata.authority.set", "authority:" + base.name() + "." + field,
                "%s → %s".formatted(before == null ? "-" : before, after == null ? "-" : after));
    }

    /** Sets several fields of one base at once (the page's save); only the changed ones are written and audited. */
    @Transactional
    public void setAll(Base base, Map<String, String> departments) {
        departments.forEach((field, department) -> set(base, field, department));
    }
}
