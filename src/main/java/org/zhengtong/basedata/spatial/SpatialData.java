package org.zhengtong.basedata.spatial;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.DivisionCodes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The spatial base database (空间地理基础库): the GB/T 2260 division tree as the platform's division list holds it,
 * with retired codes (撤销的区划代码) and, where known, the codes that replaced them; each division's boundary as a
 * GeoJSON geometry in WGS-84 longitude and latitude; and addresses and points of interest (兴趣点) with coordinates.
 *
 * <p>A boundary is checked before it is kept: a Polygon or MultiPolygon whose rings have at least four positions,
 * end where they begin, and stay within longitude −180…180 and latitude −90…90. A GeoJSON answer is a
 * FeatureCollection, so any GIS tool (QGIS, Leaflet, OpenLayers) reads it as it is.
 */
@Service
public class SpatialData {

    private final JdbcClient jdbc;
    private final DivisionCodes divisions;
    private final JsonMapper json;
    private final AuditLog audit;

    SpatialData(JdbcClient jdbc, DivisionCodes divisions, JsonMapper json, AuditLog audit) {
        this.jdbc = jdbc;
        this.divisions = divisions;
        this.json = json;
        this.audit = audit;
    }

    // the division tree

    /** A division in the tree: retired ones carry the day and, where known, the codes that replaced them. */
    public record Division(String code, String name, String level, @Nullable String parent, @Nullable LocalDate retiredOn,
            List<Successor> successors, List<Division> children) {

        public boolean retired() {
            return retiredOn != null;
        }
    }

    public record Successor(String code, String name, @Nullable String note) {}

    /** The provinces (top of the tree), for choosing which part of the tree to show. */
    public List<Division> provinces() {
        return jdbc.sql("select code, name, level, parent, retired_on from shared.division_code where parent is null order by code")
                .query((rs, n) -> new Division(rs.getString(1).strip(), rs.getString(2), rs.getString(3), null,
                        rs.getObject(5, LocalDate.class), List.of(), List.of()))
                .list();
    }

