package org.zhengtong.approval.items;

import static org.zhengtong.shared.xlsx.XlsxColumn.optional;
import static org.zhengtong.shared.xlsx.XlsxColumn.required;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.xlsx.XlsxColumn.Invalid;
import org.zhengtong.shared.xlsx.XlsxProblem;
import org.zhengtong.shared.xlsx.XlsxReadResult;
import org.zhengtong.shared.xlsx.XlsxReader;
import org.zhengtong.shared.xlsx.XlsxRow;
import org.zhengtong.shared.xlsx.XlsxTable;
import org.zhengtong.shared.xlsx.XlsxWriter;

/**
 * A department's items in and out of Excel (事项导入导出), in the workbook staff keep their 权责清单 and guides in:
 * a sheet of items and one each of materials, steps, form fields and windows, tied to their item by its code. An
 * import applies whole or not at all: every problem of every sheet is listed with its file, sheet, row and field, and
 * if there is any, nothing changes. An item the file names that the department already has is updated (its working
 * copy); a new code creates a draft; optionally every imported item is then published.
 */
@Service
public class ItemTransfer {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    /** The reader's problem of a sheet without data rows: only the items sheet must have some. */
    static final String NO_ROWS = "xlsx.rows.none";

    public static final XlsxTable ITEMS = XlsxTable.of("事项", "Items",
            required("code", "事项编码", "Item code", 64),
            required("name", "事项名称", "Item name", 200),
            required("type", "事项类型", "Item type", 20).withCheck(ItemTransfer::checkType),
            required("legalBasis", "设定依据", "Legal basis", 4000),
            required("conditions", "受理条件", "Acceptance conditions", 4000),
            required("procedure", "办理流程", "Procedure", 4000),
            required("legalLimitDays", "法定时限（工作日）", "Legal limit (working days)", 5).withCheck(ItemTransfer::checkNumber),
            required("promisedLimitDays", "承诺时限（工作日）", "Promised limit (working days)", 5).withCheck(ItemTransfer::checkNumber),
            optional("feeText", "收费项目及依据", "Fee and its basis", 4000),
            optional("feeAmount", "收费金额（元）", "Fee amount (yuan)", 15).withCheck(ItemTransfer::checkAmount),
            required("template", "办理方式", "Process template", 10).withCheck(ItemTransfer::checkTemplate),
            optional("leadDepartment", "牵头部门", "Lead department", 40));

    public static final XlsxTable MATERIALS = XlsxTable.of("申请材料", "Materials",
            required("itemCode", "事项编码", "Item code", 64),
            required("name", "材料名称", "Material", 200),
            required("form", "材料形式", "Form", 10),
            required("copies", "份数", "Copies", 3).withCheck(ItemTransfer::checkNumber),
            required("required", "是否必需", "Required", 5).withCheck(ItemTransfer::checkYesNo),
            optional("licenceType", "可代替的电子证照类型", "Replacing e-licence type", 30),
            optional("baseField", "可代替的基础数据项", "Replacing base data field", 40));

    public static final XlsxTable STEPS = XlsxTable.of("办理环节", "Steps",
            required("itemCode", "事项编码", "Item code", 64),
            required("department", "部门代码", "Department code", 40),
            required("limitDays", "环节时限（工作日）", "Step limit (working days)", 5).withCheck(ItemTransfer::checkNumber));

    public static final XlsxTable FIELDS = XlsxTable.of("表单字段", "Form fields",
            required("itemCode", "事项编码", "Item code", 64),
            required("name", "字段名", "Field name", 40),
            required("label", "显示名称", "Label", 200),
            required("type", "字段类型", "Field type", 10),
            required("required", "是否必填", "Required", 5).withCheck(ItemTransfer::checkYesNo),
            optional("prefill", "预填来源", "Prefill source", 40));

