package org.zhengtong.basedata;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Actor;

/**
 * What the base databases know of an applicant, for the applicant's own use (减材料, 免填写): a citizen's own record
 * by ID number, or an enterprise's by credit code, to pre-fill an application form and to stand in for materials
 * the government already holds.
 *
 * <p>No department grant is asked, because the reader is the data's own subject, signed in as such; the caller (one-stop
 * approval) is responsible for that. Each read is audited as a read of personal data by the subject.
 */
@Service
public class OwnData {

    private final JdbcClient jdbc;
    private final AuditLog audit;

    OwnData(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The current values of a base's fields for one subject, by field column; empty if the base does not know it. */
    @Transactional
    public Map<String, String> of(Base base, String key, String readerLogin) {
        Map<String, String> values = new LinkedHashMap<>();
        StringBuilder columns = new StringBuilder();
        for (BaseField f : base.fields()) {
            columns.append(columns.isEmpty() ? "" : ", ").append(f.column()).append("::text");
        }
        jdbc.sql("select " + columns + " from basedata." + base.table() + " where " + base.keyColumn() + " = ?").param(key)
                .query(rs -> {
                    int i = 1;
                    for (BaseField f : base.fields()) {
                        String v = rs.getString(i++);
                        if (v != null) {
                            values.put(f.column(), v);
                        }
                    }
                });
        audit.record(new Actor(readerLogin, null, Actor.current().address()), "basedata.own-read", base.name() + ":" + key,
                AuditLog.Outcome.SUCCESS, values.size() + " fields, for the subject's own application");
        return values;
    }
}
