package org.zhengtong.basedata.spatial;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengtong.basedata.demo.DemoCityPlaces;
import org.zhengtong.shared.DivisionCodes;

/**
 * The demo city's map: generated boundaries for 海川市 and its three districts (rectangles that tile the city, near
 * where a city with telephone area code 0535 would lie), government service halls, schools and hospitals at
 * generated coordinates inside their district, and one retired code, 原海川县 379901, replaced in 2018 by 东湖区 and
 * 南山区, so the division tree has history to show. Runs after the demo exchange and the base resources, once.
 */
@Component
@Order(40)
class DemoMap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoMap.class);

    static final String CITY = "379900";
    static final String RETIRED = "379901";

    /** Each district's box: min lon, min lat, max lon, max lat. Together they tile the city's box. */
    static final double[] CITY_BOX = {121.00, 37.20, 121.60, 37.60};
    static final List<double[]> DISTRICT_BOXES = List.of(
            new double[] {121.25, 37.40, 121.60, 37.60},  // 东湖区 379902, north-east
            new double[] {121.00, 37.40, 121.25, 37.60},  // 西江区 379903, north-west
            new double[] {121.00, 37.20, 121.60, 37.40}); // 南山区 379904, the south

    private final SpatialData spatial;
    private final DivisionCodes divisions;
    private final JdbcClient jdbc;
    private final Environment env;

    DemoMap(SpatialData spatial, DivisionCodes divisions, JdbcClient jdbc, Environment env) {
        this.spatial = spatial;
        this.divisions = divisions;
        this.jdbc = jdbc;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean demo = env.getProperty("zt.demo", Boolean.class, false);
        if (demo && divisions.find(CITY).isPresent() && jdbc.sql("select count(*) from basedata.boundary").query(Long.class).single() == 0) {
            try {
                load();
            } catch (RuntimeException e) {
                // The demo is an extra: the platform starts without it, and the log says why.
                log.warn("The demo map was not loaded: {}", e.toString(), e);
            }
        }
    }

    void load() {
        // The division list is the shared kernel's; a retired demo code is written as the State would publish it.
        jdbc.sql("""
                insert into shared.division_code (code, name, level, parent, source, retired_on)
                values (?, '海川县（演示）', 'COUNTY', ?, 'demo', date '2018-06-30') on conflict (code) do nothing""")
                .params(RETIRED, CITY).update();
        divisions.load();
        spatial.addSuccessor(RETIRED, "379902", "2018 年撤县设区，北部并入东湖区");
        spatial.addSuccessor(RETIRED, "379904", "2018 年撤县设区，南部并入南山区");
        spatial.saveBoundary(CITY, polygon(CITY_BOX), "demo");
        SplittableRandom random = new SplittableRandom(2260);
        int places = 0;
        for (int i = 0; i < DemoCityPlaces.DISTRICTS.size(); i++) {
            DemoCityPlaces.District d = DemoCityPlaces.DISTRICTS.get(i);
            double[] box = DISTRICT_BOXES.get(i);
            spatial.saveBoundary(d.code(), polygon(box), "demo");
            String[][] named = {
                {"SERVICE_HALL", d.name() + "政务服务中心"}, {"SCHOOL", d.name() + "第一中学"}, {"SCHOOL", d.name() + "实验小学"},
                {"HOSPITAL", d.name() + "人民医院"}, {"HOSPITAL", d.name() + "妇幼保健院"}};
            for (String[] p : named) {
                place(p[0], p[1], d, box, random);
                places++;
            }
        }
        place("SERVICE_HALL", "海川市政务服务中心", DemoCityPlaces.DISTRICTS.get(0), DISTRICT_BOXES.get(0), random);
        place("HOSPITAL", "海川市第一人民医院", DemoCityPlaces.DISTRICTS.get(1), DISTRICT_BOXES.get(1), random);
        place("SCHOOL", "海川市第二中学", DemoCityPlaces.DISTRICTS.get(2), DISTRICT_BOXES.get(2), random);
        log.info("Loaded the demo map: 4 boundaries, {} places, retired code {}.", places + 3, RETIRED);
    }

    private void place(String kind, String name, DemoCityPlaces.District d, double[] box, SplittableRandom random) {
        // Kept a little inside the box, so a marker never sits on a district's edge.
        double margin = 0.02;
        double lon = round(box[0] + margin + random.nextDouble() * (box[2] - box[0] - 2 * margin));
        double lat = round(box[1] + margin + random.nextDouble() * (box[3] - box[1] - 2 * margin));
        String road = d.roads().get(random.nextInt(d.roads().size()));
        String address = DemoCityPlaces.CITY + d.name() + road + (1 + random.nextInt(299)) + "号";
        spatial.savePlace(kind, name, address, d.code(), lon, lat, "demo");
    }

    private static double round(double v) {
        return Math.round(v * 1_000_000) / 1_000_000.0;
    }

    /** A closed rectangle as a GeoJSON Polygon, counter-clockwise as RFC 7946 asks of an outer ring. */
    static String polygon(double[] box) {
        return String.format(Locale.ROOT, "{\"type\":\"Polygon\",\"coordinates\":[[[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f],[%.4f,%.4f]]]}",
                box[0], box[1], box[2], box[1], box[2], box[3], box[0], box[3], box[0], box[1]);
    }
}
