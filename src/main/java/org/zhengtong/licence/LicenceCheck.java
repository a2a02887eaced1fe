package org.zhengtong.licence;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What anyone may learn about a licence by its number (证照核验): whether its seal is intact — the stored licence is
 * exactly what its issuer signed — and its status, type, issuer and validity, with the holder masked
 * ({@code 张**}, {@code 1101**********1234}).
 */
public record LicenceCheck(String number, boolean sealIntact, LicenceStatus status, String typeName, String issuerName,
        LocalDate issuedOn, LocalDate validFrom, @Nullable LocalDate validUntil, @Nullable LocalDate revokedOn, String maskedHolderName,
        String maskedHolderId) {}
