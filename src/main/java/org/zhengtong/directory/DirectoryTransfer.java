package org.zhengtong.directory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.internal.DirectoryRules;
import org.zhengtong.directory.internal.DirectoryStore;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.xlsx.XlsxColumn;
import org.zhengtong.shared.xlsx.XlsxProblem;
import org.zhengtong.shared.xlsx.XlsxReadResult;
import org.zhengtong.shared.xlsx.XlsxReader;
import org.zhengtong.shared.xlsx.XlsxRow;
import org.zhengtong.shared.xlsx.XlsxTable;
import org.zhengtong.shared.xlsx.XlsxWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Org units and people in and out of Excel (导入导出), in the layout staff keep their lists in today.
 *
 * <p>An import is all or nothing: every row is checked against the same rules as a form, together with what only
 * a whole file can get wrong (a username twice, a parent that is neither in the file nor in the directory), and
 * only a file without a single problem is applied, in one transaction. A row whose code or username already
 * exists updates that record, so a corrected list can simply be imported again. Every attempt is kept with its
 * problems, so a rejected file can be fixed from its problem report.
 */
@Service
public class DirectoryTransfer {

    public static final XlsxTable ORG_UNITS = XlsxTable.of("组织机构", "Org units",
            XlsxColumn.required("code", "简码", "Short code", 30),
            XlsxColumn.required("name", "名称", "Name", DirectoryRules.MAX_NAME),
            XlsxColumn.required("kind", "类型", "Kind", 10),
            XlsxColumn.optional("parentCode", "上级简码", "Parent code", 30),
            XlsxColumn.optional("creditCode", "统一社会信用代码", "Unified social credit code", 18),
            XlsxColumn.required("divisionCode", "行政区划代码", "Division code", 6),
            XlsxColumn.optional("sortOrder", "排序", "Sort order", 6));

    public static final XlsxTable PEOPLE = XlsxTable.of("人员", "People",
            XlsxColumn.required("username", "用户名", "Username", 32),
            XlsxColumn.required("fullName", "姓名", "Full name", DirectoryRules.MAX_PERSON_NAME),
            XlsxColumn.required("orgUnitCode", "所属机构简码", "Org unit code", 30),
            XlsxColumn.optional("title", "职务", "Title", DirectoryRules.MAX_TITLE),
            XlsxColumn.optional("mobile", "手机", "Mobile", 11),
            XlsxColumn.optional("email", "电子邮箱", "Email", DirectoryRules.MAX_EMAIL),
            XlsxColumn.optional("roles", "角色", "Roles", 200));

    private static final Map<String, OrgUnitKind> KIND_NAMES = Map.of(
            "政府", OrgUnitKind.GOVERNMENT, "部门", OrgUnitKind.DEPARTMENT, "处室", OrgUnitKind.DIVISION,
            "区", OrgUnitKind.DISTRICT, "县", OrgUnitKind.COUNTY);

    /** Which list an import carries. */
    public enum Kind {
        ORG_UNITS,
        PEOPLE
    }

    /** One import attempt as kept: what, by whom, when, with what outcome and problems. */
    public record ImportBatch(long id, Kind kind, String fileName, String uploadedBy, Instant uploadedAt, boolean applied,
            int rowCount, List<XlsxProblem> problems) {}

    private final DirectoryManagement directory;
    private final DirectoryStore store;
    private final DirectoryRules rules;
    private final AccessPolicy policy;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    DirectoryTransfer(DirectoryManagement directory, DirectoryStore store, DirectoryRules rules, AccessPolicy policy,
            AuditLog audit, JdbcClient jdbc, JsonMapper json, MessageSource messages, PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.directory = directory;
        this.store = store;
        this.rules = rules;
        this.policy = policy;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
    }