    public static final XlsxTable WINDOWS = XlsxTable.of("办理窗口", "Windows",
            required("itemCode", "事项编码", "Item code", 64),
            required("address", "窗口地址", "Address", 200),
            required("hours", "办公时间", "Office hours", 200),
            required("phone", "咨询电话", "Phone", 30));

    static final List<XlsxTable> SHEETS = List.of(ITEMS, MATERIALS, STEPS, FIELDS, WINDOWS);

    /** What became of an uploaded workbook: applied, with the codes created and updated, or refused with every problem. */
    public record ImportResult(String fileName, boolean applied, List<String> created, List<String> updated, boolean published,
            List<XlsxProblem> problems) {}

    private final ServiceItems items;
    private final ServiceItemStore store;
    private final ServiceItemRules rules;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    ItemTransfer(ServiceItems items, ServiceItemStore store, ServiceItemRules rules, AuditLog audit, PlatformTransactionManager transactionManager) {
        this.items = items;
        this.store = store;
        this.rules = rules;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    private record Planned(String code, @Nullable ItemEntry existing, ItemContent content) {}

    /** Imports a workbook for the acting person's department. */
    public ImportResult importFile(String fileName, InputStream in, boolean publish) {
        String department = items.actingDepartment().code();
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return rejected(fileName, List.of(fileProblem(fileName, "xlsx.file.unreadable")));
        }
        if (bytes.length > MAX_BYTES) {
            return rejected(fileName, List.of(fileProblem(fileName, "approval-items.import.too-large", Integer.toString(MAX_BYTES / 1024 / 1024))));
        }
        List<String> names = sheetNames(bytes);
        Map<XlsxTable, XlsxReadResult> read = new LinkedHashMap<>();
        List<XlsxProblem> fileProblems = new ArrayList<>();
        if (names == null) {
            // Not a workbook at all: the reader says why, once.
            fileProblems.addAll(XlsxReader.read(fileName, new ByteArrayInputStream(bytes), ITEMS).problems());
        } else {
            for (XlsxTable t : SHEETS) {
                if (names.stream().noneMatch(n -> isSheet(n, t))) {
                    fileProblems.add(fileProblem(fileName, "xlsx.sheet.missing", t.sheetZh(), t.sheetEn()));
                } else {
                    read.put(t, XlsxReader.read(fileName, new ByteArrayInputStream(bytes), t));
                }
            }
        }
        if (!fileProblems.isEmpty() || read.entrySet().stream().anyMatch(e -> e.getValue().problems().stream()
                .anyMatch(p -> p.isFileLevel() && !(e.getKey() != ITEMS && p.messageKey().equals(NO_ROWS))))) {
            return rejected(fileName, collect(fileProblems, read));
        }
        List<Planned> plan = check(read, department, publish);
        List<XlsxProblem> problems = collect(fileProblems, read);
        if (!problems.isEmpty()) {
            return rejected(fileName, problems);
        }
        try {
            return transactions.execute(status -> {
                List<String> created = new ArrayList<>();
                List<String> updated = new ArrayList<>();
                for (Planned p : plan) {
                    ItemEntry e;
                    if (p.existing() == null) {
                        e = items.createFor(department, p.code(), p.content());
                        created.add(p.code());
                    } else {
                        e = items.saveOwned(p.existing(), p.content());
                        updated.add(p.code());
                    }
                    if (publish && (e.status() != ItemStatus.PUBLISHED || e.changed())) {
                        items.publishOwned(e);
                    }
                }
                audit.record("approval.item.import", "file:" + fileName,
                        created.size() + " created, " + updated.size() + " updated" + (publish ? ", published" : ""));
                return new ImportResult(fileName, true, created, updated, publish, List.of());
            });
        } catch (PlatformException e) {
            // Something changed between the check and the transaction: nothing was applied.
            return rejected(fileName, List.of(fileProblem(fileName, "approval-items.import.failed", e.code())));
        }
    }

