package org.zhengtong.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.zhengtong.PlatformTest;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.OrganizationCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * A citizen or an enterprise registers an applicant account: a good registration opens the account, hashed and
 * audited; each bad one is refused naming the field at fault, and nothing is stored.
 */
@PlatformTest
class ApplicantRegistrationTests {

    static final String PASSWORD = "Apply#Haichuan26";

    @Autowired Applicants applicants;
    @Autowired DirectoryManagement directory;
    @Autowired JdbcClient jdbc;
    @Autowired PasswordEncoder encoder;

    /** A valid ID number of someone born on the given day, registered in the demo city's 东湖区. */
    static String idNumber(String birthDate, int sequence) {
        String first17 = "379902" + birthDate + String.format("%03d", sequence);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    /** A valid credit code of a company (registration authority 9, type 1) in the demo city. */
    static String creditCode(int serial) {
        String first8 = String.format("%08d", 50_000_000 + serial);
        String first17 = "91379900" + first8 + OrganizationCode.checkCharacter(first8);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static NewApplicant citizen(String loginName, String idNumber) {
        return new NewApplicant(loginName, ApplicantKind.PERSON, idNumber, "柯文静", null, "13812345678", PASSWORD);
    }

    @Test
    void aCitizenRegistersAndTheAccountIsStoredHashedAndAudited() {
        String id = idNumber("19900214", 123);
        Applicant a = applicants.register(new NewApplicant(" reg.citizen ", ApplicantKind.PERSON, id.toLowerCase(), " 柯文静 ", "ignored",
                "13812345678", PASSWORD));

        assertThat(a.loginName()).isEqualTo("reg.citizen");
        assertThat(a.kind()).isEqualTo(ApplicantKind.PERSON);
        assertThat(a.holderId()).isEqualTo(id);
        assertThat(a.name()).isEqualTo("柯文静");
        assertThat(a.locked()).isFalse();
        assertThat(a.maskedHolderId()).isEqualTo("379902********" + id.substring(14)).doesNotContain("19900214");
        assertThat(applicants.find("REG.CITIZEN")).contains(a);
        assertThat(applicants.contactName("reg.citizen")).isEmpty();
        String hash = jdbc.sql("select password_hash from directory.applicant where login_name = 'reg.citizen'").query(String.class).single();
        assertThat(hash).startsWith("{argon2}");
        assertThat(encoder.matches(PASSWORD, hash)).isTrue();
        assertThat(jdbc.sql("select count(*) from audit.audit_record where action = 'directory.applicant.register' and target = 'applicant:reg.citizen'")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anEnterpriseRegistersWithItsCreditCodeAndContactPerson() {
        String code = creditCode(1);
        Applicant a = applicants.register(new NewApplicant("reg.company", ApplicantKind.ENTERPRISE, code, "海川市试注册科技有限公司", "周立",
                "15912345678", PASSWORD));
        assertThat(a.kind()).isEqualTo(ApplicantKind.ENTERPRISE);
        assertThat(a.maskedHolderId()).isEqualTo(code);
        assertThat(applicants.contactName("reg.company")).contains("周立");
    }

    @Test
    void anIdNumberWithAWrongCheckDigitIsRefused() {
        String good = idNumber("19850607", 45);
        String bad = good.substring(0, 17) + (good.charAt(17) == '1' ? '2' : '1');
        assertThat(fieldsOf(citizen("reg.badcheck", bad))).containsExactly(new Problem("holderId", "code.id-number.check"));
        assertThat(applicants.find("reg.badcheck")).isEmpty();
    }

    @Test
    void aCreditCodeWithAWrongCheckCharacterIsRefusedAndAnEnterpriseNeedsAContact() {
        String good = creditCode(2);
        String bad = good.substring(0, 17) + (good.charAt(17) == 'A' ? 'B' : 'A');
        assertThat(fieldsOf(new NewApplicant("reg.badcode", ApplicantKind.ENTERPRISE, bad, "海川某公司", " ", "15912345678", PASSWORD)))
                .containsExactlyInAnyOrder(new Problem("holderId", "code.credit-code.check"), new Problem("contactName", "applicant.field.required"));
    }

    @Test
    void aTakenLoginNameIsRefusedWhetherAnApplicantOrAMemberOfStaffHasIt() {
        applicants.register(citizen("reg.first", idNumber("19770101", 11)));
        assertThat(fieldsOf(citizen("Reg.First", idNumber("19770101", 13)))).containsExactly(new Problem("loginName", "applicant.field.loginName.format"));
        assertThat(fieldsOf(citizen("reg.first", idNumber("19770101", 13)))).containsExactly(new Problem("loginName", "applicant.field.loginName.taken"));
        assertThat(fieldsOf(citizen("gaj.officer", idNumber("19770101", 15)))).containsExactly(new Problem("loginName", "applicant.field.loginName.taken"));
    }

    @Test
    void aMemberOfStaffCannotTakeAnApplicantsLoginName() {
        applicants.register(citizen("reg.second", idNumber("19780202", 21)));
        assertThatThrownBy(() -> directory.createPerson(new NewPerson("reg.second", "王二", "gaj", null, null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(FieldProblem::field).containsExactly("username"));
        assertThatThrownBy(() -> jdbc.sql("insert into directory.person (username, full_name) values ('reg.second', '王二')").update())
                .as("the database keeps the names apart too").hasMessageContaining("applicant login name");
    }

    @Test
    void aHolderIdHasOneAccountOnly() {
        String id = idNumber("19660303", 31);
        applicants.register(citizen("reg.holder", id));
        assertThat(fieldsOf(citizen("reg.holder2", id))).containsExactly(new Problem("holderId", "applicant.field.holderId.taken"));
        String lower = id.substring(0, 17) + (id.endsWith("X") ? "x" : id.substring(17));
        assertThat(fieldsOf(citizen("reg.holder3", lower))).containsExactly(new Problem("holderId", "applicant.field.holderId.taken"));
    }

    @Test
    void twoRegistrationsOfOneHolderAtOnceOpenOneAccount() throws Exception {
        String id = idNumber("19690404", 41);
        var start = new java.util.concurrent.CountDownLatch(1);
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(2)) {
            var first = pool.submit(() -> { start.await(); return applicants.register(citizen("reg.race1", id)); });
            var second = pool.submit(() -> { start.await(); return applicants.register(citizen("reg.race2", id)); });
            start.countDown();
            List<Object> outcomes = new java.util.ArrayList<>();
            for (var f : List.of(first, second)) {
                try {
                    outcomes.add(f.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            assertThat(outcomes).filteredOn(Applicant.class::isInstance).hasSize(1);
            assertThat(outcomes).filteredOn(InvalidInput.class::isInstance).singleElement()
                    .satisfies(e -> assertThat(((InvalidInput) e).problems()).extracting(FieldProblem::field).containsExactly("holderId"));
        }
        assertThat(jdbc.sql("select count(*) from directory.applicant where holder_id = ?").param(id).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWeakPasswordIsRefusedByTheStaffPasswordPolicy() {
        NewApplicant shortOne = new NewApplicant("reg.weak", ApplicantKind.PERSON, idNumber("19880808", 81), "柯文静", null, "13812345678", "Ab1#");
        assertThat(fieldsOf(shortOne)).containsExactly(new Problem("password", "directory.password.too-short"));
        NewApplicant simple = new NewApplicant("reg.weak", ApplicantKind.PERSON, idNumber("19880808", 81), "柯文静", null, "13812345678", "abcdefghijkl");
        assertThat(fieldsOf(simple)).containsExactly(new Problem("password", "directory.password.too-simple"));
        NewApplicant named = new NewApplicant("reg.weak", ApplicantKind.PERSON, idNumber("19880808", 81), "柯文静", null, "13812345678", "Reg.weak#2026");
        assertThat(fieldsOf(named)).containsExactly(new Problem("password", "directory.password.contains-username"));
    }

    @Test
    void aBadPhoneNumberIsRefused() {
        for (String phone : List.of("12812345678", "1381234567", "138123456789", "1381234567a")) {
            NewApplicant a = new NewApplicant("reg.phone", ApplicantKind.PERSON, idNumber("19920909", 91), "柯文静", null, phone, PASSWORD);
            assertThat(fieldsOf(a)).as(phone).containsExactly(new Problem("phone", "applicant.field.phone.format"));
        }
    }

    @Test
    void anEmptyFormNamesEveryField() {
        assertThat(fieldsOf(new NewApplicant(null, null, null, null, null, null, null))).extracting(Problem::field)
                .containsExactlyInAnyOrder("loginName", "kind", "name", "phone", "password");
        assertThat(fieldsOf(new NewApplicant("reg.empty", ApplicantKind.PERSON, "", "x", null, "13812345678", PASSWORD)))
                .containsExactly(new Problem("holderId", "applicant.field.holderId.person.required"));
    }

    record Problem(String field, String messageKey) {}

    private List<Problem> fieldsOf(NewApplicant a) {
        long before = jdbc.sql("select count(*) from directory.applicant").query(Long.class).single();
        try {
            applicants.register(a);
        } catch (InvalidInput e) {
            assertThat(jdbc.sql("select count(*) from directory.applicant").query(Long.class).single()).isEqualTo(before);
            return e.problems().stream().map(p -> new Problem(p.field(), p.messageKey())).toList();
        }
        throw new AssertionError("registration of " + a.loginName() + " was accepted");
    }
}
