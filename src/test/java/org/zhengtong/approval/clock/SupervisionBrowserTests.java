package org.zhengtong.approval.clock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengtong.Browsers;
import org.zhengtong.PlatformTest;

/**
 * A leader watches the e-supervision board in a real browser: a department's running cases by colour, drawn as a
 * chart beside its table, the red case listed first with its deadlines; when the red case is finished, the board's
 * live part, fetched again the way htmx does every 30 seconds, shows no red case any more.
 */
@PlatformTest
class SupervisionBrowserTests {

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired CaseClocks clocks;

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
    void aLeaderSeesTheRedCaseAndTheBoardRefreshesOnceItIsFinished() {
        LocalDate today = CaseClocks.today();
        String dept = "bt-" + UUID.randomUUID().toString().substring(0, 8);
        String red = "RED-" + UUID.randomUUID().toString().substring(0, 8);
        String green = "GREEN-" + UUID.randomUUID().toString().substring(0, 8);
        // Accepted 40 calendar days ago with 5 promised days: surely past due. Accepted today with 20: surely green.
        clocks.start(red, "BT-1", "浏览器测试事项", dept, today.minusDays(40), 10, 5);
        clocks.start(green, "BT-1", "浏览器测试事项", dept, today, 40, 20);

        Browsers.signIn(browser, port, "mayor");
        browser.get("http://localhost:" + port + "/approval/supervision?department=" + dept);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "电子监察"));

        assertThat(browser.findElement(By.id("total-red")).getText()).isEqualTo("1");
        assertThat(browser.findElement(By.id("total-green")).getText()).isEqualTo("1");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-total canvas")));
        var row = browser.findElement(By.cssSelector("#alerts-table tr[data-case='" + red + "']"));
        assertThat(row.findElement(By.cssSelector(".light.red")).getText()).isEqualTo("红灯");
        assertThat(row.getText()).contains(clocks.deadline(red).orElseThrow().promisedDue().toString());

        clocks.finish(red, today);
        ((JavascriptExecutor) browser).executeScript(
                "htmx.ajax('GET', document.getElementById('board-live').getAttribute('hx-get'), {target: '#board-live', swap: 'outerHTML'});");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.id("total-red"), "0"));
        assertThat(browser.findElements(By.id("alerts-table"))).isEmpty();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-total canvas")));

        browser.get("http://localhost:" + port + "/approval/supervision/statistics?lang=en");
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), "Time limit statistics"));
        assertThat(browser.findElement(By.cssSelector("#departments-table tr[data-code='" + dept + "']")).getText()).contains("1");
    }
}