    private List<Planned> check(Map<XlsxTable, XlsxReadResult> read, String department, boolean publish) {
        XlsxReadResult itemSheet = read.get(ITEMS);
        Map<String, XlsxRow> itemRows = new LinkedHashMap<>();
        for (XlsxRow row : itemSheet.rows()) {
            String code = row.get("code");
            if (code == null) {
                continue;
            }
            if (itemRows.containsKey(code)) {
                itemSheet.addProblem(row, "code", "approval-items.import.duplicate", code, itemRows.get(code).rowNumber());
            } else {
                itemRows.put(code, row);
            }
        }
        Map<XlsxTable, Map<String, List<XlsxRow>>> children = new HashMap<>();
        for (XlsxTable t : List.of(MATERIALS, STEPS, FIELDS, WINDOWS)) {
            Map<String, List<XlsxRow>> byItem = new HashMap<>();
            for (XlsxRow row : read.get(t).rows()) {
                String code = row.get("itemCode");
                if (code == null) {
                    continue;
                }
                if (!itemRows.containsKey(code)) {
                    read.get(t).addProblem(row, "itemCode", "approval-items.import.unknown-item", code);
                }
                byItem.computeIfAbsent(code, k -> new ArrayList<>()).add(row);
            }
            children.put(t, byItem);
        }
        List<Planned> plan = new ArrayList<>();
        for (var e : itemRows.entrySet()) {
            String code = e.getKey();
            XlsxRow row = e.getValue();
            Map<XlsxTable, List<XlsxRow>> mine = new HashMap<>();
            children.forEach((t, byItem) -> mine.put(t, byItem.getOrDefault(code, List.of())));
            ItemContent content = content(row, mine).normalized(department);
            List<FieldProblem> problems = new ArrayList<>(rules.checkCode(code));
            problems.addAll(publish ? rules.checkPublishable(content) : rules.check(content));
            Optional<ItemEntry> existing = store.entry(code);
            if (existing.isPresent() && !existing.get().department().equals(department)) {
                itemSheet.addProblem(row, "code", "approval-items.import.other-department", code, items.departmentName(existing.get().department()));
            }
            for (FieldProblem p : problems) {
                report(read, row, mine, p);
            }
            plan.add(new Planned(code, existing.orElse(null), content));
        }
        return plan;
    }

    /** Puts a rule's problem on the cell it is about: the item's row, or the row of its material, step, field or window. */
    private static void report(Map<XlsxTable, XlsxReadResult> read, XlsxRow itemRow, Map<XlsxTable, List<XlsxRow>> mine, FieldProblem p) {
        String[] parts = p.field().split("\\.");
        Object[] args = p.args();
        if (parts.length == 3) {
            XlsxTable t = switch (parts[0]) {
                case "materials" -> MATERIALS;
                case "steps" -> STEPS;
                case "formFields" -> FIELDS;
                default -> WINDOWS;
            };
            XlsxRow row = mine.get(t).get(Integer.parseInt(parts[1]));
            String column = parts[2].equals("code") ? "name" : parts[2];
            addUnlessRefused(read.get(t), t, row, t.column(column).isPresent() ? column : null, p.messageKey(), args);
        } else {
            String column = ITEMS.column(p.field()).isPresent() ? p.field() : null;
            addUnlessRefused(read.get(ITEMS), ITEMS, itemRow, column, p.messageKey(), args);
        }
    }

    /** A cell the reader already refused (not a number, an unknown type) is not reported a second time by the rules. */
    private static void addUnlessRefused(XlsxReadResult read, XlsxTable table, XlsxRow row, @Nullable String column, String key,
            Object[] args) {
        String header = column == null ? null : table.column(column).orElseThrow().headerZh();
        boolean refused = header != null && read.problems().stream().anyMatch(p -> p.row() == row.rowNumber() && header.equals(p.field()));
        if (!refused) {
            read.addProblem(row, column, key, args);
        }
    }

