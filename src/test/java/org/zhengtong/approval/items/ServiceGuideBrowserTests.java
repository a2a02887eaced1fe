package org.zhengtong.approval.items;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengtong.Browsers;
import org.zhengtong.PlatformTest;

/**
 * A citizen who has not signed in looks for the construction permit in a real browser: searches the guides by name
 * and department, opens the guide from the results, and finds what to bring – the business licence replaced by its
 * electronic licence –, the four departments that review in parallel, the limits and the way to apply online.
 */
@PlatformTest
class ServiceGuideBrowserTests {

    static WebDriver browser;

    @LocalServerPort int port;

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

    @Test
    void aCitizenFindsTheConstructionPermitGuideWithoutSigningIn() {
        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/guide");
        waitForHeading("办事指南");
        assertThat(browser.getCurrentUrl()).as("no sign-in asked").endsWith("/guide");

        browser.findElement(By.id("q")).sendKeys("施工许可");
        new Select(browser.findElement(By.id("department"))).selectByVisibleText("海川市住房和城乡建设局");
        browser.findElement(By.id("q")).sendKeys(Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("q="));
        assertThat(browser.findElement(By.id("result-count")).getText()).isEqualTo("找到 1 个事项。");

        browser.findElement(By.linkText("建筑工程施工许可证核发（工程建设项目施工许可阶段并联审批）")).click();
        waitForHeading("建筑工程施工许可证核发（工程建设项目施工许可阶段并联审批）");
        assertThat(browser.findElement(By.id("promised-limit")).getText()).isEqualTo("10 个工作日");
        assertThat(browser.findElement(By.id("legal-limit")).getText()).isEqualTo("20 个工作日");

        WebElement licence = browser.findElement(By.xpath("//table[@id='materials']//tr[th[normalize-space()='营业执照（建设单位）']]"));
        assertThat(licence.getText()).contains("可用电子证照（YYZZ）代替");
        List<String> reviewers = browser.findElements(By.cssSelector("#steps tbody th")).stream().map(WebElement::getText).toList();
        assertThat(reviewers).containsExactly("海川市自然资源和规划局", "海川市生态环境局", "海川市发展和改革委员会", "海川市交通运输局");
        assertThat(browser.findElement(By.id("apply")).getAttribute("href")).endsWith("/services/3799-ZJJ-XK-001/apply");
    }

    private static void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }
}
