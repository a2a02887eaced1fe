package org.zhengtong.basedata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.Browsers;
import org.zhengtong.PlatformTest;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.exchange.ExchangeHub;

/**
 * A data steward resolves a conflict in a real browser: 公安 registers a person, 人社 sends another spelling of the
 * name; the data administrator signs in, filters the queue to 人社's names, opens the conflict, accepts 人社's value
 * with a comment, and the page then shows the conflict decided and the person's current name changed.
 */
@PlatformTest
class ConflictsBrowserTests {

    static WebDriver browser;

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogManagement catalog;
    @Autowired SharingManagement sharing;
    @Autowired ExchangeHub hub;
    @Autowired PersonAccounts accounts;
    @Autowired BaseDataFeeds feeds;

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
    void theStewardAcceptsAConflictingValueWithAComment() {
        var fixture = new BaseDataFixture(jdbc, catalog, sharing, hub, accounts, feeds);
        var feed = fixture.feeds();
        String id = BaseDataFixture.newId(true);
        fixture.publish(feed.gaj(), BaseDataFixture.GAJ_ITEMS, BaseDataMergeTests.row(id, "欧阳明", "男", BaseDataFixture.birth(id), "379902"));
        feeds.catchUp();
        fixture.publish(feed.rsj(), BaseDataFixture.RSJ_ITEMS, BaseDataMergeTests.row(id, "欧阳铭", "在保"));
        feeds.catchUp();
        long conflict = jdbc.sql("select id from basedata.conflict where subject = ? and field = 'name' and status = 'OPEN'").param(id)
                .query(Long.class).single();

        Browsers.signIn(browser, port, "dataadmin");
        browser.findElement(By.xpath("//a[strong[normalize-space()='数据冲突处理']]")).click();
        waitForHeading("数据冲突处理");
        new Select(browser.findElement(By.id("field"))).selectByVisibleText("姓名");
        new Select(browser.findElement(By.id("department"))).selectByVisibleText("海川市人力资源和社会保障局");
        browser.findElement(By.xpath("//form[@role='search']//button[@type='submit']")).click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains("department=rsj"));
        browser.findElement(By.linkText("处理冲突 " + conflict)).click();

        waitForHeading("冲突 " + conflict + " · 姓名");
        assertThat(browser.findElement(By.id("subject")).getText()).isEqualTo(id);
        assertThat(browser.findElement(By.id("authority-value")).getText()).isEqualTo("欧阳明");
        assertThat(browser.findElement(By.id("other-value")).getText()).isEqualTo("欧阳铭");
        assertThat(browser.findElement(By.id("current-value")).getText()).isEqualTo("欧阳明");
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("待处理");

        browser.findElement(By.xpath("//label[normalize-space()='采纳冲突值']")).click();
        assertThat(browser.findElement(By.id("decision-ACCEPT")).isSelected()).isTrue();
        browser.findElement(By.xpath("//label[span[normalize-space()='处理意见']]")).click();
        browser.switchTo().activeElement().sendKeys("经社保经办窗口核实，姓名以人社登记为准。");
        browser.findElement(By.xpath("//button[normalize-space()='提交处理']")).click();

        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"),
                "已采纳冲突值，形成新的版本，冲突 " + conflict + " 已关闭。"));
        assertThat(browser.findElement(By.id("status")).getText()).isEqualTo("已采纳冲突值");
        assertThat(browser.findElement(By.id("current-value")).getText()).isEqualTo("欧阳铭");
        assertThat(browser.findElement(By.id("note")).getText()).isEqualTo("经社保经办窗口核实，姓名以人社登记为准。");
        assertThat(browser.findElements(By.id("decision-form"))).as("a decided conflict offers no decision").isEmpty();
        assertThat(jdbc.sql("select name from basedata.person where id_number = ?").param(id).query(String.class).single()).isEqualTo("欧阳铭");
    }

    private static void waitForHeading(String text) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }
}
