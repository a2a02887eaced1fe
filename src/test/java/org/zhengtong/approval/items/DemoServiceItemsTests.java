package org.zhengtong.approval.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengtong.PlatformTest;

/**
 * The demo city offers its citizens at least thirty published guides across its departments, among them the
 * construction permit as a joint approval led by 住建局 with four departments in parallel, and some sequences.
 */
@PlatformTest
class DemoServiceItemsTests {

    @Autowired ServiceItems items;

    @Test
    void theDemoCityPublishesAtLeastThirtyGuidesAcrossItsDepartments() {
        List<ServiceItem> demo = items.publishedList().stream().filter(i -> i.code().startsWith("3799-")).toList();
        assertThat(demo).hasSizeGreaterThanOrEqualTo(30);
        assertThat(demo).allMatch(i -> i.status() == ItemStatus.PUBLISHED && i.version() == 1);
        assertThat(demo).allMatch(i -> i.promisedLimitDays() <= i.legalLimitDays());
        Set<String> departments = demo.stream().map(ServiceItem::department).collect(Collectors.toSet());
        assertThat(departments).contains("zjj", "scjgj", "swj", "gaj", "rsj", "mzj", "zrzyj", "sthjj", "wjw", "jyj", "jtysj", "fgw");
        assertThat(demo).filteredOn(i -> i.template() == ProcessTemplate.SEQUENCE).hasSizeGreaterThanOrEqualTo(2);
        assertThat(demo.stream().flatMap(i -> i.materials().stream()).map(Material::licenceType).collect(Collectors.toSet()))
                .contains("YYZZ", "JY", "BDCQ", "SGXK", "JHZ");
        assertThat(demo).anyMatch(i -> !i.fees().equals("不收费"));
    }

    @Test
    void theConstructionPermitIsAJointApprovalOfFourDepartmentsLedByHousingAndConstruction() {
        ServiceItem construction = items.published(DemoServiceItems.CONSTRUCTION).orElseThrow();
        assertThat(construction.name()).contains("建筑工程施工许可");
        assertThat(construction.template()).isEqualTo(ProcessTemplate.PARALLEL);
        assertThat(construction.department()).isEqualTo("zjj");
        assertThat(construction.leadDepartment()).isEqualTo("zjj");
        assertThat(construction.steps()).hasSize(4).extracting(Step::department).containsExactly("zrzyj", "sthjj", "fgw", "jtysj");
        assertThat(construction.steps()).allMatch(s -> s.limitDays() <= construction.promisedLimitDays());
        assertThat(construction.legalBasis()).contains("《建筑工程施工许可管理办法》", "《中华人民共和国行政许可法》");
        assertThat(construction.materials()).extracting(Material::licenceType).contains("YYZZ", "BDCQ");
        assertThat(construction.formFields()).extracting(FormField::prefill).contains("legal.name", "legal.legalRepresentative");
    }
}