    /** Imports a list; returns the kept batch, applied or rejected with its problems. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportBatch importFile(Kind kind, String fileName, InputStream in) {
        XlsxReadResult read = XlsxReader.read(fileName, in, kind == Kind.ORG_UNITS ? ORG_UNITS : PEOPLE);
        if (read.problems().stream().noneMatch(XlsxProblem::isFileLevel)) {
            if (kind == Kind.ORG_UNITS) {
                checkOrgUnits(read);
            } else {
                checkPeople(read);
            }
        }
        if (!read.isAcceptable()) {
            long id = keep(kind, fileName, false, read.rows().size(), read.problems());
            audit.recordFailure(Actor.current(), "directory.import." + kind.name().toLowerCase(Locale.ROOT), "file:" + fileName,
                    AuditLog.Outcome.FAILURE, read.problems().size() + " problems, nothing applied");
            return batch(id);
        }
        long id = transactions.execute(status -> {
            if (kind == Kind.ORG_UNITS) {
                applyOrgUnits(read);
            } else {
                applyPeople(read);
            }
            audit.record("directory.import." + kind.name().toLowerCase(Locale.ROOT), "file:" + fileName,
                    read.rows().size() + " rows applied");
            return keep(kind, fileName, true, read.rows().size(), List.of());
        });
        return batch(id);
    }

    // org units

    private void checkOrgUnits(XlsxReadResult read) {
        Map<String, XlsxRow> inFile = new LinkedHashMap<>();
        Set<String> codesInFile = new HashSet<>();
        read.rows().forEach(r -> {
            if (r.get("code") != null) {
                codesInFile.add(r.get("code").toLowerCase(Locale.ROOT));
            }
        });
        Map<String, String> creditInFile = new HashMap<>();
        for (XlsxRow row : read.rows()) {
            NewOrgUnit unit = orgUnit(row);
            if (unit == null) {
                read.addProblem(row, "kind", "directory.import.kind.unknown", String.valueOf(row.get("kind")));
                continue;
            }
            if (inFile.putIfAbsent(unit.code(), row) != null) {
                read.addProblem(row, "code", "directory.import.duplicate", unit.code(), inFile.get(unit.code()).rowNumber());
            }
            boolean exists = store.orgUnit(unit.code()).isPresent();
            for (FieldProblem p : rules.checkOrgUnit(unit, !exists, c -> false,
                    c -> codesInFile.contains(c) || store.orgUnit(c).isPresent())) {
                addUnlessReported(read, ORG_UNITS, row, p);
            }
            if (unit.creditCode() != null) {
                String previous = creditInFile.putIfAbsent(unit.creditCode(), unit.code());
                if (previous != null && !previous.equals(unit.code())) {
                    read.addProblem(row, "creditCode", "directory.field.credit-code.taken", unit.creditCode());
                } else if (store.creditCodeTaken(unit.creditCode(), unit.code())) {
                    read.addProblem(row, "creditCode", "directory.field.credit-code.taken", unit.creditCode());
                }
            }
        }
        if (read.isAcceptable()) {
            for (XlsxRow row : read.rows()) {
                if (cycles(row.get("code"), inFile)) {
                    read.addProblem(row, "parentCode", "directory.field.parent.cycle", String.valueOf(row.get("parentCode")));
                }
            }
        }
    }

    /** The reader already reports blank and over-long cells; the rules would report them a second time. */
    private static void addUnlessReported(XlsxReadResult read, XlsxTable table, XlsxRow row, FieldProblem p) {
        String header = table.column(p.field()).map(XlsxColumn::headerZh).orElse(null);
        boolean reported = read.problems().stream().anyMatch(q -> q.row() == row.rowNumber() && java.util.Objects.equals(q.field(), header));
        if (!reported) {
            read.addProblem(row, p.field(), p.messageKey(), p.args());
        }
    }

    private boolean cycles(@Nullable String code, Map<String, XlsxRow> inFile) {
        Set<String> seen = new HashSet<>();
        String current = code == null ? null : code.toLowerCase(Locale.ROOT);
        while (current != null && inFile.containsKey(current)) {
            if (!seen.add(current)) {
                return true;
            }
            String parent = inFile.get(current).get("parentCode");
            current = parent == null ? null : parent.toLowerCase(Locale.ROOT);
        }
        return false;
    }

