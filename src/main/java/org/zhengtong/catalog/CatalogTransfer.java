package org.zhengtong.catalog;

import static org.zhengtong.shared.xlsx.XlsxColumn.optional;
import static org.zhengtong.shared.xlsx.XlsxColumn.required;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.catalog.Resource.VersionStatus;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.OpenType;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.catalog.Vocabulary.Term;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.catalog.internal.CatalogRules;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.directory.OrgUnitKind;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.xlsx.XlsxColumn;
import org.zhengtong.shared.xlsx.XlsxColumn.Invalid;
import org.zhengtong.shared.xlsx.XlsxProblem;
import org.zhengtong.shared.xlsx.XlsxReadResult;
import org.zhengtong.shared.xlsx.XlsxReader;
import org.zhengtong.shared.xlsx.XlsxRow;
import org.zhengtong.shared.xlsx.XlsxTable;
import org.zhengtong.shared.xlsx.XlsxWriter;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog in and out of Excel (目录导入导出), in the workbook layout departments compile their catalogs in
 * (编目表): a sheet 信息资源 with one row per resource and a sheet 信息项 with one row per data item, each item
 * linked to its resource by the resource's name. Values are the guide's Chinese terms (数据库, 有条件共享, 每日),
 * whatever the language of the headers; the constant names (DATABASE) are accepted too.
 *
 * <p>An import is all or nothing. Every resource is assembled with its data items and checked by the same
 * {@link CatalogRules} as the form, together with what only a workbook can get wrong: a provider the directory
 * does not know or the importer may not import for, a code twice in the file or not a draft of the importer's
 * department, a data item naming no resource, a term that is not in the guide, a date that is not one. Only a
 * workbook without a single problem is applied, in one transaction: a row without a code becomes a new draft
 * whose code the catalog assigns; a row with the code of one of the department's drafts updates that draft, so
 * a department can download its drafts, edit them in Excel and import them again.
 *
 * <p>A data officer (信息主管) imports for their own department only. The data administrator (数据管理员, who
 * holds {@code CATALOG_REVIEW}) may import new entries for any provider, as when a city's first catalog is
 * compiled centrally; like everyone, they update only drafts of their own department, since the form does not
 * let them edit another department's drafts either. Every attempt is audited and kept with its problems.
 */
@Service
public class CatalogTransfer {

    /** Uploads are held in memory so both sheets can be read; the multipart limit is the same. */
    static final int MAX_BYTES = 20 * 1024 * 1024;

    private static final Pattern DATE = Pattern.compile("(\\d{4})[-/.年](\\d{1,2})[-/.月](\\d{1,2})日?");
    private static final String LIST_SEPARATORS = "[、，,;；\\s]+";
    private static final String REVIEW = "CATALOG_REVIEW";

    public static final XlsxTable RESOURCES = XlsxTable.of("信息资源", "Resources",
            optional("code", "资源代码", "Resource code", 20).withCheck(CatalogTransfer::checkCode),
            required("name", "资源名称", "Resource name", CatalogRules.MAX_NAME),
            required("classification", "资源分类代码", "Classification code", 20),
            required("provider", "提供方", "Provider", 200),
            required("summary", "资源摘要", "Summary", CatalogRules.MAX_SUMMARY),
            required("format", "资源格式", "Format", 30).withCheck(v -> checkTerm(Format.class, v)),
            required("shareType", "共享类型", "Share type", 30).withCheck(v -> checkTerm(ShareType.class, v)),
            optional("shareConditions", "共享条件", "Share conditions", CatalogRules.MAX_TEXT),
            optional("shareWays", "共享方式", "Share ways", 100).withCheck(v -> checkTerms(ShareWay.class, v)),
            optional("shareBasis", "不予共享依据", "Basis for not sharing", CatalogRules.MAX_TEXT),
            required("openType", "开放类型", "Open type", 30).withCheck(v -> checkTerm(OpenType.class, v)),
            optional("openConditions", "开放条件", "Open conditions", CatalogRules.MAX_TEXT),
            required("updateCycle", "更新周期", "Update cycle", 30).withCheck(v -> checkTerm(UpdateCycle.class, v)),
            optional("publishDate", "发布日期", "Publish date", 30).withCheck(CatalogTransfer::checkDate),
            optional("relatedCodes", "关联资源代码", "Related resource codes", 2000),
            optional("keywords", "关键字", "Keywords", 500),
            optional("contactName", "联系人", "Contact name", 50),
            optional("contactPhone", "联系电话", "Contact phone", 20),
            optional("contactEmail", "电子邮箱", "Contact email", 100));