    private static ItemContent content(XlsxRow row, Map<XlsxTable, List<XlsxRow>> mine) {
        List<Material> materials = mine.get(MATERIALS).stream().map(r -> new Material("", text(r.get("name")), text(r.get("form")),
                number(r.get("copies")), yes(r.get("required")), r.get("licenceType"), r.get("baseField"))).toList();
        List<Step> steps = mine.get(STEPS).stream().map(r -> new Step(text(r.get("department")), number(r.get("limitDays")))).toList();
        List<FormField> fields = mine.get(FIELDS).stream().map(r -> new FormField(text(r.get("name")), text(r.get("label")),
                text(r.get("type")), yes(r.get("required")), r.get("prefill"))).toList();
        List<Window> windows = mine.get(WINDOWS).stream().map(r -> new Window(text(r.get("address")), text(r.get("hours")),
                text(r.get("phone")))).toList();
        ItemType type = row.get("type") == null ? null : ItemType.parse(row.get("type")).orElse(null);
        ProcessTemplate template = template(row.get("template"));
        BigDecimal amount = amount(row.get("feeAmount"));
        return new ItemContent(text(row.get("name")), type, text(row.get("legalBasis")), text(row.get("conditions")), materials,
                text(row.get("procedure")), number(row.get("legalLimitDays")), number(row.get("promisedLimitDays")), row.get("feeText"),
                amount, windows, template, row.get("leadDepartment"), steps, fields);
    }

    // export

    /** The department's items, working copies in any state, in the import's workbook. */
    public void export(String department, Locale locale, OutputStream out) throws IOException {
        Map<XlsxTable, List<Map<String, @Nullable String>>> sheets = new LinkedHashMap<>();
        SHEETS.forEach(t -> sheets.put(t, new ArrayList<>()));
        for (ItemEntry e : items.entries(department)) {
            ItemContent c = e.content();
            Map<String, @Nullable String> row = new HashMap<>();
            row.put("code", e.code());
            row.put("name", c.name());
            row.put("type", c.type() == null ? null : c.type().label());
            row.put("legalBasis", c.legalBasis());
            row.put("conditions", c.conditions());
            row.put("procedure", c.procedure());
            row.put("legalLimitDays", Integer.toString(c.legalLimitDays()));
            row.put("promisedLimitDays", Integer.toString(c.promisedLimitDays()));
            row.put("feeText", c.feeText());
            row.put("feeAmount", c.feeAmount() == null ? null : c.feeAmount().toPlainString());
            row.put("template", c.template() == null ? null : c.template().name());
            row.put("leadDepartment", c.leadDepartment());
            sheets.get(ITEMS).add(row);
            for (Material m : c.materials()) {
                sheets.get(MATERIALS).add(map("itemCode", e.code(), "name", m.name(), "form", m.form(), "copies", Integer.toString(m.copies()),
                        "required", m.required() ? "是" : "否", "licenceType", m.licenceType(), "baseField", m.baseField()));
            }
            for (Step s : c.steps()) {
                sheets.get(STEPS).add(map("itemCode", e.code(), "department", s.department(), "limitDays", Integer.toString(s.limitDays())));
            }
            for (FormField f : c.formFields()) {
                sheets.get(FIELDS).add(map("itemCode", e.code(), "name", f.name(), "label", f.label(), "type", f.type(),
                        "required", f.required() ? "是" : "否", "prefill", f.prefill()));
            }
            for (Window w : c.windows()) {
                sheets.get(WINDOWS).add(map("itemCode", e.code(), "address", w.address(), "hours", w.hours(), "phone", w.phone()));
            }
        }
        audit.record("approval.item.export", "department:" + department, sheets.get(ITEMS).size() + " items");
        XlsxWriter.writeSheets(sheets, locale, out);
    }

