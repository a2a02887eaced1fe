package org.zhengtong.directory.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.NewOrgUnit;
import org.zhengtong.directory.NewPerson;
import org.zhengtong.directory.OrgUnitKind;
import org.zhengtong.shared.DivisionCodes;
import org.zhengtong.shared.OrganizationCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * The demo city (演示城市): 海川市, a fictional prefecture-level city, with its government, fourteen
 * departments, some of their divisions, three districts, about sixty people covering every staff role, one API
 * client per department, and a few citizens and enterprises with applicant accounts ({@link DemoApplicants}). Its
 * division codes (3799xx) are not on the national list, so they are added to the platform's list marked as demo
 * codes. Credit codes are computed with the GB 32100 check characters.
 */
@Component
class DemoCity {

    private static final Logger log = LoggerFactory.getLogger(DemoCity.class);
    static final String CITY_DIVISION = "379900";

    private final DirectoryManagement directory;
    private final DirectoryStore store;
    private final DivisionCodes divisionCodes;
    private final AccessPolicy policy;
    private final DemoApplicants applicants;

    DemoCity(DirectoryManagement directory, DirectoryStore store, DivisionCodes divisionCodes, AccessPolicy policy,
            DemoApplicants applicants) {
        this.directory = directory;
        this.store = store;
        this.divisionCodes = divisionCodes;
        this.policy = policy;
        this.applicants = applicants;
    }

    record Unit(String code, String name, OrgUnitKind kind, @Nullable String parent, String division) {}

    static final List<Unit> UNITS = List.of(
            new Unit("hcs", "海川市人民政府", OrgUnitKind.GOVERNMENT, null, CITY_DIVISION),
            new Unit("zwfwj", "海川市政务服务和大数据管理局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("scjgj", "海川市市场监督管理局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("swj", "国家税务总局海川市税务局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("gaj", "海川市公安局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("rsj", "海川市人力资源和社会保障局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("mzj", "海川市民政局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("zrzyj", "海川市自然资源和规划局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("tjj", "海川市统计局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("fgw", "海川市发展和改革委员会", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("zjj", "海川市住房和城乡建设局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("sthjj", "海川市生态环境局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("wjw", "海川市卫生健康委员会", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("jyj", "海川市教育局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("jtysj", "海川市交通运输局", OrgUnitKind.DEPARTMENT, "hcs", CITY_DIVISION),
            new Unit("zwfwjsjc", "数据资源管理处", OrgUnitKind.DIVISION, "zwfwj", CITY_DIVISION),
            new Unit("zwfwjzwc", "政务服务处", OrgUnitKind.DIVISION, "zwfwj", CITY_DIVISION),
            new Unit("scjgjdjc", "登记注册处", OrgUnitKind.DIVISION, "scjgj", CITY_DIVISION),
            new Unit("gajhzc", "户政管理处", OrgUnitKind.DIVISION, "gaj", CITY_DIVISION),
            new Unit("dhq", "海川市东湖区人民政府", OrgUnitKind.DISTRICT, "hcs", "379902"),
            new Unit("xjq", "海川市西江区人民政府", OrgUnitKind.DISTRICT, "hcs", "379903"),
            new Unit("nsq", "海川市南山区人民政府", OrgUnitKind.DISTRICT, "hcs", "379904"));

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
    private static final String[] GIVEN = {"建国", "海燕", "志强", "晓红", "文博", "丽娟", "明辉", "雪梅", "国栋", "佳怡", "子涵",
        "浩然", "欣怡", "宇航", "静怡", "俊杰", "思远", "梦琪", "立新", "春华", "秀英", "振华", "婷婷", "嘉伟", "雨桐"};

    @Transactional
    public void load(String password) {
        divisionCodes.add(CITY_DIVISION, "海川市（演示）", "PREFECTURE", "370000", "demo");
        divisionCodes.add("379902", "东湖区（演示）", "COUNTY", CITY_DIVISION, "demo");
        divisionCodes.add("379903", "西江区（演示）", "COUNTY", CITY_DIVISION, "demo");
        divisionCodes.add("379904", "南山区（演示）", "COUNTY", CITY_DIVISION, "demo");
        int serial = 0;
        for (Unit u : UNITS) {
            serial++;
            String credit = u.kind() == OrgUnitKind.DIVISION ? null : creditCode(u.division(), serial);
            directory.createOrgUnit(new NewOrgUnit(u.code(), u.name(), u.kind(), u.parent(), credit, u.division(), serial * 10));
        }
        List<String[]> people = new ArrayList<>();
        people.add(new String[] {"admin", "zwfwjsjc", "系统管理员", "PLATFORM_ADMIN"});
        people.add(new String[] {"security", "zwfwjsjc", "安全管理员", "SECURITY_ADMIN"});
        people.add(new String[] {"auditor", "zwfwj", "安全审计员", "AUDITOR"});
        people.add(new String[] {"mayor", "hcs", "市长", "LEADER"});
        people.add(new String[] {"dataadmin", "zwfwjsjc", "数据管理员", "DATA_ADMIN"});
        for (int i = 1; i <= 3; i++) {
            people.add(new String[] {"zwfwj.clerk" + i, "zwfwjzwc", "综合窗口受理员", "WINDOW_CLERK"});
        }
        for (Unit u : UNITS) {
            if (u.kind() == OrgUnitKind.DEPARTMENT) {
                people.add(new String[] {u.code() + ".head", u.code(), "局长", "LEADER"});
                people.add(new String[] {u.code() + ".admin", u.code(), "办公室主任", "DEPARTMENT_ADMIN"});
                people.add(new String[] {u.code() + ".officer", u.code(), "信息主管", "DATA_OFFICER"});
                people.add(new String[] {u.code() + ".approver", u.code(), "审批科科长", "APPROVER"});
            } else if (u.kind() == OrgUnitKind.DISTRICT) {
                people.add(new String[] {u.code() + ".clerk", u.code(), "政务服务中心窗口人员", "WINDOW_CLERK"});
            }
        }
        int n = 0;
        for (String[] p : people) {
            String name = SURNAMES.charAt((n * 7) % SURNAMES.length()) + GIVEN[(n * 11) % GIVEN.length];
            String mobile = String.format("139%08d", 10_000_000 + n * 7_919);
            String email = p[0].replace('.', '_') + "@haichuan.gov.example";
            directory.createPerson(new NewPerson(p[0], name, p[1], p[2], mobile, email));
            store.setRoles(p[0], new LinkedHashSet<>(Set.of(p[3])));
            directory.setPassword(p[0], password, false);
            n++;
        }
        for (Unit u : UNITS) {
            if (u.kind() == OrgUnitKind.DEPARTMENT) {
                directory.createApiClient(u.code() + "-system", u.name() + "业务系统", u.code(),
                        policy.defaultClientPrivileges(), password);
            }
        }
        applicants.load(password);
        log.info("Loaded the demo city 海川市: {} org units, {} people, {} API clients, {} applicants.", UNITS.size(), people.size(),
                UNITS.stream().filter(u -> u.kind() == OrgUnitKind.DEPARTMENT).count(), DemoApplicants.APPLICANTS.size());
    }

    /** A 机关 credit code (registration authority 1, type 1) for the demo unit with this serial number. */
    static String creditCode(String division, int serial) {
        String first8 = String.format("%08d", 1_000_000 + serial * 37);
        String organization = first8 + OrganizationCode.checkCharacter(first8);
        String first17 = "11" + division + organization;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
