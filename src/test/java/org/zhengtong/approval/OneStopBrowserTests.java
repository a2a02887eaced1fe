package org.zhengtong.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
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
 * The whole one-stop case in a real browser: a company applies online for the construction permit from its guide, the
 * window asks once for a material again (the scan cannot be read) and the company supplies it, the window accepts, four departments review in
 * parallel and 住建局 decides, a construction permit licence is issued, the company rates the service, and the
 * licence's public verification page confirms it.
 */
@PlatformTest
class OneStopBrowserTests {

    static final String CONSTRUCTION = "3799-ZJJ-XK-001";
    static final List<String> REVIEWERS = List.of("zrzyj", "sthjj", "fgw", "jtysj");

    static WebDriver browser;
    static Path pdf;

    @LocalServerPort int port;

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browsers.start();
        pdf = Files.createTempFile("材料", ".pdf");
        Files.write(pdf, CaseFixture.PDF);
    }

    @AfterAll
    static void stopBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        Files.deleteIfExists(pdf);
    }

    @Test
    void aCompanyAppliesIsAskedOnceFourDepartmentsApproveItRatesAndTheLicenceVerifies() {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(15));

        // The company applies from the public guide.
        signIn("enterprise1", "我的办件");
        browser.get(url("/guide/" + CONSTRUCTION));
        browser.findElement(By.id("apply")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submit")));
        fillTheForm();
        String unclear = uploadTheMaterials();
        browser.findElement(By.id("submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submitted")));
        String number = browser.findElement(By.id("case-number")).getText();
        assertThat(number).matches("\\d{14}");
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("已提交，等待受理");

        // The window asks once for everything missing.
        signIn("zwfwj.clerk1", "工作台");
        browser.get(url("/approval/window"));
        browser.findElement(By.linkText(number)).click();
        browser.findElement(By.id("supplement-comment")).sendKeys("“" + unclear + "”扫描件不清晰，请重新上传清晰的扫描件。");
        browser.findElement(By.id("request-supplement")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "一次性告知补正内容"));

        // The company sees the notice and supplies the material.
        signIn("enterprise1", "我的办件");
        browser.get(url("/services/mine/" + number));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("待补正");
        assertThat(browser.findElement(By.id("supplement-note")).getText()).contains(unclear);
        String fileId = browser.findElement(By.xpath("//form[.//button[@id='supplement']]//label[text()='" + unclear + "']")).getAttribute("for");
        browser.findElement(By.id(fileId)).sendKeys(pdf.toString());
        browser.findElement(By.id("supplement")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "补正材料已提交"));

        // The window accepts.
        signIn("zwfwj.clerk1", "工作台");
        browser.get(url("/approval/cases/" + number));
        browser.findElement(By.id("accept")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "已受理"));

        // Four departments review in parallel, then the lead department decides.
        for (String department : REVIEWERS) {
            review(department, number, wait);
        }
        review("zjj", number, wait);

        // The company reads the answer and checks its licence.
        signIn("enterprise1", "我的办件");
        browser.get(url("/services/mine/" + number));
        assertThat(browser.findElement(By.id("case-status")).getText()).isEqualTo("准予许可");
        String licence = browser.findElement(By.id("case-licence")).getText();
        assertThat(licence).startsWith("SGXK");

        // It rates the service (好差评), then follows the licence to its public verification page.
        browser.findElement(By.id("grade-5")).click();
        browser.findElement(By.id("rating-comment")).sendKeys("并联审批，一次也没有跑腿。");
        browser.findElement(By.id("rating-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("rating-shown")));
        assertThat(browser.findElement(By.id("rating-shown")).getText()).contains("非常满意");
        browser.findElement(By.id("case-licence")).click();
        wait.until(ExpectedConditions.urlContains("/licences/verify/" + licence));
        String verdict = browser.findElement(By.tagName("main")).getText();
        assertThat(verdict).contains("电子印章有效").contains("未被篡改").contains("建筑工程施工许可证");
    }

    private void review(String department, String number, WebDriverWait wait) {
        signIn(department + ".approver", "工作台");
        browser.get(url("/approval/tasks"));
        WebElement row = browser.findElement(By.xpath("//table[@id='worklist']//tr[td[text()='" + number + "']]"));
        row.findElement(By.tagName("a")).click();
        browser.findElement(By.id("decision-approve")).click();
        browser.findElement(By.id("task-comment")).sendKeys("经审查，符合要求，同意。");
        browser.findElement(By.id("complete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "审查意见已提交"));
    }

    /** Fills every empty form field; dates through script, as a date picker takes them. */
    private void fillTheForm() {
        for (WebElement input : browser.findElements(By.cssSelector("input[name^='f_']"))) {
            if (!input.getAttribute("value").isEmpty()) {
                continue;
            }
            switch (input.getAttribute("type")) {
                case "date" -> ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2027-03-01'", input);
                case "number" -> input.sendKeys("3680");
                default -> input.sendKeys("海川市东湖区滨海路商业综合体（一期）");
            }
        }
    }

    /** Uploads a file for every material that no e-licence or known data stands in for; the first one's name. */
    private String uploadTheMaterials() {
        browser.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            String first = null;
            for (WebElement box : browser.findElements(By.cssSelector(".material fieldset"))) {
                boolean chosen = box.findElements(By.cssSelector("input[type=radio]:checked")).stream()
                        .anyMatch(r -> !"upload".equals(r.getAttribute("value")));
                if (chosen) {
                    continue;
                }
                box.findElement(By.cssSelector("input[type=file]")).sendKeys(pdf.toString());
                if (first == null) {
                    first = box.findElement(By.tagName("legend")).getText().replace("*", "").replace("（选交）", "").strip();
                }
            }
            assertThat(first).as("some material is uploaded").isNotNull();
            return first;
        } finally {
            browser.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        }
    }

    private void signIn(String username, String heading) {
        browser.manage().deleteAllCookies();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(Logins.DEMO_PASSWORD, Keys.ENTER);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), heading));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