    /** An empty workbook with every sheet's headers. */
    public void template(Locale locale, OutputStream out) throws IOException {
        Map<XlsxTable, List<Map<String, @Nullable String>>> sheets = new LinkedHashMap<>();
        SHEETS.forEach(t -> sheets.put(t, List.of()));
        XlsxWriter.writeSheets(sheets, locale, out);
    }

    // helpers

    private ImportResult rejected(String fileName, List<XlsxProblem> problems) {
        audit.recordFailure(Actor.current(), "approval.item.import", "file:" + fileName, AuditLog.Outcome.FAILURE,
                problems.size() + " problems");
        return new ImportResult(fileName, false, List.of(), List.of(), false, problems);
    }

    private static Map<String, @Nullable String> map(@Nullable String... kv) {
        Map<String, @Nullable String> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static List<XlsxProblem> collect(List<XlsxProblem> fileProblems, Map<XlsxTable, XlsxReadResult> read) {
        List<XlsxProblem> all = new ArrayList<>(fileProblems);
        read.forEach((t, r) -> r.problems().stream().filter(p -> !(t != ITEMS && p.messageKey().equals(NO_ROWS))).forEach(all::add));
        return all.stream().distinct().toList();
    }

    private static XlsxProblem fileProblem(String fileName, String messageKey, Object... args) {
        return new XlsxProblem(fileName, null, 0, null, null, messageKey, List.of(args));
    }

    private static @Nullable List<String> sheetNames(byte[] bytes) {
        try {
            OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes));
            try {
                XSSFReader.SheetIterator sheets = new XSSFReader(pkg).getSheetIterator();
                List<String> names = new ArrayList<>();
                while (sheets.hasNext()) {
                    sheets.next().close();
                    names.add(sheets.getSheetName());
                }
                return names;
            } finally {
                pkg.revert();
            }
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isSheet(String name, XlsxTable table) {
        String n = name.replaceAll("\\s", "").toLowerCase(Locale.ROOT);
        return n.equals(table.sheetZh()) || n.equals(table.sheetEn().replaceAll("\\s", "").toLowerCase(Locale.ROOT));
    }

    private static String text(@Nullable String s) {
        return s == null ? "" : s;
    }

    private static int number(@Nullable String s) {
        try {
            return s == null ? 0 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static @Nullable BigDecimal amount(@Nullable String s) {
        try {
            return s == null ? null : new BigDecimal(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean yes(@Nullable String s) {
        return s != null && List.of("是", "yes", "y", "true", "必需", "必填").contains(s.strip().toLowerCase(Locale.ROOT));
    }

    private static @Nullable ProcessTemplate template(@Nullable String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip().toUpperCase(Locale.ROOT)) {
            case "SINGLE", "单部门", "单部门办理" -> ProcessTemplate.SINGLE;
            case "PARALLEL", "并联", "并联审批" -> ProcessTemplate.PARALLEL;
            case "SEQUENCE", "串联", "串联审批" -> ProcessTemplate.SEQUENCE;
            default -> null;
        };
    }

    private static @Nullable Invalid checkType(String value) {
        return ItemType.parse(value).isPresent() ? null : Invalid.of("approval-items.rule.type", value);
    }

    private static @Nullable Invalid checkTemplate(String value) {
        return template(value) != null ? null : Invalid.of("approval-items.rule.template", value);
    }

    private static @Nullable Invalid checkNumber(String value) {
        try {
            Integer.parseInt(value.strip());
            return null;
        } catch (NumberFormatException e) {
            return Invalid.of("approval-items.rule.number", value);
        }
    }

    private static @Nullable Invalid checkAmount(String value) {
        return amount(value) != null ? null : Invalid.of("approval-items.rule.amount", value);
    }

    private static @Nullable Invalid checkYesNo(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return List.of("是", "否", "yes", "no", "y", "n", "true", "false", "必需", "必填", "非必需", "选填").contains(v) ? null
                : Invalid.of("approval-items.rule.yes-no", value);
    }
}
