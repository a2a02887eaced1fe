package org.zhengtong.basedata.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo city's county-level divisions as the directory's demo data registers them (海川市 379900 and its
 * districts 东湖区 379902, 西江区 379903, 南山区 379904), with roads to put addresses on.
 */
public final class DemoCityPlaces {

    /** One district: its GB/T 2260 code, its name, and some of its roads. */
    public record District(String code, String name, List<String> roads) {}

    public static final String CITY = "海川市";

    public static final List<District> DISTRICTS = List.of(
            new District("379902", "东湖区", List.of("湖滨路", "解放路", "人民路", "东湖大道", "青年路", "文化路", "建设路", "胜利街", "长江路", "新华路")),
            new District("379903", "西江区", List.of("西江大道", "滨江路", "中山路", "和平路", "工业路", "光明街", "富民路", "团结路", "兴业路", "松林路")),
            new District("379904", "南山区", List.of("南山路", "学府路", "科技大道", "翠竹路", "南环路", "桃园街", "创业路", "枫林路", "云山路", "锦绣路")));

    private DemoCityPlaces() {}

    public static District district(String code) {
        return DISTRICTS.stream().filter(d -> d.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a demo district: " + code));
    }

    /** A street address in the district, without the city: 东湖区湖滨路88号3栋2单元502室. */
    static String address(District district, SplittableRandom random, boolean residential) {
        String road = district.roads().get(random.nextInt(district.roads().size()));
        String street = CITY + district.name() + road + (1 + random.nextInt(299)) + "号";
        if (!residential) {
            return street;
        }
        return street + (1 + random.nextInt(30)) + "栋" + (1 + random.nextInt(4)) + "单元" + (1 + random.nextInt(28)) + "0" + (1 + random.nextInt(4)) + "室";
    }
}
