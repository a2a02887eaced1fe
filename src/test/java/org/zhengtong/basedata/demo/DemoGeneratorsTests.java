package org.zhengtong.basedata.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.OrganizationCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * The demo city's generated persons and enterprises pass the same validators the platform applies to real data,
 * agree with themselves (birth date and gender with the ID number), live in the city's districts, and are the same
 * every time for a seed.
 */
class DemoGeneratorsTests {

    private static final Set<String> DISTRICTS = DemoCityPlaces.DISTRICTS.stream().map(DemoCityPlaces.District::code).collect(Collectors.toSet());

    @Test
    void everyPersonHasAValidUniqueIdNumberThatAgreesWithTheirBirthGenderAndDistrict() {
        DemoPopulation population = new DemoPopulation(7);
        Set<String> ids = new HashSet<>();
        List<DemoPopulation.Person> persons = population.stream(50_000).toList();
        for (DemoPopulation.Person p : persons) {
            assertThat(IdCardNumber.isValid(p.idNumber())).as(p.idNumber()).isTrue();
            IdCardNumber id = IdCardNumber.parse(p.idNumber());
            assertThat(id.birthDate()).isEqualTo(p.birthDate());
            assertThat(id.isMale()).as(p.idNumber() + " " + p.gender()).isEqualTo(p.male());
            assertThat(id.divisionCode()).isEqualTo(p.householdDivision()).isIn(DISTRICTS);
            String district = DemoCityPlaces.district(p.householdDivision()).name();
            assertThat(p.householdAddress()).startsWith("海川市" + district);
            assertThat(p.currentAddress()).startsWith("海川市");
            assertThat(p.name()).hasSizeBetween(2, 3);
            assertThat(p.ethnicity()).endsWith("族");
            assertThat(p.maritalStatus()).isIn("未婚", "已婚", "离婚", "丧偶");
            if (p.deathDate() != null) {
                assertThat(p.deathDate()).isAfter(p.birthDate()).isBeforeOrEqualTo(DemoPopulation.TODAY);
                assertThat(p.socialInsurance()).isEqualTo("停保");
            }
            if (p.phone() != null) {
                assertThat(p.phone()).matches("1[3-9]\\d{9}");
            }
            ids.add(p.idNumber());
        }
        assertThat(ids).hasSize(persons.size());
        assertThat(persons.stream().filter(p -> p.ethnicity().equals("汉族")).count()).isBetween(44_000L, 48_000L);
        assertThat(persons.stream().filter(DemoPopulation.Person::male).count()).isBetween(23_500L, 26_500L);
        assertThat(persons.stream().filter(p -> p.deathDate() != null).count()).isBetween(50L, 2_000L);
        assertThat(persons.stream().map(DemoPopulation.Person::householdDivision).distinct()).hasSize(3);
        assertThat(persons.stream().map(DemoPopulation.Person::socialInsurance).distinct()).contains("在保", "领取养老金", "停保");
    }

    @Test
    void aSeedAlwaysGivesTheSamePeopleAndAnotherSeedOthers() {
        DemoPopulation one = new DemoPopulation(42);
        assertThat(new DemoPopulation(42).stream(1_000).toList()).isEqualTo(one.stream(1_000).toList());
        assertThat(one.person(12_345)).isEqualTo(one.stream(12_346).skip(12_345).findFirst().orElseThrow());
        assertThat(new DemoPopulation(43).person(0).idNumber()).isNotEqualTo(one.person(0).idNumber());
        assertThat(DemoPopulation.capacity()).isGreaterThan(10_000_000L);
        assertThatThrownBy(() -> one.person(DemoPopulation.capacity())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> one.person(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void farIntoTenMillionTheIdNumbersStayValidAndDistinct() {
        DemoPopulation population = new DemoPopulation(3);
        Set<String> ids = new HashSet<>();
        for (long i = 9_990_000; i < 10_000_000; i++) {
            String id = population.person(i).idNumber();
            assertThat(IdCardNumber.isValid(id)).isTrue();
            ids.add(id);
        }
        for (long i = 0; i < 10_000; i++) {
            ids.add(population.person(i).idNumber());
        }
        assertThat(ids).hasSize(20_000);
    }

    @Test
    void everyEnterpriseHasAValidUniqueCreditCodeWithAValidOrganisationCode() {
        DemoEnterprises enterprises = new DemoEnterprises(7);
        List<DemoEnterprises.Enterprise> all = enterprises.stream(20_000).toList();
        Set<String> codes = new HashSet<>();
        for (DemoEnterprises.Enterprise e : all) {
            assertThat(UnifiedSocialCreditCode.isValid(e.creditCode())).as(e.creditCode()).isTrue();
            UnifiedSocialCreditCode code = UnifiedSocialCreditCode.parse(e.creditCode());
            assertThat(OrganizationCode.isValid(code.organizationCode().value())).isTrue();
            assertThat(code.registrationAuthority()).isEqualTo('9');
            assertThat(code.divisionCode()).isEqualTo(e.division()).isIn(DISTRICTS);
            assertThat(code.organizationType()).isEqualTo(switch (e.type()) {
                case "个体工商户" -> '2';
                case "农民专业合作社" -> '3';
                default -> '1';
            });
            assertThat(e.name()).startsWith("海川市");
            assertThat(e.industry()).matches("[A-T]\\d{4}");
            assertThat(e.taxGrade()).isIn("A", "B", "M", "C", "D");
            assertThat(e.status()).isIn("存续", "吊销", "注销");
            assertThat(e.registeredCapital().signum()).isPositive();
            assertThat(e.statusDate()).isAfterOrEqualTo(e.established()).isBeforeOrEqualTo(DemoPopulation.TODAY);
            if (e.lastTaxFiling() != null) {
                assertThat(e.lastTaxFiling()).isAfterOrEqualTo(e.established());
                if (!e.active()) {
                    assertThat(e.lastTaxFiling()).isBeforeOrEqualTo(e.statusDate());
                }
            }
            codes.add(e.creditCode());
        }
        assertThat(codes).hasSize(all.size());
        Map<String, Long> byStatus = all.stream().collect(Collectors.groupingBy(DemoEnterprises.Enterprise::status, Collectors.counting()));
        assertThat(byStatus.keySet()).containsExactlyInAnyOrder("存续", "吊销", "注销");
        assertThat(byStatus.get("存续")).isGreaterThan(15_000L);
        assertThat(all.stream().map(DemoEnterprises.Enterprise::type).distinct().count()).isEqualTo(6);
        assertThat(new DemoEnterprises(7).enterprise(19_999)).isEqualTo(all.get(19_999));
        assertThat(new DemoEnterprises(8).enterprise(0).creditCode()).isNotEqualTo(all.getFirst().creditCode());
        assertThat(all.stream().collect(Collectors.toMap(DemoEnterprises.Enterprise::creditCode, Function.identity()))).hasSize(all.size());
    }
}
