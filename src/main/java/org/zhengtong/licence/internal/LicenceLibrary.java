package org.zhengtong.licence.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.DataItem;
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
 * The licence library (电子证照库) in the catalog: a base resource of the big-data bureau, registered at start-up
 * (once) under 电子证照基础信息, so that a department which wants to find licences by holder across departments asks
 * for it and is granted it like any other resource. A department may query by holder only while it holds an active
 * grant of every data item; the bureau that keeps the library needs none.
 */
@Component
@Order(30)
public class LicenceLibrary implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LicenceLibrary.class);

    public static final String NAME = "电子证照库";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The data items, in order; a grant must cover all of them. */
    public static final List<String> ITEMS = List.of("证照编号", "证照类型", "持证主体代码", "持证主体名称", "颁证单位", "颁证日期",
            "有效期起始", "有效期截止", "证照状态", "照面信息");

    private final CatalogManagement catalog;
    private final SharingManagement sharing;
    private final DirectoryManagement directory;
    private final String bureau;
    private @Nullable String code;

    LicenceLibrary(CatalogManagement catalog, SharingManagement sharing, DirectoryManagement directory, Environment env) {
        this.catalog = catalog;
        this.sharing = sharing;
        this.directory = directory;
        this.bureau = env.getProperty("zt.licence.library-department", "zwfwj");
    }

    /** The department that keeps the library and sees all of it. */
    public String bureau() {
        return bureau;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (directory.findOrgUnit(bureau).isEmpty()) {
            log.info("No department {} yet: the licence library's catalog resource waits for it.", bureau);
            return;
        }
        code();
    }

    /** The library's catalog code, registering it first if needed; null while its department does not exist. */
    public synchronized @Nullable String code() {
        if (code == null && directory.findOrgUnit(bureau).isPresent()) {
            code = catalog.registerPlatformResource(bureau, draft()).code();
        }
        return code;
    }

    /** Whether a department may read licences of every issuer by holder today. */
    public boolean mayQueryAll(String department) {
        if (department.equals(bureau)) {
            return true;
        }
        String c = code();
        return c != null && sharing.isGranted(department, c, ITEMS);
    }

    /** Grants the whole library to a department for three years, unless it already holds a grant (demo city, tests). */
    public void grant(String department, String reason) {
        String c = code();
        if (c == null || sharing.grantsTo(department).stream().anyMatch(g -> g.resourceCode().equals(c))) {
            return;
        }
        LocalDate today = LocalDate.now(CHINA);
        sharing.grantByPlatform(c, department, ITEMS, today, today.plusYears(3), reason);
    }

    private static ResourceDraft draft() {
        List<DataItem> items = List.of(
                new DataItem("证照编号", DataType.STRING, 32, "licence number", true, true, false, null),
                new DataItem("证照类型", DataType.STRING, 100, "licence type", false, true, false, null),
                new DataItem("持证主体代码", DataType.STRING, 18, "holder's ID number or unified social credit code", false, true, true, null),
                new DataItem("持证主体名称", DataType.STRING, 200, "holder's name", false, true, true, null),
                new DataItem("颁证单位", DataType.STRING, 100, "issuing department", false, true, false, null),
                new DataItem("颁证日期", DataType.DATE, null, "issue date", false, true, false, Standard.DATE),
                new DataItem("有效期起始", DataType.DATE, null, "valid from", false, true, false, Standard.DATE),
                new DataItem("有效期截止", DataType.DATE, null, "valid until", false, false, false, Standard.DATE),
                new DataItem("证照状态", DataType.STRING, 16, "valid, expired or revoked", false, true, false, null),
                new DataItem("照面信息", DataType.STRING, null, "the licence's own data", false, false, true, null));
        return new ResourceDraft("105001001", NAME,
                "全市各部门颁发的电子证照（证照类型、编号、持证主体、颁证单位、有效期、状态和照面信息），每份证照加盖颁证单位的 SM2 电子印章，"
                        + "可按持证主体跨部门查询，用于办事时免交纸质材料。",
                Format.DATABASE, ShareType.CONDITIONAL, "仅限办理政务服务事项需要，每次查询须说明用途，并记入审计日志。", List.of(ShareWay.API), null,
                OpenType.NONE, null, UpdateCycle.REAL_TIME, LocalDate.now(CHINA), List.of(), List.of("电子证照", "证照库", "基础库"), "数据资源处",
                "0535-6000000", "sjc@haichuan.gov.example", items);
    }
}
