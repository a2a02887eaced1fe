package org.zhengtong.licence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.Browsers;
import org.zhengtong.PlatformTest;
import org.zhengtong.licence.internal.LicenceStore;

/**
 * Someone who was handed a licence checks it in a real browser without signing in: they type its number on the
 * verification page and see the seal intact, the licence valid, its type and issuer, and the holder masked. A
 * licence someone changed in the database shows as tampered, and a revoked one as revoked.
 */
@PlatformTest
class LicenceVerificationBrowserTests {

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired Licences licences;
    @Autowired LicenceStore store;
    @Autowired JdbcClient jdbc;

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
    void anyoneChecksALicenceByItsNumberAndSeesTamperingAndRevocation() {
        LicenceFixture.types(store);
        LocalDate today = LocalDate.now(Licences.CHINA);
        NewLicence permit = new NewLicence(LicenceFixture.PERMIT, LicenceFixture.ID, "欧阳晓明", today, null,
                Map.of("address", "海川市西江区江滨路 12 号", "scope", "热食类食品制售"), null);
        Licence good = licences.issue(permit, "scjgj");
        Licence tampered = licences.issue(permit, "scjgj");
        Licence revoked = licences.issue(permit, "scjgj");
        jdbc.sql("update licence.licence set data = jsonb_set(data, '{scope}', '\"热食类食品制售、生食类食品制售\"') where number = ?")
                .param(tampered.number()).update();
        licences.revoke(revoked.number(), "经营者申请注销");

        browser.manage().deleteAllCookies();
        browser.get("http://localhost:" + port + "/licences/verify");
        waitForHeading("电子证照核验");
        browser.findElement(By.id("number")).sendKeys(good.number(), Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        assertThat(browser.getCurrentUrl()).endsWith("/licences/verify/" + good.number());
        assertThat(text("result-h")).isEqualTo("核验结果：" + good.number());
        assertThat(text("seal")).startsWith("电子印章有效");
        assertThat(text("status")).isEqualTo("有效");
        assertThat(text("type")).isEqualTo("测试经营许可证");
        assertThat(text("issuer")).isEqualTo("海川市市场监督管理局");
        assertThat(text("validity")).isEqualTo(today + " 至 " + today.plusYears(5).minusDays(1));
        assertThat(text("holder")).isEqualTo("欧***");
        assertThat(text("holder-id")).isEqualTo("3799**********" + LicenceFixture.ID.substring(14));
        assertThat(browser.getPageSource()).doesNotContain(LicenceFixture.ID).doesNotContain("阳晓明");

        browser.get("http://localhost:" + port + "/licences/verify/" + tampered.number());
        assertThat(text("seal")).contains("已被篡改");
        assertThat(browser.findElement(By.id("seal")).getAttribute("role")).isEqualTo("alert");

        browser.get("http://localhost:" + port + "/licences/verify/" + revoked.number());
        assertThat(text("seal")).startsWith("电子印章有效");
        assertThat(text("status")).isEqualTo("已注销");

        browser.findElement(By.id("number")).clear();
        browser.findElement(By.id("number")).sendKeys("TSTP1999000000", Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(By.id("verify-failure")));
        assertThat(text("verify-failure")).isEqualTo("没有编号为 TSTP1999000000 的电子证照。");
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    private void waitForHeading(String heading) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }
}
