package org.zhengtong.basedata.economy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;

/**
 * The macro-economy page as a leader meets it: the indicators, one indicator's series as a chart and a table, the
 * revised figures with their source, and the series as a workbook; a window clerk may not open it; an unknown
 * indicator or period kind is a clear error, never a server error.
 */
@PlatformTest
class EconomyPagesTests {

    @Autowired MockMvc mvc;

    private MockHttpServletResponse open(String url, MockHttpSession session) throws Exception {
        return mvc.perform(get(url).session(session)).andReturn().getResponse();
    }

    @Test
    void aLeaderSeesTheIndicatorsASeriesAndItsRevisions() throws Exception {
        MockHttpSession mayor = Logins.session(mvc, "mayor");
        var response = open("/basedata/economy?indicator=A01&kind=YEAR", mayor);
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("宏观经济基础库", "地区生产总值", "社会消费品零售总额", "id=\"chart-series\"", "/js/basedata-economy.js",
                "id=\"series-table\"", "<th scope=\"row\">2022</th>", "<th scope=\"row\">2025</th>", "海川市", "东湖区", "id=\"revisions\"", "已修订",
                "现行", "海川市统计局", "/basedata/economy/A01.xlsx?kind=YEAR");
        // Each region's column and revision is named, not only coded.
        assertThat(page).contains("<th scope=\"col\"><span>海川市</span> <span class=\"muted\">379900</span></th>",
                "<th scope=\"col\"><span>南山区</span> <span class=\"muted\">379904</span></th>",
                "<td><span>东湖区</span> <span class=\"muted\">379902</span></td>");
        // The table lists the periods in order.
        assertThat(page.indexOf("<th scope=\"row\">2022</th>")).isLessThan(page.indexOf("<th scope=\"row\">2023</th>"));
        String quarterly = open("/basedata/economy?indicator=A01", mayor).getContentAsString(StandardCharsets.UTF_8);
        assertThat(quarterly).contains("<th scope=\"row\">2022-Q1</th>", "季度");
        assertThat(open("/basedata/economy?indicator=A02&kind=MONTH&lang=en", mayor).getContentAsString(StandardCharsets.UTF_8))
                .contains("Macro economy", "Monthly", "2026-08");
    }

    @Test
    void aSeriesDownloadsAsAWorkbook() throws Exception {
        var response = open("/basedata/economy/A01.xlsx?kind=QUARTER&region=379902", Logins.session(mvc, "dataadmin"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getContentAsByteArray()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("指标代码");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("379902");
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("2022-Q1");
            assertThat(sheet.getLastRowNum()).isGreaterThanOrEqualTo(16);
        }
    }

    @Test
    void whoMayLookAndWhatBadRequestsGet() throws Exception {
        assertThat(open("/basedata/economy", Logins.session(mvc, "dhq.clerk")).getStatus()).isEqualTo(403);
        MockHttpSession officer = Logins.session(mvc, "fgw.officer");
        assertThat(open("/basedata/economy", officer).getStatus()).isEqualTo(200);
        assertThat(open("/basedata/economy?indicator=NOPE", officer).getStatus()).isEqualTo(404);
        assertThat(open("/basedata/economy?indicator=A01&kind=WEEK", officer).getStatus()).isEqualTo(400);
        assertThat(open("/basedata/economy/NOPE.xlsx", officer).getStatus()).isEqualTo(404);
    }
}
