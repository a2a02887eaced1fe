package org.zhengtong.licence.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengtong.PlatformTest;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.licence.Licence;
import org.zhengtong.licence.LicenceStatus;
import org.zhengtong.licence.LicenceType;
import org.zhengtong.licence.Licences;

/**
 * The demo city holds licences of eight types with realistic data, every one sealed and checking out, one expired and
 * one revoked; the holders are the ones docs/licence.md lists; the licence library is in the catalog.
 */
@PlatformTest
class DemoLicencesTests {

    @Autowired Licences licences;
    @Autowired LicenceLibrary library;
    @Autowired CatalogManagement catalog;

    @Test
    void theDemoCityHoldsSealedLicencesOfSeveralTypes() {
        assertThat(licences.types()).extracting(LicenceType::code).contains("YYZZ", "JY", "SGXK", "BDCQ", "JHZ", "HKB", "RLZY", "PWXK");
        assertThat(licences.type("JY").orElseThrow().issuerName()).isEqualTo("海川市市场监督管理局");

        List<Licence> zhangWei = licences.heldBy("379902198003151315");
        assertThat(zhangWei).extracting(Licence::typeName).containsExactlyInAnyOrder("不动产权证书", "结婚证", "居民户口簿");
        assertThat(zhangWei).allSatisfy(l -> assertThat(licences.verify(l.number()).sealIntact()).isTrue());

        List<Licence> supermarket = licences.heldBy("913799033500393949");
        assertThat(supermarket).filteredOn(l -> l.typeCode().equals("JY")).singleElement()
                .satisfies(l -> assertThat(l.status()).isEqualTo(LicenceStatus.EXPIRED));
        List<Licence> builder = licences.heldBy("9137990035002626X5");
        assertThat(builder).filteredOn(l -> l.typeCode().equals("SGXK")).extracting(Licence::status)
                .containsExactlyInAnyOrder(LicenceStatus.VALID, LicenceStatus.REVOKED);
        assertThat(DemoLicences.company("379902", 101)).isEqualTo("91379902350013135H");

        assertThat(library.code()).isNotNull().startsWith("105001001/");
        assertThat(catalog.published(library.code())).hasValueSatisfying(r -> assertThat(r.name()).isEqualTo("电子证照库"));
        assertThat(library.mayQueryAll("zjj")).isTrue();
        assertThat(library.mayQueryAll("jtysj")).isFalse();
        assertThat(library.mayQueryAll("zwfwj")).as("the bureau that keeps it").isTrue();
    }
}
