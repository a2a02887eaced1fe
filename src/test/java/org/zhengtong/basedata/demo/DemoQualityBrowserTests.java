package org.zhengtong.basedata.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.Browsers;
import org.zhengtong.PlatformTest;
import org.zhengtong.basedata.Authorities;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.DataQuality;
import org.zhengtong.basedata.demo.DemoPopulation.Person;

/**
 * The small demo city's data quality in a real browser: the data administrator sees the charts drawn, follows the
 * pension comparison to its list, and finds the injected persons there in full; the platform admin makes 公安
 * authoritative for the phone on the authority page, and the change is audited.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoQualityBrowserTests {

    @LocalServerPort int port;
    @Autowired DemoFeeds demo;
    @Autowired DataQuality quality;
    @Autowired Authorities authorities;
    @Autowired JdbcClient jdbc;

    WebDriver browser;

    @BeforeAll
    void start() throws IOException {
        DemoFeedsTests.loadSmallCity(demo);
        browser = Browsers.start();
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void the_data_administrator_sees_the_charts_and_follows_a_comparison_to_its_list() {
        Browsers.signIn(browser, port, "dataadmin");
        browser.get("http://localhost:" + port + "/basedata/quality");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("基础库数据质量");
        assertThat(browser.findElements(By.cssSelector("#chart-fill-PERSON canvas"))).isNotEmpty();
        assertThat(browser.findElements(By.cssSelector("#chart-sources-LEGAL_PERSON canvas"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("#sources-PERSON caption")).getText()).isEqualTo("各来源部门、各字段的数字");
        WebElement count = browser.findElement(By.id("pension-count"));
        assertThat(count.getText()).isEqualTo(String.valueOf(quality.countPensionAfterDeath()));
        count.click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("死亡后仍领取养老金的人员");
        Set<String> shown = browser.findElements(By.cssSelector("#pension-table tbody th")).stream().map(WebElement::getText)
                .collect(Collectors.toSet());
        Set<String> injected = DemoFeedsTests.persons().stream().filter(DemoFeeds::pensionAfterDeath).map(Person::idNumber)
                .collect(Collectors.toSet());
        assertThat(shown).containsAll(injected);
        assertThat(browser.findElement(By.id("pension-xlsx")).getAttribute("href")).endsWith("/basedata/quality/pension-after-death.xlsx");
    }

    @Test
    void the_platform_admin_makes_a_department_authoritative_for_a_field_and_it_is_audited() {
        assertThat(authorities.of(Base.PERSON, "phone")).isNull();
        Browsers.signIn(browser, port, "admin");
        try {
            browser.get("http://localhost:" + port + "/basedata/authority");
            new Select(browser.findElement(By.id("dept-PERSON-phone"))).selectByVisibleText("海川市公安局");
            browser.findElement(By.cssSelector("#authority-PERSON-phone button")).click();
            assertThat(browser.findElement(By.id("done")).getText()).isEqualTo("人口基础库“联系电话”的权威部门已改为：海川市公安局。");
            assertThat(new Select(browser.findElement(By.id("dept-PERSON-phone"))).getFirstSelectedOption().getText()).isEqualTo("海川市公安局");
            assertThat(authorities.of(Base.PERSON, "phone")).isEqualTo("gaj");
            assertThat(jdbc.sql("select actor || ' ' || detail from audit.audit_record where action = 'basedata.authority.set' "
                    + "and target = 'authority:PERSON.phone' order by seq desc limit 1").query(String.class).single()).isEqualTo("admin - → gaj");
        } finally {
            browser.get("http://localhost:" + port + "/basedata/authority");
            new Select(browser.findElement(By.id("dept-PERSON-phone"))).selectByValue("");
            browser.findElement(By.cssSelector("#authority-PERSON-phone button")).click();
            browser.findElement(By.id("done"));
        }
        assertThat(authorities.of(Base.PERSON, "phone")).isNull();
    }
}
