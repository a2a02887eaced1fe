package org.zhengtong.basedata.spatial;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengtong.shared.DivisionCodes;

/**
 * The spatial page (空间地理): a division's boundary and those of the divisions below it, with their points of
 * interest, drawn by Leaflet straight from GeoJSON (no tile server, so it works on a government intranet); the same
 * places as a table; and the GB/T 2260 division tree as a nested list with retired codes marked. Each boundary is
 * also served on its own as GeoJSON for GIS tools.
 */
@Controller
class MapController {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    static final String DEMO_CITY = "379900";

    private final SpatialData spatial;
    private final DivisionCodes divisions;

    MapController(SpatialData spatial, DivisionCodes divisions) {
        this.spatial = spatial;
        this.divisions = divisions;
    }

    @GetMapping("/basedata/map")
    @PreAuthorize("hasAuthority('BASEDATA_SPATIAL')")
    String page(@RequestParam(required = false) @Nullable String code, @RequestParam(required = false) @Nullable String root, Model model) {
        String division = code != null ? code : divisions.find(DEMO_CITY).isPresent() ? DEMO_CITY : null;
        if (division != null && divisions.find(division).isEmpty()) {
            throw SpatialProblem.unknownDivision(division);
        }
        String treeRoot = root != null ? root : division != null ? province(division) : null;
        var boundaries = division == null ? List.<SpatialData.Boundary>of() : spatial.boundariesAround(division);
        var places = division == null ? List.<SpatialData.Place>of() : spatial.places(division);
        model.addAttribute("division", division);
        model.addAttribute("divisionName", division == null ? null : spatial.name(division));
        model.addAttribute("boundaries", boundaries);
        model.addAttribute("places", places);
        // Carried inside script elements, so no "</script>" may close them early.
        model.addAttribute("boundaryData", spatial.featureCollection(boundaries).replace("<", "\\u003c"));
        model.addAttribute("placeData", spatial.placesCollection(places).replace("<", "\\u003c"));
        model.addAttribute("provinces", spatial.provinces());
        model.addAttribute("root", treeRoot);
        model.addAttribute("tree", treeRoot == null ? null : spatial.tree(treeRoot).orElseThrow(() -> SpatialProblem.unknownDivision(treeRoot)));
        return "basedata/map";
    }

    /** The province a division belongs to: the code with its last four digits zeroed. */
    private String province(String code) {
        String province = code.substring(0, 2) + "0000";
        return divisions.find(province).isPresent() ? province : code;
    }

    /** One division's boundary as a GeoJSON FeatureCollection with a single Feature. */
    @GetMapping("/basedata/map/{code}.geojson")
    @PreAuthorize("hasAuthority('BASEDATA_SPATIAL')")
    ResponseEntity<String> geojson(@PathVariable String code) {
        var boundary = spatial.boundary(code).orElseThrow(() -> SpatialProblem.noBoundary(code));
        return ResponseEntity.ok().contentType(GEO_JSON).body(spatial.featureCollection(List.of(boundary)));
    }
}
