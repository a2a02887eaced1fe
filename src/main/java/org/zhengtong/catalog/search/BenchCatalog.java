package org.zhengtong.catalog.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A made-up but plausible catalog for {@link CatalogSearchBench}: the resources a prefecture-level city's
 * departments register (名称, 摘要, 信息项, 分类, 共享与开放属性), and the searches people run on it. Everything
 * follows from the seed, so every run indexes and searches the same data.
 */
final class BenchCatalog {

    static final List<String> CATEGORIES = List.of("基础", "主题", "部门");
    static final List<String> SHARE_TYPES = List.of("有条件共享", "无条件共享", "不予共享");
    static final List<String> OPEN_TYPES = List.of("不予开放", "有条件开放", "开放");
    static final List<String> FORMATS = List.of("数据库", "服务接口", "电子表格", "电子文件", "图形图像", "自描述格式", "流媒体");
    static final List<String> UPDATE_CYCLES = List.of("实时", "每日", "每周", "每月", "每季度", "每半年", "每年");

    private static final int[] CATEGORY_WEIGHTS = {20, 30, 50};
    private static final int[] SHARE_WEIGHTS = {45, 40, 15};
    private static final int[] OPEN_WEIGHTS = {60, 25, 15};
    private static final int[] FORMAT_WEIGHTS = {40, 20, 15, 15, 5, 3, 2};
    private static final int[] CYCLE_WEIGHTS = {10, 25, 10, 25, 12, 6, 12};

    static final String CITY = "海川市";
    static final List<String> DISTRICTS = List.of("东湖区", "西江区", "南山区");

    /** A subject a department keeps data on, where it sits in the catalogue, and its own data items. */
    record Subject(String word, String top, String middle, List<String> items) {}

    /** A department, whether its district branches register resources too, and its subjects. */
    record Department(String code, String name, boolean hasDistrictBranches, List<Subject> subjects) {}

