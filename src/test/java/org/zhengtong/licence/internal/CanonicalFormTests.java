package org.zhengtong.licence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.zhengtong.shared.Sm2;

/**
 * The canonical form is exactly what docs/licence.md says, so anyone can rebuild it and check a seal: fixed field order,
 * data keys sorted by code point whatever order they came in, empty optional fields, and escapes that keep a value from
 * forging a line of its own.
 */
class CanonicalFormTests {

    static final LocalDate ISSUED = LocalDate.of(2026, 12, 2);

    @Test
    void fieldsComeInTheDocumentedOrderWithDataKeysSorted() {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("scope", "热食类食品制售");
        data.put("address", "海川市东湖区滨海路 88 号");
        data.put("Zone", "A");

        String text = new String(CanonicalForm.of("JY2026000001", "JY", "91379902350013135H", "味香园", "scjgj", ISSUED,
                LocalDate.of(2024, 6, 3), null, null, data), StandardCharsets.UTF_8);

        assertThat(text).isEqualTo("""
                zt-licence/1
                number=JY2026000001
                type=JY
                holder=91379902350013135H
                holderName=味香园
                issuer=scjgj
                issuedOn=2026-12-02
                validFrom=2024-06-03
                validUntil=
                case=
                data.Zone=A
                data.address=海川市东湖区滨海路 88 号
                data.scope=热食类食品制售
                """);
    }

    @Test
    void aValueCannotForgeALineAndTheSignatureCoversEveryByte() {
        byte[] honest = CanonicalForm.of("JY2026000002", "JY", "H", "甲", "scjgj", ISSUED, ISSUED, ISSUED.plusYears(5), "C-1",
                Map.of("scope", "食品销售"));
        byte[] forged = CanonicalForm.of("JY2026000002", "JY", "H", "甲", "scjgj", ISSUED, ISSUED, ISSUED.plusYears(5), "C-1",
                Map.of("scope", "食品销售\ndata.extra=1"));
        assertThat(new String(forged, StandardCharsets.UTF_8)).contains("data.scope=食品销售\\ndata.extra=1\n")
                .doesNotContain("\ndata.extra=1\n");

        KeyPair key = Sm2.generateKeyPair();
        byte[] seal = Sm2.sign(key.getPrivate(), honest);
        assertThat(Sm2.verify(key.getPublic(), honest, seal)).isTrue();
        assertThat(Sm2.verify(key.getPublic(), forged, seal)).isFalse();
        assertThat(CanonicalForm.escape("a\\n")).isEqualTo("a\\\\n");
    }
}
