package org.zhengtong.approval.items;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo city's service items (演示事项): some thirty-five published guides of 海川市's departments, written the way
 * 权责清单 and 办事指南 are – real laws as legal basis, materials an e-licence (YYZZ 营业执照, JY 食品经营许可证,
 * SGXK 施工许可证, BDCQ 不动产权证书, JHZ 结婚证) or the base databases can replace, fees where the law sets
 * them. Among them the construction permit as a joint approval (工程建设项目并联审批) led by 住建局 with four departments
 * reviewing in parallel, and a few sequences (企业开办, 最低生活保障).
 *
 * <p>Runs only with {@code zt.demo=true}, after the demo city exists; once: when the items are there it does nothing.
 */
@Component
@Order(55)
class DemoServiceItems implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoServiceItems.class);

    /** The joint construction item, which tests and the case engine's demo look for. */
    static final String CONSTRUCTION = "3799-ZJJ-XK-001";

    static final String HOURS = "周一至周五 9:00-12:00，13:30-17:00（法定节假日除外）";

    /** Where each department takes applications in person: the city's government service centre (政务服务中心). */
    static final Map<String, String[]> WINDOWS = Map.ofEntries(
            Map.entry("zjj", new String[] {"海川市政务服务中心三楼 工程建设项目审批综合窗口 C01-C06", "0999-88120301"}),
            Map.entry("scjgj", new String[] {"海川市政务服务中心一楼 企业开办综合窗口 A01-A10", "0999-88120101"}),
            Map.entry("swj", new String[] {"海川市政务服务中心一楼 税务窗口 A11-A20", "0999-12366"}),
            Map.entry("gaj", new String[] {"海川市政务服务中心二楼 公安窗口 B01-B08", "0999-88120201"}),
            Map.entry("rsj", new String[] {"海川市政务服务中心二楼 人社窗口 B09-B16", "0999-12333"}),
            Map.entry("mzj", new String[] {"海川市政务服务中心二楼 民政窗口 B17-B20", "0999-88120217"}),
            Map.entry("zrzyj", new String[] {"海川市政务服务中心三楼 不动产登记与规划窗口 C07-C16", "0999-88120307"}),
            Map.entry("sthjj", new String[] {"海川市政务服务中心三楼 生态环境窗口 C17-C18", "0999-12369"}),
            Map.entry("wjw", new String[] {"海川市政务服务中心二楼 卫生健康窗口 B21-B24", "0999-12320"}),
            Map.entry("jyj", new String[] {"海川市政务服务中心二楼 教育窗口 B25-B26", "0999-88120225"}),
            Map.entry("jtysj", new String[] {"海川市政务服务中心一楼 交通运输窗口 A21-A24", "0999-12328"}),
            Map.entry("fgw", new String[] {"海川市政务服务中心三楼 投资项目审批窗口 C19-C20", "0999-88120319"}),
            Map.entry("tjj", new String[] {"海川市政务服务中心二楼 综合窗口 B27", "0999-88120227"}),
            Map.entry("zwfwj", new String[] {"海川市政务服务中心一楼 综合咨询台", "0999-12345"}));

    private final ServiceItems items;
    private final ServiceItemStore store;
    private final Environment env;

    DemoServiceItems(ServiceItems items, ServiceItemStore store, Environment env) {
        this.items = items;
        this.store = store;
        this.env = env;
    }

    /** All or nothing, so that a start after a failed one tries again instead of finding half the items. */
    @Override
    @org.springframework.transaction.annotation.Transactional
    public void run(ApplicationArguments args) {
        if (!env.getProperty("zt.demo", Boolean.class, false) || store.entry(CONSTRUCTION).isPresent()) {
            return;
        }
        try {
            int n = 0;
            for (Demo d : demoItems()) {
                ItemEntry e = items.createFor(d.department(), d.code(), d.content());
                items.publishOwned(e);
                n++;
            }
            log.info("Loaded the demo service items: {} published guides.", n);
        } catch (RuntimeException e) {
            // The demo is an extra: the platform starts without it, and the log says why.
            log.warn("The demo service items were not loaded: {}", e.toString(), e);
        }
    }

    record Demo(String code, String department, ItemContent content) {}

    static List<Demo> demoItems() {
        List<Demo> all = new ArrayList<>();
        // 住房和城乡建设局
        all.add(item(CONSTRUCTION, "zjj", "建筑工程施工许可证核发（工程建设项目施工许可阶段并联审批）", ItemType.LICENSING,
                "《中华人民共和国建筑法》第七条、第八条；《中华人民共和国行政许可法》第二十六条（联合办理、集中办理）；《建筑工程施工许可管理办法》"
                        + "（住房和城乡建设部令第18号）；《国务院办公厅关于全面开展工程建设项目审批制度改革的实施意见》（国办发〔2019〕11号）",
                "已办理用地批准手续；依法应当办理建设工程规划许可证的，已取得；施工场地已基本具备施工条件；已确定建筑施工企业；有满足施工需要的资金安排、"
                        + "施工图纸及技术资料，施工图设计文件已按规定审查合格；有保证工程质量和安全的具体措施。",
                parallel(), 20, 10, null, null, ProcessTemplate.PARALLEL, "zjj",
                List.of(step("zrzyj", 7), step("sthjj", 7), step("fgw", 5), step("jtysj", 5)),
                List.of(m("建筑工程施工许可申请表", "原件", 1, true), lic("营业执照（建设单位）", "YYZZ"), lic("不动产权证书（国有建设用地使用权）", "BDCQ"),
                        m("建设工程规划许可证", "复印件", 1, true), m("施工合同（中标通知书）", "复印件", 1, true),
                        m("施工图设计文件审查合格书", "电子", 0, true), m("建设资金已经落实承诺书", "原件", 1, true),
                        m("工程质量安全措施文件", "原件", 1, true)),
                company(field("projectName", "工程名称", "text", true, null), field("projectAddress", "建设地址", "text", true, null),
                        field("contractPrice", "合同价格（万元）", "number", true, null), field("startDate", "计划开工日期", "date", true, null))));
        all.add(item("3799-ZJJ-XK-002", "zjj", "商品房预售许可", ItemType.LICENSING,
                "《中华人民共和国城市房地产管理法》第四十五条；《城市商品房预售管理办法》（建设部令第131号）第六条、第七条",
                "已交付全部土地使用权出让金，取得土地使用权证书；持有建设工程规划许可证和施工许可证；按提供预售的商品房计算，投入开发建设的资金达到工程建设总投资的"
                        + "25%以上，并已确定施工进度和竣工交付日期。",
                single(), 10, 5, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("商品房预售许可申请表", "原件", 1, true), lic("营业执照", "YYZZ"), lic("不动产权证书", "BDCQ"),
                        lic("建筑工程施工许可证", "SGXK"), m("建设工程规划许可证", "复印件", 1, true), m("商品房预售方案", "原件", 1, true),
                        m("工程进度证明及投资证明", "原件", 1, true)),
                company(field("projectName", "项目名称", "text", true, null), field("presaleArea", "预售面积（平方米）", "number", true, null))));
        all.add(item("3799-ZJJ-XK-003", "zjj", "建设工程消防验收", ItemType.LICENSING,
                "《中华人民共和国消防法》第十三条；《建设工程消防设计审查验收管理暂行规定》（住房和城乡建设部令第51号）第二十六条",
                "特殊建设工程竣工验收前，建设单位已组织竣工验收消防查验，工程符合经审查合格的消防设计文件。",
                single(), 15, 10, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("消防验收申请表", "原件", 1, true), lic("营业执照（建设单位）", "YYZZ"), m("工程竣工验收报告", "原件", 1, true),
                        m("涉及消防的建设工程竣工图纸", "电子", 0, true), lic("建筑工程施工许可证", "SGXK")),
                company(field("projectName", "工程名称", "text", true, null))));
        all.add(item("3799-ZJJ-XK-004", "zjj", "建筑业企业资质核准（施工总承包三级）", ItemType.LICENSING,
                "《中华人民共和国建筑法》第十三条；《建筑业企业资质管理规定》（住房和城乡建设部令第22号）",
                "企业具有符合资质标准的净资产、注册建造师和技术负责人、技术工人，以及与承包工程范围相适应的施工机械和质量检测设备。",
                single(), 20, 15, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("建筑业企业资质申请表", "电子", 0, true), lic("营业执照", "YYZZ"), m("企业净资产证明（财务审计报告）", "复印件", 1, true),
                        m("注册人员及技术负责人证明材料", "复印件", 1, true)),
                company(field("qualification", "申请资质类别及等级", "select", true, null))));
        // 市场监督管理局
        all.add(item("3799-SCJGJ-XK-001", "scjgj", "企业设立登记（有限责任公司）", ItemType.LICENSING,
                "《中华人民共和国公司法》第二十九条、第三十三条；《中华人民共和国市场主体登记管理条例》第三条、第十九条",
                "有符合公司章程规定的股东；有公司名称和住所；股东共同制定公司章程；有符合要求的组织机构。",
                single(), 3, 1, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("公司登记（备案）申请书", "电子", 0, true), m("公司章程", "电子", 0, true),
                        m("股东的主体资格证明或自然人身份证明", "复印件", 1, true, null, "person.idNumber"), m("住所使用证明", "复印件", 1, true),
                        m("法定代表人、董事、监事和经理的任职文件", "原件", 1, true)),
                person(field("companyName", "拟设立公司名称", "text", true, null), field("registeredCapital", "注册资本（万元）", "number", true, null),
                        field("businessScope", "经营范围", "text", true, null))));
        all.add(item("3799-SCJGJ-XK-002", "scjgj", "食品经营许可", ItemType.LICENSING,
                "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）第五条、第二十二条",
                "具有与经营的食品品种、数量相适应的食品原料处理和食品加工、销售、贮存等场所；具有相应的设备设施、食品安全管理人员和规章制度。",
                single(), 10, 5, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("食品经营许可申请书", "电子", 0, true), lic("营业执照", "YYZZ"), m("与食品经营相适应的主要设备设施布局、操作流程等文件", "原件", 1, true),
                        m("食品安全自查、从业人员健康管理、进货查验记录等保证食品安全的规章制度", "原件", 1, true)),
                company(field("mainBusiness", "主体业态", "select", true, null), field("premises", "经营场所", "text", true, "legal.address"))));
        all.add(item("3799-SCJGJ-XK-005", "scjgj", "食品经营许可延续", ItemType.LICENSING,
                "《中华人民共和国食品安全法》第三十五条；《食品经营许可和备案管理办法》（国家市场监督管理总局令第78号）第三十三条",
                "食品经营许可证有效期届满前 90 个工作日至 15 个工作日期间提出申请，经营条件未发生变化或变化后仍符合要求。",
                single(), 10, 3, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("食品经营许可延续申请书", "电子", 0, true), lic("食品经营许可证", "JY"), lic("营业执照", "YYZZ")),
                company(field("changed", "经营条件是否变化", "select", true, null))));
        all.add(item("3799-SCJGJ-GG-003", "scjgj", "企业开办“一件事”（设立登记、印章刻制、发票申领、社保登记）", ItemType.PUBLIC_SERVICE,
                "《优化营商环境条例》第十九条；《国务院办公厅关于进一步优化企业开办服务的通知》（国办发〔2020〕32号）；《中华人民共和国市场主体登记管理条例》",
                "申请人已完成企业名称自主申报，且同时申请企业设立登记、公章刻制、首次申领发票和员工参保登记。",
                sequence(), 5, 3, "免费刻制首套印章（由财政承担）", BigDecimal.ZERO, ProcessTemplate.SEQUENCE, null,
                List.of(step("scjgj", 1), step("gaj", 1), step("swj", 1)),
                List.of(m("企业开办“一件事”申请表", "电子", 0, true), m("公司章程", "电子", 0, true),
                        m("法定代表人身份证明", "复印件", 1, true, null, "person.idNumber"), m("住所使用证明", "复印件", 1, true)),
                person(field("companyName", "企业名称", "text", true, null), field("sealCount", "刻制印章数量", "number", true, null),
                        field("employees", "参保职工人数", "number", false, null))));
        all.add(item("3799-SCJGJ-XK-004", "scjgj", "特种设备使用登记", ItemType.LICENSING,
                "《中华人民共和国特种设备安全法》第三十三条；《特种设备使用管理规则》（TSG 08-2017）",
                "特种设备已经监督检验合格，使用单位已建立安全管理制度并配备安全管理人员。",
                single(), 15, 5, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("特种设备使用登记表", "原件", 2, true), lic("营业执照", "YYZZ"), m("产品合格证", "复印件", 1, true),
                        m("监督检验证书", "复印件", 1, true)),
                company(field("equipment", "设备品种", "select", true, null), field("location", "设备使用地点", "text", true, null))));
        // 税务局
        all.add(item("3799-SWJ-XK-001", "swj", "增值税专用发票（增值税税控系统）最高开票限额审批", ItemType.LICENSING,
                "《国务院对确需保留的行政审批项目设定行政许可的决定》（国务院令第412号）附件第236项；《中华人民共和国发票管理办法》",
                "申请人为增值税一般纳税人或按规定可自行开具增值税专用发票的小规模纳税人，且无重大税收违法行为。",
                single(), 20, 10, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("税务行政许可申请表", "电子", 0, true), m("增值税专用发票最高开票限额申请单", "电子", 0, true), lic("营业执照", "YYZZ")),
                company(field("limit", "申请最高开票限额", "select", true, null))));
        all.add(item("3799-SWJ-GG-002", "swj", "开具税收完税证明", ItemType.PUBLIC_SERVICE,
                "《中华人民共和国税收征收管理法实施细则》第四十五条；《税收票证管理办法》（国家税务总局令第28号）",
                "纳税人已缴纳税款，需要证明其已缴税情况。",
                single(), 1, 1, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("纳税人身份证件", "原件", 1, true, null, "person.idNumber")),
                person(field("taxYear", "所属年度", "number", true, null))));
        // 公安局
        all.add(item("3799-GAJ-QR-001", "gaj", "居民身份证换领", ItemType.CONFIRMATION,
                "《中华人民共和国居民身份证法》第五条、第十一条、第十二条",
                "居民身份证有效期满、登记项目变更或证件严重损坏不能辨认的，应当换领新证。",
                single(), 60, 20, "居民身份证工本费（国家发展改革委、财政部规定）", new BigDecimal("20"), ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("居民户口簿", "原件", 1, true, null, "person.household"), m("原居民身份证", "原件", 1, true),
                        m("符合标准的数字相片", "电子", 0, true)),
                person(field("reason", "换领原因", "select", true, null))));
        all.add(item("3799-GAJ-QR-002", "gaj", "户口迁移（市内迁移）", ItemType.CONFIRMATION,
                "《中华人民共和国户口登记条例》第十条；《国务院办公厅关于解决无户口人员登记户口问题的意见》（国办发〔2015〕96号）",
                "申请人在本市内合法稳定住所已落实，或符合投靠落户条件。",
                single(), 20, 5, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("户口迁移申请表", "原件", 1, true), m("居民户口簿", "原件", 1, true, null, "person.household"),
                        lic("不动产权证书（迁入地住所）", "BDCQ")),
                person(field("toAddress", "迁入地址", "text", true, null))));
        all.add(item("3799-GAJ-QT-003", "gaj", "公章刻制备案", ItemType.OTHER_POWER,
                "《国务院关于第三批取消中央指定地方实施行政许可事项的决定》（国发〔2017〕7号）；《印铸刻字业暨印章管理办法》",
                "单位已依法设立，印章刻制企业已备案。",
                single(), 1, 1, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(lic("营业执照", "YYZZ"), m("法定代表人身份证明", "复印件", 1, true, null, "person.idNumber")),
                company(field("sealTypes", "印章种类", "select", true, null))));
        all.add(item("3799-GAJ-XK-004", "gaj", "机动车驾驶证期满换证", ItemType.LICENSING,
                "《中华人民共和国道路交通安全法》第十九条；《机动车驾驶证申领和使用规定》（公安部令第162号）第六十五条",
                "机动车驾驶证有效期满前九十日内申请换证，身体条件符合规定。",
                single(), 10, 1, "机动车驾驶证工本费", new BigDecimal("10"), ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("居民身份证", "原件", 1, true, null, "person.idNumber"), m("县级或部队团级以上医疗机构出具的身体条件证明", "原件", 1, true)),
                person(field("licenceNumber", "驾驶证档案编号", "text", true, null))));
        // 人力资源和社会保障局
        all.add(item("3799-RSJ-GF-001", "rsj", "失业保险金申领", ItemType.BENEFIT,
                "《中华人民共和国社会保险法》第四十五条；《失业保险条例》第十四条、第十六条",
                "失业前用人单位和本人已经缴纳失业保险费满一年；非因本人意愿中断就业；已经进行失业登记，并有求职要求。",
                single(), 10, 3, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("居民身份证", "原件", 1, true, null, "person.idNumber"), m("解除或终止劳动关系证明", "电子", 0, true),
                        m("社会保障卡或银行账户", "原件", 1, true, null, "person.socialInsurance")),
                person(field("lastEmployer", "原工作单位", "text", true, null), field("leaveDate", "离职日期", "date", true, null))));
        all.add(item("3799-RSJ-GG-002", "rsj", "就业创业证申领", ItemType.PUBLIC_SERVICE,
                "《就业服务与就业管理规定》（劳动和社会保障部令第28号）第六十二条、第六十三条",
                "法定劳动年龄内、有劳动能力和就业要求的城乡劳动者。",
                single(), 5, 1, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("居民身份证", "原件", 1, true, null, "person.idNumber"), m("近期免冠照片", "电子", 0, false)),
                person(field("education", "文化程度", "select", true, "person.education"))));
        all.add(item("3799-RSJ-QR-003", "rsj", "基本养老保险待遇核定（职工正常退休）", ItemType.CONFIRMATION,
                "《中华人民共和国社会保险法》第十六条；《国务院关于完善企业职工基本养老保险制度的决定》（国发〔2005〕38号）",
                "达到法定退休年龄，累计缴费满十五年。",
                single(), 20, 10, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("职工退休申报表", "原件", 1, true), m("居民身份证", "复印件", 1, true, null, "person.idNumber"),
                        m("职工档案", "原件", 1, true)),
                person(field("retireDate", "退休日期", "date", true, null))));
        // 民政局
        all.add(item("3799-MZJ-QR-001", "mzj", "内地居民结婚登记", ItemType.CONFIRMATION,
                "《中华人民共和国民法典》第一千零四十九条；《婚姻登记条例》第四条、第五条、第七条",
                "男女双方完全自愿；男年满二十二周岁，女年满二十周岁；双方均无配偶；不属于直系血亲或者三代以内旁系血亲。",
                single(), 1, 1, "结婚登记不收费（证件工本费已取消）", null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("本人的户口簿", "原件", 1, true, null, "person.household"), m("本人的居民身份证", "原件", 1, true, null, "person.idNumber"),
                        m("本人无配偶以及与对方当事人没有直系血亲和三代以内旁系血亲关系的签字声明", "原件", 1, true),
                        m("双方近期半身免冠合影照片", "原件", 3, true)),
                person(field("spouseName", "对方姓名", "text", true, null), field("spouseIdNumber", "对方公民身份号码", "text", true, null),
                        field("appointment", "预约登记日期", "date", true, null))));
        all.add(item("3799-MZJ-GF-002", "mzj", "最低生活保障审核确认", ItemType.BENEFIT,
                "《社会救助暂行办法》第九条至第十一条；《最低生活保障审核确认办法》（民发〔2021〕57号）第二十二条",
                "共同生活的家庭成员人均收入低于当地最低生活保障标准，且家庭财产状况符合规定。",
                sequence(), 30, 20, null, null, ProcessTemplate.SEQUENCE, null, List.of(step("dhq", 10), step("mzj", 10)),
                List.of(m("最低生活保障申请书", "原件", 1, true), m("家庭成员居民户口簿", "原件", 1, true, null, "person.household"),
                        m("家庭经济状况核对授权书", "原件", 1, true), m("家庭成员收入证明", "复印件", 1, false)),
                person(field("members", "共同生活家庭成员人数", "number", true, null), field("income", "家庭月收入（元）", "number", true, null))));
        all.add(item("3799-MZJ-XK-003", "mzj", "社会团体成立登记", ItemType.LICENSING,
                "《社会团体登记管理条例》第九条、第十条、第十二条",
                "有 50 个以上的个人会员或者 30 个以上的单位会员；有规范的名称和相应的组织机构；有固定的住所；有合法的资产和经费来源，地方性社会团体有 3 万元以上活动资金。",
                single(), 60, 30, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("社会团体法人登记申请表", "原件", 1, true), m("业务主管单位的批准文件", "原件", 1, true), m("验资报告", "原件", 1, true),
                        m("章程草案", "原件", 1, true), m("住所使用权证明", "复印件", 1, true)),
                person(field("orgName", "社会团体名称", "text", true, null), field("members", "会员数量", "number", true, null))));
        all.add(item("3799-MZJ-GF-004", "mzj", "惠民殡葬补贴发放", ItemType.BENEFIT,
                "《殡葬管理条例》；《民政部等16部门关于推行惠民殡葬政策的指导意见》（民发〔2012〕211号）",
                "逝者生前户籍在本市，遗体在本市殡仪馆火化。",
                single(), 20, 10, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("惠民殡葬补贴申请表", "原件", 1, true), m("火化证明", "原件", 1, true), m("逝者户籍信息", "电子", 0, true, null, "person.household"),
                        m("申领人居民身份证", "复印件", 1, true, null, "person.idNumber")),
                person(field("deceasedName", "逝者姓名", "text", true, null), field("deceasedIdNumber", "逝者公民身份号码", "text", true, null))));
        // 自然资源和规划局
        all.add(item("3799-ZRZYJ-XK-001", "zrzyj", "建设工程规划许可证核发", ItemType.LICENSING,
                "《中华人民共和国城乡规划法》第四十条；《中华人民共和国行政许可法》第四十二条",
                "已取得建设用地规划许可证或土地使用权证明，建设工程设计方案符合控制性详细规划和规划条件。",
                single(), 20, 10, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("建设工程规划许可申请表", "原件", 1, true), lic("营业执照", "YYZZ"), lic("不动产权证书（国有建设用地使用权）", "BDCQ"),
                        m("建设工程设计方案总平面图", "电子", 0, true)),
                company(field("projectName", "项目名称", "text", true, null), field("floorArea", "总建筑面积（平方米）", "number", true, null))));
        all.add(item("3799-ZRZYJ-QR-002", "zrzyj", "不动产转移登记（国有建设用地使用权及房屋所有权）", ItemType.CONFIRMATION,
                "《中华人民共和国民法典》第二百零九条、第二百一十条；《不动产登记暂行条例》第十四条、第二十条",
                "不动产权属清楚，买卖、赠与、继承等转移事实已经发生，当事人双方共同申请。",
                single(), 30, 5, "不动产登记费（住宅，含第一本证书工本费）", new BigDecimal("80"), ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("不动产登记申请书", "原件", 1, true), lic("不动产权证书", "BDCQ"), m("买卖合同或其他转移证明材料", "原件", 1, true),
                        m("申请人身份证明", "复印件", 1, true, null, "person.idNumber"), m("完税凭证", "电子", 0, true)),
                person(field("location", "不动产坐落", "text", true, null), field("price", "成交价格（元）", "number", true, null))));
        all.add(item("3799-ZRZYJ-XK-003", "zrzyj", "建设用地规划许可证核发", ItemType.LICENSING,
                "《中华人民共和国城乡规划法》第三十七条、第三十八条",
                "以划拨或出让方式取得国有土地使用权，建设项目符合国土空间规划和规划条件。",
                single(), 20, 7, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("建设用地规划许可申请表", "原件", 1, true), lic("营业执照", "YYZZ"), m("国有建设用地使用权出让合同或划拨决定书", "复印件", 1, true)),
                company(field("parcel", "宗地编号", "text", true, null))));
        // 生态环境局
        all.add(item("3799-STHJJ-XK-001", "sthjj", "建设项目环境影响报告书审批", ItemType.LICENSING,
                "《中华人民共和国环境影响评价法》第二十二条；《建设项目环境保护管理条例》第九条",
                "建设项目类型及其选址、布局、规模等符合环境保护法律法规和相关法定规划，环境影响报告书编制规范。",
                single(), 60, 30, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("建设项目环境影响评价文件审批申请书", "原件", 1, true), m("环境影响报告书（全本）", "电子", 0, true),
                        lic("营业执照", "YYZZ"), m("公众参与说明", "原件", 1, true)),
                company(field("projectName", "项目名称", "text", true, null), field("industry", "行业类别", "select", true, null))));
        all.add(item("3799-STHJJ-XK-002", "sthjj", "排污许可证核发", ItemType.LICENSING,
                "《中华人民共和国环境保护法》第四十五条；《排污许可管理条例》第十三条",
                "依法取得建设项目环境影响报告书（表）批准文件或已办理环境影响登记表备案；污染物排放符合排放标准和总量控制要求。",
                single(), 20, 15, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("排污许可证申请表", "电子", 0, true), lic("营业执照", "YYZZ"), m("自行监测方案", "电子", 0, true),
                        m("环境影响评价审批文件", "复印件", 1, true)),
                company(field("outlets", "排放口数量", "number", true, null))));
        // 卫生健康委员会
        all.add(item("3799-WJW-XK-001", "wjw", "医疗机构执业登记", ItemType.LICENSING,
                "《医疗机构管理条例》第十四条、第十五条；《医疗机构管理条例实施细则》第二十五条",
                "符合医疗机构基本标准，有适合的名称、组织机构和场所，有与其开展的业务相适应的经费、设施、设备和专业卫生技术人员。",
                single(), 45, 20, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("医疗机构申请执业登记注册书", "原件", 1, true), lic("营业执照", "YYZZ"), m("医疗机构用房产权证明或使用证明", "复印件", 1, true),
                        m("医疗机构规章制度", "原件", 1, true), m("卫生技术人员名录及资格证书", "复印件", 1, true)),
                company(field("institution", "医疗机构名称", "text", true, null), field("subjects", "诊疗科目", "select", true, null))));
        all.add(item("3799-WJW-GG-002", "wjw", "出生医学证明首次签发", ItemType.PUBLIC_SERVICE,
                "《中华人民共和国母婴保健法》第二十三条；《出生医学证明管理办法》",
                "新生儿在本市具有助产技术服务资质的医疗机构出生。",
                single(), 5, 1, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("新生儿父母的居民身份证", "原件", 1, true, null, "person.idNumber"), lic("结婚证", "JHZ"),
                        m("出生医学证明自填单", "原件", 1, true)),
                person(field("babyName", "新生儿姓名", "text", true, null), field("birthDate", "出生日期", "date", true, null))));
        // 教育局
        all.add(item("3799-JYJ-XK-001", "jyj", "实施学历教育的民办学校筹设和正式设立审批", ItemType.LICENSING,
                "《中华人民共和国民办教育促进法》第十二条、第十七条；《中华人民共和国民办教育促进法实施条例》",
                "举办者具备相应资格，学校有符合规定的章程、办学场所、资产和师资。",
                single(), 60, 40, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("申办报告", "原件", 1, true), m("举办者的资格证明文件", "复印件", 1, true), m("资产来源及资金数额证明", "原件", 1, true),
                        m("学校章程和首届理事会组成人员名单", "原件", 1, true)),
                company(field("schoolName", "学校名称", "text", true, null), field("level", "办学层次", "select", true, null))));
        all.add(item("3799-JYJ-XK-002", "jyj", "教师资格认定（初级中学）", ItemType.LICENSING,
                "《中华人民共和国教师法》第十条、第十三条；《教师资格条例》；《〈教师资格条例〉实施办法》第十四条",
                "遵守宪法和法律，热爱教育事业，具有良好的思想品德；具备规定的学历；中小学教师资格考试合格；普通话水平达到二级乙等以上；体检合格。",
                single(), 30, 20, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("居民身份证", "原件", 1, true, null, "person.idNumber"), m("学历证书", "电子", 0, true, null, "person.education"),
                        m("中小学教师资格考试合格证明", "电子", 0, true), m("普通话水平测试等级证书", "电子", 0, true), m("体检合格证明", "原件", 1, true)),
                person(field("subject", "任教学科", "select", true, null))));
        // 交通运输局
        all.add(item("3799-JTYSJ-XK-001", "jtysj", "道路货物运输经营许可", ItemType.LICENSING,
                "《中华人民共和国道路运输条例》第二十一条、第二十四条；《道路货物运输及站场管理规定》（交通运输部令2023年第12号）",
                "有与其经营业务相适应并经检测合格的车辆；有符合规定条件的驾驶人员；有健全的安全生产管理制度。",
                single(), 20, 10, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("道路货物运输经营申请表", "原件", 1, true), lic("营业执照", "YYZZ"), m("车辆行驶证及检测合格证明", "复印件", 1, true),
                        m("驾驶人员从业资格证", "复印件", 1, true), m("安全生产管理制度文本", "原件", 1, true)),
                company(field("vehicles", "车辆数量", "number", true, null))));
        all.add(item("3799-JTYSJ-XK-002", "jtysj", "出租汽车驾驶员从业资格证核发", ItemType.LICENSING,
                "《中华人民共和国道路运输条例》；《出租汽车驾驶员从业资格管理规定》（交通运输部令2021年第15号）第九条",
                "取得相应准驾车型机动车驾驶证并具有 3 年以上驾驶经历；无交通肇事犯罪、危险驾驶犯罪记录；考试合格。",
                single(), 10, 5, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("从业资格证申请表", "原件", 1, true), m("居民身份证", "原件", 1, true, null, "person.idNumber"), m("机动车驾驶证", "复印件", 1, true),
                        m("无犯罪记录证明", "原件", 1, true)),
                person(field("examDate", "考试合格日期", "date", true, null))));
        // 发展和改革委员会
        all.add(item("3799-FGW-XK-001", "fgw", "企业投资项目核准", ItemType.LICENSING,
                "《企业投资项目核准和备案管理条例》（国务院令第673号）第六条至第九条；《政府核准的投资项目目录》",
                "项目属于《政府核准的投资项目目录》范围，符合国家法律法规、发展规划、产业政策和准入标准。",
                parallel(), 20, 15, null, null, ProcessTemplate.PARALLEL, "fgw", List.of(step("zrzyj", 10), step("sthjj", 10)),
                List.of(m("项目申请报告", "电子", 0, true), lic("营业执照", "YYZZ"), m("用地预审与选址意见书", "复印件", 1, true),
                        m("法律法规要求的其他相关手续文件", "复印件", 1, false)),
                company(field("projectName", "项目名称", "text", true, null), field("investment", "总投资（万元）", "number", true, null))));
        all.add(item("3799-FGW-XK-002", "fgw", "固定资产投资项目节能审查", ItemType.LICENSING,
                "《中华人民共和国节约能源法》第十五条；《固定资产投资项目节能审查办法》（国家发展改革委令第2号）",
                "项目年综合能源消费量达到节能审查规定标准，节能报告编制规范。",
                single(), 20, 10, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("节能审查申请", "原件", 1, true), m("项目节能报告", "电子", 0, true), lic("营业执照", "YYZZ")),
                company(field("energy", "年综合能源消费量（吨标准煤）", "number", true, null))));
        // 统计局
        all.add(item("3799-TJJ-XK-001", "tjj", "部门统计调查项目审批", ItemType.LICENSING,
                "《中华人民共和国统计法》第十二条；《部门统计调查项目管理办法》（国家统计局令第22号）",
                "统计调查项目确有必要，与现有统计调查不重复，调查方案科学可行。",
                single(), 20, 15, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("统计调查项目审批申请表", "原件", 1, true), m("统计调查制度（含调查表式）", "电子", 0, true), m("论证或试点报告", "原件", 1, false)),
                company(field("surveyName", "调查项目名称", "text", true, null))));
        // 政务服务和大数据管理局
        all.add(item("3799-ZWFWJ-GG-001", "zwfwj", "政务服务“好差评”投诉处理", ItemType.PUBLIC_SERVICE,
                "《国务院办公厅关于建立政务服务“好差评”制度提高政务服务水平的意见》（国办发〔2019〕51号）",
                "办事人对政务服务作出差评或投诉，且事实清楚、诉求明确。",
                single(), 5, 3, null, null, ProcessTemplate.SINGLE, null, List.of(),
                List.of(m("投诉内容说明", "电子", 0, true), m("相关证明材料", "电子", 0, false)),
                person(field("caseNumber", "办件编号", "text", false, null), field("complaint", "投诉内容", "text", true, null))));
        return all;
    }

    // helpers that read like a guide

    static Demo item(String code, String department, String name, ItemType type, String basis, String conditions, String procedure,
            int legal, int promised, @Nullable String feeText, @Nullable BigDecimal feeAmount, ProcessTemplate template, @Nullable String lead,
            List<Step> steps, List<Material> materials, List<FormField> fields) {
        String[] w = WINDOWS.get(department);
        List<Window> windows = List.of(new Window(w[0], HOURS, w[1]), new Window("海川市政务服务网（全程网办）", "全天 24 小时", "0999-12345"));
        return new Demo(code, department, new ItemContent(name, type, basis, conditions, materials, procedure, legal, promised, feeText,
                feeAmount, windows, template, lead, steps, fields));
    }

    static Step step(String department, int days) {
        return new Step(department, days);
    }

    static Material m(String name, String form, int copies, boolean required) {
        return new Material("", name, form, copies, required, null, null);
    }

    static Material m(String name, String form, int copies, boolean required, @Nullable String licenceType, @Nullable String baseField) {
        return new Material("", name, form, copies, required, licenceType, baseField);
    }

    /** A material an electronic licence of the type replaces (免提交). */
    static Material lic(String name, String licenceType) {
        return new Material("", name, "电子", 0, true, licenceType, null);
    }

    static FormField field(String name, String label, String type, boolean required, @Nullable String prefill) {
        return new FormField(name, label, type, required, prefill);
    }

    /** An enterprise applicant's usual fields, pre-filled from the legal-person base database, and the item's own. */
    static List<FormField> company(FormField... own) {
        List<FormField> all = new ArrayList<>(List.of(field("companyName", "单位名称", "text", true, "legal.name"),
                field("creditCode", "统一社会信用代码", "text", true, "legal.creditCode"),
                field("legalRepresentative", "法定代表人", "text", true, "legal.legalRepresentative"),
                field("address", "住所", "text", true, "legal.address"), field("contactPhone", "联系电话", "text", true, null)));
        for (FormField f : own) {
            all.removeIf(x -> x.name().equals(f.name()));
            all.add(f);
        }
        return all;
    }

    /** A citizen applicant's usual fields, pre-filled from the population base database, and the item's own. */
    static List<FormField> person(FormField... own) {
        List<FormField> all = new ArrayList<>(List.of(field("applicantName", "申请人姓名", "text", true, "person.name"),
                field("idNumber", "公民身份号码", "text", true, "person.idNumber"), field("address", "现住址", "text", true, "person.address"),
                field("phone", "联系电话", "text", true, "person.phone")));
        for (FormField f : own) {
            all.removeIf(x -> x.name().equals(f.name()));
            all.add(f);
        }
        return all;
    }

    static String single() {
        return """
                1. 申请：通过海川市政务服务网在线申请，或到办理窗口提交材料；
                2. 受理：材料齐全、符合法定形式的当场受理；材料不齐全的，一次性告知需要补正的全部内容；
                3. 审查：承办处室对申请材料进行审查，必要时进行现场核查；
                4. 决定：作出准予或者不予许可（确认、给付）的书面决定，不予的说明理由；
                5. 送达：结果通过网上推送、邮寄或窗口领取送达，电子证照同步生成。""";
    }

    static String parallel() {
        return """
                1. 申请：申请人通过海川市政务服务网“一表申请、一套材料”提交；
                2. 受理：牵头部门综合窗口统一受理，材料不齐全的一次性告知补正；
                3. 并联审查：牵头部门将申请材料同步推送各并联部门，各部门在环节时限内同时审查并出具意见；
                4. 决定：牵头部门汇总各部门意见后作出决定；
                5. 送达：统一出件，电子证照同步生成。""";
    }

    static String sequence() {
        return """
                1. 申请：申请人一次提交全部材料；
                2. 受理：首个环节的部门受理，材料不齐全的一次性告知补正；
                3. 依次办理：各部门按环节顺序在环节时限内办理，前一环节办结后自动流转至下一环节；
                4. 办结：最后一个环节办结后统一送达结果。""";
    }
}
