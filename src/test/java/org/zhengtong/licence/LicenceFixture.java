package org.zhengtong.licence;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.licence.internal.LicenceStore;
import org.zhengtong.shared.IdCardNumber;

/**
 * Licence types of the tests' own, so the tests do not depend on the demo city's: a person's permit of 市场监管局
 * valid five years, and an enterprise's licence of 住建局 that never expires.
 */
final class LicenceFixture {

    static final String PERMIT = "TSTP";
    static final String ENTERPRISE = "TSTE";
    /** A valid ID number (GB 11643) and a valid credit code (GB 32100). */
    static final String ID = id("37990219850612123");
    static final String CREDIT = "91350100M000100Y43";

    private LicenceFixture() {}

    static void types(LicenceStore store) {
        Map<String, String> permit = new LinkedHashMap<>();
        permit.put("address", "经营场所");
        permit.put("scope", "经营项目");
        store.saveType(new LicenceStore.TypeRow(PERMIT, "测试经营许可证", "scjgj", "PERSON", 5, permit, 900));
        store.saveType(new LicenceStore.TypeRow(ENTERPRISE, "测试资质证书", "zjj", "ENTERPRISE", null, Map.of("grade", "资质等级"), 901));
    }

    static String id(String first17) {
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static void actAs(PersonAccounts accounts, String username) {
        var person = accounts.loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }
}
