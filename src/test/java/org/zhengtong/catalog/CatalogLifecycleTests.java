package org.zhengtong.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.catalog.Resource.ResourceStatus;
import org.zhengtong.catalog.Resource.VersionStatus;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.OpenType;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

/**
 * A catalog entry's life: a department's data officer drafts and submits it, the data administrator publishes it,
 * a change becomes a new version while the old one stays readable, and a revoked resource leaves the catalog.
 */
@PlatformTest
public class CatalogLifecycleTests {

    @Autowired CatalogManagement catalog;
    @Autowired PersonAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void anEntryIsDraftedSubmittedPublishedChangedAndRevoked() {
        signIn("sthjj.officer");
        Resource draft = catalog.draft(sample("海川市重点河流断面水质监测数据", ShareType.CONDITIONAL));
        assertThat(draft.code()).matches("205001001/\\d{6}");
        assertThat(draft.status()).isEqualTo(ResourceStatus.DRAFT);
        assertThat(draft.provider()).isEqualTo("sthjj");
        assertThat(catalog.submit(draft.code()).versionStatus()).isEqualTo(VersionStatus.SUBMITTED);
        assertThat(catalog.published(draft.code())).isEmpty();

        signIn("dataadmin");
        Resource published = catalog.publish(draft.code(), "符合编目要求");
        assertThat(published.status()).isEqualTo(ResourceStatus.PUBLISHED);
        assertThat(published.publishDate()).isNotNull();

        signIn("sthjj.officer");
        Resource change = catalog.startChange(draft.code());
        assertThat(change.version()).isEqualTo(2);
        ResourceDraft changed = sample("海川市重点河流断面水质监测数据（含总磷）", ShareType.CONDITIONAL);
        catalog.saveDraft(draft.code(), changed);
        assertThat(catalog.published(draft.code()).orElseThrow().name()).as("consumers still see version 1").isEqualTo(draft.name());
        catalog.submit(draft.code());
        signIn("dataadmin");
        catalog.publish(draft.code(), null);
        assertThat(catalog.published(draft.code()).orElseThrow().version()).isEqualTo(2);
        assertThat(catalog.version(draft.code(), 1).versionStatus()).isEqualTo(VersionStatus.SUPERSEDED);
        assertThat(catalog.version(draft.code(), 1).name()).isEqualTo(draft.name());

        catalog.revoke(draft.code(), "监测点位调整，数据停止更新");
        assertThat(catalog.published(draft.code())).isEmpty();
        assertThat(catalog.latest(draft.code()).status()).isEqualTo(ResourceStatus.REVOKED);
        assertThat(jdbc.sql("select array_agg(action order by seq) from audit.audit_record where target like ?")
                .param("resource:" + draft.code() + "%").query(String.class).single())
                .contains("catalog.resource.draft", "catalog.resource.submit", "catalog.resource.publish",
                        "catalog.resource.change", "catalog.resource.save", "catalog.resource.revoke");
    }

