package org.zhengtong.licence;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An electronic licence (电子证照) as issued and sealed: the number, the type, the holder (ID number or unified social
 * credit code, and name), the issuing department, the dates, the licence's own data in its type's field order, the
 * case it came from, and today's status. Holder identifiers are personal data: code that shows them to someone other
 * than the holder masks them (see the public verification page).
 */
public record Licence(String number, String typeCode, String typeName, HolderKind holderKind, String holderId, String holderName,
        String issuer, String issuerName, LocalDate issuedOn, LocalDate validFrom, @Nullable LocalDate validUntil, LicenceStatus status,
        Map<String, String> data, @Nullable String caseNumber, @Nullable LocalDate revokedOn, @Nullable String revocationReason) {

    public Licence {
        data = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }
}