    /** The division with this code and everything below it, retired codes included; empty when the code is unknown. */
    public Optional<Division> tree(String root) {
        record Row(String code, String name, String level, @Nullable String parent, @Nullable LocalDate retiredOn) {}
        List<Row> rows = jdbc.sql("""
                with recursive t as (
                  select code, name, level, parent, retired_on from shared.division_code where code = ?
                  union all
                  select d.code, d.name, d.level, d.parent, d.retired_on from shared.division_code d join t on d.parent = t.code)
                select code, name, level, parent, retired_on from t order by code""")
                .param(root)
                .query((rs, n) -> new Row(rs.getString(1).strip(), rs.getString(2), rs.getString(3),
                        rs.getString(4) == null ? null : rs.getString(4).strip(), rs.getObject(5, LocalDate.class)))
                .list();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<Successor>> successors = new HashMap<>();
        jdbc.sql("""
                select s.code, s.successor, d.name, s.note from basedata.division_successor s
                left join shared.division_code d on d.code = s.successor order by s.code, s.successor""")
                .query((rs, n) -> {
                    successors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Successor(rs.getString(2), rs.getString(3) == null ? rs.getString(2) : rs.getString(3), rs.getString(4)));
                    return null;
                }).list();
        Map<String, List<Row>> byParent = new HashMap<>();
        rows.forEach(r -> byParent.computeIfAbsent(r.parent() == null ? "" : r.parent(), k -> new ArrayList<>()).add(r));
        class Build {
            Division of(Row r) {
                List<Division> children = byParent.getOrDefault(r.code(), List.of()).stream().map(this::of).toList();
                return new Division(r.code(), r.name(), r.level(), r.parent(), r.retiredOn(), successors.getOrDefault(r.code(), List.of()), children);
            }
        }
        return Optional.of(new Build().of(rows.get(0)));
    }

    /** Records that a retired code was replaced by another (one row per successor). */
    @Transactional
    public void addSuccessor(String retired, String successor, @Nullable String note) {
        jdbc.sql("insert into basedata.division_successor (code, successor, note) values (?, ?, ?) on conflict do nothing")
                .params(retired, successor, note).update();
        audit.record("basedata.spatial.successor", "division:" + retired, "replaced by " + successor);
    }

    // boundaries

    /** A division's boundary: its geometry as GeoJSON text and its box. */
    public record Boundary(String division, String name, String geometry, BigDecimal minLon, BigDecimal minLat, BigDecimal maxLon,
            BigDecimal maxLat) {

        /** Whether a point lies in the boundary's box. */
        public boolean boxContains(double lon, double lat) {
            return lon >= minLon.doubleValue() && lon <= maxLon.doubleValue() && lat >= minLat.doubleValue() && lat <= maxLat.doubleValue();
        }
    }

    /**
     * Keeps a division's boundary, replacing the one it had.
     *
     * @param geometry a GeoJSON Polygon or MultiPolygon in WGS-84 longitude and latitude
     * @throws IllegalArgumentException when the division is unknown or the geometry is not a valid closed polygon
     */
    @Transactional
    public Boundary saveBoundary(String division, String geometry, String source) {
        if (divisions.find(division).isEmpty()) {
            throw new IllegalArgumentException("unknown division " + division);
        }
        double[] box = box(json.readTree(geometry));
        jdbc.sql("""
                insert into basedata.boundary (division, geometry, min_lon, min_lat, max_lon, max_lat, source) values (?, ?::jsonb, ?, ?, ?, ?, ?)
                on conflict (division) do update set geometry = excluded.geometry, min_lon = excluded.min_lon, min_lat = excluded.min_lat,
                  max_lon = excluded.max_lon, max_lat = excluded.max_lat, source = excluded.source, updated_at = now()""")
                .params(division, geometry, box[0], box[1], box[2], box[3], source).update();
        audit.record("basedata.spatial.boundary", "division:" + division, "boundary from " + source);
        return boundary(division).orElseThrow();
    }

    /** The box (min lon, min lat, max lon, max lat) of a valid Polygon or MultiPolygon. */
    static double[] box(JsonNode geometry) {
        String type = geometry.path("type").asString("");
        JsonNode coordinates = geometry.path("coordinates");
        List<JsonNode> polygons = new ArrayList<>();
        if (type.equals("Polygon")) {
            polygons.add(coordinates);
        } else if (type.equals("MultiPolygon")) {
            coordinates.forEach(polygons::add);
        } else {
            throw new IllegalArgumentException("not a Polygon or MultiPolygon: " + type);
        }
        double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        for (JsonNode polygon : polygons) {
            if (!polygon.isArray() || polygon.isEmpty()) {
                throw new IllegalArgumentException("a polygon without rings");
            }
            for (JsonNode ring : polygon) {
                if (!ring.isArray() || ring.size() < 4) {
                    throw new IllegalArgumentException("a ring needs at least four positions");
                }
                if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                    throw new IllegalArgumentException("a ring must end where it begins");
                }
                for (JsonNode p : ring) {
                    double lon = p.path(0).asDouble(Double.NaN);
                    double lat = p.path(1).asDouble(Double.NaN);
                    if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                        throw new IllegalArgumentException("a position outside WGS-84: " + p);
                    }
                    box[0] = Math.min(box[0], lon);
                    box[1] = Math.min(box[1], lat);
                    box[2] = Math.max(box[2], lon);
                    box[3] = Math.max(box[3], lat);
                }
            }
        }
        return box;
    }

    public Optional<Boundary> boundary(String division) {
        return boundaries(List.of(division)).stream().findFirst();
    }

    /** The boundaries of a division and of the divisions directly below it, the division first. */
    public List<Boundary> boundariesAround(String division) {
        List<String> codes = new ArrayList<>();
        codes.add(division);
        codes.addAll(jdbc.sql("select code from shared.division_code where parent = ? and retired_on is null order by code").param(division)
                .query((rs, n) -> rs.getString(1).strip()).list());
        return boundaries(codes);
    }

    private List<Boundary> boundaries(List<String> codes) {
        Map<String, Boundary> found = new LinkedHashMap<>();
        jdbc.sql("select division, geometry::text, min_lon, min_lat, max_lon, max_lat from basedata.boundary where division = any(?)")
                .param(codes.toArray(String[]::new))
                .query((rs, n) -> new Boundary(rs.getString(1), name(rs.getString(1)), rs.getString(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6)))
                .list().forEach(b -> found.put(b.division(), b));
        return codes.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
    }

    /** The boundaries as one GeoJSON FeatureCollection, a Feature each with the division's code, name and level. */
    public String featureCollection(List<Boundary> boundaries) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (Boundary b : boundaries) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("code", b.division());
            properties.put("name", b.name());
            properties.put("level", divisions.find(b.division()).map(DivisionCodes.Entry::level).orElse(null));
            features.add(feature(json.readTree(b.geometry()), properties));
        }
        return collection(features);
    }

    private static Map<String, Object> feature(Object geometry, Map<String, Object> properties) {
        Map<String, Object> feature = new LinkedHashMap<>();
        feature.put("type", "Feature");
        feature.put("geometry", geometry);
        feature.put("properties", properties);
        return feature;
    }

    private String collection(List<Map<String, Object>> features) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        collection.put("features", features);
        return json.writeValueAsString(collection);
    }

    // places

    /** An address or point of interest (兴趣点) with WGS-84 coordinates. */
    public record Place(long id, String kind, String name, @Nullable String address, String division, double lon, double lat, String source) {}

    /** Keeps a place; the same kind and name in the same division is the same place, moved. */
    @Transactional
    public Place savePlace(String kind, String name, @Nullable String address, String division, double lon, double lat, String source) {
        if (!divisions.isCurrent(division)) {
            throw new IllegalArgumentException("not a current division " + division);
        }
        long id = jdbc.sql("""
                insert into basedata.place (kind, name, address, division, lon, lat, source) values (?, ?, ?, ?, ?, ?, ?)
                on conflict (division, kind, name) do update set address = excluded.address, lon = excluded.lon, lat = excluded.lat,
                  source = excluded.source returning id""")
                .params(kind, name, address, division, lon, lat, source).query(Long.class).single();
        audit.record("basedata.spatial.place", "place:" + id, kind + " " + name + " in " + division);
        return new Place(id, kind, name, address, division, lon, lat, source);
    }

    /** The places in a division and the divisions below it, by division, kind and name. */
    public List<Place> places(String division) {
        return jdbc.sql("""
                select p.id, p.kind, p.name, p.address, p.division, p.lon, p.lat, p.source from basedata.place p
                where p.division = ? or p.division in (select code from shared.division_code where parent = ?)
                order by p.division, p.kind, p.name""")
                .params(division, division)
                .query((rs, n) -> new Place(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDouble(6), rs.getDouble(7), rs.getString(8)))
                .list();
    }

    /** Places as a GeoJSON FeatureCollection of Points. */
    public String placesCollection(List<Place> places) {
        List<Map<String, Object>> features = new ArrayList<>();
        for (Place p : places) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", p.id());
            properties.put("kind", p.kind());
            properties.put("name", p.name());
            properties.put("address", p.address());
            properties.put("division", p.division());
            features.add(feature(Map.of("type", "Point", "coordinates", List.of(p.lon(), p.lat())), properties));
        }
        return collection(features);
    }

    /** A division's name without the demo mark, or its code when unknown. */
    public String name(String code) {
        return divisions.find(code).map(e -> e.name().replace("（演示）", "")).orElse(code);
    }
}
