package org.zhengtong.basedata;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.basedata.query.Masking;
import org.zhengtong.basedata.query.Viewers;

/**
 * Data quality (数据质量) of the population and legal-person databases, for the data administrators: how complete
 * each field is, how each source department's values fared against the others', and the cross-source comparisons
 * (比对) that find what one department knows and another has not heard of yet.
 *
 * <p><b>Completeness</b> (完整性) of a field is the share of the base's subjects that have a value; of a source, the
 * share of the records it sent that carried the field. <b>Consistency</b> (一致性) of a source is what became of its
 * values: agreed with the merged value, changed it (set it as the authority or filled an empty field), or became a
 * conflict; with the conflicts still open and the records rejected. The figures come from the counts the feeds keep
 * as they merge ({@code basedata.feed_field}), so reading them costs nothing like a scan of the merged values.
 *
 * <p>The comparisons read each side from the department the authority table makes authoritative for it, through the
 * merged values' lineage: an enterprise is 注销 by the registration authority while the tax authority's last filing
 * is after that date; a person is dead by the death authority while the social insurance authority still pays a
 * pension. The enterprise list is public registration data; the person list is personal data, so every read of it,
 * on the page or as a workbook, is audited with how many persons it showed.
 */
@Service
public class DataQuality {

    /** The pension status 人社 uses for a person drawing an old-age pension. */
    public static final String DRAWING_PENSION = "领取养老金";

    /** The registration status of a cancelled enterprise. */
    public static final String CANCELLED = "注销";

    private final JdbcClient jdbc;
    private final Authorities authorities;
    private final DirectoryManagement directory;
    private final AuditLog audit;
    private final Viewers viewers;
    private final String bureau;

    DataQuality(JdbcClient jdbc, Authorities authorities, DirectoryManagement directory, AuditLog audit, Viewers viewers, Environment env) {
        this.jdbc = jdbc;
        this.authorities = authorities;
        this.directory = directory;
        this.audit = audit;
        this.viewers = viewers;
        this.bureau = env.getProperty("zt.basedata.department", "zwfwj");
    }

    // completeness of the base

    /** One field of a base: how many of its subjects have a value. */
    public record FieldFill(BaseField field, long filled, long subjects) {

        /** Filled share in percent, one decimal; 0 for an empty base. */
        public double percent() {
            return subjects == 0 ? 0 : Math.round(1000.0 * filled / subjects) / 10.0;
        }
    }

    /** Every field's completeness in the base, in field order, counted in one pass over the base's table. */
    @Transactional(readOnly = true)
    public List<FieldFill> completeness(Base base) {
        StringBuilder sql = new StringBuilder("select count(*)");
        base.fields().forEach(f -> sql.append(", count(").append(f.column()).append(')'));
        sql.append(" from basedata.").append(base.table());
        return jdbc.sql(sql.toString()).query((rs, n) -> {
            long subjects = rs.getLong(1);
            List<FieldFill> fills = new ArrayList<>();
            for (BaseField f : base.fields()) {
                fills.add(new FieldFill(f, rs.getLong(f.ordinal() + 2), subjects));
            }
            return fills;
        }).single();
    }

    // consistency per source

    /** What one source department's feed said about one field, and how it fared. */
    public record SourceField(long feed, String department, String departmentName, String field, String fieldLabel, boolean authoritative,
            long records, long received, long agreed, long changed, long conflicted, long openConflicts, long rejected) {

        /** Share of the feed's records that carried the field, in percent, one decimal. */
        public double completeness() {
            return records == 0 ? 0 : Math.round(1000.0 * received / records) / 10.0;
        }
    }

