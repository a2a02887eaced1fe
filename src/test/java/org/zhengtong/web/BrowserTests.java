package org.zhengtong.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengtong.Browsers;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;

/**
 * In a real browser (Debian's headless Chromium): a person signs in with the keyboard, sees their workbench,
 * switches the language to English and back, and signs out.
 */
@PlatformTest
class BrowserTests {

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
    void aPersonSignsInSeesTheWorkbenchAndSwitchesTheLanguage() {
        browser.get("http://localhost:" + port + "/");
        assertThat(browser.getCurrentUrl()).endsWith("/login");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        assertThat(browser.findElement(By.cssSelector("label[for=username]")).getText()).isEqualTo("用户名");

        WebElement username = browser.switchTo().activeElement();
        assertThat(username.getAttribute("id")).as("the username field has the focus").isEqualTo("username");
        username.sendKeys("gaj.officer");
        username.sendKeys(Keys.TAB);
        browser.switchTo().activeElement().sendKeys(Logins.DEMO_PASSWORD, Keys.ENTER);

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "工作台"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("信息主管").contains("接口文档").contains("代码核验");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).startsWith("zh");

        browser.findElement(By.linkText("English")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Workbench"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Data officer").contains("Check codes");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");

        browser.findElement(By.partialLinkText("Check codes")).click();
        WebElement value = browser.findElement(By.id("value"));
        value.sendKeys("11010519491231002X", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "1949-12-31"));

        browser.get("http://localhost:" + port + "/tools/codes?type=credit-code&value=91350100M000100Y43");
        assertThat(browser.findElement(By.linkText("中文")).getAttribute("href")).as("the switch keeps what is on the page")
                .contains("value=91350100M000100Y43").contains("type=credit-code").contains("lang=zh_CN");
        browser.findElement(By.linkText("中文")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "代码核验"));

        browser.findElement(By.cssSelector("header form button")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(browser.findElement(By.cssSelector("[role=alert], [role=status]")).getText()).contains("退出");
    }

    @Test
    void theSkipLinkIsTheFirstThingTheKeyboardReaches() {
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement first = browser.switchTo().activeElement();
        if ("username".equals(first.getAttribute("id"))) {
            first.sendKeys(Keys.chord(Keys.SHIFT, Keys.TAB));
            first = browser.switchTo().activeElement();
        }
        assertThat(browser.findElements(By.cssSelector("a.skip-link[href='#main']"))).hasSize(1);
        assertThat(browser.findElement(By.id("main")).isDisplayed()).isTrue();
    }
}
