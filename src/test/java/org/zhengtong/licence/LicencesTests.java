package org.zhengtong.licence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.PlatformTest;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.licence.internal.CanonicalForm;
import org.zhengtong.licence.internal.LicenceStore;
import org.zhengtong.shared.Sm3;

/**
 * A licence's life: 市场监管局 issues a permit to a person, and it is sealed; anyone checks it and finds the seal
 * intact; someone changes it in the database and the check says tampered; time passes and it expires; the issuer
 * revokes one, and cannot revoke it twice. Bad input is refused with a reason, and nothing is stored.
 */
@PlatformTest
class LicencesTests {

    static final LocalDate TODAY = LocalDate.now(Licences.CHINA);

    @Autowired Licences licences;
    @Autowired LicenceStore store;
    @Autowired JdbcClient jdbc;
    @Autowired PersonAccounts accounts;

    @BeforeEach
    void types() {
        LicenceFixture.types(store);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    Licence issuePermit(String name, LocalDate from, LocalDate until) {
        return licences.issue(new NewLicence(LicenceFixture.PERMIT, LicenceFixture.ID, name, from, until,
                Map.of("address", "海川市东湖区滨海路 8 号", "scope", "预包装食品销售"), "HC-2026-000001"), "scjgj");
    }

    @Test
    void anIssuedLicenceIsSealedAndChecksOut() {
        Licence l = issuePermit("张三丰", TODAY, null);

        assertThat(l.number()).matches("TSTP" + TODAY.getYear() + "\\d{6}");
        assertThat(l.typeName()).isEqualTo("测试经营许可证");
        assertThat(l.issuerName()).isEqualTo("海川市市场监督管理局");
        assertThat(l.validUntil()).as("five years by default").isEqualTo(TODAY.plusYears(5).minusDays(1));
        assertThat(l.status()).isEqualTo(LicenceStatus.VALID);
        assertThat(l.data()).containsExactly(Map.entry("address", "海川市东湖区滨海路 8 号"), Map.entry("scope", "预包装食品销售"));

        LicenceCheck check = licences.verify(l.number());
        assertThat(check.sealIntact()).isTrue();
        assertThat(check.status()).isEqualTo(LicenceStatus.VALID);
        assertThat(check.maskedHolderName()).isEqualTo("张**");
        assertThat(check.maskedHolderId()).isEqualTo("3799**********" + LicenceFixture.ID.substring(14));
        assertThat(licences.find(l.number())).contains(l);
        assertThat(actions("licence:" + l.number())).startsWith("licence.issue").contains("licence.read");
        assertThat(licences.sealKey("scjgj")).hasValueSatisfying(pem -> assertThat(pem).startsWith("-----BEGIN PUBLIC KEY-----"));
    }

    @Test
    void aLicenceChangedInTheDatabaseShowsAsTampered() {
        Licence data = issuePermit("李四", TODAY, null);
        Licence name = issuePermit("王五", TODAY, null);
        Licence resealedDigest = issuePermit("赵六", TODAY, null);
        jdbc.sql("update licence.licence set data = jsonb_set(data, '{scope}', '\"预包装食品销售、散装食品销售\"') where number = ?")
                .param(data.number()).update();
        jdbc.sql("update licence.licence set holder_name = '王五五' where number = ?").param(name.number()).update();
        // A forger who also recomputes the digest still cannot make the issuer's signature fit.
        LocalDate later = TODAY.plusYears(20);
        String digest = Sm3.hex(CanonicalForm.of(resealedDigest.number(), "TSTP", LicenceFixture.ID, "赵六", "scjgj", TODAY, TODAY, later,
                "HC-2026-000001", resealedDigest.data()));
        jdbc.sql("update licence.licence set valid_until = ?, digest = ? where number = ?").params(later, digest, resealedDigest.number()).update();

        assertThat(licences.verify(data.number()).sealIntact()).isFalse();
        assertThat(licences.verify(name.number()).sealIntact()).isFalse();
        assertThat(licences.verify(resealedDigest.number()).sealIntact()).isFalse();
        assertThat(licences.verify(issuePermit("钱七", TODAY, null).number()).sealIntact()).as("untouched").isTrue();
    }

    @Test
    void aLicencePastItsLastDayIsExpiredAndOnItsLastDayStillValid() {
        Licence expired = issuePermit("孙八", TODAY.minusYears(5), TODAY.minusDays(1));
        Licence lastDay = issuePermit("周九", TODAY.minusYears(5), TODAY);
        Licence forever = licences.issue(new NewLicence("TSTE", LicenceFixture.CREDIT, "海川市滨海建设工程有限公司", TODAY.minusYears(30), null,
                Map.of("grade", "施工总承包二级"), null), "zjj");

        assertThat(licences.verify(expired.number()).status()).isEqualTo(LicenceStatus.EXPIRED);
        assertThat(licences.verify(expired.number()).sealIntact()).isTrue();
        assertThat(licences.verify(lastDay.number()).status()).isEqualTo(LicenceStatus.VALID);
        assertThat(forever.validUntil()).isNull();
        assertThat(licences.verify(forever.number()).status()).isEqualTo(LicenceStatus.VALID);
        assertThat(licences.verify(forever.number()).maskedHolderName()).as("an enterprise's name is public").isEqualTo("海川市滨海建设工程有限公司");
    }

    @Test
    void theIssuerRevokesALicenceOnceAndTheSealStaysIntact() {
        Licence l = issuePermit("吴十", TODAY, null);
        LicenceFixture.actAs(accounts, "zjj.approver");
        assertThatThrownBy(() -> licences.revoke(l.number(), "不是本部门的"))
                .isInstanceOfSatisfying(LicenceProblem.class, e -> assertThat(e.code()).isEqualTo("licence.not-your-licence"));
        LicenceFixture.actAs(accounts, "scjgj.approver");
        assertThatThrownBy(() -> licences.revoke(l.number(), " "))
                .isInstanceOfSatisfying(LicenceProblem.class, e -> assertThat(e.code()).isEqualTo("licence.reason-required"));

        licences.revoke(l.number(), "经营者申请注销");

        LicenceCheck check = licences.verify(l.number());
        assertThat(check.status()).isEqualTo(LicenceStatus.REVOKED);
        assertThat(check.revokedOn()).isEqualTo(TODAY);
        assertThat(check.sealIntact()).isTrue();
        assertThat(licences.find(l.number()).orElseThrow().revocationReason()).isEqualTo("经营者申请注销");
        assertThatThrownBy(() -> licences.revoke(l.number(), "再次注销"))
                .isInstanceOfSatisfying(LicenceProblem.class, e -> {
                    assertThat(e.code()).isEqualTo("licence.already-revoked");
                    assertThat(e.status().value()).isEqualTo(409);
                });
        assertThatThrownBy(() -> licences.revoke("TSTP2000999999", "无此证"))
                .isInstanceOfSatisfying(LicenceProblem.class, e -> assertThat(e.status().value()).isEqualTo(404));
        assertThat(actions("licence:" + l.number())).contains("licence.revoke");
    }

    @Test
    void badInputIsRefusedWithAReasonAndNothingIsStored() {
        long before = store.count();
        String wrongCheck = LicenceFixture.ID.substring(0, 17) + (LicenceFixture.ID.charAt(17) == '0' ? '1' : '0');
        Map<String, String> data = Map.of("address", "海川市");

        assertThat(code(() -> licences.issue(new NewLicence("NOPE", LicenceFixture.ID, "张三", TODAY, null, data, null), "scjgj")))
                .isEqualTo("licence.unknown-type");
        assertThat(code(() -> licences.issue(new NewLicence("TSTP", wrongCheck, "张三", TODAY, null, data, null), "scjgj")))
                .isEqualTo("licence.bad-person-id");
        assertThat(code(() -> licences.issue(new NewLicence("TSTE", LicenceFixture.ID, "某公司", TODAY, null, Map.of(), null), "zjj")))
                .as("a person's ID number where a credit code belongs").isEqualTo("licence.bad-credit-code");
        assertThat(code(() -> licences.issue(new NewLicence("TSTP", LicenceFixture.ID, "张三", TODAY, null, Map.of("colour", "红"), null), "scjgj")))
                .isEqualTo("licence.unknown-field");
        assertThat(code(() -> licences.issue(new NewLicence("TSTP", LicenceFixture.ID, "张三", TODAY, null, data, null), "zjj")))
                .isEqualTo("licence.not-the-issuer");
        assertThat(code(() -> licences.issue(new NewLicence("TSTP", LicenceFixture.ID, "张三", TODAY, TODAY.minusDays(1), data, null), "scjgj")))
                .isEqualTo("licence.validity");
        assertThat(code(() -> licences.issue(new NewLicence("TSTP", LicenceFixture.ID, " ", TODAY, null, data, null), "scjgj")))
                .isEqualTo("licence.holder-name-required");
        assertThat(code(() -> licences.issue(new NewLicence("TSTP", LicenceFixture.ID, "张三", null, null, data, null), "scjgj")))
                .isEqualTo("licence.valid-from-required");
        assertThat(code(() -> licences.verify("TSTP1999000001"))).isEqualTo("licence.not-found");
        assertThat(store.count()).isEqualTo(before);
    }

    @Test
    void anApplicantSeesTheirOwnLicencesAndTheReadIsAudited() {
        String holder = LicenceFixture.id("37990319900101456");
        licences.issue(new NewLicence("TSTP", holder, "陈一", TODAY, null, Map.of("scope", "餐饮服务"), null), "scjgj");
        licences.issue(new NewLicence("TSTP", holder.toLowerCase(), "陈一", TODAY, null, Map.of("scope", "食品销售"), null), "scjgj");

        assertThat(licences.heldBy(holder)).hasSize(2).allSatisfy(l -> assertThat(l.holderName()).isEqualTo("陈一"));
        assertThat(actions("holder:" + holder)).isEqualTo("licence.read.holder");
    }

    private String actions(String target) {
        return jdbc.sql("select coalesce(string_agg(action, ',' order by seq), '') from audit.audit_record where target = ?").param(target)
                .query(String.class).single();
    }

    private static String code(Runnable r) {
        try {
            r.run();
        } catch (LicenceProblem e) {
            return e.code();
        }
        return "none";
    }
}
