package org.zhengtong.approval;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengtong.shared.Sm3;

/**
 * The materials of a case (申请材料): what an applicant hands in for each material the item asks for, checked before
 * anything is stored.
 *
 * <p>An uploaded file must be a PDF, OFD, JPEG or PNG — judged by its first bytes, not by its name — and no larger
 * than {@code zt.approval.max-upload-megabytes}; each is kept with its SM3 digest. An e-licence the applicant holds
 * replaces the paper copy where the item allows that licence type, and base-database data replaces a material
 * the item marks as known to the platform (the applicant is not asked again for what the government knows).
 */
@Component
class Materials {

    /** An accepted material, ready to store. */
    record Checked(CaseItem.RequiredMaterial material, Cases.MaterialInput input, @Nullable String contentType) {}

    private final JdbcClient jdbc;
    private final HeldLicences licences;
    private final long maxBytes;
    private final long maxMegabytes;

    Materials(JdbcClient jdbc, HeldLicences licences, @Value("${zt.approval.max-upload-megabytes:10}") long maxMegabytes) {
        this.jdbc = jdbc;
        this.licences = licences;
        this.maxMegabytes = maxMegabytes;
        this.maxBytes = maxMegabytes * 1024 * 1024;
    }

    /**
     * Checks what was handed in against the item.
     *
     * @param complete whether every required material must be there (a first submission) or only what is handed in
     *                 is checked (a supplement)
     */
    List<Checked> check(List<CaseItem.RequiredMaterial> asked, Cases.Applicant applicant, List<Cases.MaterialInput> handedIn,
            boolean complete) {
        Map<String, CaseItem.RequiredMaterial> byCode = new HashMap<>();
        asked.forEach(m -> byCode.put(m.code(), m));
        List<Checked> checked = new ArrayList<>();
        Set<String> given = new java.util.HashSet<>();
        for (Cases.MaterialInput in : handedIn) {
            CaseItem.RequiredMaterial m = byCode.get(in.code());
            if (m == null) {
                throw ApprovalProblem.badUpload(String.valueOf(in.fileName()), in.code(), "本事项没有这项材料 / not a material of this item");
            }
            if (in.licenceNumber() != null) {
                if (m.licenceType() == null) {
                    throw ApprovalProblem.badUpload(in.licenceNumber(), m.name(), "这项材料不能用电子证照代替 / no e-licence can replace it");
                }
                if (!licences.holds(applicant.holderId(), in.licenceNumber(), m.licenceType())) {
                    throw ApprovalProblem.badUpload(in.licenceNumber(), m.name(),
                            "不是申请人持有的有效证照 / not a valid licence of the applicant");
                }
                checked.add(new Checked(m, in, null));
            } else if (in.fromBaseData()) {
                if (m.baseField() == null) {
                    throw ApprovalProblem.badUpload("-", m.name(), "这项材料不能由基础库数据代替 / base data cannot replace it");
                }
                checked.add(new Checked(m, in, null));
            } else {
                byte[] content = in.content();
                String file = in.fileName() == null || in.fileName().isBlank() ? "-" : in.fileName();
                if (content == null || content.length == 0) {
                    continue;
                }
                if (content.length > maxBytes) {
                    throw ApprovalProblem.uploadTooLarge(file, maxMegabytes);
                }
                String type = sniff(content);
                if (type == null) {
                    throw ApprovalProblem.badUpload(file, m.name(), "只接收 PDF、OFD、JPEG 或 PNG 文件 / only PDF, OFD, JPEG or PNG files are taken");
                }
                checked.add(new Checked(m, in, type));
            }
            given.add(m.code());
        }
        if (complete) {
            for (CaseItem.RequiredMaterial m : asked) {
                if (m.required() && !given.contains(m.code())) {
                    throw ApprovalProblem.missingMaterial(m.name());
                }
            }
        } else if (checked.isEmpty()) {
            throw ApprovalProblem.missingMaterial("-");
        }
        return checked;
    }

    void store(String number, List<Checked> checked, Instant at) {
        for (Checked c : checked) {
            Cases.MaterialInput in = c.input();
            String source = in.licenceNumber() != null ? "LICENCE" : in.fromBaseData() ? "BASEDATA" : "UPLOAD";
            byte[] content = in.content();
            jdbc.sql("""
                    insert into approval.case_material (case_number, material_code, material_name, source, file_name, content_type,
                      size_bytes, sm3, content, licence_number, added_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(number, c.material().code(), c.material().name(), source, in.fileName(), c.contentType(),
                            content == null ? null : (long) content.length, content == null ? null : Sm3.hex(content), content,
                            in.licenceNumber(), Timestamp.from(at))
                    .update();
        }
    }

    /** Adds a supplement: each material handed in replaces the earlier one of the same code. */
    void supplement(String number, List<CaseItem.RequiredMaterial> asked, List<Cases.MaterialInput> handedIn, Cases.Applicant applicant) {
        List<Checked> checked = check(asked, applicant, handedIn, false);
        for (Checked c : checked) {
            jdbc.sql("update approval.case_material set replaced = true where case_number = ? and material_code = ? and not replaced")
                    .params(number, c.material().code()).update();
        }
        store(number, checked, Instant.now());
    }

    List<Cases.Material> of(String number) {
        return jdbc.sql("""
                select id, material_code, material_name, source, file_name, content_type, size_bytes, sm3, licence_number, added_at, replaced
                from approval.case_material where case_number = ? order by replaced, id""")
                .param(number)
                .query((rs, n) -> new Cases.Material(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), (Long) rs.getObject(7), rs.getString(8), rs.getString(9), rs.getTimestamp(10).toInstant(),
                        rs.getBoolean(11)))
                .list();
    }

    /** The bytes and type of one uploaded material of a case. */
    java.util.Optional<Object[]> content(String number, long id) {
        return jdbc.sql("select file_name, content_type, content from approval.case_material where case_number = ? and id = ? and content is not null")
                .params(number, id).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getBytes(3)}).optional();
    }

    /** The type of a file from its first bytes, or null when it is none of the accepted ones. */
    static @Nullable String sniff(byte[] b) {
        if (starts(b, '%', 'P', 'D', 'F', '-')) {
            return "application/pdf";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && starts(java.util.Arrays.copyOfRange(b, 1, 4), 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts(b, 'P', 'K', 3, 4) && new String(b, 0, Math.min(b.length, 4096), java.nio.charset.StandardCharsets.ISO_8859_1).contains("OFD.xml")) {
            return "application/ofd";
        }
        return null;
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b[i] != (byte) prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