    static final List<Department> DEPARTMENTS = List.of(
            new Department("gaj", "公安局", true, List.of(
                    subject("户籍", "人口", "户籍管理", "公民身份号码", "姓名", "户籍地址", "户主姓名", "与户主关系", "迁入日期"),
                    subject("常住人口", "人口", "户籍管理", "公民身份号码", "姓名", "性别", "民族", "出生日期", "居住地址"),
                    subject("流动人口", "人口", "居住登记", "公民身份号码", "姓名", "居住证号码", "居住地址", "登记日期"),
                    subject("居民身份证", "电子证照", "身份证件", "公民身份号码", "签发机关", "有效期限", "证件照片"),
                    subject("出入境证件", "电子证照", "出入境", "证件号码", "证件类型", "签发日期", "有效期至"),
                    subject("机动车", "交通出行", "车辆管理", "号牌号码", "车辆类型", "车辆识别代号", "所有人", "注册日期"),
                    subject("驾驶人", "交通出行", "驾驶证管理", "驾驶证号", "准驾车型", "初次领证日期", "记分"),
                    subject("交通违法", "公共安全", "道路交通", "违法时间", "违法地点", "违法行为", "处罚金额", "号牌号码"))),
            new Department("scjgj", "市场监督管理局", true, List.of(
                    subject("企业登记", "法人", "市场主体", "统一社会信用代码", "企业名称", "法定代表人", "注册资本", "成立日期", "经营范围", "住所"),
                    subject("个体工商户", "法人", "市场主体", "统一社会信用代码", "字号名称", "经营者姓名", "经营场所", "组成形式"),
                    subject("食品经营许可", "市场监管", "食品安全", "许可证编号", "经营者名称", "经营项目", "有效期至", "发证机关"),
                    subject("特种设备", "市场监管", "特种设备安全", "设备代码", "设备类别", "使用单位", "检验日期", "下次检验日期"),
                    subject("行政处罚", "社会信用", "失信惩戒", "处罚决定书文号", "当事人名称", "违法事实", "处罚内容", "处罚日期"),
                    subject("企业年报", "法人", "市场主体", "统一社会信用代码", "年报年度", "从业人数", "资产总额", "营业总收入"),
                    subject("商标", "市场监管", "知识产权", "商标注册号", "商标名称", "注册人", "核定使用商品"))),
            new Department("swj", "税务局", true, List.of(
                    subject("纳税", "社会信用", "纳税信用", "纳税人识别号", "纳税人名称", "税种", "应纳税额", "所属期"),
                    subject("欠税", "社会信用", "纳税信用", "纳税人识别号", "欠税税种", "欠税余额", "欠税发生日期"),
                    subject("纳税信用等级", "社会信用", "纳税信用", "纳税人识别号", "评价年度", "信用等级"),
                    subject("增值税发票", "市场监管", "发票管理", "发票代码", "发票号码", "开票日期", "金额", "税额", "销售方名称"),
                    subject("税务登记", "法人", "税务管理", "纳税人识别号", "登记注册类型", "主管税务机关", "登记日期"),
                    subject("个人所得税", "社会保障", "个人收入", "公民身份号码", "所得项目", "收入额", "已缴税额"))),
            new Department("rsj", "人力资源和社会保障局", true, List.of(
                    subject("社保缴纳", "社会保障", "社会保险", "公民身份号码", "参保单位", "险种", "缴费基数", "缴费月份", "缴费金额"),
                    subject("养老保险", "社会保障", "社会保险", "公民身份号码", "参保状态", "累计缴费月数", "养老金领取金额"),
                    subject("失业登记", "社会保障", "就业创业", "公民身份号码", "失业原因", "登记日期", "失业保险金"),
                    subject("就业登记", "社会保障", "就业创业", "公民身份号码", "用工单位", "就业日期", "岗位"),
                    subject("职业资格", "电子证照", "职业能力", "证书编号", "职业名称", "等级", "发证日期"),
                    subject("工伤认定", "社会保障", "社会保险", "公民身份号码", "受伤时间", "认定结论", "用人单位"),
                    subject("社会保障卡", "电子证照", "社会保险", "社会保障卡号", "姓名", "发卡日期", "卡状态"))),
            new Department("mzj", "民政局", true, List.of(
                    subject("婚姻登记", "人口", "婚姻家庭", "男方姓名", "女方姓名", "登记类型", "登记日期", "结婚证字号"),
                    subject("最低生活保障", "社会保障", "社会救助", "公民身份号码", "保障人数", "保障金额", "审批日期"),
                    subject("社会组织", "法人", "社会组织", "统一社会信用代码", "组织名称", "业务主管单位", "登记日期"),
                    subject("养老机构", "社会保障", "养老服务", "机构名称", "床位数", "收住老人数", "地址"),
                    subject("残疾人补贴", "社会保障", "社会福利", "公民身份号码", "残疾等级", "补贴类型", "发放金额"),
                    subject("殡葬", "人口", "殡葬服务", "逝者姓名", "死亡日期", "火化日期", "殡仪馆"),
                    subject("区划地名", "自然资源和空间地理", "地名", "地名代码", "标准名称", "所属行政区划", "坐标"))),
            new Department("zrzyj", "自然资源和规划局", false, List.of(
                    subject("不动产", "自然资源和空间地理", "不动产登记", "不动产单元号", "权利人", "坐落", "面积", "用途", "权利类型"),
                    subject("不动产抵押", "自然资源和空间地理", "不动产登记", "不动产单元号", "抵押权人", "债权数额", "抵押期限"),
                    subject("土地利用", "自然资源和空间地理", "国土调查", "图斑编号", "地类", "面积", "权属单位"),
                    subject("国土空间规划", "城乡建设", "规划管理", "规划编号", "规划名称", "用地性质", "容积率"),
                    subject("建设用地规划许可", "城乡建设", "规划管理", "许可证号", "用地单位", "用地面积", "发证日期"),
                    subject("测绘成果", "自然资源和空间地理", "测绘地理信息", "成果名称", "比例尺", "坐标系", "生产日期"),
                    subject("矿业权", "自然资源和空间地理", "矿产资源", "许可证号", "矿山名称", "开采矿种", "有效期"))),
            new Department("tjj", "统计局", false, List.of(
                    subject("人口普查", "人口", "人口统计", "普查区", "常住人口数", "户数", "性别比", "年龄构成"),
                    subject("经济普查", "法人", "经济统计", "单位名称", "行业代码", "从业人员", "营业收入"),
                    subject("地区生产总值", "宏观经济", "国民经济核算", "地区", "年度", "生产总值", "增长率"),
                    subject("规模以上工业", "宏观经济", "工业统计", "企业名称", "工业总产值", "主营业务收入", "利润总额"),
                    subject("居民收入", "宏观经济", "住户调查", "调查户编码", "可支配收入", "消费支出", "年度"),
                    subject("居民消费价格", "宏观经济", "价格统计", "商品类别", "价格指数", "统计月份"))),
            new Department("fgw", "发展和改革委员会", false, List.of(
                    subject("投资项目", "宏观经济", "投资管理", "项目代码", "项目名称", "建设单位", "总投资", "审批结果"),
                    subject("公共信用", "社会信用", "信用信息", "统一社会信用代码", "主体名称", "信用记录", "认定单位"),
                    subject("价格监测", "宏观经济", "价格管理", "监测品种", "监测价格", "监测日期", "监测点"),
                    subject("重点项目", "宏观经济", "投资管理", "项目名称", "年度计划投资", "完成投资", "形象进度"))),
            new Department("zjj", "住房和城乡建设局", true, List.of(
                    subject("建筑企业资质", "城乡建设", "建筑市场", "资质证书编号", "企业名称", "资质类别", "资质等级"),
                    subject("商品房预售", "城乡建设", "房地产市场", "预售许可证号", "项目名称", "预售面积", "开发企业"),
                    subject("施工许可", "城乡建设", "工程建设", "施工许可证编号", "工程名称", "建设单位", "合同价格"),
                    subject("住房公积金", "社会保障", "住房保障", "公积金账号", "缴存基数", "缴存比例", "账户余额"),
                    subject("物业服务", "城乡建设", "物业管理", "物业项目名称", "物业服务企业", "收费标准"))),
            new Department("sthjj", "生态环境局", false, List.of(
                    subject("环境监测", "生态环境", "环境质量", "监测站点", "监测时间", "监测项目", "监测值"),
                    subject("空气质量", "生态环境", "环境质量", "监测站点", "PM2.5浓度", "PM10浓度", "空气质量指数", "首要污染物"),
                    subject("排污许可", "生态环境", "污染源管理", "许可证编号", "排污单位名称", "行业类别", "有效期限"),
                    subject("水质", "生态环境", "环境质量", "断面名称", "水质类别", "化学需氧量", "氨氮"),
                    subject("环境影响评价", "生态环境", "环评管理", "项目名称", "建设单位", "审批文号", "审批日期"))),
            new Department("wjw", "卫生健康委员会", true, List.of(
                    subject("医疗机构", "医疗健康", "医疗服务", "医疗机构名称", "机构类别", "床位数", "诊疗科目", "执业许可证号"),
                    subject("医师执业", "医疗健康", "医疗服务", "医师姓名", "执业证书编码", "执业类别", "执业范围", "执业地点"),
                    subject("出生医学证明", "人口", "出生登记", "新生儿姓名", "出生日期", "出生地点", "母亲姓名", "证明编号"),
                    subject("疫苗接种", "医疗健康", "公共卫生", "受种者姓名", "疫苗名称", "接种日期", "接种单位"),
                    subject("传染病", "医疗健康", "疾病预防控制", "病种", "报告日期", "报告单位", "病例数"),
                    subject("健康档案", "医疗健康", "公共卫生", "档案编号", "姓名", "既往病史", "建档日期"))),
            new Department("jyj", "教育局", true, List.of(
                    subject("学校", "教育文化", "学校管理", "学校名称", "学校标识码", "办学类型", "学生人数", "教职工人数"),
                    subject("学籍", "教育文化", "学生管理", "学籍号", "学生姓名", "就读学校", "年级", "入学日期"),
                    subject("教师资格", "电子证照", "教师管理", "证书号码", "姓名", "资格种类", "任教学科"),
                    subject("招生", "教育文化", "招生考试", "报名号", "考生姓名", "录取学校", "录取批次"),
                    subject("校外培训机构", "教育文化", "学校管理", "机构名称", "办学许可证号", "培训类别", "地址"))),
            new Department("jtysj", "交通运输局", false, List.of(
                    subject("道路运输", "交通出行", "道路运输管理", "道路运输证号", "业户名称", "经营范围", "车辆数"),
                    subject("营运车辆", "交通出行", "道路运输管理", "车牌号码", "车辆类型", "核定载客", "年审日期"),
                    subject("公交线路", "交通出行", "城市公交", "线路编号", "线路名称", "首末班时间", "站点数"),
                    subject("出租汽车", "交通出行", "客运管理", "车牌号码", "经营企业", "驾驶员姓名", "从业资格证号"),
                    subject("公路建设", "城乡建设", "交通建设", "项目名称", "里程", "技术等级", "建设单位"))),
            new Department("zwfwj", "政务服务和大数据管理局", false, List.of(
                    subject("政务服务事项", "政务服务", "事项管理", "事项编码", "事项名称", "实施主体", "办理时限"),
                    subject("办件", "政务服务", "办件管理", "办件编号", "申请人", "事项名称", "受理日期", "办结日期"),
                    subject("电子证照", "电子证照", "证照管理", "证照编号", "证照类型", "持证主体", "颁发日期"),
                    subject("好差评", "政务服务", "评价管理", "评价编号", "评价等级", "评价渠道", "评价日期"),
                    subject("12345热线", "政务服务", "热线管理", "工单编号", "诉求类型", "诉求内容", "承办单位"))));

