package org.zhengtong.approval.rating;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.Browsers;
import org.zhengtong.PlatformTest;
import org.zhengtong.approval.CaseItems;
import org.zhengtong.approval.Cases;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.directory.security.PersonAccounts;

/**
 * Someone holding a receipt follows the case in a real browser without signing in: they type the case number and the
 * query code on the progress page and read the status, the department and the steps; a wrong code is told plainly.
 */
@PlatformTest
class ProgressBrowserTests {

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired Cases cases;
    @Autowired ServiceItems items;
    @Autowired CaseItems caseItems;
    @Autowired PersonAccounts accounts;

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

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anyoneFollowsACaseWithTheNumberAndCodeOfTheReceipt() {
        var fixture = new RatingFixture(items, caseItems, cases, accounts);
        var c = fixture.approved(fixture.publish(), RatingFixture.CITIZEN);

        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/progress");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "办件进度查询"));
        browser.findElement(By.id("number")).sendKeys(c.number());
        browser.findElement(By.id("code")).sendKeys(c.queryCode(), Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        assertThat(text("result-h")).isEqualTo("办件 " + c.number());
        assertThat(text("status")).isEqualTo("准予许可（已办结）");
        assertThat(text("department")).isEqualTo("海川市住房和城乡建设局");
        assertThat(text("reason")).isEqualTo("符合条件，准予备案。");
        assertThat(browser.findElements(By.cssSelector("#timeline tbody tr"))).extracting(r -> r.getAttribute("data-kind"))
                .containsExactly("SUBMITTED", "ACCEPTED", "APPROVED");

        browser.findElement(By.id("number")).clear();
        browser.findElement(By.id("number")).sendKeys(c.number());
        browser.findElement(By.id("code")).sendKeys(c.queryCode().equals("000000") ? "000001" : "000000", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("progress-failure")));
        assertThat(text("progress-failure")).startsWith("没有找到这个办件");
        assertThat(browser.findElement(By.id("progress-failure")).getAttribute("role")).isEqualTo("alert");
        assertThat(browser.findElements(By.id("result"))).isEmpty();
    }

    private static String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }
}
