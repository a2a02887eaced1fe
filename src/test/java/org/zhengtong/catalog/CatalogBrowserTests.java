package org.zhengtong.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengtong.Browsers;
import org.zhengtong.PlatformTest;

/**
 * The catalog's whole flow in a real browser: a data officer drafts and submits an entry, the data administrator
 * publishes it, an officer of another department finds it by a Chinese keyword and requests it, the provider
 * approves, and both sides see the grant.
 */
@PlatformTest
class CatalogBrowserTests {

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
    void draftPublishFindRequestApproveAndSeeTheGrant() {
        String name = "海川市饮用水水源地水质月报数据";

        Browsers.signIn(browser, port, "sthjj.officer");
        open("/catalog/new");
        new Select(browser.findElement(By.id("classification"))).selectByValue("205001001");
        browser.findElement(By.id("name")).sendKeys(name);
        browser.findElement(By.id("summary")).sendKeys("全市集中式饮用水水源地每月水质监测结果。");
        new Select(browser.findElement(By.id("format"))).selectByValue("DATABASE");
        new Select(browser.findElement(By.id("shareType"))).selectByValue("CONDITIONAL");
        new Select(browser.findElement(By.id("openType"))).selectByValue("NONE");
        new Select(browser.findElement(By.id("updateCycle"))).selectByValue("MONTHLY");
        browser.findElement(By.cssSelector("input[name=shareWays][value=API]")).click();
        browser.findElement(By.id("shareConditions")).sendKeys("限用于饮用水安全监管");
        List<WebElement> itemNames = browser.findElements(By.name("itemName"));
        itemNames.get(0).sendKeys("水源地编码");
        browser.findElements(By.name("itemFlags")).get(0).sendKeys("KR");
        itemNames.get(1).sendKeys("监测月份");
        browser.findElement(By.cssSelector("main form button.primary")).click();
        waitForHeading(name);
        String code = browser.findElement(By.cssSelector("main .lead code")).getText();
        assertThat(code).matches("205001001/\\d{6}");
        browser.findElement(By.xpath("//button[normalize-space()='提交审核']")).click();
        waitForText("待审核");

        Browsers.signIn(browser, port, "dataadmin");
        open("/catalog/review");
        browser.findElement(By.linkText(name)).click();
        browser.findElement(By.xpath("//button[normalize-space()='审核通过并发布']")).click();
        waitForText("已发布");

        Browsers.signIn(browser, port, "wjw.officer");
        open("/catalog");
        browser.findElement(By.id("q")).sendKeys("饮用水");
        browser.findElement(By.cssSelector("form[role=search] button[type=submit]")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.linkText(name)));
        browser.findElement(By.linkText(name)).click();
        browser.findElement(By.id("purpose")).sendKeys("饮用水卫生监测与水质安全评估");
        browser.findElement(By.id("legalBasis")).sendKeys("《生活饮用水卫生监督管理办法》");
        browser.findElement(By.id("systems")).sendKeys("卫生监督信息系统");
        WebElement until = browser.findElement(By.id("validUntil"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", until,
                java.time.LocalDate.now().plusMonths(6).toString());
        browser.findElement(By.xpath("//button[normalize-space()='提交申请']")).click();
        waitForHeading("共享申请与授权 · 海川市卫生健康委员会");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains(name).contains("待答复");

        Browsers.signIn(browser, port, "sthjj.officer");
        open("/catalog/sharing");
        browser.findElement(By.xpath("//tr[.//a[normalize-space()='" + name + "']]//button[normalize-space()='同意']")).click();
        waitForText("已保存");
        assertThat(section("本部门给出的授权")).contains(name).contains("wjw");

        Browsers.signIn(browser, port, "wjw.officer");
        open("/catalog/sharing");
        assertThat(section("本部门获得的授权")).contains(name).contains("有效");
    }

    private void open(String path) {
        browser.get("http://localhost:" + port + path);
    }

    private void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    private void waitForText(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), text));
    }

    /** The text of the table following a heading. */
    private String section(String heading) {
        return browser.findElement(By.xpath("//h2[normalize-space()='" + heading + "']/following-sibling::table[1]")).getText();
    }
}
