package org.zhengtong.licence.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The canonical byte form of a licence (证照规范化表示), the exact bytes its seal signs. Anyone holding the
 * issuer's public key can rebuild it from a licence's fields and check the seal, so it is fixed and documented
 * (docs/licence.md): UTF-8 text, one {@code name=value} line per field, each line ending in {@code \n}, in this order:
 *
 * <pre>
 * zt-licence/1
 * number=…
 * type=…
 * holder=…
 * holderName=…
 * issuer=…
 * issuedOn=yyyy-MM-dd
 * validFrom=yyyy-MM-dd
 * validUntil=yyyy-MM-dd (empty when the licence does not expire)
 * case=… (empty when there is none)
 * data.&lt;key&gt;=… one line per data entry, keys sorted by Unicode code point
 * </pre>
 *
 * <p>In values a backslash is written {@code \\}, a line feed {@code \n} and a carriage return {@code \r}, so no
 * value can forge a line of its own. The status is not part of it: revocation and expiry change what a licence is
 * worth, not what was issued.
 */
public final class CanonicalForm {

    public static final String VERSION = "zt-licence/1";

    static final Comparator<String> CODE_POINT_ORDER = (a, b) -> {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        return java.util.Arrays.compare(x, y);
    };

    private CanonicalForm() {}

    public static byte[] of(String number, String type, String holder, String holderName, String issuer, LocalDate issuedOn,
            LocalDate validFrom, @Nullable LocalDate validUntil, @Nullable String caseNumber, Map<String, String> data) {
        StringBuilder s = new StringBuilder(256);
        s.append(VERSION).append('\n');
        line(s, "number", number);
        line(s, "type", type);
        line(s, "holder", holder);
        line(s, "holderName", holderName);
        line(s, "issuer", issuer);
        line(s, "issuedOn", issuedOn.toString());
        line(s, "validFrom", validFrom.toString());
        line(s, "validUntil", validUntil == null ? "" : validUntil.toString());
        line(s, "case", caseNumber == null ? "" : caseNumber);
        List<String> keys = new ArrayList<>(data.keySet());
        keys.sort(CODE_POINT_ORDER);
        for (String key : keys) {
            line(s, "data." + escape(key), data.get(key));
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder s, String name, String value) {
        s.append(name).append('=').append(escape(value)).append('\n');
    }

    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }
}
