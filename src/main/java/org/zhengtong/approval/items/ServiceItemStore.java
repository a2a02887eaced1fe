package org.zhengtong.approval.items;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** The item tables, with the content as JSON (one document per working copy and per published version). */
@Repository
class ServiceItemStore {

    private static final String ENTRY = """
            select code, department, status, published_version, changed, content::text, edited_by, edited_at
            from approval.service_item""";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ServiceItemStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A published version as stored: its content and whether the item is still published. */
    record Published(String code, String department, ItemStatus status, int version, ItemContent content) {}

    Optional<ItemEntry> entry(String code) {
        return jdbc.sql(ENTRY + " where code = ?").param(code).query(this::mapEntry).optional();
    }

    List<ItemEntry> entries(@Nullable String department) {
        return jdbc.sql(ENTRY + " where (?::text is null or department = ?) order by code").params(department, department)
                .query(this::mapEntry).list();
    }

    void insert(String code, String department, ItemContent content, String by) {
        jdbc.sql("""
                insert into approval.service_item (code, department, name, type, content, created_by, edited_by)
                values (?, ?, ?, ?, ?::jsonb, ?, ?)""")
                .params(code, department, content.name(), content.type().name(), json.writeValueAsString(content), by, by).update();
    }

    void update(String code, ItemContent content, String by) {
        jdbc.sql("""
                update approval.service_item set name = ?, type = ?, content = ?::jsonb, changed = true, edited_by = ?, edited_at = now()
                where code = ?""")
                .params(content.name(), content.type().name(), json.writeValueAsString(content), by, code).update();
    }

    /** Freezes the working copy as the next version and makes it the published one. */
    int publish(String code, String by) {
        int version = jdbc.sql("""
                update approval.service_item set published_version = published_version + 1, status = 'PUBLISHED', changed = false
                where code = ? returning published_version""").param(code).query(Integer.class).single();
        jdbc.sql("""
                insert into approval.service_item_version (item_id, version, name, type, department, content, published_by)
                select id, ?, name, type, department, content, ? from approval.service_item where code = ?""")
                .params(version, by, code).update();
        return version;
    }

    void setStatus(String code, ItemStatus status) {
        jdbc.sql("update approval.service_item set status = ? where code = ?").params(status.name(), code).update();
    }

    Optional<Published> published(String code) {
        return jdbc.sql("""
                select i.code, i.department, i.status, v.version, v.content::text from approval.service_item i
                join approval.service_item_version v on v.item_id = i.id and v.version = i.published_version
                where i.code = ? and i.status = 'PUBLISHED'""").param(code).query(this::mapPublished).optional();
    }

    Optional<Published> version(String code, int version) {
        return jdbc.sql("""
                select i.code, v.department, i.status, v.version, v.content::text from approval.service_item i
                join approval.service_item_version v on v.item_id = i.id and v.version = ?
                where i.code = ?""").params(version, code).query(this::mapPublished).optional();
    }

    /** The published items, narrowed by words of the name, the department and the type. */
    List<Published> published(@Nullable String text, @Nullable String department, @Nullable String type) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return jdbc.sql("""
                select i.code, i.department, i.status, v.version, v.content::text from approval.service_item i
                join approval.service_item_version v on v.item_id = i.id and v.version = i.published_version
                where i.status = 'PUBLISHED' and (?::text is null or v.name ilike ? or i.code ilike ?)
                  and (?::text is null or i.department = ?) and (?::text is null or v.type = ?)
                order by i.department, i.code""")
                .params(like, like, like, department, department, type, type).query(this::mapPublished).list();
    }

    // forms

    long addForm(String code, String fileName, String contentType, byte[] bytes, String by) {
        return jdbc.sql("""
                insert into approval.service_item_form (item_id, file_name, content_type, size, content, uploaded_by)
                select id, ?, ?, ?, ?, ? from approval.service_item where code = ? returning id""")
                .params(fileName, contentType, bytes.length, bytes, by, code).query(Long.class).single();
    }

    List<ItemFile> forms(String code) {
        return jdbc.sql("""
                select f.id, f.file_name, f.content_type, f.size, f.uploaded_at from approval.service_item_form f
                join approval.service_item i on i.id = f.item_id where i.code = ? order by f.id""").param(code)
                .query((rs, n) -> new ItemFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
    }

    record FormContent(ItemFile file, byte[] bytes) {}

    Optional<FormContent> form(String code, long id) {
        return jdbc.sql("""
                select f.id, f.file_name, f.content_type, f.size, f.uploaded_at, f.content from approval.service_item_form f
                join approval.service_item i on i.id = f.item_id where i.code = ? and f.id = ?""").params(code, id)
                .query((rs, n) -> new FormContent(new ItemFile(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class)), rs.getBytes(6))).optional();
    }

    boolean removeForm(String code, long id) {
        return jdbc.sql("""
                delete from approval.service_item_form f using approval.service_item i
                where i.id = f.item_id and i.code = ? and f.id = ?""").params(code, id).update() > 0;
    }

    private ItemEntry mapEntry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ItemEntry(rs.getString(1), rs.getString(2), ItemStatus.valueOf(rs.getString(3)), rs.getInt(4), rs.getBoolean(5),
                json.readValue(rs.getString(6), ItemContent.class), rs.getString(7), rs.getObject(8, OffsetDateTime.class));
    }

    private Published mapPublished(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Published(rs.getString(1), rs.getString(2), ItemStatus.valueOf(rs.getString(3)), rs.getInt(4),
                json.readValue(rs.getString(5), ItemContent.class));
    }
}
