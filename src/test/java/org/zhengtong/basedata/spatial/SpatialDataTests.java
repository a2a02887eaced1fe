package org.zhengtong.basedata.spatial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengtong.PlatformTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spatial base database of the demo city: its boundaries are valid GeoJSON (FeatureCollections of closed
 * polygons in WGS-84), its points of interest lie inside their district's box, the division tree carries the retired
 * code with what replaced it, and a geometry that is not a closed polygon is refused.
 */
@PlatformTest
class SpatialDataTests {

    @Autowired SpatialData spatial;
    @Autowired JsonMapper json;

    @Test
    void theDemoBoundariesAreAFeatureCollectionOfClosedPolygons() {
        var boundaries = spatial.boundariesAround("379900");
        assertThat(boundaries).extracting(SpatialData.Boundary::division).containsExactly("379900", "379902", "379903", "379904");
        JsonNode collection = json.readTree(spatial.featureCollection(boundaries));
        assertThat(collection.path("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.path("features").size()).isEqualTo(4);
        for (JsonNode feature : collection.path("features")) {
            assertThat(feature.path("type").asString()).isEqualTo("Feature");
            assertThat(feature.path("properties").path("code").asString()).matches("3799\\d\\d");
            JsonNode geometry = feature.path("geometry");
            assertThat(geometry.path("type").asString()).isEqualTo("Polygon");
            for (JsonNode ring : geometry.path("coordinates")) {
                assertThat(ring.size()).isGreaterThanOrEqualTo(4);
                assertThat(ring.get(0)).isEqualTo(ring.get(ring.size() - 1));
                for (JsonNode position : ring) {
                    assertThat(position.size()).isEqualTo(2);
                    assertThat(position.get(0).asDouble()).isBetween(-180.0, 180.0);
                    assertThat(position.get(1).asDouble()).isBetween(-90.0, 90.0);
                }
            }
        }
    }

    @Test
    void everyPlaceLiesInsideItsDistrictsBox() {
        Map<String, SpatialData.Boundary> boxes = spatial.boundariesAround("379900").stream()
                .collect(Collectors.toMap(SpatialData.Boundary::division, b -> b));
        var places = spatial.places("379900");
        assertThat(places).hasSizeGreaterThanOrEqualTo(15);
        assertThat(places).extracting(SpatialData.Place::kind).contains("SERVICE_HALL", "SCHOOL", "HOSPITAL");
        for (SpatialData.Place p : places) {
            SpatialData.Boundary box = boxes.get(p.division());
            assertThat(box).as(p.name()).isNotNull();
            assertThat(box.boxContains(p.lon(), p.lat())).as(p.name() + " at " + p.lon() + ", " + p.lat() + " in " + p.division()).isTrue();
        }
        // And the box test can fail: a point in 南山区 is not in 东湖区.
        var south = places.stream().filter(p -> p.division().equals("379904")).findFirst().orElseThrow();
        assertThat(boxes.get("379902").boxContains(south.lon(), south.lat())).isFalse();
    }

    @Test
    void theTreeShowsTheRetiredCodeAndTheCodesThatReplacedIt() {
        var city = spatial.tree("379900").orElseThrow();
        assertThat(city.children()).extracting(SpatialData.Division::code).containsExactly("379901", "379902", "379903", "379904");
        var retired = city.children().get(0);
        assertThat(retired.retired()).isTrue();
        assertThat(retired.retiredOn()).hasToString("2018-06-30");
        assertThat(retired.successors()).extracting(SpatialData.Successor::code).containsExactly("379902", "379904");
        assertThat(city.children().get(1).retired()).isFalse();
        var province = spatial.tree("370000").orElseThrow();
        assertThat(province.children()).extracting(SpatialData.Division::code).contains("370100", "379900");
        assertThat(spatial.tree("999999")).isEmpty();
    }

    @Test
    void aGeometryThatIsNotAClosedPolygonIsRefused() {
        String open = "{\"type\":\"Polygon\",\"coordinates\":[[[121.0,37.2],[121.1,37.2],[121.1,37.3],[121.0,37.3]]]}";
        String point = "{\"type\":\"Point\",\"coordinates\":[121.0,37.2]}";
        String outside = "{\"type\":\"Polygon\",\"coordinates\":[[[181.0,37.2],[121.1,37.2],[121.1,37.3],[181.0,37.2]]]}";
        String triangle = "{\"type\":\"Polygon\",\"coordinates\":[[[121.0,37.2],[121.1,37.2],[121.1,37.3],[121.0,37.2]]]}";
        for (String bad : List.of(open, point, outside)) {
            assertThatThrownBy(() -> SpatialData.box(json.readTree(bad))).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(SpatialData.box(json.readTree(triangle))).containsExactly(121.0, 37.2, 121.1, 37.3);
    }
}
