package org.zhengtong.basedata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.PlatformTest;
import org.zhengtong.basedata.DataQuality;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.basedata.demo.DemoEnterprises.Enterprise;
import org.zhengtong.basedata.demo.DemoPopulation.Person;

/**
 * The demo city's feeds at a small size: six departments publish through the real exchange, the bases take them in,
 * and the mistakes injected into 人社's and 税务's data come out as conflicts and rejected records, no more, no less.
 */
@PlatformTest
class DemoFeedsTests {

    static final int PERSONS = 2000;
    static final int ENTERPRISES = 500;

    @Autowired
    DemoFeeds demo;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataQuality quality;

    private static boolean loaded;

    /** Loads the small demo city once per test run; loading again would find everything published and change nothing. */
    static synchronized void loadSmallCity(DemoFeeds demo) {
        if (!loaded) {
            demo.load(PERSONS, ENTERPRISES);
            loaded = true;
        }
    }

    @BeforeEach
    void load() {
        loadSmallCity(demo);
    }

    static List<Person> persons() {
        return new DemoPopulation(DemoFeeds.SEED).stream(PERSONS).toList();
    }

    static List<Enterprise> enterprises() {
        return new DemoEnterprises(DemoFeeds.SEED).stream(ENTERPRISES).toList();
    }

    @Test
    void every_person_and_enterprise_arrives_in_the_bases_through_the_exchange() {
        List<String> ids = persons().stream().map(Person::idNumber).toList();
        List<String> codes = enterprises().stream().map(Enterprise::creditCode).toList();
        assertThat(jdbc.sql("select count(*) from basedata.person where id_number = any(?)").param(ids.toArray(String[]::new))
                .query(Long.class).single()).isEqualTo(PERSONS);
        assertThat(jdbc.sql("select count(*) from basedata.legal_person where credit_code = any(?)").param(codes.toArray(String[]::new))
                .query(Long.class).single()).isEqualTo(ENTERPRISES);
        // Every value came through a source batch of an exchange batch of the department's own dataset.
        assertThat(jdbc.sql("""
                select distinct s.department from basedata.person p, unnest(p.lineage) l join basedata.source_batch s on s.id = l
                where p.id_number = any(?) and s.exchange_batch is not null""").param(ids.toArray(String[]::new)).query(String.class).set())
                .containsExactlyInAnyOrder("gaj", "mzj", "rsj", "jyj");
        Person someone = persons().get(7);
        assertThat(jdbc.sql("select name, household_division, birth_date::text from basedata.person where id_number = ?").param(someone.idNumber())
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).single())
                .containsExactly(someone.name(), someone.householdDivision(), someone.birthDate().toString());
    }

    @Test
    void the_names_other_departments_spell_otherwise_wait_as_conflicts() {
        Set<String> expected = persons().stream().filter(p -> p.socialInsurance() != null && DemoFeeds.otherName(p)).map(Person::idNumber)
                .collect(Collectors.toSet());
        assertThat(expected).isNotEmpty();
        assertThat(jdbc.sql("select subject from basedata.conflict where base = 'PERSON' and department = 'rsj' and status = 'OPEN' and subject = any(?)")
                .param(persons().stream().map(Person::idNumber).toArray(String[]::new)).query(String.class).set()).isEqualTo(expected);
        Set<String> taxpayers = enterprises().stream().filter(DemoFeeds::otherTaxpayerName).map(Enterprise::creditCode).collect(Collectors.toSet());
        assertThat(taxpayers).isNotEmpty();
        assertThat(jdbc.sql("select subject from basedata.conflict where base = 'LEGAL_PERSON' and department = 'swj' and field = 'name' and subject = any(?)")
                .param(enterprises().stream().map(Enterprise::creditCode).toArray(String[]::new)).query(String.class).set()).isEqualTo(taxpayers);
    }

    @Test
    void bad_records_are_rejected_with_their_reason() {
        Set<String> badPersons = persons().stream().filter(p -> p.socialInsurance() != null && DemoFeeds.mistake(p) != DemoFeeds.Mistake.NONE)
                .map(p -> DemoFeeds.mistake(p) + ":" + p.idNumber().substring(0, 17)).collect(Collectors.toSet());
        assertThat(badPersons).anyMatch(s -> s.startsWith("CHECK_CHARACTER")).anyMatch(s -> s.startsWith("GENDER"))
                .anyMatch(s -> s.startsWith("BIRTH_DATE"));
        Set<String> rejected = jdbc.sql("select reason_key, subject from basedata.rejected r join basedata.feed f on f.id = r.feed where f.department = 'rsj'")
                .query((rs, n) -> switch (rs.getString(1)) {
                    case "basedata.reject.id-number" -> "CHECK_CHARACTER";
                    case "basedata.reject.gender" -> "GENDER";
                    case "basedata.reject.birth-date" -> "BIRTH_DATE";
                    default -> rs.getString(1);
                } + ":" + rs.getString(2).substring(0, 17)).set();
        assertThat(rejected).isEqualTo(badPersons);
        Set<String> badCodes = enterprises().stream().filter(DemoFeeds::badCreditCode).map(e -> e.creditCode().substring(0, 17)).collect(Collectors.toSet());
        assertThat(badCodes).isNotEmpty();
        assertThat(jdbc.sql("select substr(subject, 1, 17) from basedata.rejected r join basedata.feed f on f.id = r.feed "
                + "where f.department = 'swj' and r.reason_key = 'basedata.reject.credit-code'").query(String.class).set()).isEqualTo(badCodes);
    }

    @Test
    void the_comparisons_find_exactly_the_injected_cases() {
        Set<String> dead = persons().stream().filter(DemoFeeds::pensionAfterDeath).map(Person::idNumber).collect(Collectors.toSet());
        Set<String> cancelled = enterprises().stream().filter(DemoFeeds::filingAfterCancellation).map(Enterprise::creditCode)
                .collect(Collectors.toSet());
        assertThat(dead).isNotEmpty();
        assertThat(cancelled).isNotEmpty();
        Set<String> ours = persons().stream().map(Person::idNumber).collect(Collectors.toSet());
        Set<String> firms = enterprises().stream().map(Enterprise::creditCode).collect(Collectors.toSet());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("dataadmin", null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            assertThat(quality.seesPersonsInFull()).isTrue();
            var pensions = quality.pensionAfterDeath(100_000, "test");
            assertThat(pensions).hasSize((int) quality.countPensionAfterDeath());
            assertThat(pensions).allSatisfy(p -> assertThat(p.died()).isNotNull());
            assertThat(pensions.stream().map(DataQuality.PensionAfterDeath::idNumber).filter(ours::contains).collect(Collectors.toSet()))
                    .isEqualTo(dead);
            var filings = quality.filingAfterCancellation(100_000);
            assertThat(filings).hasSize((int) quality.countFilingAfterCancellation());
            assertThat(filings).allSatisfy(f -> assertThat(f.lastFiling()).isAfter(f.cancelled()));
            assertThat(filings.stream().map(DataQuality.FilingAfterCancellation::creditCode).filter(firms::contains).collect(Collectors.toSet()))
                    .isEqualTo(cancelled);
            assertThat(jdbc.sql("select detail from audit.audit_record where action = 'basedata.quality.pension-after-death' and actor = 'dataadmin' "
                    + "order by seq desc limit 1").query(String.class).single()).contains("test", "in full", pensions.size() + " persons");
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