    private void applyOrgUnits(XlsxReadResult read) {
        Map<String, NewOrgUnit> pending = new LinkedHashMap<>();
        read.rows().forEach(r -> {
            NewOrgUnit u = orgUnit(r);
            pending.put(u.code(), u);
        });
        while (!pending.isEmpty()) {
            var ready = pending.values().stream()
                    .filter(u -> u.parentCode() == null || !pending.containsKey(u.parentCode()))
                    .toList();
            for (NewOrgUnit u : ready) {
                if (store.orgUnit(u.code()).isPresent()) {
                    directory.updateOrgUnit(u.code(), u);
                } else {
                    directory.createOrgUnit(u);
                }
                pending.remove(u.code());
            }
        }
    }

    private static @Nullable NewOrgUnit orgUnit(XlsxRow row) {
        String kind = row.get("kind");
        OrgUnitKind k = kind == null ? null : KIND_NAMES.get(kind);
        if (k == null && kind != null) {
            try {
                k = OrgUnitKind.valueOf(kind.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (k == null) {
            return null;
        }
        String sort = row.get("sortOrder");
        int order = 0;
        if (sort != null) {
            try {
                order = Integer.parseInt(sort);
            } catch (NumberFormatException e) {
                order = -1;
            }
        }
        String credit = row.get("creditCode");
        return new NewOrgUnit(String.valueOf(row.get("code")).toLowerCase(Locale.ROOT), String.valueOf(row.get("name")), k,
                row.get("parentCode") == null ? null : row.get("parentCode").toLowerCase(Locale.ROOT),
                credit == null ? null : credit.toUpperCase(Locale.ROOT), String.valueOf(row.get("divisionCode")), Math.max(order, 0));
    }

    // people

    private void checkPeople(XlsxReadResult read) {
        Map<String, Integer> seen = new HashMap<>();
        boolean mayAssignRoles = holds("ROLE_ASSIGN");
        Set<String> managed = directory.managedOrgUnits();
        for (XlsxRow row : read.rows()) {
            NewPerson p = person(row);
            Integer earlier = seen.putIfAbsent(p.username(), row.rowNumber());
            if (earlier != null) {
                read.addProblem(row, "username", "directory.import.duplicate", p.username(), earlier);
            }
            boolean exists = store.usernameTaken(p.username());
            for (FieldProblem problem : rules.checkPerson(p, !exists, store::signInNameTaken, c -> store.orgUnit(c).isPresent())) {
                addUnlessReported(read, PEOPLE, row, problem);
            }
            if (managed != null && p.orgUnitCode() != null && !managed.contains(p.orgUnitCode())) {
                read.addProblem(row, "orgUnitCode", "problem.directory.out-of-scope", p.orgUnitCode());
            }
            Set<String> roles = roles(row.get("roles"));
            if (!roles.isEmpty() && !mayAssignRoles) {
                read.addProblem(row, "roles", "directory.import.roles.not-allowed");
            }
            for (String role : roles) {
                if (!policy.isRole(role)) {
                    read.addProblem(row, "roles", "directory.field.role.unknown", role);
                }
            }
            List<String> officers = policy.threeOfficerRolesIn(roles);
            if (officers.size() > 1) {
                read.addProblem(row, "roles", "problem.directory.three-officers", String.join(", ", officers));
            }
        }
    }

    private void applyPeople(XlsxReadResult read) {
        for (XlsxRow row : read.rows()) {
            NewPerson p = person(row);
            if (store.usernameTaken(p.username())) {
                directory.updatePerson(p.username(), p);
            } else {
                directory.createPerson(p);
            }
            Set<String> roles = roles(row.get("roles"));
            if (!roles.isEmpty()) {
                directory.assignRoles(p.username(), roles);
            }
        }
    }

    private static NewPerson person(XlsxRow row) {
        return new NewPerson(String.valueOf(row.get("username")).toLowerCase(Locale.ROOT), String.valueOf(row.get("fullName")),
                row.get("orgUnitCode") == null ? null : row.get("orgUnitCode").toLowerCase(Locale.ROOT), row.get("title"),
                row.get("mobile"), row.get("email"));
    }

    /** Roles written by their Chinese names (平台管理员) or codes (PLATFORM_ADMIN), separated by 、，, ; or spaces. */
    private Set<String> roles(@Nullable String cell) {
        Set<String> result = new LinkedHashSet<>();
        if (cell == null) {
            return result;
        }
        for (String part : cell.split("[、，,;；\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            String code = policy.roles().keySet().stream()
                    .filter(r -> r.equalsIgnoreCase(part) || part.equals(messages.getMessage("role." + r, null, r, Locale.SIMPLIFIED_CHINESE)))
                    .findFirst().orElse(part);
            result.add(code);
        }
        return result;
    }

    private static boolean holds(String privilege) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals(privilege));
    }

    // export

    /** Writes the org unit list in the import layout, so an export can be edited and imported again. */
    public void exportOrgUnits(Locale locale, OutputStream out) throws IOException {
        List<Map<String, String>> rows = new ArrayList<>();
        for (OrgUnit u : directory.orgUnits()) {
            Map<String, String> row = new HashMap<>();
            row.put("code", u.code());
            row.put("name", u.name());
            row.put("kind", KIND_NAMES.entrySet().stream().filter(e -> e.getValue() == u.kind()).findFirst().orElseThrow().getKey());
            row.put("parentCode", u.parentCode());
            row.put("creditCode", u.creditCode());
            row.put("divisionCode", u.divisionCode());
            row.put("sortOrder", String.valueOf(u.sortOrder()));
            rows.add(row);
        }
        XlsxWriter.write(ORG_UNITS, rows, locale, out);
        audit.record("directory.export.org-units", "org-units", rows.size() + " rows");
    }

    /** Writes the people the current person manages, with contact details; the export is audited. */
    @Transactional
    public void exportPeople(Locale locale, OutputStream out) throws IOException {
        Set<String> managed = directory.managedOrgUnits();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Person p : store.people(managed, null, Integer.MAX_VALUE)) {
            Map<String, String> row = new HashMap<>();
            row.put("username", p.username());
            row.put("fullName", p.fullName());
            row.put("orgUnitCode", p.orgUnitCode());
            row.put("title", p.title());
            row.put("mobile", p.mobile());
            row.put("email", p.email());
            row.put("roles", String.join("、", p.roles().stream()
                    .map(r -> messages.getMessage("role." + r, null, r, Locale.SIMPLIFIED_CHINESE)).toList()));
            rows.add(row);
        }
        XlsxWriter.write(PEOPLE, rows, locale, out);
        audit.record("directory.export.people", "people", rows.size() + " rows with contact details");
    }

    public void template(Kind kind, Locale locale, OutputStream out) throws IOException {
        XlsxWriter.template(kind == Kind.ORG_UNITS ? ORG_UNITS : PEOPLE, locale, out);
    }

    public void problemReport(long id, Locale locale, OutputStream out) throws IOException {
        XlsxWriter.problems(batch(id).problems(), messages, locale, out);
    }

    // kept batches

    public List<ImportBatch> recentBatches(int limit) {
        return jdbc.sql("select id from directory.import_batch order by id desc limit ?").param(limit).query(Long.class).list()
                .stream().map(this::batch).toList();
    }

    public ImportBatch batch(long id) {
        return jdbc.sql("select id, kind, file_name, uploaded_by, uploaded_at, status, row_count, problems::text from directory.import_batch where id = ?")
                .param(id)
                .query((rs, n) -> new ImportBatch(rs.getLong(1), Kind.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), "APPLIED".equals(rs.getString(6)), rs.getInt(7),
                        json.readValue(rs.getString(8), new TypeReference<List<XlsxProblem>>() {})))
                .optional()
                .orElseThrow(() -> DirectoryProblem.importNotFound(id));
    }

    private long keep(Kind kind, String fileName, boolean applied, int rows, List<XlsxProblem> problems) {
        List<XlsxProblem> stored = problems.stream()
                .map(p -> new XlsxProblem(p.file(), p.sheet(), p.row(), p.field(), p.fieldEn(), p.messageKey(),
                        p.args().stream().map(a -> (Object) String.valueOf(a)).toList()))
                .toList();
        return jdbc.sql("""
                insert into directory.import_batch (kind, file_name, uploaded_by, status, row_count, problems)
                values (?, ?, ?, ?, ?, ?::jsonb) returning id""")
                .params(kind.name(), fileName, Actor.current().username(), applied ? "APPLIED" : "REJECTED", rows,
                        json.writeValueAsString(stored))
                .query(Long.class).single();
    }
}
