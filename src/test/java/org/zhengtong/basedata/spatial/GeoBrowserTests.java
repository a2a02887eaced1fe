package org.zhengtong.basedata.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengtong.Browsers;
import org.zhengtong.PlatformTest;

/**
 * The map and the economy chart in a real browser, under the platform's strict content security policy: Leaflet
 * draws the demo city's four boundaries and its points of interest with no tile server, and ECharts draws the GDP
 * series; a leader follows the tree from the retired code to its successor.
 */
@PlatformTest
class GeoBrowserTests {

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
    void aLeaderSeesTheBoundariesAndPlacesOnTheMapAndTheGdpChart() {
        Browsers.signIn(browser, port, "mayor");
        browser.get("http://localhost:" + port + "/basedata/map");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.attributeToBeNotEmpty(browser.findElement(By.id("map")), "data-drawn"));
        // Four boundaries and every place are SVG paths Leaflet drew; there is no tile image at all.
        int places = browser.findElements(By.cssSelector("#places tbody tr")).size();
        assertThat(places).isGreaterThanOrEqualTo(15);
        assertThat(browser.findElements(By.cssSelector("#map path.leaflet-interactive"))).hasSize(4 + places);
        assertThat(browser.findElements(By.cssSelector("#map img.leaflet-tile"))).isEmpty();
        assertThat(browser.findElement(By.id("map")).getAttribute("data-drawn")).isEqualTo(String.valueOf(4 + places));

        var retired = browser.findElement(By.id("division-379901"));
        assertThat(retired.getText()).contains("海川县", "已撤销（2018-06-30）", "东湖区", "南山区");
        retired.findElement(By.partialLinkText("379902")).click();
        assertThat(browser.getCurrentUrl()).endsWith("#division-379902");

        browser.get("http://localhost:" + port + "/basedata/economy?indicator=A01");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart-series canvas")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("宏观经济基础库");
        assertThat(browser.findElement(By.cssSelector("#series-table caption")).getText()).contains("地区生产总值");
    }
}
