package org.zhengtong.catalog.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.catalog.CatalogManagement.ResourcePublished;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.Resource.ResourceStatus;
import org.zhengtong.catalog.Resource.VersionStatus;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.OpenType;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;

/**
 * The demo city's catalog (演示目录): the six base resources with their real data items, and about fourteen
 * resources for each demo department, with a realistic mix of share and open types. Most are published; a few
 * wait in drafts and in the review queue so every step of the lifecycle can be seen.
 */
@Component
@Order(10)
class DemoCatalog implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);
    static final String REVIEWER = "dataadmin";

    private final CatalogStore store;
    private final DirectoryManagement directory;
    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Environment env;

    DemoCatalog(CatalogStore store, DirectoryManagement directory, JdbcClient jdbc, AuditLog audit, ApplicationEventPublisher events,
            Environment env) {
        this.store = store;
        this.directory = directory;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean demo = env.getProperty("zt.demo", Boolean.class, false);
        boolean empty = jdbc.sql("select count(*) from catalog.resource").query(Long.class).single() == 0;
        if (demo && empty && directory.findOrgUnit("gaj").isPresent()) {
            load();
        }
    }

    record Base(String classification, String provider, String name, String summary, ShareType share, OpenType open, String items) {}

    static final List<Base> BASE = List.of(
            new Base("101001001", "gaj", "人口基础信息", "全市户籍人口和常住人口的身份、户籍和基本状况，是人口基础库的权威来源。", ShareType.CONDITIONAL,
                    OpenType.NONE, "公民身份号码:S18:KRPI;姓名:S50:RP;性别:S1:R;民族:S20:;出生日期:D::RD;户籍地址:S200:P;户籍地行政区划代码:S6:RC;人口状态:S10:R"),
            new Base("102001001", "scjgj", "法人单位基础信息", "在本市登记的企业、个体工商户、农民专业合作社、机关事业单位和社会组织的基本登记信息。",
                    ShareType.UNCONDITIONAL, OpenType.OPEN, "统一社会信用代码:S18:KRU;单位名称:S200:R;法定代表人:S50:;单位类型:S50:R;登记机关:S100:R;成立日期:D::RD;住所:S200:;经营范围:S2000:;登记状态:S20:R"),
            new Base("103001001", "zrzyj", "自然资源和空间地理基础信息", "土地利用现状、不动产单元和基础地理信息，支撑空间规划与审批。", ShareType.CONDITIONAL,
                    OpenType.CONDITIONAL, "不动产单元号:S28:KR;坐落:S200:R;行政区划代码:S6:RC;地类:S20:R;面积:N::R;权利类型:S20:;图斑编号:S30:"),
            new Base("104001001", "fgw", "社会信用基础信息", "自然人、法人和非法人组织的行政许可、行政处罚、守信激励和失信惩戒信息。", ShareType.UNCONDITIONAL,
                    OpenType.OPEN, "主体代码:S18:KRU;主体名称:S200:R;信用信息类别:S20:R;认定机关:S100:R;认定日期:D::RD;有效期至:D::D;公示状态:S10:"),
            new Base("105001001", "zwfwj", "电子证照基础信息", "本市各部门签发的电子证照的目录信息，证照文件按授权调用。", ShareType.CONDITIONAL, OpenType.NONE,
                    "证照标识:S64:KR;证照类型:S50:R;证照编号:S64:R;持证主体:S200:RP;持证主体代码:S18:R;颁发机构:S100:R;颁发日期:D::RD;有效期至:D::D"),
            new Base("106001001", "tjj", "宏观经济基础信息", "地区生产总值、固定资产投资、社会消费品零售总额、居民收入等主要经济指标。", ShareType.UNCONDITIONAL,
                    OpenType.OPEN, "指标代码:S20:KR;指标名称:S100:R;统计期:S10:KR;地区代码:S6:RC;数值:N::R;计量单位:S20:R"));

    /** Each demo department's subjects; the department's catalog gets one resource per subject. */
    static final Map<String, String> SUBJECTS = Map.ofEntries(
            Map.entry("scjgj", "企业登记注册,个体工商户登记,食品经营许可,药品经营许可,特种设备使用登记,行政处罚决定,产品质量抽检结果,商标质押登记,广告监测,计量器具检定,企业年度报告,经营异常名录,股权出质登记,网络交易主体"),
            Map.entry("swj", "纳税人登记,增值税发票开具汇总,欠税公告,纳税信用等级,社保费征收,个人所得税汇算,税收优惠备案,出口退税,房产税源,车船税缴纳,非正常户认定,重大税收违法案件,契税缴纳,印花税申报"),
            Map.entry("gaj", "常住人口户籍,暂住人口居住登记,出入境证件签发,机动车登记,驾驶人信息,交通违法处理,居民身份证签发,户口迁移,道路交通事故,旅馆业住宿登记,犯罪记录查询,重点场所治安,流动人口,公安备案单位"),
            Map.entry("rsj", "社会保险参保登记,养老保险缴费,失业保险待遇,工伤认定,职业技能等级证书,人力资源服务机构许可,劳动合同备案,企业用工备案,专业技术职称,就业登记,创业补贴发放,劳动保障监察,人事考试成绩,事业单位招聘"),
            Map.entry("mzj", "婚姻登记,最低生活保障,特困人员供养,社会组织登记,殡葬服务,养老机构备案,残疾人两项补贴,临时救助,地名信息,收养登记,慈善组织认定,社区服务设施,困境儿童保障,志愿服务记录"),
            Map.entry("zrzyj", "不动产登记,建设用地规划许可,国有土地使用权出让,耕地保护,地质灾害隐患点,矿业权登记,测绘资质,国土空间规划,土地征收,林地使用审批,建设工程规划许可,土地供应,自然资源确权,地理国情监测"),
            Map.entry("tjj", "地区生产总值核算,规模以上工业统计,固定资产投资统计,社会消费品零售总额,居民人均可支配收入,人口抽样调查,经济普查单位名录,服务业统计,价格指数,能源消费统计,农业统计,劳动工资统计,统计执法检查,统计调查项目"),
            Map.entry("fgw", "固定资产投资项目审批,企业投资项目备案,重点项目库,政府投资项目,价格监测,粮食储备,节能审查,信用修复,失信联合惩戒名单,守信激励对象,招标投标项目,产业结构调整,能源项目核准,发展规划"),
            Map.entry("zjj", "建筑工程施工许可,商品房预售许可,建筑业企业资质,房屋网签备案,住房公积金缴存,保障性住房,物业服务企业,工程质量监督,建设工程竣工验收备案,施工图审查,房屋安全鉴定,燃气经营许可,城市排水许可,建筑工人实名制"),
            Map.entry("sthjj", "排污许可,环境影响评价审批,空气质量监测,水环境质量监测,环境行政处罚,危险废物经营许可,重点排污单位,辐射安全许可,噪声监测,土壤环境调查,环境信访,建设项目环保验收,机动车排放检验,生态环境损害赔偿"),
            Map.entry("wjw", "医疗机构执业登记,医师执业注册,护士执业注册,出生医学证明,预防接种记录,传染病报告,公共场所卫生许可,职业健康检查,母婴保健技术服务,医疗广告审查,放射诊疗许可,卫生监督处罚,急救调度,健康档案"),
            Map.entry("jyj", "中小学学籍,民办学校办学许可,教师资格认定,学校基本信息,招生入学,学生资助,校外培训机构,学校安全检查,中考成绩,教育经费统计,校车使用许可,特殊教育,学前教育机构,教师培训记录"),
            Map.entry("jtysj", "道路运输经营许可,营运车辆,出租汽车驾驶员从业资格,公交线路,道路运输证,交通建设项目,网约车平台许可,驾驶员培训机构,货运车辆超限检测,港口经营许可,交通行政处罚,公路养护,客运站,交通运输信用"),
            Map.entry("zwfwj", "政务服务事项,办件信息,好差评,一件事套餐,政务服务中心窗口,12345热线工单,电子印章,数据共享申请,政务云资源,统一身份认证用户,证明事项清单,政务服务效能监测,帮办代办,跨省通办事项"));

    private static final String[] SUFFIX = {"信息", "登记信息", "数据", "信息"};
    private static final String[][] GENERIC_ITEMS = {
        {"办理日期", "D"}, {"办理机构", "S100"}, {"状态", "S20"}, {"备注", "S500"}, {"所在区县代码", "S6C"}, {"经办人", "S50"}, {"有效期至", "D"}, {"联系电话", "S20P"}};

    @Transactional
    public void load() {
        Random random = new Random(20261122L);
        int published = 0;
        List<String> codes = new ArrayList<>();
        for (Base b : BASE) {
            OrgUnit provider = directory.orgUnit(b.provider());
            ResourceDraft d = draft(b.classification(), b.name(), b.summary(), items(b.items()), b.share(), b.open(), random, b.provider());
            codes.add(insert(provider, d, ResourceStatus.PUBLISHED));
            published++;
        }
        int dept = 0;
        for (String code : List.of("scjgj", "swj", "gaj", "rsj", "mzj", "zrzyj", "tjj", "fgw", "zjj", "sthjj", "wjw", "jyj", "jtysj", "zwfwj")) {
            dept++;
            OrgUnit provider = directory.orgUnit(code);
            String item = "3" + String.format("%02d", dept);
            store.addClassification(item, provider.name(), "3");
            store.addClassification(item + "001", provider.name() + "业务信息", item);
            store.addClassification(item + "001001", provider.name() + "业务信息", item + "001");
            String[] subjects = SUBJECTS.get(code).split(",");
            for (int i = 0; i < subjects.length; i++) {
                String subject = subjects[i];
                int roll = random.nextInt(100);
                ShareType share = roll < 40 ? ShareType.UNCONDITIONAL : roll < 88 ? ShareType.CONDITIONAL : ShareType.NONE;
                OpenType open = share == ShareType.NONE ? OpenType.NONE
                        : switch (random.nextInt(3)) { case 0 -> OpenType.OPEN; case 1 -> OpenType.CONDITIONAL; default -> OpenType.NONE; };
                String suffix = SUFFIX[i % SUFFIX.length];
                if (subject.endsWith("登记") && suffix.startsWith("登记")) {
                    suffix = "信息";
                }
                String name = "海川市" + subject + suffix;
                String summary = provider.name() + "在" + subject + "工作中产生和管理的" + subject + "信息，按" + share.term() + "方式向有关部门提供。";
                ResourceDraft d = draft(item + "001001", name, summary, departmentItems(subject, random), share, open, random, code);
                ResourceStatus status = i == subjects.length - 1 ? ResourceStatus.DRAFT
                        : i == subjects.length - 2 ? ResourceStatus.SUBMITTED : ResourceStatus.PUBLISHED;
                codes.add(insert(provider, d, status));
                if (status == ResourceStatus.PUBLISHED) {
                    published++;
                }
            }
        }
        audit.record("catalog.demo.load", "catalog", codes.size() + " demo entries, " + published + " published");
        log.info("Loaded the demo catalog: {} entries, {} published.", codes.size(), published);
    }

    private String insert(OrgUnit provider, ResourceDraft d, ResourceStatus status) {
        String code = d.classification() + "/" + String.format("%06d", store.nextSequence(d.classification()));
        long id = store.insertResource(code, d.classification(), provider.code(),
                provider.creditCode() != null ? provider.creditCode() : provider.code(), provider.code() + ".officer");
        VersionStatus vs = switch (status) {
            case PUBLISHED -> VersionStatus.PUBLISHED;
            case SUBMITTED -> VersionStatus.SUBMITTED;
            default -> VersionStatus.DRAFT;
        };
        store.insertVersion(id, 1, vs, d, provider.code() + ".officer");
        if (status == ResourceStatus.PUBLISHED) {
            store.markReviewed(id, 1, VersionStatus.PUBLISHED, REVIEWER, null, d.publishDate());
            store.setResourceStatus(code, ResourceStatus.PUBLISHED, 1);
            events.publishEvent(new ResourcePublished(code, 1));
        } else if (status == ResourceStatus.SUBMITTED) {
            store.markSubmitted(id, 1, provider.code() + ".officer");
            store.setResourceStatus(code, ResourceStatus.SUBMITTED, null);
        }
        return code;
    }

    private static ResourceDraft draft(String classification, String name, String summary, List<DataItem> items, ShareType share,
            OpenType open, Random random, String provider) {
        Format format = switch (random.nextInt(5)) {
            case 0 -> Format.SPREADSHEET;
            case 1 -> Format.SERVICE;
            default -> Format.DATABASE;
        };
        UpdateCycle cycle = UpdateCycle.values()[random.nextInt(UpdateCycle.values().length)];
        List<ShareWay> ways = share == ShareType.NONE ? List.of()
                : random.nextBoolean() ? List.of(ShareWay.API, ShareWay.TABLE) : List.of(random.nextBoolean() ? ShareWay.TABLE : ShareWay.FILE);
        return new ResourceDraft(classification, name, summary, format, share,
                share == ShareType.CONDITIONAL ? "仅限履行法定职责需要，使用部门须说明用途并确保数据安全，不得转提供第三方。" : null,
                ways, share == ShareType.NONE ? "《中华人民共和国个人信息保护法》第三十四条、《中华人民共和国数据安全法》第三十八条" : null,
                open, open == OpenType.CONDITIONAL ? "须签订数据开放利用协议，限于公益研究和便民服务。" : null, cycle,
                LocalDate.of(2026, 1 + random.nextInt(10), 1 + random.nextInt(28)), List.of(),
                List.of(name.replace("海川市", "").replace("信息", "").replace("数据", ""), provider), "信息主管（" + provider + "）",
                "0535-" + (6000000 + random.nextInt(999999)), provider + "@haichuan.gov.example", items);
    }

    /** Parses "name:type+length:flags" items: S/N/D type, K key, R required, P personal, I/U/C/D standards. */
    static List<DataItem> items(String spec) {
        List<DataItem> items = new ArrayList<>();
        for (String part : spec.split(";")) {
            String[] f = part.split(":", -1);
            String t = f[1];
            DataType type = t.startsWith("N") ? DataType.NUMBER : t.startsWith("D") ? DataType.DATE : DataType.STRING;
            Integer length = t.length() > 1 ? Integer.valueOf(t.substring(1)) : null;
            String flags = f.length > 2 ? f[2] : "";
            Standard standard = flags.contains("I") ? Standard.ID_NUMBER : flags.contains("U") ? Standard.CREDIT_CODE
                    : flags.contains("C") ? Standard.DIVISION_CODE : flags.contains("D") ? Standard.DATE : null;
            items.add(new DataItem(f[0], type, length, null, flags.contains("K"), flags.contains("R"), flags.contains("P"), standard));
        }
        return items;
    }

    private static List<DataItem> departmentItems(String subject, Random random) {
        List<DataItem> items = new ArrayList<>();
        items.add(new DataItem(subject + "编号", DataType.STRING, 32, null, true, true, false, null));
        boolean person = subject.contains("人") || subject.contains("婚姻") || subject.contains("驾驶") || subject.contains("医师")
                || subject.contains("学籍") || subject.contains("护士") || subject.contains("教师");
        if (person) {
            items.add(new DataItem("公民身份号码", DataType.STRING, 18, null, false, true, true, Standard.ID_NUMBER));
            items.add(new DataItem("姓名", DataType.STRING, 50, null, false, true, true, null));
        } else {
            items.add(new DataItem("统一社会信用代码", DataType.STRING, 18, null, false, true, false, Standard.CREDIT_CODE));
            items.add(new DataItem("单位名称", DataType.STRING, 200, null, false, true, false, null));
        }
        int extra = 2 + random.nextInt(4);
        for (int i = 0; i < extra; i++) {
            String[] g = GENERIC_ITEMS[(i * 3 + random.nextInt(GENERIC_ITEMS.length)) % GENERIC_ITEMS.length];
            if (items.stream().anyMatch(x -> x.name().equals(g[0]))) {
                continue;
            }
            String t = g[1];
            DataType type = t.startsWith("D") ? DataType.DATE : DataType.STRING;
            Integer length = type == DataType.STRING ? Integer.valueOf(t.replaceAll("[^0-9]", "")) : null;
            Standard standard = t.endsWith("C") ? Standard.DIVISION_CODE : type == DataType.DATE ? Standard.DATE : null;
            items.add(new DataItem(g[0], type, length, null, false, false, t.endsWith("P"), standard));
        }
        return items;
    }
}