    private static final List<String> COMMON_ITEMS = List.of(
            "数据更新时间", "数据来源", "记录状态", "备注", "联系电话", "所属区划", "经办机构", "经办人");

    private static final List<String> NAME_PATTERNS = List.of(
            "%s基本信息", "%s登记信息", "%s许可信息", "%s统计数据", "%s变更信息", "%s注销信息", "%s年度报告",
            "%s办理结果", "%s明细", "%s台账", "%s核查结果", "%s电子证照", "%s数据接口", "%s查询服务", "%s汇总信息");

    private static final List<String> PURPOSES = List.of(
            "政务服务“一网通办”", "跨部门业务协同", "宏观经济运行分析", "事中事后监管", "基层社会治理", "公共信用评价",
            "应急管理与处置", "困难群众精准救助", "城市运行监测", "领导决策参考");

    private static final List<String> EXTRA_KEYWORDS = List.of("一网通办", "数据共享", "跨省通办", "信用", "民生", "监管", "统计");

    private BenchCatalog() {}

    private static Subject subject(String word, String top, String middle, String... items) {
        return new Subject(word, top, middle, List.of(items));
    }

    /** {@code count} resources with distinct codes. */
    static List<IndexedResource> entries(int count, long seed) {
        Random random = new Random(seed);
        Map<String, Integer> sequences = new HashMap<>();
        List<IndexedResource> entries = new ArrayList<>(count);
        LocalDate firstPublication = LocalDate.of(2019, 1, 1);
        for (int i = 0; i < count; i++) {
            Department department = pick(random, DEPARTMENTS);
            int subjectIndex = random.nextInt(department.subjects().size());
            Subject subject = department.subjects().get(subjectIndex);
            String place = department.hasDistrictBranches() && random.nextInt(10) < 3 ? pick(random, DISTRICTS) : CITY;
            String provider = place + department.name();
            String category = CATEGORIES.get(weighted(random, CATEGORY_WEIGHTS));
            String classification = ("部门".equals(category) ? department.name() : subject.top()) + "-" + subject.middle() + "-" + subject.word();
            String prefix = "%d%02d%03d%03d".formatted(
                    CATEGORIES.indexOf(category) + 1,
                    DEPARTMENTS.indexOf(department) + 1,
                    Math.floorMod(subject.middle().hashCode(), 1000),
                    subjectIndex + 1);
            int sequence = sequences.merge(prefix, 1, Integer::sum);
            String code = prefix + "/" + "%05d".formatted(sequence);

            String name = name(random, subject, place);
            String shareType = SHARE_TYPES.get(weighted(random, SHARE_WEIGHTS));
            String updateCycle = UPDATE_CYCLES.get(weighted(random, CYCLE_WEIGHTS));
            List<String> items = items(random, subject);
            String summary = summary(random, provider, subject, items, shareType, updateCycle);
            Set<String> keywords = new LinkedHashSet<>(List.of(subject.word(), subject.middle()));
            if (random.nextBoolean()) {
                keywords.add(pick(random, EXTRA_KEYWORDS));
            }
            entries.add(new IndexedResource(
                    code,
                    1 + random.nextInt(4),
                    name,
                    summary,
                    List.copyOf(keywords),
                    place.equals(CITY) ? department.code() : department.code() + "-" + (DISTRICTS.indexOf(place) + 1),
                    provider,
                    category,
                    classification,
                    shareType,
                    OPEN_TYPES.get(weighted(random, OPEN_WEIGHTS)),
                    FORMATS.get(weighted(random, FORMAT_WEIGHTS)),
                    updateCycle,
                    items,
                    firstPublication.plusDays(random.nextInt(7 * 365))));
        }
        return entries;
    }

