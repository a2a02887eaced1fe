package org.zhengtong.basedata.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseField;
import org.zhengtong.basedata.LegalPersonField;
import org.zhengtong.basedata.PersonField;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.Resource;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.OpenType;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.directory.DirectoryManagement;

/**
 * The base databases in the catalog: at start-up the big-data bureau's resources 人口基础库 and 法人基础库 are
 * registered (once), with one data item per field after the key, so departments ask for them and are granted data
 * items like for any resource. In the demo city a few departments are granted different sets of items.
 */
@Component
@Order(30)
public class BaseResources implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BaseResources.class);

    static final String PERSON_NAME = "人口基础库";
    static final String LEGAL_PERSON_NAME = "法人基础库";

    private final CatalogManagement catalog;
    private final SharingManagement sharing;
    private final DirectoryManagement directory;
    private final Environment env;
    private final String bureau;
    private final Map<Base, String> codes = new EnumMap<>(Base.class);

    BaseResources(CatalogManagement catalog, SharingManagement sharing, DirectoryManagement directory, Environment env) {
        this.catalog = catalog;
        this.sharing = sharing;
        this.directory = directory;
        this.env = env;
        this.bureau = env.getProperty("zt.basedata.department", "zwfwj");
    }

    public String bureau() {
        return bureau;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.findOrgUnit(bureau).isEmpty()) {
            log.info("No department {} yet: the base databases' catalog resources wait for it.", bureau);
            return;
        }
        register();
        if (env.getProperty("zt.demo", Boolean.class, false)) {
            demoGrants();
        }
    }

    /** Registers both resources if they are not yet in the catalog; returns their codes. */
    public synchronized Map<Base, String> register() {
        for (Base base : Base.values()) {
            if (!codes.containsKey(base)) {
                Resource r = catalog.registerPlatformResource(bureau, draft(base));
                codes.put(base, r.code());
            }
        }
        return Map.copyOf(codes);
    }

    /** The catalog code of a base's resource, or null before it is registered. */
    public synchronized @Nullable String code(Base base) {
        if (!codes.containsKey(base) && directory.findOrgUnit(bureau).isPresent()) {
            register();
        }
        return codes.get(base);
    }

    public static String name(Base base) {
        return base == Base.PERSON ? PERSON_NAME : LEGAL_PERSON_NAME;
    }

    /** The catalog data item of the key. */
    public static String keyItem(Base base) {
        return base == Base.PERSON ? PersonField.KEY_LABEL : LegalPersonField.KEY_LABEL;
    }

    /** The data items of a base's resource: the key, then one per field, in field order. */
    public static List<String> items(Base base) {
        List<String> items = new ArrayList<>();
        items.add(keyItem(base));
        base.fields().forEach(f -> items.add(f.label()));
        return items;
    }

    private static ResourceDraft draft(Base base) {
        List<DataItem> items = new ArrayList<>();
        boolean person = base == Base.PERSON;
        items.add(new DataItem(keyItem(base), DataType.STRING, 18, null, true, true, person, person ? Standard.ID_NUMBER : Standard.CREDIT_CODE));
        for (BaseField f : base.fields()) {
            DataType type = switch (f.type()) {
                case DATE -> DataType.DATE;
                case NUMBER -> DataType.NUMBER;
                case TEXT -> DataType.STRING;
            };
            Standard standard = f.type() == BaseField.Type.DATE ? Standard.DATE : f.column().endsWith("division") ? Standard.DIVISION_CODE : null;
            items.add(new DataItem(f.label(), type, null, f.english(), false, false, f.personal(), standard));
        }
        String summary = person
                ? "全市人口基础信息，由公安、民政、人社、教育等部门的权威数据逐字段汇聚而成，按授权的信息项统一查询和核验。"
                : "全市法人单位基础信息，由市场监管、统计、税务等部门的权威数据逐字段汇聚而成，按授权的信息项统一查询和核验。";
        return new ResourceDraft(person ? "101001001" : "102001001", name(base), summary, Format.DATABASE, ShareType.CONDITIONAL,
                "仅限履行法定职责需要，每次查询须说明用途，个人信息按授权范围脱敏展示。", List.of(ShareWay.API), null, OpenType.NONE, null,
                UpdateCycle.REAL_TIME, LocalDate.now(), List.of(), List.of(name(base), "基础库"), "数据资源处", "0535-6000000",
                "sjc@haichuan.gov.example", items);
    }

    /** The demo city's grants: some departments everything, some without the personal items, some a few items. */
    private void demoGrants() {
        List<String> person = items(Base.PERSON);
        List<String> legal = items(Base.LEGAL_PERSON);
        Set<String> personal = Set.of(PersonField.KEY_LABEL, PersonField.PHONE.label(), PersonField.HOUSEHOLD_ADDRESS.label(),
                PersonField.CURRENT_ADDRESS.label());
        List<String> withoutPersonal = person.stream().filter(i -> !personal.contains(i)).toList();
        List<String> civil = List.of(PersonField.KEY_LABEL, PersonField.NAME.label(), PersonField.GENDER.label(), PersonField.BIRTH_DATE.label(),
                PersonField.HOUSEHOLD_DIVISION.label(), PersonField.MARITAL_STATUS.label(), PersonField.DEATH_DATE.label());
        List<String> basic = List.of(LegalPersonField.KEY_LABEL, LegalPersonField.NAME.label(), LegalPersonField.TYPE.label(),
                LegalPersonField.DIVISION.label(), LegalPersonField.STATUS.label(), LegalPersonField.INDUSTRY.label());
        grant(Base.PERSON, "gaj", person);
        grant(Base.PERSON, "rsj", person);
        grant(Base.PERSON, "jyj", withoutPersonal);
        grant(Base.PERSON, "mzj", civil);
        grant(Base.LEGAL_PERSON, "scjgj", legal);
        grant(Base.LEGAL_PERSON, "swj", legal);
        grant(Base.LEGAL_PERSON, "gaj", legal);
        grant(Base.LEGAL_PERSON, "rsj", basic);
        grant(Base.LEGAL_PERSON, "jyj", basic);
    }

    private void grant(Base base, String department, List<String> items) {
        String code = codes.get(base);
        if (code == null || directory.findOrgUnit(department).isEmpty()
                || sharing.grantsTo(department).stream().anyMatch(g -> g.resourceCode().equals(code))) {
            return;
        }
        LocalDate today = LocalDate.now(VisibleFields.CHINA);
        sharing.grantByPlatform(code, department, items, today, today.plusYears(3), "演示城市 demo city");
    }
}
