package org.zhengtong.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.PlatformTest;
import org.zhengtong.basedata.QueryPurpose.Stated;
import org.zhengtong.basedata.UnifiedQuery.LegalPersonCriteria;
import org.zhengtong.basedata.UnifiedQuery.PersonCriteria;
import org.zhengtong.basedata.UnifiedQuery.Subject;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.PlatformException;

/**
 * The unified query (统一数据资源查询) as civil servants of two departments use it, over persons and enterprises
 * that arrived through real feeds: 公安局 is granted the population base in full, 教育局 everything but the personal
 * items, so it sees the ID number, phone and addresses masked; every query states a purpose and leaves one audit
 * record and one line in the asker's own history.
 */
@PlatformTest
class BaseDataQueryTests {

    static final Stated HANDLING = QueryPurpose.parse("办事", null);

    @Autowired ApplicationContext context;
    @Autowired UnifiedQuery query;
    @Autowired AccessPolicy policy;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void load() {
        QueryFixture.load(context);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anOfficerWithAFullGrantSeesEveryFieldOfAPersonInFull() {
        Subject p = as("gaj.officer", "DATA_OFFICER", () -> query.person(QueryFixture.ID, HANDLING));
        assertThat(p.key()).isEqualTo(QueryFixture.ID);
        assertThat(p.masked()).isEmpty();
        String legacy = QueryFixture.ID.substring(0, 6) + QueryFixture.ID.substring(8, 17);
        assertThat(as("gaj.officer", "DATA_OFFICER", () -> query.person(legacy, HANDLING)).key())
                .as("the same person looked up by the 15-digit number of before 1999").isEqualTo(QueryFixture.ID);
        assertThat(p.fields()).containsKeys(Base.PERSON.fields().stream().map(BaseField::column).toArray(String[]::new));
        assertThat(p.fields()).containsEntry("name", QueryFixture.NAME).containsEntry("phone", QueryFixture.PHONE)
                .containsEntry("household_address", QueryFixture.HOUSEHOLD).containsEntry("current_address", QueryFixture.CURRENT)
                .containsEntry("gender", "男").containsEntry("household_division", "379902");
    }

    @Test
    void anOfficerWithoutTheGrantOfPersonalItemsSeesThemMaskedAndUngrantedFieldsNotAtAll() {
        Subject p = as("jyj.officer", "DATA_OFFICER", () -> query.person(QueryFixture.ID, HANDLING));
        assertThat(p.key()).isEqualTo(QueryFixture.ID.substring(0, 6) + "********" + QueryFixture.ID.substring(14)).doesNotContain("19850512");
        assertThat(p.fields()).containsEntry("phone", "138****5678").containsEntry("household_address", "海川市东湖区****")
                .containsEntry("current_address", "海川市西江区****").containsEntry("name", QueryFixture.NAME);
        assertThat(p.masked()).containsExactlyInAnyOrder("id_number", "household_address", "current_address", "phone");
        assertThat(p.toString()).doesNotContain(QueryFixture.PHONE, "幸福路", "海滨大道", QueryFixture.ID);

        // 教育局 is granted six items of the legal-person base: the others are left out, not masked.
        Subject e = as("jyj.officer", "DATA_OFFICER", () -> query.legalPerson(QueryFixture.CREDIT_CODE, HANDLING));
        assertThat(e.fields()).containsEntry("name", QueryFixture.ENTERPRISE).containsEntry("industry", "I6513")
                .doesNotContainKeys("legal_representative", "registered_capital", "address", "business_scope");
        assertThat(e.toString()).doesNotContain(QueryFixture.LEGAL_REPRESENTATIVE);
        Subject full = as("gaj.officer", "DATA_OFFICER", () -> query.legalPerson(QueryFixture.CREDIT_CODE, HANDLING));
        assertThat(full.fields()).containsEntry("legal_representative", QueryFixture.LEGAL_REPRESENTATIVE);
    }

    @Test
    void aQueryWithoutAValidPurposeIsRefusedWithItsCode() {
        assertThat(code(() -> QueryPurpose.parse(null, null))).isEqualTo("basedata.no-purpose");
        assertThat(code(() -> QueryPurpose.parse("  ", "text"))).isEqualTo("basedata.no-purpose");
        assertThat(code(() -> QueryPurpose.parse("好奇", null))).isEqualTo("basedata.unknown-purpose");
        assertThat(code(() -> QueryPurpose.parse("OTHER", " "))).isEqualTo("basedata.purpose-text-required");
        assertThat(code(() -> QueryPurpose.parse("其他", null))).isEqualTo("basedata.purpose-text-required");
        assertThat(QueryPurpose.parse("其他", "核对信访人身份").text()).isEqualTo("核对信访人身份");
        assertThat(QueryPurpose.parse("enforcement", null).purpose()).isEqualTo(QueryPurpose.ENFORCEMENT);

        long before = logLines("gaj.officer");
        assertThatThrownBy(() -> as("gaj.officer", "DATA_OFFICER", () -> query.person(QueryFixture.ID, null)))
                .isInstanceOf(QueryProblem.class).hasMessage("basedata.no-purpose");
        assertThat(logLines("gaj.officer")).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String wrongCheck = QueryFixture.ID.substring(0, 17) + (QueryFixture.ID.endsWith("0") ? "1" : "0");
        assertThatThrownBy(() -> as("gaj.officer", "DATA_OFFICER", () -> query.person(wrongCheck, HANDLING)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("idNumber"));
        assertThatThrownBy(() -> as("gaj.officer", "DATA_OFFICER", () -> query.persons(new PersonCriteria(null, null, null, null, "37-99"), HANDLING)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems().getFirst().field()).isEqualTo("division"));
        assertThat(code(() -> as("gaj.officer", "DATA_OFFICER", () -> query.persons(new PersonCriteria(" ", null, null, null, null), HANDLING))))
                .isEqualTo("basedata.no-criteria");
        // 卫健委 holds no grant on the population base.
        long denied = jdbc.sql("select count(*) from audit.audit_record where actor = 'wjw.officer' and action = 'basedata.query.denied'"
                + " and outcome = 'DENIED'").query(Long.class).single();
        assertThat(code(() -> as("wjw.officer", "DATA_OFFICER", () -> query.person(QueryFixture.ID, HANDLING)))).isEqualTo("basedata.no-grant");
        assertThat(jdbc.sql("select count(*) from audit.audit_record where actor = 'wjw.officer' and action = 'basedata.query.denied'")
                .query(Long.class).single()).isEqualTo(denied + 1);
        String missing = QueryFixture.id("379904", java.time.LocalDate.of(1931, 3, 1), 999);
        assertThat(code(() -> as("jyj.officer", "DATA_OFFICER", () -> query.person(missing, HANDLING)))).isEqualTo("basedata.not-found");
    }

    @Test
    void everyQueryWritesOneAuditRecordAndOneHistoryLineOfItsOwnAsker() {
        long audits = audits("mzj.officer");
        long lines = logLines("mzj.officer");
        long others = logLines("gaj.officer");
        Stated other = QueryPurpose.parse("其他", "核对婚姻登记当事人");
        as("mzj.officer", "DATA_OFFICER", () -> query.person(QueryFixture.ID, other));
        as("mzj.officer", "DATA_OFFICER", () -> query.persons(new PersonCriteria(null, null, QueryFixture.ELDERS_FROM, QueryFixture.ELDERS_TO,
                "379903"), QueryPurpose.parse("统计", null)));
        assertThat(audits("mzj.officer")).isEqualTo(audits + 2);
        assertThat(logLines("mzj.officer")).isEqualTo(lines + 2);
        assertThat(logLines("gaj.officer")).isEqualTo(others);

        List<UnifiedQuery.HistoryLine> history = as("mzj.officer", "DATA_OFFICER", () -> query.myHistory(50));
        assertThat(history).hasSize((int) lines + 2);
        assertThat(history.getFirst().kind()).isEqualTo("SEARCH");
        assertThat(history.getFirst().purpose()).isEqualTo("STATISTICS");
        assertThat(history.getFirst().results()).isEqualTo(UnifiedQuery.MAX_RESULTS);
        assertThat(history.get(1).kind()).isEqualTo("LOOKUP");
        assertThat(history.get(1).purpose()).isEqualTo("OTHER");
        assertThat(history.get(1).purposeText()).isEqualTo("核对婚姻登记当事人");
        assertThat(history.get(1).results()).isEqualTo(1);

        // Another officer's history holds none of these lines.
        as("jyj.officer", "DATA_OFFICER", () -> query.person(QueryFixture.ID, HANDLING));
        List<UnifiedQuery.HistoryLine> jyj = as("jyj.officer", "DATA_OFFICER", () -> query.myHistory(1000));
        assertThat(jyj).isNotEmpty().noneMatch(l -> "核对婚姻登记当事人".equals(l.purposeText()));
        // 教育局 is not granted the ID number: its history shows the number masked, as its answer did.
        assertThat(jyj.getFirst().criteria()).contains(QueryFixture.ID.substring(0, 6) + "********").doesNotContain(QueryFixture.ID);
        assertThat(history.getFirst().criteria()).isEqualTo("born from=1931-03-01; born to=1931-03-31; division=379903");
        assertThat(jdbc.sql("select count(*) from basedata.query_log where actor = 'jyj.officer'").query(Long.class).single()).isEqualTo(jyj.size());
    }

    @Test
    void aSearchByConditionsAnswersAtMostMaxResultsAndSaysThereAreMore() {
        var elders = as("gaj.officer", "DATA_OFFICER", () -> query.persons(new PersonCriteria(null, null, QueryFixture.ELDERS_FROM,
                QueryFixture.ELDERS_TO, "379903"), HANDLING));
        assertThat(elders.subjects()).hasSize(UnifiedQuery.MAX_RESULTS);
        assertThat(elders.more()).isTrue();
        var women = as("gaj.officer", "DATA_OFFICER", () -> query.persons(new PersonCriteria(null, "女", QueryFixture.ELDERS_FROM,
                QueryFixture.ELDERS_TO, "3799"), HANDLING));
        assertThat(women.subjects()).hasSize(QueryFixture.ELDERS / 2).allMatch(s -> "女".equals(s.fields().get("gender")));
        assertThat(women.more()).isFalse();
        var one = as("jyj.officer", "DATA_OFFICER", () -> query.persons(new PersonCriteria(QueryFixture.NAME, null, null, null, null), HANDLING));
        assertThat(one.subjects()).singleElement().satisfies(s -> assertThat(s.masked()).contains("id_number", "phone"));

        var software = as("jyj.officer", "DATA_OFFICER", () -> query.legalPersons(new LegalPersonCriteria("统查测试", "存续", "I65", "379902"),
                HANDLING));
        assertThat(software.subjects()).extracting(Subject::key).containsExactly(QueryFixture.CREDIT_CODE);
        assertThat(software.more()).isFalse();
    }

    @Test
    void theOverviewGivesCountsOnlyNeverAPerson() {
        UnifiedQuery.Overview o = as("mayor", "LEADER", () -> query.overview());
        assertThat(o.persons()).isGreaterThanOrEqualTo(QueryFixture.ELDERS + 1);
        assertThat(o.enterprises()).isGreaterThanOrEqualTo(5);
        assertThat(o.byDivision()).anySatisfy(c -> {
            assertThat(c.key()).isEqualTo("379903");
            assertThat(c.count()).isGreaterThanOrEqualTo(QueryFixture.ELDERS);
        });
        assertThat(o.byGender()).extracting(UnifiedQuery.Count::key).contains("男", "女");
        assertThat(o.byAgeBand()).extracting(UnifiedQuery.Count::key).contains("60+", "35-59");
        assertThat(o.byEthnicity()).extracting(UnifiedQuery.Count::key).contains("汉族", "回族");
        assertThat(o.byStatus()).extracting(UnifiedQuery.Count::key).contains("存续");
        assertThat(o.byIndustry()).extracting(UnifiedQuery.Count::key).contains("I");
        assertThat(o.toString()).doesNotContain(QueryFixture.ID, QueryFixture.NAME, QueryFixture.CREDIT_CODE, QueryFixture.ENTERPRISE);
        assertThat(jdbc.sql("select count(*) from audit.audit_record where actor = 'mayor' and action = 'basedata.overview.view'").query(Long.class)
                .single()).isPositive();
    }

    private long audits(String actor) {
        return jdbc.sql("select count(*) from audit.audit_record where actor = ? and action like 'basedata.query.%'").param(actor).query(Long.class)
                .single();
    }

    private long logLines(String actor) {
        return jdbc.sql("select count(*) from basedata.query_log where actor = ?").param(actor).query(Long.class).single();
    }

    private static String code(Runnable work) {
        try {
            work.run();
        } catch (PlatformException e) {
            return e.code();
        }
        throw new AssertionError("no problem");
    }

    private <T> T as(String username, String role, Supplier<T> work) {
        var authorities = policy.privilegesOf(List.of(role)).stream().map(SimpleGrantedAuthority::new).toList();
        var sc = SecurityContextHolder.createEmptyContext();
        sc.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        SecurityContextHolder.setContext(sc);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
