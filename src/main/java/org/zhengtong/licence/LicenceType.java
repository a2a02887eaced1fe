package org.zhengtong.licence;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A licence type (证照类型), such as 食品经营许可证 or 不动产权证书: its code (which also begins every number of
 * the type), its name, the department that issues it, who holds it, how many years a licence is valid by default
 * (none: it does not expire) and the data fields each licence of the type carries.
 */
public record LicenceType(String code, String name, String issuer, String issuerName, HolderKind holderKind,
        @Nullable Integer validityYears, List<Field> fields) {

    public LicenceType {
        fields = List.copyOf(fields);
    }

    /** One data field (照面信息项) of the type: its key in the licence data, and its label as printed. */
    public record Field(String name, String label) {}

    public boolean hasField(String name) {
        return fields.stream().anyMatch(f -> f.name().equals(name));
    }
}
