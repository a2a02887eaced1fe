package org.zhengtong.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.zhengtong.Browsers;
import org.zhengtong.PlatformTest;

/**
 * Two officers look up the same person in a real browser. 教育局 is granted the population base without its personal
 * items, so its officer sees the ID number, phone and addresses masked, each marked so; 公安局 is granted everything
 * and its officer sees them in full. Both state a purpose, and the query appears in the officer's own history.
 */
@PlatformTest
class BaseDataQueryBrowserTests {

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired ApplicationContext context;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browsers.start();
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @BeforeEach
    void load() {
        QueryFixture.load(context);
    }

    @Test
    void anOfficerWithoutAFullGrantSeesMaskedValuesAndOneWithItSeesThemInFull() {
        Browsers.signIn(browser, port, "jyj.officer");
        lookUp("执法");
        assertThat(value("id_number")).isEqualTo(QueryFixture.ID.substring(0, 6) + "********" + QueryFixture.ID.substring(14));
        assertThat(value("phone")).isEqualTo("138****5678");
        assertThat(value("household_address")).isEqualTo("海川市东湖区****");
        assertThat(value("current_address")).isEqualTo("海川市西江区****");
        for (String field : new String[] {"id_number", "phone", "household_address", "current_address"}) {
            WebElement dd = browser.findElement(By.cssSelector("#subject dd[data-field='" + field + "']"));
            assertThat(dd.findElements(By.cssSelector(".masked"))).as(field + " marked as masked").hasSize(1);
            assertThat(dd.getText()).as(field + " says it is masked").contains("已脱敏");
        }
        assertThat(value("name")).isEqualTo(QueryFixture.NAME);
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(QueryFixture.PHONE, QueryFixture.ID, "幸福路");

        browser.get("http://localhost:" + port + "/basedata/query/history");
        waitForHeading("我的查询记录");
        WebElement first = browser.findElement(By.cssSelector("#history-table tbody tr"));
        assertThat(first.getText()).contains("人口基础库", "按号码", "执法", QueryFixture.ID.substring(0, 6) + "********")
                .doesNotContain(QueryFixture.ID);

        Browsers.signIn(browser, port, "gaj.officer");
        lookUp("办事");
        assertThat(value("id_number")).isEqualTo(QueryFixture.ID);
        assertThat(value("phone")).isEqualTo(QueryFixture.PHONE);
        assertThat(value("household_address")).isEqualTo(QueryFixture.HOUSEHOLD);
        assertThat(value("current_address")).isEqualTo(QueryFixture.CURRENT);
        assertThat(browser.findElements(By.cssSelector("#subject .masked"))).isEmpty();

        browser.get("http://localhost:" + port + "/basedata/query/history");
        waitForHeading("我的查询记录");
        assertThat(browser.findElement(By.cssSelector("#history-table tbody tr")).getText()).contains("按号码", "办事", QueryFixture.ID);
    }

    @Test
    void aLookupWithoutPurposeIsExplainedOnThePage() {
        Browsers.signIn(browser, port, "gaj.officer");
        browser.get("http://localhost:" + port + "/basedata/query");
        waitForHeading("统一数据查询 · 人口基础库");
        browser.findElement(By.id("key")).sendKeys(QueryFixture.ID);
        browser.findElement(By.id("query-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("purpose-problem")));
        assertThat(browser.findElement(By.id("purpose-problem")).getText()).contains("请说明查询用途");
        assertThat(browser.findElement(By.id("purpose")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElements(By.id("subject"))).isEmpty();
    }

    private void lookUp(String purpose) {
        browser.get("http://localhost:" + port + "/basedata/query");
        waitForHeading("统一数据查询 · 人口基础库");
        new Select(browser.findElement(By.id("purpose"))).selectByVisibleText(purpose);
        WebElement label = browser.findElement(By.xpath("//form[@id='query-form']//label[span[normalize-space()='公民身份号码']]"));
        browser.findElement(By.id(label.getAttribute("for"))).sendKeys(QueryFixture.ID);
        browser.findElement(By.id("query-submit")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("subject")));
    }

    /** The value shown for a field, without its masked mark. */
    private static String value(String field) {
        return browser.findElement(By.cssSelector("#subject dd[data-field='" + field + "'] .value")).getText().strip();
    }

    private static void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }
}
