package org.zhengtong.licence.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.licence.Licences;
import org.zhengtong.licence.NewLicence;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.OrganizationCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * The demo city's licences (演示电子证照): eight licence types of 海川市's departments — 营业执照 and 食品经营许可证 of
 * 市场监管局, 建筑工程施工许可证 of 住建局, 不动产权证书 of 自然资源和规划局, 结婚证 of 民政局, 居民户口簿 of 公安局,
 * 人力资源服务许可证 of 人社局 and 排污许可证 of 生态环境局 — and about twenty licences of a few demo residents and
 * companies, among them an expired food business licence and a revoked construction permit. The licence library is
 * granted to the departments that check applicants' documents most.
 *
 * <p>Runs with {@code zt.demo}, after the demo city and the licence library's registration, once: when the demo types
 * are there it does nothing. The holders' ID numbers and credit codes are computed with their check characters, so
 * they are valid, but they belong to no one.
 */
@Component
@Order(50)
class DemoLicences implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLicences.class);

    /** Departments granted the licence library in the demo city; 生态环境局 and 交通运输局 are left without. */
    static final List<String> GRANTED = List.of("scjgj", "zjj", "rsj", "gaj", "mzj", "zrzyj");

    private final LicenceStore store;
    private final Licences licences;
    private final LicenceLibrary library;
    private final DirectoryManagement directory;
    private final Environment env;

    DemoLicences(LicenceStore store, Licences licences, LicenceLibrary library, DirectoryManagement directory, Environment env) {
        this.store = store;
        this.licences = licences;
        this.library = library;
        this.directory = directory;
        this.env = env;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!env.getProperty("zt.demo", Boolean.class, false) || store.type("JY").isPresent()) {
            return;
        }
        if (directory.findOrgUnit("scjgj").isEmpty()) {
            log.info("No demo city: the demo licences are not loaded.");
            return;
        }
        try {
            load();
        } catch (RuntimeException e) {
            // The demo is an extra: the platform starts without it, and the log says why.
            log.warn("The demo licences were not loaded: {}", e.toString(), e);
        }
    }

    void load() {
        types();
        GRANTED.forEach(d -> library.grant(d, "演示城市 电子证照共享"));
        int issued = licencesOfTheDemoCity();
        log.info("Loaded the demo licences: {} types, {} licences.", store.types().size(), issued);
    }

    private void types() {
        type("YYZZ", "营业执照", "scjgj", "ENTERPRISE", null, 10, "companyType", "类型", "legalRepresentative", "法定代表人",
                "registeredCapital", "注册资本", "establishedOn", "成立日期", "address", "住所", "scope", "经营范围");
        type("JY", "食品经营许可证", "scjgj", "ENTERPRISE", 5, 20, "legalRepresentative", "法定代表人（负责人）", "address", "经营场所",
                "mainBusiness", "主体业态", "scope", "经营项目", "supervisor", "日常监督管理机构", "complaintPhone", "投诉举报电话");
        type("SGXK", "建筑工程施工许可证", "zjj", "ENTERPRISE", null, 30, "projectName", "工程名称", "projectAddress", "建设地址",
                "scale", "建设规模", "contractPrice", "合同价格", "designer", "设计单位", "contractor", "施工单位", "supervisor", "监理单位",
                "contractPeriod", "合同工期");
        type("BDCQ", "不动产权证书", "zrzyj", "PERSON", null, 40, "location", "坐落", "unitNumber", "不动产单元号", "rightType", "权利类型",
                "rightNature", "权利性质", "use", "用途", "area", "面积", "coOwnership", "共有情况", "landTerm", "使用期限");
        type("JHZ", "结婚证", "mzj", "PERSON", null, 50, "spouseName", "配偶姓名", "spouseIdNumber", "配偶身份证件号",
                "registeredOn", "登记日期", "registrar", "登记机关");
        type("HKB", "居民户口簿", "gaj", "PERSON", null, 60, "householdType", "户别", "householdHead", "户主姓名",
                "relation", "与户主关系", "address", "住址", "policeStation", "户口登记机关");
        type("RLZY", "人力资源服务许可证", "rsj", "ENTERPRISE", 5, 70, "legalRepresentative", "法定代表人", "address", "住所",
                "scope", "服务范围");
        type("PWXK", "排污许可证", "sthjj", "ENTERPRISE", 5, 80, "industry", "行业类别", "address", "生产经营场所地址",
                "pollutants", "主要污染物类别", "legalRepresentative", "法定代表人（主要负责人）");
    }

    private void type(String code, String name, String issuer, String kind, Integer years, int order, String... fields) {
        Map<String, String> f = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            f.put(fields[i], fields[i + 1]);
        }
        store.saveType(new LicenceStore.TypeRow(code, name, issuer, kind, years, f, order));
    }

    /** The demo residents' and companies' licences; returns how many were issued. */
    private int licencesOfTheDemoCity() {
        LocalDate today = LocalDate.now(LicenceLibrary.CHINA);
        String zhangWei = person("379902", "19800315", "131");
        String liNa = person("379902", "19820621", "242");
        String wangFang = person("379903", "19760908", "368");
        String liuYang = person("379904", "19910127", "415");
        String chenJing = person("379903", "19880430", "526");
        String restaurant = company("379902", 101);
        String builder = company("379900", 202);
        String supermarket = company("379903", 303);
        String agency = company("379900", 404);
        String chemicals = company("379904", 505);
        int n = 0;

        n += issue("YYZZ", restaurant, "海川市东湖区味香园餐饮有限公司", LocalDate.of(2019, 5, 20), null, "scjgj",
                "companyType", "有限责任公司（自然人投资或控股）", "legalRepresentative", "周建华", "registeredCapital", "伍拾万元整",
                "establishedOn", "2019-05-20", "address", "海川市东湖区滨海路 88 号 1 层", "scope", "餐饮服务；食品销售（仅销售预包装食品）。");
        n += issue("JY", restaurant, "海川市东湖区味香园餐饮有限公司", LocalDate.of(2024, 6, 3), null, "scjgj",
                "legalRepresentative", "周建华", "address", "海川市东湖区滨海路 88 号 1 层", "mainBusiness", "餐饮服务经营者（中型餐馆）",
                "scope", "热食类食品制售；冷食类食品制售；自制饮品制售", "supervisor", "海川市东湖区市场监督管理局", "complaintPhone", "12315");
        n += issue("YYZZ", builder, "海川滨海建设集团有限公司", LocalDate.of(2008, 9, 1), null, "scjgj",
                "companyType", "有限责任公司", "legalRepresentative", "高志远", "registeredCapital", "贰亿元整", "establishedOn", "2008-09-01",
                "address", "海川市南山区科技大道 1 号", "scope", "房屋建筑工程施工总承包；市政公用工程施工总承包；建筑装饰装修工程。");
        n += issue("SGXK", builder, "海川滨海建设集团有限公司", today.minusMonths(2), null, "zjj",
                "projectName", "海川市东湖区第二实验小学新建工程", "projectAddress", "海川市东湖区学府路与明德街交叉口东北角",
                "scale", "总建筑面积 28650 平方米，地上 5 层", "contractPrice", "11860 万元", "designer", "海川市建筑设计研究院有限公司",
                "contractor", "海川滨海建设集团有限公司", "supervisor", "海川正信工程监理有限公司", "contractPeriod", "540 日历天");
        n += issue("SGXK", builder, "海川滨海建设集团有限公司", today.minusMonths(14), null, "zjj",
                "projectName", "海川市西江区滨江花园三期 5# 楼", "projectAddress", "海川市西江区江滨路 166 号", "scale", "总建筑面积 15320 平方米，地上 18 层",
                "contractPrice", "5260 万元", "designer", "海川市建筑设计研究院有限公司", "contractor", "海川滨海建设集团有限公司",
                "supervisor", "海川正信工程监理有限公司", "contractPeriod", "600 日历天");
        n += issue("YYZZ", supermarket, "海川市西江区惠民超市有限公司", LocalDate.of(2015, 3, 2), null, "scjgj",
                "companyType", "有限责任公司（自然人独资）", "legalRepresentative", "孙丽", "registeredCapital", "壹佰万元整", "establishedOn", "2015-03-02",
                "address", "海川市西江区人民路 45 号", "scope", "食品销售；日用百货销售。");
        n += issue("JY", supermarket, "海川市西江区惠民超市有限公司", LocalDate.of(2020, 3, 1), LocalDate.of(2025, 2, 28), "scjgj",
                "legalRepresentative", "孙丽", "address", "海川市西江区人民路 45 号", "mainBusiness", "食品销售经营者（超市）",
                "scope", "预包装食品（含冷藏冷冻食品）销售；散装食品（不含冷藏冷冻食品）销售", "supervisor", "海川市西江区市场监督管理局",
                "complaintPhone", "12315");
        n += issue("YYZZ", agency, "海川众诚人力资源服务有限公司", LocalDate.of(2021, 11, 8), null, "scjgj",
                "companyType", "有限责任公司", "legalRepresentative", "韩梅", "registeredCapital", "伍佰万元整", "establishedOn", "2021-11-08",
                "address", "海川市东湖区金融街 9 号 12 层", "scope", "职业中介活动；劳务派遣服务；人力资源服务。");
        n += issue("RLZY", agency, "海川众诚人力资源服务有限公司", LocalDate.of(2022, 1, 10), null, "rsj",
                "legalRepresentative", "韩梅", "address", "海川市东湖区金融街 9 号 12 层", "scope", "为劳动者介绍用人单位；为用人单位推荐劳动者；组织开展现场招聘会");
        n += issue("PWXK", chemicals, "海川蓝海化工有限公司", LocalDate.of(2023, 7, 15), null, "sthjj",
                "industry", "无机盐制造", "address", "海川市南山区临港化工园区纬三路 2 号", "pollutants", "颗粒物，二氧化硫，氮氧化物，化学需氧量，氨氮",
                "legalRepresentative", "郑海涛");
        n += issue("BDCQ", zhangWei, "张伟", LocalDate.of(2018, 10, 12), null, "zrzyj",
                "location", "海川市东湖区海棠花园 7 幢 2 单元 1502 室", "unitNumber", "379902001001GB00012F00071502", "rightType", "国有建设用地使用权/房屋所有权",
                "rightNature", "出让/市场化商品房", "use", "城镇住宅用地/住宅", "area", "共有宗地面积 23560 平方米/房屋建筑面积 118.6 平方米",
                "coOwnership", "共同共有", "landTerm", "2006 年 03 月 01 日起 2076 年 02 月 28 日止");
        n += issue("JHZ", zhangWei, "张伟", LocalDate.of(2010, 10, 1), null, "mzj",
                "spouseName", "李娜", "spouseIdNumber", liNa, "registeredOn", "2010-10-01", "registrar", "海川市东湖区民政局");
        n += issue("JHZ", liNa, "李娜", LocalDate.of(2010, 10, 1), null, "mzj",
                "spouseName", "张伟", "spouseIdNumber", zhangWei, "registeredOn", "2010-10-01", "registrar", "海川市东湖区民政局");
        n += issue("HKB", zhangWei, "张伟", LocalDate.of(2011, 4, 6), null, "gaj",
                "householdType", "家庭户", "householdHead", "张伟", "relation", "户主", "address", "海川市东湖区海棠花园 7 幢 2 单元 1502 室",
                "policeStation", "海川市公安局东湖分局海棠派出所");
        n += issue("HKB", liNa, "李娜", LocalDate.of(2011, 4, 6), null, "gaj",
                "householdType", "家庭户", "householdHead", "张伟", "relation", "妻", "address", "海川市东湖区海棠花园 7 幢 2 单元 1502 室",
                "policeStation", "海川市公安局东湖分局海棠派出所");
        n += issue("BDCQ", wangFang, "王芳", LocalDate.of(2021, 6, 18), null, "zrzyj",
                "location", "海川市西江区江滨路 166 号滨江花园 2 幢 801 室", "unitNumber", "379903002003GB00045F00020801", "rightType", "国有建设用地使用权/房屋所有权",
                "rightNature", "出让/市场化商品房", "use", "城镇住宅用地/住宅", "area", "共有宗地面积 41200 平方米/房屋建筑面积 89.3 平方米",
                "coOwnership", "单独所有", "landTerm", "2015 年 09 月 10 日起 2085 年 09 月 09 日止");
        n += issue("HKB", liuYang, "刘洋", LocalDate.of(2016, 8, 22), null, "gaj",
                "householdType", "集体户", "householdHead", "海川市南山区人才服务中心集体户", "relation", "集体户成员",
                "address", "海川市南山区科技大道 20 号", "policeStation", "海川市公安局南山分局科技城派出所");
        n += issue("HKB", chenJing, "陈静", LocalDate.of(2013, 1, 9), null, "gaj",
                "householdType", "家庭户", "householdHead", "陈静", "relation", "户主", "address", "海川市西江区人民路 12 号 3 单元 402 室",
                "policeStation", "海川市公安局西江分局人民路派出所");
        // A permit whose project was cancelled: revoked by 住建局, so its public page shows 已注销.
        licences.revoke(revocable(builder), "建设单位申请撤回，项目终止建设");
        return n;
    }

    private String revocable(String builder) {
        return store.byHolder(builder).stream().filter(r -> r.data().getOrDefault("projectName", "").contains("滨江花园"))
                .map(LicenceStore.LicenceRow::number).findFirst().orElseThrow();
    }

    private int issue(String type, String holder, String name, LocalDate from, LocalDate until, String issuer, String... data) {
        Map<String, String> d = new LinkedHashMap<>();
        for (int i = 0; i < data.length; i += 2) {
            d.put(data[i], data[i + 1]);
        }
        licences.issue(new NewLicence(type, holder, name, from, until, d, null), issuer);
        return 1;
    }

    static String person(String division, String birth, String sequence) {
        String first17 = division + birth + sequence;
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    /** An enterprise's credit code (registration authority 9, type 1: a company) in the demo city. */
    static String company(String division, int serial) {
        String first8 = String.format("%08d", 35_000_000 + serial * 13);
        String first17 = "91" + division + first8 + OrganizationCode.checkCharacter(first8);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
