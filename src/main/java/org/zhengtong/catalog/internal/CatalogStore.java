package org.zhengtong.catalog.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.Resource;
import org.zhengtong.catalog.Resource.ResourceStatus;
import org.zhengtong.catalog.Resource.VersionStatus;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.Vocabulary;

/** The catalog's tables, read and written with plain SQL. */
@Repository
public class CatalogStore {

    private static final String VERSION_COLUMNS = """
            r.code, r.classification, c.name as class_name, r.provider, r.provider_code, r.status, v.version, v.status as vstatus,
            r.published_version, v.name, v.summary, v.format, v.share_type, v.share_conditions, v.share_ways, v.share_basis,
            v.open_type, v.open_conditions, v.update_cycle, v.publish_date, v.related_codes, v.keywords, v.contact_name,
            v.contact_phone, v.contact_email, v.edited_by, v.edited_at, v.reviewed_by, v.review_comment, r.id
            from catalog.resource r join catalog.resource_version v on v.resource_id = r.id
            join catalog.classification c on c.code = r.classification""";

    private final JdbcClient jdbc;

    CatalogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // classification

    public Map<String, String> classificationNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select code, name from catalog.classification").query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        return names;
    }

    public boolean classificationExists(String code) {
        return jdbc.sql("select count(*) from catalog.classification where code = ?").param(code).query(Long.class).single() > 0;
    }

    public void addClassification(String code, String name, @Nullable String parent) {
        jdbc.sql("insert into catalog.classification (code, name, parent) values (?, ?, ?) on conflict (code) do nothing")
                .params(code, name, parent).update();
    }

    /** Takes the next 后段码 of a classification; the row lock keeps two new resources from sharing a code. */
    public int nextSequence(String classification) {
        return jdbc.sql("""
                insert into catalog.code_sequence (classification, next_value) values (?, 2)
                on conflict (classification) do update set next_value = catalog.code_sequence.next_value + 1
                returning next_value - 1""").param(classification).query(Integer.class).single();
    }

    // resources

    public boolean codeExists(String code) {
        return jdbc.sql("select count(*) from catalog.resource where code = ?").param(code).query(Long.class).single() > 0;
    }

    public long insertResource(String code, String classification, String provider, String providerCode, String createdBy) {
        return jdbc.sql("""
                insert into catalog.resource (code, classification, provider, provider_code, status, created_by)
                values (?, ?, ?, ?, 'DRAFT', ?) returning id""")
                .params(code, classification, provider, providerCode, createdBy).query(Long.class).single();
    }

    public void setResourceStatus(String code, ResourceStatus status, @Nullable Integer publishedVersion) {
        jdbc.sql("update catalog.resource set status = ?, published_version = coalesce(?, published_version) where code = ?")
                .params(status.name(), publishedVersion, code).update();
    }

    public void setClassification(String code, String classification) {
        jdbc.sql("update catalog.resource set classification = ? where code = ?").params(classification, code).update();
    }

    public void insertVersion(long resourceId, int version, VersionStatus status, ResourceDraft d, String editedBy) {
        jdbc.sql("""
                insert into catalog.resource_version (resource_id, version, status, name, summary, format, share_type, share_conditions,
                  share_ways, share_basis, open_type, open_conditions, update_cycle, publish_date, related_codes, keywords,
                  contact_name, contact_phone, contact_email, edited_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(resourceId, version, status.name(), d.name(), d.summary(), d.format().name(), d.shareType().name(),
                        d.shareConditions(), d.shareWays().stream().map(Enum::name).toArray(String[]::new), d.shareBasis(),
                        d.openType().name(), d.openConditions(), d.updateCycle().name(), d.publishDate(),
                        d.relatedCodes().toArray(String[]::new), d.keywords().toArray(String[]::new), d.contactName(),
                        d.contactPhone(), d.contactEmail(), editedBy)
                .update();
        insertItems(resourceId, version, d.items());
    }

    public void updateVersion(long resourceId, int version, ResourceDraft d, String editedBy) {
        jdbc.sql("""
                update catalog.resource_version set name = ?, summary = ?, format = ?, share_type = ?, share_conditions = ?,
                  share_ways = ?, share_basis = ?, open_type = ?, open_conditions = ?, update_cycle = ?, publish_date = ?,
                  related_codes = ?, keywords = ?, contact_name = ?, contact_phone = ?, contact_email = ?, edited_by = ?,
                  edited_at = now()
                where resource_id = ? and version = ?""")
                .params(d.name(), d.summary(), d.format().name(), d.shareType().name(), d.shareConditions(),
                        d.shareWays().stream().map(Enum::name).toArray(String[]::new), d.shareBasis(), d.openType().name(),
                        d.openConditions(), d.updateCycle().name(), d.publishDate(), d.relatedCodes().toArray(String[]::new),
                        d.keywords().toArray(String[]::new), d.contactName(), d.contactPhone(), d.contactEmail(), editedBy,
                        resourceId, version)
                .update();
        jdbc.sql("delete from catalog.data_item where resource_id = ? and version = ?").params(resourceId, version).update();
        insertItems(resourceId, version, d.items());
    }

    private void insertItems(long resourceId, int version, List<DataItem> items) {
        int seq = 1;
        for (DataItem i : items) {
            jdbc.sql("""
                    insert into catalog.data_item (resource_id, version, seq, name, data_type, length, description, is_key,
                      is_required, is_personal, standard) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(resourceId, version, seq++, i.name(), i.dataType().name(), i.length(), i.description(), i.key(),
                            i.required(), i.personal(), i.standard() == null ? null : i.standard().name())
                    .update();
        }
    }

    public void setVersionStatus(long resourceId, int version, VersionStatus status) {
        jdbc.sql("update catalog.resource_version set status = ? where resource_id = ? and version = ?")
                .params(status.name(), resourceId, version).update();
    }

    public void markSubmitted(long resourceId, int version, String by) {
        jdbc.sql("update catalog.resource_version set status = 'SUBMITTED', submitted_by = ?, submitted_at = now() where resource_id = ? and version = ?")
                .params(by, resourceId, version).update();
    }

    public void markReviewed(long resourceId, int version, VersionStatus status, String by, @Nullable String comment,
            @Nullable LocalDate publishDate) {
        jdbc.sql("""
                update catalog.resource_version set status = ?, reviewed_by = ?, reviewed_at = now(), review_comment = ?,
                  publish_date = coalesce(?, publish_date) where resource_id = ? and version = ?""")
                .params(status.name(), by, comment, publishDate, resourceId, version).update();
    }

    /** The newest version of a resource (the one being worked on, or the published one). */
    public Optional<Resource> latest(String code) {
        return jdbc.sql("select " + VERSION_COLUMNS + " where r.code = ? order by v.version desc limit 1")
                .param(code).query(this::resource).optional().map(this::withItems);
    }

    public Optional<Resource> version(String code, int version) {
        return jdbc.sql("select " + VERSION_COLUMNS + " where r.code = ? and v.version = ?")
                .params(code, version).query(this::resource).optional().map(this::withItems);
    }

    public List<Resource> versions(String code) {
        return jdbc.sql("select " + VERSION_COLUMNS + " where r.code = ? order by v.version desc").param(code).query(this::resource).list();
    }

    public long resourceId(String code) {
        return jdbc.sql("select id from catalog.resource where code = ?").param(code).query(Long.class).single();
    }

    /**
     * Resources for listings: the newest version of each, filtered. {@code publishedOnly} shows each resource as
     * published (its current published version).
     */
    public List<Resource> list(@Nullable String provider, @Nullable String classificationPrefix, @Nullable List<String> statuses,
            boolean publishedOnly, int limit) {
        StringBuilder sql = new StringBuilder("select " + VERSION_COLUMNS + " where ");
        sql.append(publishedOnly ? "v.version = r.published_version and r.status = 'PUBLISHED'"
                : "v.version = (select max(version) from catalog.resource_version x where x.resource_id = r.id)");
        Map<String, Object> params = new HashMap<>();
        if (provider != null) {
            sql.append(" and r.provider = :provider");
            params.put("provider", provider);
        }
        if (classificationPrefix != null) {
            sql.append(" and r.classification like :cls");
            params.put("cls", classificationPrefix + "%");
        }
        if (statuses != null) {
            sql.append(" and r.status = any(:statuses)");
            params.put("statuses", statuses.toArray(String[]::new));
        }
        sql.append(" order by r.classification, r.code limit :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params).query(this::resource).list();
    }

    /** How many published resources each provider has, and of each share type: the statistics page. */
    public List<Map<String, Object>> publishedCounts() {
        return jdbc.sql("""
                select r.provider, v.share_type, count(*) as n from catalog.resource r
                join catalog.resource_version v on v.resource_id = r.id and v.version = r.published_version
                where r.status = 'PUBLISHED' group by r.provider, v.share_type order by r.provider""")
                .query((rs, n) -> Map.<String, Object>of("provider", rs.getString(1), "shareType", rs.getString(2), "count", rs.getLong(3)))
                .list();
    }

    private Resource withItems(Resource r) {
        long id = resourceId(r.code());
        List<DataItem> items = jdbc.sql("""
                select name, data_type, length, description, is_key, is_required, is_personal, standard
                from catalog.data_item where resource_id = ? and version = ? order by seq""")
                .params(id, r.version())
                .query((rs, n) -> new DataItem(rs.getString(1), Vocabulary.DataType.valueOf(rs.getString(2)),
                        (Integer) rs.getObject(3), rs.getString(4), rs.getBoolean(5), rs.getBoolean(6), rs.getBoolean(7),
                        rs.getString(8) == null ? null : Vocabulary.Standard.valueOf(rs.getString(8))))
                .list();
        ResourceDraft c = r.content();
        ResourceDraft full = new ResourceDraft(c.classification(), c.name(), c.summary(), c.format(), c.shareType(), c.shareConditions(),
                c.shareWays(), c.shareBasis(), c.openType(), c.openConditions(), c.updateCycle(), c.publishDate(), c.relatedCodes(),
                c.keywords(), c.contactName(), c.contactPhone(), c.contactEmail(), items);
        return new Resource(r.code(), r.classification(), r.classificationName(), r.provider(), r.providerName(), r.providerCode(),
                r.status(), r.version(), r.versionStatus(), r.publishedVersion(), full, r.editedBy(), r.editedAt(), r.reviewedBy(),
                r.reviewComment());
    }

    private Resource resource(ResultSet rs, int n) throws SQLException {
        ResourceDraft content = new ResourceDraft(rs.getString("classification"), rs.getString("name"), rs.getString("summary"),
                Vocabulary.Format.valueOf(rs.getString("format")), Vocabulary.ShareType.valueOf(rs.getString("share_type")),
                rs.getString("share_conditions"),
                strings(rs.getArray("share_ways")).stream().map(Vocabulary.ShareWay::valueOf).toList(), rs.getString("share_basis"),
                Vocabulary.OpenType.valueOf(rs.getString("open_type")), rs.getString("open_conditions"),
                Vocabulary.UpdateCycle.valueOf(rs.getString("update_cycle")), rs.getObject("publish_date", LocalDate.class),
                strings(rs.getArray("related_codes")), strings(rs.getArray("keywords")), rs.getString("contact_name"),
                rs.getString("contact_phone"), rs.getString("contact_email"), List.of());
        return new Resource(rs.getString("code"), rs.getString("classification"), rs.getString("class_name"), rs.getString("provider"),
                rs.getString("provider"), rs.getString("provider_code"), ResourceStatus.valueOf(rs.getString("status")),
                rs.getInt("version"), VersionStatus.valueOf(rs.getString("vstatus")), (Integer) rs.getObject("published_version"),
                content, rs.getString("edited_by"), rs.getObject("edited_at", OffsetDateTime.class).toInstant(),
                rs.getString("reviewed_by"), rs.getString("review_comment"));
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : new ArrayList<>(Arrays.asList((String[]) array.getArray()));
    }
}