    /**
     * Every feed of a base, field by field (the key first, then in field order): records sent, values received,
     * agreed, changed, conflicted, conflicts still open and records rejected on the field.
     */
    @Transactional(readOnly = true)
    public List<SourceField> sources(Base base) {
        Map<String, String> authority = authorities.of(base);
        Map<String, Long> open = new HashMap<>();
        jdbc.sql("select department, field, count(*) from basedata.conflict where base = ? and status = 'OPEN' group by department, field")
                .param(base.name()).query((rs, n) -> open.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3))).list();
        Map<String, Long> rejected = new HashMap<>();
        jdbc.sql("select feed, coalesce(field, ''), count(*) from basedata.rejected where base = ? group by feed, field").param(base.name())
                .query((rs, n) -> rejected.put(rs.getLong(1) + "/" + rs.getString(2), rs.getLong(3))).list();
        Map<String, String> names = new HashMap<>();
        List<SourceField> rows = new ArrayList<>();
        jdbc.sql("""
                select f.id, f.department, f.received, ff.field, ff.received, ff.agreed, ff.changed, ff.conflicted
                from basedata.feed f join basedata.feed_field ff on ff.feed = f.id where f.base = ? order by f.id""").param(base.name())
                .query((rs, n) -> {
                    long feed = rs.getLong(1);
                    String department = rs.getString(2);
                    String field = rs.getString(4);
                    String label = field.equals(base.keyColumn()) ? keyLabel(base)
                            : base.fields().stream().filter(f -> f.column().equals(field)).map(BaseField::label).findFirst().orElse(field);
                    String name = names.computeIfAbsent(department, d -> directory.findOrgUnit(d).map(OrgUnit::name).orElse(d));
                    return new SourceField(feed, department, name, field, label, department.equals(authority.get(field)), rs.getLong(3),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), open.getOrDefault(department + "/" + field, 0L),
                            rejected.getOrDefault(feed + "/" + field, 0L));
                }).list().forEach(rows::add);
        rows.sort(java.util.Comparator.comparingLong(SourceField::feed).thenComparingInt(r -> order(base, r.field())));
        return rows;
    }

    private static int order(Base base, String field) {
        if (field.equals(base.keyColumn())) {
            return -1;
        }
        return base.fields().stream().filter(f -> f.column().equals(field)).mapToInt(BaseField::ordinal).findFirst().orElse(Integer.MAX_VALUE);
    }

    static String keyLabel(Base base) {
        return base == Base.PERSON ? PersonField.KEY_LABEL : LegalPersonField.KEY_LABEL;
    }

    // comparisons (比对)

    /** An enterprise cancelled at the registration authority whose last tax filing is later than the cancellation. */
    public record FilingAfterCancellation(String creditCode, @Nullable String name, LocalDate cancelled, LocalDate lastFiling,
            @Nullable String taxGrade) {}

    /** A person dead at the death authority who still draws a pension at the social insurance authority. */
    public record PensionAfterDeath(String idNumber, @Nullable String name, LocalDate died, @Nullable String insurance,
            @Nullable String division) {}

    /** Which departments a comparison reads each side from: the authorities of the two fields, when they have one. */
    public record Sides(@Nullable String first, @Nullable String second) {}

    public Sides filingSides() {
        return new Sides(authorities.of(Base.LEGAL_PERSON, LegalPersonField.STATUS.column()),
                authorities.of(Base.LEGAL_PERSON, LegalPersonField.LAST_TAX_FILING.column()));
    }

    public Sides pensionSides() {
        return new Sides(authorities.of(Base.PERSON, PersonField.DEATH_DATE.column()),
                authorities.of(Base.PERSON, PersonField.SOCIAL_INSURANCE.column()));
    }

    private static final String FILING_FROM = """
             from basedata.legal_person l
             join basedata.source_batch r on r.id = l.lineage[%d] and (cast(? as text) is null or r.department = ?)
             join basedata.source_batch t on t.id = l.lineage[%d] and (cast(? as text) is null or t.department = ?)
            where l.status = '注销' and l.status_date is not null and l.last_tax_filing > l.status_date"""
            .formatted(LegalPersonField.STATUS.ordinal() + 1, LegalPersonField.LAST_TAX_FILING.ordinal() + 1);

    private static final String PENSION_FROM = """
             from basedata.person p
             join basedata.source_batch d on d.id = p.lineage[%d] and (cast(? as text) is null or d.department = ?)
             join basedata.source_batch s on s.id = p.lineage[%d] and (cast(? as text) is null or s.department = ?)
            where p.death_date is not null and p.social_insurance = '领取养老金'"""
            .formatted(PersonField.DEATH_DATE.ordinal() + 1, PersonField.SOCIAL_INSURANCE.ordinal() + 1);

    /** How many enterprises file tax after their cancellation. */
    @Transactional(readOnly = true)
    public long countFilingAfterCancellation() {
        Sides sides = filingSides();
        return jdbc.sql("select count(*)" + FILING_FROM).params(sides.first(), sides.first(), sides.second(), sides.second())
                .query(Long.class).single();
    }

    /** The enterprises filing tax after their cancellation, latest cancellation first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<FilingAfterCancellation> filingAfterCancellation(int limit) {
        List<FilingAfterCancellation> rows = new ArrayList<>();
        eachFilingAfterCancellation(limit, rows::add);
        return rows;
    }

    /** Streams the enterprises filing after cancellation to {@code sink} (the workbook export), at most {@code limit}. */
    @Transactional(readOnly = true)
    public void eachFilingAfterCancellation(int limit, Consumer<FilingAfterCancellation> sink) {
        Sides sides = filingSides();
        try (var rows = jdbc.sql("select l.credit_code, l.name, l.status_date, l.last_tax_filing, l.tax_grade" + FILING_FROM
                + " order by l.status_date desc, l.credit_code limit ?").params(sides.first(), sides.first(), sides.second(), sides.second(), limit)
                .query((rs, n) -> new FilingAfterCancellation(rs.getString(1), rs.getString(2), date(rs.getDate(3)), date(rs.getDate(4)),
                        rs.getString(5))).stream()) {
            rows.forEach(sink);
        }
    }

    /** How many dead persons still draw a pension: an aggregate, not audited. */
    @Transactional(readOnly = true)
    public long countPensionAfterDeath() {
        Sides sides = pensionSides();
        return jdbc.sql("select count(*)" + PENSION_FROM).params(sides.first(), sides.first(), sides.second(), sides.second())
                .query(Long.class).single();
    }

    /**
     * The dead persons still drawing a pension, earliest death first, at most {@code limit}: ID number, name, date of
     * death, pension status and household division, what the data administrator needs to have 人社 check them and no
     * more. Staff of the big-data bureau, who act on the list, see the ID numbers and names in full; anyone else with
     * the quality privilege (a department's data officer) sees them masked. The read is audited with its count, how
     * it was shown and where ({@code page} or {@code xlsx}).
     */
    @Transactional
    public List<PensionAfterDeath> pensionAfterDeath(int limit, String shownOn) {
        List<PensionAfterDeath> rows = new ArrayList<>();
        eachPensionAfterDeath(limit, shownOn, rows::add);
        return rows;
    }

    /** Whether the acting person sees the persons of the comparison in full: the bureau's staff do. */
    public boolean seesPersonsInFull() {
        return viewers.current().department().equals(bureau);
    }

    /** {@link #pensionAfterDeath} streamed to {@code sink}, masked and audited likewise. */
    @Transactional
    public void eachPensionAfterDeath(int limit, String shownOn, Consumer<PensionAfterDeath> sink) {
        Sides sides = pensionSides();
        boolean full = seesPersonsInFull();
        long[] count = {0};
        try (var rows = jdbc.sql("select p.id_number, p.name, p.death_date, p.social_insurance, p.household_division" + PENSION_FROM
                + " order by p.death_date, p.id_number limit ?").params(sides.first(), sides.first(), sides.second(), sides.second(), limit)
                .query((rs, n) -> new PensionAfterDeath(rs.getString(1), rs.getString(2), date(rs.getDate(3)), rs.getString(4), rs.getString(5)))
                .stream()) {
            rows.forEach(p -> {
                count[0]++;
                sink.accept(full ? p : new PensionAfterDeath(Masking.idNumber(p.idNumber()), maskName(p.name()), p.died(), p.insurance(),
                        p.division()));
            });
        }
        audit.record("basedata.quality.pension-after-death", "base:PERSON", "comparison read on %s, %s: %d persons (death at %s, pension at %s)"
                .formatted(shownOn, full ? "in full" : "masked", count[0], sides.first(), sides.second()));
    }

    static @Nullable String maskName(@Nullable String name) {
        return name == null || name.length() < 2 ? name : name.charAt(0) + "*".repeat(name.length() - 1);
    }

    private static LocalDate date(Date d) {
        return d.toLocalDate();
    }
}
