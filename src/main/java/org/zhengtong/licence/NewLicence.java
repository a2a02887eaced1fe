package org.zhengtong.licence;

import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A licence to issue (颁发电子证照): of which type, to whom, from when until when, with what data. The number,
 * the issue date and the seal are the licence module's; {@code validUntil} may be left out for a type with a default
 * validity, which is then counted from {@code validFrom}, or for a type that never expires.
 *
 * @param caseNumber the case (办件编号) whose approval the licence is the result of, if any
 */
public record NewLicence(String typeCode, String holderId, String holderName, LocalDate validFrom, @Nullable LocalDate validUntil,
        Map<String, String> data, @Nullable String caseNumber) {

    public NewLicence {
        data = Map.copyOf(data);
    }
}