    public static final XlsxTable ITEMS = XlsxTable.of("信息项", "Data items",
            required("resource", "资源名称", "Resource name", CatalogRules.MAX_NAME),
            required("name", "信息项名称", "Data item name", 100),
            required("dataType", "数据类型", "Data type", 30).withCheck(v -> checkTerm(DataType.class, v)),
            optional("length", "长度", "Length", 10).withCheck(CatalogTransfer::checkLength),
            optional("key", "是否主键", "Key", 10).withCheck(CatalogTransfer::checkYesNo),
            optional("required", "是否必填", "Required", 10).withCheck(CatalogTransfer::checkYesNo),
            optional("personal", "是否个人或敏感", "Personal or sensitive", 10).withCheck(CatalogTransfer::checkYesNo),
            optional("standard", "校验标准", "Standard", 30).withCheck(v -> checkTerm(Standard.class, v)),
            optional("description", "说明", "Description", CatalogRules.MAX_TEXT));

    /** One import attempt as kept: what, by whom, for which department, when, and with what outcome. */
    public record ImportResult(long id, String fileName, String uploadedBy, @Nullable String department, Instant uploadedAt,
            boolean applied, int resourceCount, int itemCount, boolean submitted, List<String> codes, List<XlsxProblem> problems) {}

    /** An import attempt that does not exist, or that belongs to another department. */
    static final class ImportNotFound extends PlatformException {
        ImportNotFound(long id) {
            super("catalog.import-not-found", HttpStatus.NOT_FOUND, Long.toString(id));
        }
    }

    /** A checked resource row, ready to apply: whose it is, the draft it updates (or none) and its content. */
    private record Planned(OrgUnit provider, @Nullable String code, ResourceDraft draft) {}

    private final CatalogManagement catalog;
    private final CatalogRules rules;
    private final DirectoryManagement directory;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MessageSource messages;
    private final TransactionTemplate transactions;

