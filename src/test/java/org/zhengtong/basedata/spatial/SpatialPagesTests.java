package org.zhengtong.basedata.spatial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spatial page and its GeoJSON as people meet them: a leader sees the map with the demo city's boundaries and
 * places and the division tree with the retired code marked; a boundary downloads as GeoJSON; a window clerk may
 * look too, an approver may not; an unknown division is a clear 404, never a server error.
 */
@PlatformTest
class SpatialPagesTests {

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private MockHttpServletResponse get(String url, MockHttpSession session) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(url).session(session)).andReturn().getResponse();
    }

    @Test
    void aLeaderSeesTheMapThePlacesAndTheTreeWithTheRetiredCode() throws Exception {
        MockHttpSession mayor = Logins.session(mvc, "mayor");
        var response = get("/basedata/map", mayor);
        assertThat(response.getStatus()).isEqualTo(200);
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("空间地理基础库", "id=\"map\"", "/webjars/leaflet/1.9.4/dist/leaflet.js", "/js/basedata-map.js",
                "\"type\":\"FeatureCollection\"", "东湖区政务服务中心", "南山区人民医院", "西江区第一中学", "<caption>兴趣点（",
                "id=\"division-tree\"", "id=\"division-379901\"", "已撤销（2018-06-30）", "href=\"#division-379902\"",
                "/basedata/map/379903.geojson");
        assertThat(page).doesNotContain("<script>");
        assertThat(get("/basedata/map?lang=en", mayor).getContentAsString(StandardCharsets.UTF_8)).contains("Spatial data", "retired (2018-06-30)",
                "Government service hall");
    }

    @Test
    void aBoundaryIsServedAsGeoJson() throws Exception {
        var response = get("/basedata/map/379902.geojson", Logins.session(mvc, "mayor"));
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/geo+json");
        JsonNode collection = json.readTree(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.path("features").size()).isEqualTo(1);
        assertThat(collection.path("features").get(0).path("properties").path("code").asString()).isEqualTo("379902");
        JsonNode ring = collection.path("features").get(0).path("geometry").path("coordinates").get(0);
        assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
    }

    @Test
    void whoMayLookAndWhatAnUnknownDivisionGets() throws Exception {
        assertThat(get("/basedata/map", Logins.session(mvc, "dhq.clerk")).getStatus()).isEqualTo(200);
        assertThat(get("/basedata/map", Logins.session(mvc, "gaj.approver")).getStatus()).isEqualTo(403);
        assertThat(get("/basedata/map/379902.geojson", Logins.session(mvc, "gaj.approver")).getStatus()).isEqualTo(403);
        var missing = get("/basedata/map/110101.geojson", Logins.session(mvc, "mayor"));
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat(missing.getContentAsString(StandardCharsets.UTF_8)).contains("basedata.no-boundary");
        assertThat(get("/basedata/map?code=999999", Logins.session(mvc, "mayor")).getStatus()).isEqualTo(404);
    }
}