    @Test
    void notSharingNeedsALegalBasisAndItemsMustBeWellFormed() {
        signIn("gaj.officer");
        ResourceDraft none = sample("海川市涉密人员信息", ShareType.NONE);
        assertThatThrownBy(() -> catalog.draft(none))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(FieldProblem::field).contains("shareBasis"));
        ResourceDraft badItems = new ResourceDraft("208001001", "坏信息项", "摘要", Format.DATABASE, ShareType.UNCONDITIONAL, null,
                List.of(ShareWay.API), null, OpenType.NONE, null, UpdateCycle.DAILY, null, List.of("not-a-code"), List.of(), null, "bad phone!",
                null, List.of(new DataItem("姓名", DataType.STRING, 50, null, false, true, true, null),
                        new DataItem("姓名", DataType.STRING, -3, null, false, true, true, null)));
        assertThatThrownBy(() -> catalog.draft(badItems))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.problems()).extracting(FieldProblem::messageKey)
                        .contains("catalog.field.item.duplicate", "catalog.field.item.length", "catalog.field.related.format",
                                "catalog.field.phone.format"));
    }

    @Test
    void onlyTheProvidingDepartmentEditsItsEntries() {
        signIn("gaj.officer");
        Resource gaj = catalog.draft(sample("海川市户口迁移审批信息", ShareType.UNCONDITIONAL));
        signIn("scjgj.officer");
        assertThatThrownBy(() -> catalog.submit(gaj.code()))
                .isInstanceOfSatisfying(CatalogProblem.class, e -> assertThat(e.code()).isEqualTo("catalog.not-your-department"));
    }

    @Test
    void theDemoCatalogHasTheBaseResourcesAndOverTwoHundredEntries() {
        assertThat(jdbc.sql("select count(*) from catalog.resource").query(Long.class).single()).isGreaterThanOrEqualTo(200);
        List<String> base = catalog.publishedEntries(null, "1", 100).stream().map(Resource::name).toList();
        assertThat(base).contains("人口基础信息", "法人单位基础信息", "宏观经济基础信息", "自然资源和空间地理基础信息", "电子证照基础信息", "社会信用基础信息");
        Resource people = catalog.publishedEntries(null, "101", 10).getFirst();
        assertThat(people.items()).isEmpty();
        assertThat(catalog.published(people.code()).orElseThrow().items()).extracting(DataItem::name).contains("公民身份号码", "姓名");
        assertThat(jdbc.sql("select count(distinct share_type) from catalog.resource_version").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void anOfficerDraftsThroughTheFormAndTheDataAdministratorPublishesThroughTheReviewPage() throws Exception {
        MockHttpSession officer = Logins.session(mvc, "wjw.officer");
        var created = mvc.perform(post("/catalog/resources").session(officer).with(csrf())
                        .param("classification", "201001001").param("name", "海川市医疗机构床位数据").param("summary", "各医疗机构核定床位和实际开放床位。")
                        .param("format", "DATABASE").param("shareType", "UNCONDITIONAL").param("shareWays", "API", "TABLE")
                        .param("openType", "OPEN").param("updateCycle", "MONTHLY").param("keywords", "床位、医疗机构")
                        .param("itemName", "医疗机构代码", "核定床位数", "").param("itemType", "STRING", "NUMBER", "STRING")
                        .param("itemLength", "18", "", "").param("itemFlags", "KR", "R", "").param("itemStandard", "CREDIT_CODE", "", "")
                        .param("itemDescription", "", "", ""))
                .andReturn().getResponse();
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
        String code = created.getRedirectedUrl().replace("/catalog/resources/", "");
        Resource draft = catalog.find(code).orElseThrow();
        assertThat(draft.items()).extracting(DataItem::name).containsExactly("医疗机构代码", "核定床位数");
        assertThat(draft.items().getFirst().standard()).isEqualTo(Standard.CREDIT_CODE);
        assertThat(draft.items().getFirst().key()).isTrue();

        mvc.perform(post("/catalog/resources/" + code + "/submit").session(officer).with(csrf()));
        MockHttpSession admin = Logins.session(mvc, "dataadmin");
        assertThat(mvc.perform(get("/catalog/review").session(admin)).andReturn().getResponse().getContentAsString()).contains("海川市医疗机构床位数据");
        mvc.perform(post("/catalog/resources/" + code + "/publish").session(admin).with(csrf()));
        assertThat(catalog.published(code)).isPresent();

        String refused = mvc.perform(post("/catalog/resources").session(officer).with(csrf()).param("classification", "201001001")
                .param("name", "").param("shareType", "NONE")).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("不予共享必须写明").contains("至少需要一个信息项");
    }

    public static ResourceDraft sample(String name, ShareType share) {
        return new ResourceDraft(share == ShareType.NONE ? "208001001" : "205001001", name, name + "的摘要。", Format.DATABASE, share,
                share == ShareType.CONDITIONAL ? "限履行职责需要" : null, share == ShareType.NONE ? List.of() : List.of(ShareWay.API), null,
                OpenType.NONE, null, UpdateCycle.DAILY, null, List.of(), List.of("水质"), "联系人", "0535-1234567", null,
                List.of(new DataItem("断面编码", DataType.STRING, 20, null, true, true, false, null),
                        new DataItem("监测日期", DataType.DATE, null, null, false, true, false, Standard.DATE)));
    }

    private void signIn(String username) {
        var person = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
    }
}