    private static String name(Random random, Subject subject, String place) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            return (2015 + random.nextInt(11)) + "年" + subject.word() + "统计数据";
        }
        if (kind == 1 && !place.equals(CITY)) {
            return place + subject.word() + "信息";
        }
        if (kind == 2) {
            return subject.middle() + subject.word() + pick(random, List.of("信息", "数据", "情况"));
        }
        return pick(random, NAME_PATTERNS).formatted(subject.word());
    }

    private static List<String> items(Random random, Subject subject) {
        Set<String> items = new LinkedHashSet<>(subject.items());
        int common = random.nextInt(4);
        for (int i = 0; i < common; i++) {
            items.add(pick(random, COMMON_ITEMS));
        }
        return List.copyOf(items);
    }

    private static String summary(
            Random random, String provider, Subject subject, List<String> items, String shareType, String updateCycle) {
        String some = String.join("、", items.subList(0, Math.min(items.size(), 2 + random.nextInt(3))));
        String share = switch (shareType) {
            case "无条件共享" -> "各部门可直接调用";
            case "有条件共享" -> "经申请审核后共享";
            default -> "依法不予共享";
        };
        return switch (random.nextInt(3)) {
            case 0 -> "本资源由" + provider + "提供，记录" + subject.word() + "相关的" + some + "等信息，" + updateCycle
                    + "更新，主要用于" + pick(random, PURPOSES) + "。";
            case 1 -> provider + "在" + subject.middle() + "工作中形成的" + subject.word() + "数据，包括" + some + "，"
                    + share + "，用于" + pick(random, PURPOSES) + "。";
            default -> "汇集全市" + subject.word() + "的" + some + "等内容，数据" + updateCycle + "更新，" + share + "。";
        };
    }

    /** A search as someone would type it, the filter they picked, and the words a LIKE baseline looks for. */
    record BenchQuery(String kind, String text, Map<String, Set<String>> filters, List<String> likeWords) {
        SearchQuery toSearchQuery() {
            return new SearchQuery(text, filters, 0, SearchQuery.DEFAULT_LIMIT);
        }
    }

    /** {@code count} varied searches over the vocabulary of {@link #entries}. */
    static List<BenchQuery> queries(int count, long seed) {
        Random random = new Random(seed);
        List<BenchQuery> queries = new ArrayList<>(count);
        List<String> generic = List.of("登记", "许可", "统计数据", "基本信息", "年度报告", "变更", "注销", "核查", "电子证照",
                "查询服务", "法定代表人", "统一社会信用代码", "公民身份号码", "有效期", "缴费基数", "监测站点", "床位数");
        List<String> partial = List.of("公安", "税务", "社保", "民政", "市场监督", "卫生健康", "不动", "营运", "学籍号", "疫苗");
        while (queries.size() < count) {
            Department department = pick(random, DEPARTMENTS);
            Subject subject = pick(random, department.subjects());
            int kind = random.nextInt(100);
            BenchQuery query;
            if (kind < 28) {
                query = plain("word", subject.word());
            } else if (kind < 38) {
                query = plain("generic", pick(random, generic));
            } else if (kind < 50) {
                String pattern = pick(random, List.of("登记", "许可", "统计", "变更", "信息", "年度报告"));
                query = new BenchQuery("two-words", subject.word() + " " + pattern, Map.of(), List.of(subject.word(), pattern));
            } else if (kind < 64) {
                String space = random.nextBoolean() ? " " : "";
                query = new BenchQuery("department+subject", department.name() + space + subject.word(), Map.of(),
                        List.of(department.name(), subject.word()));
            } else if (kind < 80) {
                BenchQuery base = random.nextBoolean() ? plain("word", subject.word()) : plain("generic", pick(random, generic));
                Map<String, Set<String>> filter = switch (random.nextInt(5)) {
                    case 0 -> Map.of("provider", Set.of(CITY + department.name()));
                    case 1 -> Map.of("shareType", Set.of(pick(random, SHARE_TYPES)));
                    case 2 -> Map.of("updateCycle", Set.of(pick(random, UPDATE_CYCLES)));
                    case 3 -> Map.of("format", Set.of(pick(random, FORMATS)));
                    default -> Map.of("openType", Set.of(pick(random, OPEN_TYPES)), "category", Set.of(pick(random, CATEGORIES)));
                };
                query = new BenchQuery(base.kind() + "+filter", base.text(), filter, base.likeWords());
            } else if (kind < 92) {
                String words = random.nextBoolean() ? subject.word() : subject.word() + pick(random, List.of("登记", "基本信息", "统计数据"));
                StringBuilder initials = new StringBuilder();
                for (char c : words.toCharArray()) {
                    char[] of = PinyinInitials.of(c);
                    if (of.length > 0) {
                        initials.append(of[0]);
                    }
                }
                String typed = initials.toString().replaceAll("[^a-z]", "");
                query = typed.length() >= 2 ? plain("pinyin", typed) : plain("word", subject.word());
            } else if (kind < 97) {
                query = plain("partial", pick(random, partial));
            } else {
                query = plain("blank", "");
            }
            queries.add(query);
        }
        return queries;
    }

    private static BenchQuery plain(String kind, String text) {
        return new BenchQuery(kind, text, Map.of(), text.isBlank() ? List.of() : List.of(text));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static int weighted(Random random, int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
