package org.zhengtong.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengtong.Browsers;
import org.zhengtong.PlatformTest;

/**
 * In a real browser: a citizen finds the registration from the login page, makes a typo in their ID number and is
 * told so beside the field, corrects it, registers, signs in on the same login page as staff and sees their own
 * page with their name and no staff menu.
 */
@PlatformTest
class ApplicantBrowserTests {

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
    void aCitizenRegistersSignsInAndSeesTheirCasesPage() {
        String id = ApplicantRegistrationTests.idNumber("19940520", 27);
        String typo = id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1');
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(10));

        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/login");
        browser.findElement(By.partialLinkText("注册申请人账号")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "注册申请人账号"));

        browser.findElement(By.id("kind-PERSON")).click();
        browser.findElement(By.id("loginName")).sendKeys("browser.citizen");
        browser.findElement(By.id("holderId")).sendKeys(typo);
        browser.findElement(By.id("name")).sendKeys("苏雨晴");
        browser.findElement(By.id("phone")).sendKeys("13698765432");
        browser.findElement(By.id("password")).sendKeys(ApplicantRegistrationTests.PASSWORD);
        browser.findElement(By.id("confirmPassword")).sendKeys(ApplicantRegistrationTests.PASSWORD, Keys.ENTER);

        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("holderId-problem")));
        assertThat(browser.findElement(By.id("holderId-problem")).getText()).contains("校验码不正确");
        assertThat(browser.findElement(By.id("holderId")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.id("name")).getAttribute("value")).as("what was typed stays").isEqualTo("苏雨晴");

        browser.findElement(By.id("holderId")).clear();
        browser.findElement(By.id("holderId")).sendKeys(id);
        browser.findElement(By.id("password")).sendKeys(ApplicantRegistrationTests.PASSWORD);
        browser.findElement(By.id("confirmPassword")).sendKeys(ApplicantRegistrationTests.PASSWORD, Keys.ENTER);

        wait.until(ExpectedConditions.urlContains("/login?registered"));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("注册成功");
        browser.findElement(By.id("username")).sendKeys("browser.citizen");
        browser.findElement(By.id("password")).sendKeys(ApplicantRegistrationTests.PASSWORD, Keys.ENTER);

        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "我的办件"));
        assertThat(browser.getCurrentUrl()).endsWith("/services/mine");
        assertThat(browser.findElement(By.id("applicant-name")).getText()).isEqualTo("苏雨晴");
        assertThat(browser.findElement(By.id("applicant-holder")).getText()).isEqualTo("379902********" + id.substring(14));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "还没有办件"));
        assertThat(browser.findElement(By.tagName("header")).getText()).contains("苏雨晴").contains("我的办件").doesNotContain("工作台");
    }
}
