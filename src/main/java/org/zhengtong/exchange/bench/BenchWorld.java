package org.zhengtong.exchange.bench;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.NewShareRequest;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.ShareRequest;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.OpenType;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.exchange.NewSubscription;
import org.zhengtong.exchange.Subscriptions;

/**
 * Sets up what a benchmark exchanges through a running platform the way its people would: 公安局's data officer
 * catalogs a dataset and the data administrator publishes it; consumer departments' data officers ask to share
 * it, 公安局 approves, and they subscribe to it. Each step goes through the module's facades, acting as that
 * person.
 */
public final class BenchWorld {

    /** The department that catalogs and publishes the benchmark datasets: 公安局. */
    public static final String PROVIDER = "gaj";
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CatalogManagement catalog;
    private final SharingManagement sharing;
    private final Subscriptions subscriptions;
    private final AccessPolicy policy;

    public BenchWorld(ApplicationContext context) {
        this.catalog = context.getBean(CatalogManagement.class);
        this.sharing = context.getBean(SharingManagement.class);
        this.subscriptions = context.getBean(Subscriptions.class);
        this.policy = context.getBean(AccessPolicy.class);
    }

    /** Catalogs and publishes a population dataset of {@link PopulationRecords#ITEMS}; returns its code. */
    String dataset(String name) {
        return dataset(name, PopulationRecords.ITEMS);
    }

    /** Catalogs and publishes a population dataset of 公安局 with these data items; returns its code. */
    public String dataset(String name, List<DataItem> items) {
        String code = as(PROVIDER + ".officer", "DATA_OFFICER", () -> {
            var draft = new ResourceDraft("303001001", name, "公安局人口基础信息，用于数据共享交换的性能基准和崩溃恢复测试。", Format.DATABASE,
                    ShareType.CONDITIONAL, "仅限履行法定职责需要，不得转提供第三方。", List.of(ShareWay.TABLE, ShareWay.API), null, OpenType.NONE, null,
                    UpdateCycle.REAL_TIME, LocalDate.now(CHINA), List.of(), List.of("人口基础信息"), "信息主管（" + PROVIDER + "）", "0535-6000000",
                    PROVIDER + "@haichuan.gov.example", items);
            String c = catalog.draft(draft).code();
            catalog.submit(c);
            return c;
        });
        as("dataadmin", "DATA_ADMIN", () -> catalog.publish(code, "交换基准数据集"));
        return code;
    }

    /** The consumer asks to share every item of the dataset and the provider approves; then it subscribes (PULL). */
    long grantAndSubscribe(String dataset, String consumer) {
        grant(dataset, consumer, PopulationRecords.ITEMS.stream().map(DataItem::name).toList());
        return as(consumer + ".officer", "DATA_OFFICER",
                () -> subscriptions.subscribe(new NewSubscription(dataset, null, null, null, "PULL", null, null, null, null))).id();
    }

    /** The consumer asks to share these items of the dataset and the provider approves. */
    public void grant(String dataset, String consumer, List<String> items) {
        ShareRequest request = as(consumer + ".officer", "DATA_OFFICER", () -> sharing.request(new NewShareRequest(dataset,
                "履行法定职责所需的业务协同", "《政务信息资源共享管理暂行办法》第十条", items, consumer + "业务系统", null, LocalDate.now(CHINA).plusYears(1))));
        if (request.status() == ShareRequest.Status.PENDING) {
            as(PROVIDER + ".officer", "DATA_OFFICER", () -> sharing.approve(request.id(), "同意共享"));
        }
    }

    private <T> T as(String username, String role, Supplier<T> work) {
        var authorities = policy.privilegesOf(List.of(role)).stream().map(SimpleGrantedAuthority::new).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