    CatalogTransfer(CatalogManagement catalog, CatalogRules rules, DirectoryManagement directory, AuditLog audit, JdbcClient jdbc,
            JsonMapper json, MessageSource messages, PlatformTransactionManager transactionManager) {
        this.catalog = catalog;
        this.rules = rules;
        this.directory = directory;
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.messages = messages;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // import

    /** Imports a workbook, leaving the new and updated entries as drafts. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportResult importFile(String fileName, InputStream in) {
        return importFile(fileName, in, false);
    }

    /**
     * Imports a workbook; returns the kept attempt, applied or rejected with every problem found.
     *
     * @param submit whether each entry the import drafts or updates is then submitted for review (提交审核)
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ImportResult importFile(String fileName, InputStream in, boolean submit) {
        OrgUnit importer = catalog.actingDepartment();
        List<XlsxProblem> fileProblems = new ArrayList<>();
        XlsxReadResult resources = null;
        XlsxReadResult items = null;
        byte[] bytes = bytes(in);
        if (bytes == null) {
            fileProblems.add(fileProblem(fileName, "xlsx.file.unreadable"));
        } else if (bytes.length > MAX_BYTES) {
            fileProblems.add(fileProblem(fileName, "catalog-transfer.file.too-large", Integer.toString(MAX_BYTES / 1024 / 1024)));
        } else {
            // The reader takes the only sheet of a one-sheet workbook whatever its name; here both sheets must be there.
            List<String> sheets = sheetNames(bytes);
            boolean single = sheets != null && sheets.size() == 1;
            boolean resourcesThere = !single || isSheet(sheets.getFirst(), RESOURCES);
            boolean itemsThere = !single || isSheet(sheets.getFirst(), ITEMS);
            if (resourcesThere) {
                resources = XlsxReader.read(fileName, new ByteArrayInputStream(bytes), RESOURCES);
            } else {
                fileProblems.add(fileProblem(fileName, "xlsx.sheet.missing", RESOURCES.sheetZh(), RESOURCES.sheetEn()));
            }
            if (itemsThere) {
                items = XlsxReader.read(fileName, new ByteArrayInputStream(bytes), ITEMS);
            } else {
                fileProblems.add(fileProblem(fileName, "xlsx.sheet.missing", ITEMS.sheetZh(), ITEMS.sheetEn()));
            }
        }
        List<Planned> plan = List.of();
        if (fileProblems.isEmpty() && resources != null && items != null && fileLevel(resources).isEmpty() && fileLevel(items).isEmpty()) {
            plan = check(resources, items, importer);
        }
        List<XlsxProblem> problems = collect(fileProblems, resources, items);
        int resourceCount = resources == null ? 0 : resources.rows().size();
        int itemCount = items == null ? 0 : items.rows().size();
        if (!problems.isEmpty()) {
            return rejected(fileName, importer, resourceCount, itemCount, problems);
        }
        List<Planned> work = plan;
        try {
            Long id = transactions.execute(status -> {
                List<String> codes = new ArrayList<>();
                for (Planned p : work) {
                    Resource r = p.code() == null ? catalog.draftFor(p.provider(), p.draft()) : catalog.saveDraft(p.code(), p.draft());
                    if (submit) {
                        catalog.submitImported(r.code());
                    }
                    codes.add(r.code());
                }
                audit.record("catalog.import", "file:" + fileName, resourceCount + " resources, " + itemCount + " data items applied"
                        + (submit ? ", submitted for review" : ""));
                return keep(fileName, importer, true, resourceCount, itemCount, submit, codes, List.of());
            });
            return batch(Objects.requireNonNull(id));
        } catch (PlatformException e) {
            // The catalog changed between the check and the transaction (a draft submitted meanwhile): nothing was applied.
            return rejected(fileName, importer, resourceCount, itemCount,
                    List.of(fileProblem(fileName, "catalog-transfer.apply.failed", e.code())));
        }
    }

    private ImportResult rejected(String fileName, OrgUnit importer, int resourceCount, int itemCount, List<XlsxProblem> problems) {
        long id = keep(fileName, importer, false, resourceCount, itemCount, false, List.of(), problems);
        audit.recordFailure(Actor.current(), "catalog.import", "file:" + fileName, AuditLog.Outcome.FAILURE,
                problems.size() + " problems, nothing applied");
        return batch(id);
    }

    /** Checks every row of both sheets, adding each problem to its sheet; returns the rows as they would be applied. */
    private List<Planned> check(XlsxReadResult resources, XlsxReadResult items, OrgUnit importer) {
        boolean anyProvider = holds(REVIEW);
        List<OrgUnit> units = directory.orgUnits();
        Set<String> reported = new HashSet<>();
        resources.problems().forEach(p -> reported.add(cell(RESOURCES, p.row(), p.field())));
        items.problems().forEach(p -> reported.add(cell(ITEMS, p.row(), p.field())));

        Map<String, XlsxRow> byName = new HashMap<>();
        for (XlsxRow row : resources.rows()) {
            String name = row.get("name");
            if (name != null && byName.putIfAbsent(name, row) != null) {
                resources.addProblem(row, "name", "catalog-transfer.name.duplicate", name, Integer.toString(byName.get(name).rowNumber()));
            }
        }
        Map<XlsxRow, List<XlsxRow>> itemsOf = new HashMap<>();
        for (XlsxRow row : items.rows()) {
            String resource = row.get("resource");
            XlsxRow owner = resource == null ? null : byName.get(resource);
            if (owner != null) {
                itemsOf.computeIfAbsent(owner, o -> new ArrayList<>()).add(row);
            } else if (resource != null) {
                items.addProblem(row, "resource", "catalog-transfer.item.no-resource", resource);
            }
        }

        Map<String, Integer> codeRows = new HashMap<>();
        List<Planned> plan = new ArrayList<>();
        for (XlsxRow row : resources.rows()) {
            OrgUnit provider = provider(resources, row, units, importer, anyProvider);
            String code = row.get("code");
            if (code != null && CatalogRules.CODE.matcher(code).matches()) {
                Integer earlier = codeRows.putIfAbsent(code, row.rowNumber());
                if (earlier != null) {
                    resources.addProblem(row, "code", "catalog-transfer.code.duplicate", code, Integer.toString(earlier));
                } else {
                    checkExisting(resources, row, code, provider, importer);
                }
            }
            List<XlsxRow> itemRows = itemsOf.getOrDefault(row, List.of());
            ResourceDraft draft = draft(row, itemRows);
            for (FieldProblem p : rules.check(draft)) {
                report(resources, items, reported, row, itemRows, p);
            }
            if (provider != null) {
                plan.add(new Planned(provider, code, draft));
            }
        }
        return plan;
    }

    /** The org unit a row names as its provider, by short code or exact name, if the importer may import for it. */
    private @Nullable OrgUnit provider(XlsxReadResult resources, XlsxRow row, List<OrgUnit> units, OrgUnit importer, boolean anyProvider) {
        String text = row.get("provider");
        if (text == null) {
            return null;
        }
        Optional<OrgUnit> found = units.stream().filter(u -> u.code().equalsIgnoreCase(text)).findFirst()
                .or(() -> units.stream().filter(u -> u.name().equals(text)).findFirst());
        if (found.isEmpty()) {
            resources.addProblem(row, "provider", "catalog-transfer.provider.unknown", text);
            return null;
        }
        OrgUnit unit = found.get();
        if (unit.kind() == OrgUnitKind.DIVISION) {
            resources.addProblem(row, "provider", "catalog-transfer.provider.division", text);
            return null;
        }
        if (!anyProvider && !unit.code().equals(importer.code())) {
            resources.addProblem(row, "provider", "catalog-transfer.provider.not-yours", text, importer.name());
            return null;
        }
        return unit;
    }

    /** A row with a code updates a draft of the importer's own department, and nothing else. */
    private void checkExisting(XlsxReadResult resources, XlsxRow row, String code, @Nullable OrgUnit provider, OrgUnit importer) {
        Optional<Resource> existing = catalog.find(code);
        if (existing.isEmpty()) {
            resources.addProblem(row, "code", "catalog-transfer.code.unknown", code);
            return;
        }
        Resource r = existing.get();
        if (!r.provider().equals(importer.code())) {
            resources.addProblem(row, "code", "catalog-transfer.code.other-department", code, r.providerName());
            return;
        }
        if (r.versionStatus() != VersionStatus.DRAFT) {
            resources.addProblem(row, "code", "catalog-transfer.code.not-draft", code);
            return;
        }
        if (provider != null && !provider.code().equals(r.provider())) {
            resources.addProblem(row, "provider", "catalog-transfer.provider.not-of-code", code, r.providerName(),
                    String.valueOf(row.get("provider")));
        }
        // A code is its classification followed by a sequence, so the classification stays what the code says.
        String classification = row.get("classification");
        if (classification != null && !classification.equals(r.classification())) {
            resources.addProblem(row, "classification", "catalog-transfer.classification.not-of-code", code, r.classification());
        }
    }

    /**
     * Puts a problem the rules found where the person will look for it: the resource's cell, or the data item's row
     * in the items sheet. A cell the reader already reported (blank, an unknown term) is not reported twice.
     */
    private static void report(XlsxReadResult resources, XlsxReadResult items, Set<String> reported, XlsxRow row, List<XlsxRow> itemRows,
            FieldProblem p) {
        if (!p.field().equals("items")) {
            addUnlessReported(resources, RESOURCES, reported, row, p.field(), p.messageKey(), p.args());
            return;
        }
        if (p.messageKey().equals("catalog.field.items.required")) {
            if (row.get("name") != null) {
                resources.addProblem(row, "name", "catalog-transfer.items.none", row.get("name"));
            }
            return;
        }
        int n = p.args().length > 0 && p.args()[0] instanceof Integer i ? i : 0;
        if (n < 1 || n > itemRows.size()) {
            resources.addProblem(row, "name", p.messageKey(), p.args());
            return;
        }
        String column = switch (p.messageKey()) {
            case "catalog.field.item.length" -> "length";
            case "catalog.field.item.standard" -> "standard";
            default -> "name";
        };
        addUnlessReported(items, ITEMS, reported, itemRows.get(n - 1), column, p.messageKey(), p.args());
    }

    private static void addUnlessReported(XlsxReadResult read, XlsxTable table, Set<String> reported, XlsxRow row, String column,
            String messageKey, Object[] args) {
        String header = table.column(column).map(XlsxColumn::headerZh).orElse(null);
        if (reported.add(cell(table, row.rowNumber(), header))) {
            read.addProblem(row, header == null ? null : column, messageKey, args);
        }
    }

    /** Names a cell of either sheet, to tell whether it already has a problem. */
    private static String cell(XlsxTable table, int row, @Nullable String header) {
        return table.sheetZh() + "\t" + row + "\t" + header;
    }

    /** The draft a resource row and its item rows describe; a value the reader found wrong is left out. */
    private static ResourceDraft draft(XlsxRow row, List<XlsxRow> itemRows) {
        List<DataItem> dataItems = new ArrayList<>();
        for (XlsxRow item : itemRows) {
            dataItems.add(new DataItem(String.valueOf(item.get("name")), term(DataType.class, item.get("dataType")).orElse(DataType.STRING),
                    length(item.get("length")), item.get("description"), yes(item.get("key")), yes(item.get("required")),
                    yes(item.get("personal")), term(Standard.class, item.get("standard")).orElse(null)));
        }
        return new ResourceDraft(text(row.get("classification")), text(row.get("name")), text(row.get("summary")),
                term(Format.class, row.get("format")).orElse(null), term(ShareType.class, row.get("shareType")).orElse(null),
                row.get("shareConditions"), terms(ShareWay.class, row.get("shareWays")), row.get("shareBasis"),
                term(OpenType.class, row.get("openType")).orElse(null), row.get("openConditions"),
                term(UpdateCycle.class, row.get("updateCycle")).orElse(null), date(row.get("publishDate")), split(row.get("relatedCodes")),
                split(row.get("keywords")), row.get("contactName"), row.get("contactPhone"), row.get("contactEmail"), dataItems);
    }

    // cell values

    private static @Nullable Invalid checkCode(String value) {
        return CatalogRules.CODE.matcher(value).matches() ? null : Invalid.of("catalog-transfer.code.format", value);
    }

    private static <E extends Enum<E> & Term> @Nullable Invalid checkTerm(Class<E> type, String value) {
        return term(type, value).isPresent() ? null : unknownTerm(type, value);
    }

    private static <E extends Enum<E> & Term> @Nullable Invalid checkTerms(Class<E> type, String value) {
        for (String part : split(value)) {
            if (term(type, part).isEmpty()) {
                return unknownTerm(type, part);
            }
        }
        return null;
    }

    private static <E extends Enum<E> & Term> Invalid unknownTerm(Class<E> type, String value) {
        E[] values = type.getEnumConstants();
        return Invalid.of("catalog-transfer.term.unknown", value,
                Arrays.stream(values).map(Term::term).collect(Collectors.joining("、")),
                Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", ")));
    }

    private static @Nullable Invalid checkDate(String value) {
        Matcher m = DATE.matcher(value);
        if (!m.matches()) {
            return Invalid.of("catalog-transfer.date.format", value);
        }
        LocalDate date = date(value);
        if (date == null) {
            return Invalid.of("catalog-transfer.date.impossible", value);
        }
        if (date.isAfter(LocalDate.now(CatalogManagement.CHINA))) {
            return Invalid.of("catalog-transfer.date.future", date.toString());
        }
        return null;
    }

    private static @Nullable Invalid checkLength(String value) {
        return value.matches("[0-9]{1,9}") ? null : Invalid.of("catalog-transfer.length.format", value);
    }

    private static @Nullable Invalid checkYesNo(String value) {
        return yesNo(value) == null ? Invalid.of("catalog-transfer.yes-no", value) : null;
    }

    private static <E extends Enum<E> & Term> Optional<E> term(Class<E> type, @Nullable String value) {
        return value == null ? Optional.empty() : Vocabulary.parse(type, value);
    }

    private static <E extends Enum<E> & Term> List<E> terms(Class<E> type, @Nullable String value) {
        return split(value).stream().map(part -> term(type, part)).flatMap(Optional::stream).distinct().toList();
    }

    /** Several values in one cell, separated as people do: 、，, ; or spaces. */
    private static List<String> split(@Nullable String value) {
        if (value == null) {
            return List.of();
        }
        return Arrays.stream(value.split(LIST_SEPARATORS)).filter(s -> !s.isBlank()).toList();
    }

    private static @Nullable LocalDate date(@Nullable String value) {
        Matcher m = value == null ? null : DATE.matcher(value);
        if (m == null || !m.matches()) {
            return null;
        }
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static @Nullable Integer length(@Nullable String value) {
        return value != null && value.matches("[0-9]{1,9}") ? Integer.valueOf(value) : null;
    }

    private static @Nullable Boolean yesNo(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "是", "y", "yes", "true", "1", "√" -> Boolean.TRUE;
            case "否", "n", "no", "false", "0", "×" -> Boolean.FALSE;
            default -> null;
        };
    }

    private static boolean yes(@Nullable String value) {
        return value != null && Boolean.TRUE.equals(yesNo(value));
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    // the workbook as a whole

    private static byte @Nullable [] bytes(InputStream in) {
        try {
            return in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return null;
        }
    }

    /** The workbook's sheet names, or null when it cannot be opened as one (the reader then says why). */
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

    private static XlsxProblem fileProblem(String fileName, String messageKey, Object... args) {
        return new XlsxProblem(fileName, null, 0, null, null, messageKey, List.of(args));
    }

    private static List<XlsxProblem> fileLevel(XlsxReadResult read) {
        return read.problems().stream().filter(XlsxProblem::isFileLevel).toList();
    }

    /** All problems: those of the whole file first, then the resources sheet's by row, then the items sheet's. */
    private static List<XlsxProblem> collect(List<XlsxProblem> fileProblems, @Nullable XlsxReadResult resources,
            @Nullable XlsxReadResult items) {
        List<XlsxProblem> all = new ArrayList<>(fileProblems);
        List<XlsxProblem> rows = new ArrayList<>();
        for (XlsxReadResult read : Arrays.asList(resources, items)) {
            if (read != null) {
                all.addAll(fileLevel(read));
                read.problems().stream().filter(p -> !p.isFileLevel()).forEach(rows::add);
            }
        }
        all.addAll(rows);
        // Both sheets are read from the same bytes, so a file that is no workbook at all is reported once, not twice.
        return all.stream().distinct().toList();
    }

    private static boolean holds(String privilege) {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream().anyMatch(a -> privilege.equals(a.getAuthority()));
    }

    // export

    /**
     * Writes published entries (已发布), all or one provider's, in the import layout: the version consumers see,
     * with its data items.
     */
    public void export(@Nullable String provider, Locale locale, OutputStream out) throws IOException {
        List<Resource> entries = catalog.publishedEntries(provider, null, Integer.MAX_VALUE).stream()
                .map(r -> catalog.published(r.code()).orElse(r)).toList();
        write(entries, locale, out);
        audit.record("catalog.export", provider == null ? "catalog" : "catalog:" + provider, entries.size() + " published entries");
    }

    /**
     * Writes the acting person's department's drafts (草稿), new ones and changes of published entries, so they
     * can be completed in Excel and imported again: each row keeps its code and so updates its draft.
     */
    public void exportDrafts(Locale locale, OutputStream out) throws IOException {
        OrgUnit department = catalog.actingDepartment();
        List<Resource> drafts = catalog.entries(department.code(), null, Integer.MAX_VALUE).stream()
                .filter(r -> r.versionStatus() == VersionStatus.DRAFT).map(r -> catalog.latest(r.code())).toList();
        write(drafts, locale, out);
        audit.record("catalog.export.drafts", "catalog:" + department.code(), drafts.size() + " drafts");
    }

    /** An empty workbook with both sheets' headers. */
    public void template(Locale locale, OutputStream out) throws IOException {
        write(List.of(), locale, out);
    }

    private static void write(List<Resource> entries, Locale locale, OutputStream out) throws IOException {
        List<Map<String, @Nullable String>> resourceRows = new ArrayList<>();
        List<Map<String, @Nullable String>> itemRows = new ArrayList<>();
        for (Resource r : entries) {
            ResourceDraft d = r.content();
            Map<String, @Nullable String> row = new HashMap<>();
            row.put("code", r.code());
            row.put("name", d.name());
            row.put("classification", r.classification());
            row.put("provider", r.provider());
            row.put("summary", d.summary());
            row.put("format", d.format() == null ? null : d.format().term());
            row.put("shareType", d.shareType() == null ? null : d.shareType().term());
            row.put("shareConditions", d.shareConditions());
            row.put("shareWays", d.shareWays().stream().map(ShareWay::term).collect(Collectors.joining("、")));
            row.put("shareBasis", d.shareBasis());
            row.put("openType", d.openType() == null ? null : d.openType().term());
            row.put("openConditions", d.openConditions());
            row.put("updateCycle", d.updateCycle() == null ? null : d.updateCycle().term());
            row.put("publishDate", d.publishDate() == null ? null : d.publishDate().toString());
            row.put("relatedCodes", String.join("、", d.relatedCodes()));
            row.put("keywords", String.join("、", d.keywords()));
            row.put("contactName", d.contactName());
            row.put("contactPhone", d.contactPhone());
            row.put("contactEmail", d.contactEmail());
            resourceRows.add(row);
            for (DataItem i : d.items()) {
                Map<String, @Nullable String> item = new HashMap<>();
                item.put("resource", d.name());
                item.put("name", i.name());
                item.put("dataType", i.dataType().term());
                item.put("length", i.length() == null ? null : i.length().toString());
                item.put("key", i.key() ? "是" : "否");
                item.put("required", i.required() ? "是" : "否");
                item.put("personal", i.personal() ? "是" : "否");
                item.put("standard", i.standard() == null ? null : i.standard().term());
                item.put("description", i.description());
                itemRows.add(item);
            }
        }
        writeWorkbook(locale, out, Map.of(RESOURCES, resourceRows, ITEMS, itemRows));
    }

    private static void writeWorkbook(Locale locale, OutputStream out, Map<XlsxTable, List<Map<String, @Nullable String>>> sheets)
            throws IOException {
        Map<XlsxTable, List<Map<String, @Nullable String>>> ordered = new LinkedHashMap<>();
        ordered.put(RESOURCES, sheets.get(RESOURCES));
        ordered.put(ITEMS, sheets.get(ITEMS));
        XlsxWriter.writeSheets(ordered, locale, out);
    }

    // kept attempts

    /** The problems of a rejected attempt as a workbook, in both languages. */
    public void problemReport(long id, Locale locale, OutputStream out) throws IOException {
        XlsxWriter.problems(batch(id).problems(), messages, locale, out);
    }

    /** Recent attempts the acting person may see: their department's, or every department's for the data administrator. */
    public List<ImportResult> recentBatches(int limit) {
        String department = holds(REVIEW) ? null : catalog.actingDepartment().code();
        return jdbc.sql("select id from catalog.import_batch where cast(? as text) is null or department = ? order by id desc limit ?")
                .params(department, department, limit).query(Long.class).list()
                .stream().map(this::read).toList();
    }

    /** One attempt; another department's is not found, as the directory does not show it either. */
    public ImportResult batch(long id) {
        ImportResult batch = jdbc.sql("select id from catalog.import_batch where id = ?").param(id).query(Long.class).optional()
                .map(this::read).orElseThrow(() -> new ImportNotFound(id));
        if (!holds(REVIEW) && !Objects.equals(batch.department(), catalog.actingDepartment().code())) {
            throw new ImportNotFound(id);
        }
        return batch;
    }

    private ImportResult read(long id) {
        return jdbc.sql("""
                select id, file_name, uploaded_by, department, uploaded_at, status, resource_count, item_count, submitted, codes,
                  problems::text from catalog.import_batch where id = ?""")
                .param(id)
                .query((rs, n) -> new ImportResult(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class).toInstant(), "APPLIED".equals(rs.getString(6)), rs.getInt(7), rs.getInt(8),
                        rs.getBoolean(9), List.of((String[]) rs.getArray(10).getArray()),
                        json.readValue(rs.getString(11), new TypeReference<List<XlsxProblem>>() {})))
                .single();
    }

    private long keep(String fileName, OrgUnit importer, boolean applied, int resourceCount, int itemCount, boolean submitted,
            List<String> codes, List<XlsxProblem> problems) {
        // Arguments are kept as text, as they are shown; what was a number would otherwise come back as another type.
        List<XlsxProblem> stored = problems.stream()
                .map(p -> new XlsxProblem(p.file(), p.sheet(), p.row(), p.field(), p.fieldEn(), p.messageKey(),
                        p.args().stream().map(a -> (Object) String.valueOf(a)).toList()))
                .toList();
        return jdbc.sql("""
                insert into catalog.import_batch (file_name, uploaded_by, department, status, resource_count, item_count, submitted,
                  codes, problems)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb) returning id""")
                .params(fileName, Actor.current().username(), importer.code(), applied ? "APPLIED" : "REJECTED", resourceCount,
                        itemCount, submitted, codes.toArray(String[]::new), json.writeValueAsString(stored))
                .query(Long.class).single();
    }
}
