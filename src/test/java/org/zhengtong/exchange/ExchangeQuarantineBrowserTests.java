package org.zhengtong.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Browsers;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;

/**
 * A data officer fixes a rejected record in a real browser: 公安局's system sends a person whose ID number has a
 * wrong check character; the officer finds the record in the quarantine, sees why it was refused and what was sent,
 * corrects the ID number in its labelled field, resubmits it, and the person is in the exchange store.
 */
@PlatformTest
class ExchangeQuarantineBrowserTests {

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired MockMvc mvc;
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
    void anOfficerCorrectsAWrongCheckCharacterAndTheRecordIsStored() throws Exception {
        String right = ExchangeFixture.id(LocalDate.of(1974, 8, 9), 404);
        String wrong = ExchangePagesTests.wrong(right, 0);
        String dataset = jdbc.sql("""
                select r.code from catalog.resource r join catalog.resource_version v on v.resource_id = r.id and v.version = r.published_version
                where v.name = ? and r.code in (select code from exchange.dataset)""").param(ExchangeFixture.POPULATION).query(String.class).single();
        long id = publishRejected(dataset, ExchangeFixture.person(wrong, "韩四", "379902"));

        Browsers.signIn(browser, port, "gaj.officer");
        browser.get("http://localhost:" + port + "/exchange/quarantine");
        waitForHeading("问题数据 · 海川市公安局");
        browser.findElement(By.linkText("查看与处理 " + id)).click();
        waitForHeading("问题记录 " + id + " · " + ExchangeFixture.POPULATION);
        assertThat(browser.findElement(By.id("reason")).getText()).isEqualTo("身份证号码 " + wrong + " 的校验码不正确");
        assertThat(browser.findElement(By.id("raw")).getText()).startsWith(wrong + ",韩四,男,汉族");

        WebElement label = browser.findElement(By.xpath("//form[@id='fix-form']//label[span[normalize-space()='公民身份号码']]"));
        WebElement field = browser.findElement(By.id(label.getAttribute("for")));
        assertThat(field.getAttribute("value")).isEqualTo(wrong);
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(browser.findElement(By.name("item.姓名")).getAttribute("value")).isEqualTo("韩四");
        field.clear();
        field.sendKeys(right);
        browser.findElement(By.xpath("//button[normalize-space()='重新提交']")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "问题记录 " + id + " 已修正并重新提交"));
        assertThat(browser.getCurrentUrl()).endsWith("/exchange/quarantine");
        assertThat(browser.findElements(By.linkText("查看与处理 " + id))).isEmpty();

        String[] stored = jdbc.sql("select payload from exchange.record where dataset = ? and record_key = ?").params(dataset, right)
                .query((rs, n) -> (String[]) rs.getArray(1).getArray()).single();
        assertThat(stored[0]).isEqualTo(right);
        assertThat(stored[1]).isEqualTo("韩四");
        assertThat(jdbc.sql("select status from exchange.quarantine where id = ?").param(id).query(String.class).single()).isEqualTo("RESUBMITTED");
    }

    private long publishRejected(String dataset, String row) throws Exception {
        String csv = ExchangeFixture.POPULATION_HEADER + "\n" + row + "\n";
        String token = Logins.token(mvc, "gaj-system", Logins.DEMO_PASSWORD);
        var response = mvc.perform(post("/api/v1/exchange/datasets/" + dataset + "/batches").header("Authorization", "Bearer " + token)
                .contentType("text/csv; charset=UTF-8").content(csv.getBytes(StandardCharsets.UTF_8))).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        long batch = ((Number) JsonPath.read(response.getContentAsString(), "$.batchId")).longValue();
        return jdbc.sql("select id from exchange.quarantine where batch_id = ?").param(batch).query(Long.class).single();
    }

    private void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }
}
