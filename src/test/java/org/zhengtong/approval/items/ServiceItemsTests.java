package org.zhengtong.approval.items;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.PlatformTest;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;

/**
 * A service item's life: 生态环境局's data officer drafts an item, finds the rules refuse a promise longer than the
 * law allows and a joint approval without its parallel departments, publishes the item as a public guide, edits it
 * while the guide keeps showing what was published, publishes again as version 2, and withdraws it.
 */
@PlatformTest
public class ServiceItemsTests {

    @Autowired ServiceItems items;
    @Autowired PersonAccounts accounts;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    /** A complete single-department item of 生态环境局. */
    public static ItemContent sample(String name) {
        return new ItemContent(name, ItemType.LICENSING, "《中华人民共和国环境影响评价法》第二十二条", "建设项目依法应当编制环境影响报告表。",
                List.of(new Material("", "建设项目环境影响报告表", "原件", 1, true, null, null),
                        new Material("", "营业执照", "复印件", 1, true, "YYZZ", null)),
                "1. 网上申请；2. 受理；3. 审查；4. 决定；5. 送达。", 20, 10, null, null,
                List.of(new Window("海川市政务服务中心二楼 B12 窗口", "工作日 9:00-12:00，13:30-17:00", "0535-12345678")),
                ProcessTemplate.SINGLE, null, List.of(),
                List.of(new FormField("projectName", "项目名称", "text", true, null),
                        new FormField("applicant", "建设单位", "text", true, "legal.name")));
    }

    static ItemContent with(ItemContent c, int legal, int promised, ProcessTemplate template, List<Step> steps) {
        return new ItemContent(c.name(), c.type(), c.legalBasis(), c.conditions(), c.materials(), c.procedure(), legal, promised, c.feeText(),
                c.feeAmount(), c.windows(), template, c.leadDepartment(), steps, c.formFields());
    }

    @Test
    void anItemIsDraftedPublishedChangedRepublishedAndWithdrawn() {
        signIn("sthjj.officer");
        ItemEntry draft = items.create("TEST-STHJJ-001", sample("建设项目环境影响报告表审批（测试）"));
        assertThat(draft.status()).isEqualTo(ItemStatus.DRAFT);
        assertThat(draft.department()).isEqualTo("sthjj");
        assertThat(draft.content().materials()).extracting(Material::code).containsExactly("M01", "M02");
        assertThat(draft.content().steps()).as("a single item's one step is its department").containsExactly(new Step("sthjj", 10));
        assertThat(items.published("TEST-STHJJ-001")).isEmpty();

        items.publish("TEST-STHJJ-001");
        ServiceItem v1 = items.published("TEST-STHJJ-001").orElseThrow();
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo(ItemStatus.PUBLISHED);
        assertThat(v1.leadDepartment()).isEqualTo("sthjj");
        assertThat(v1.fees()).isEqualTo("不收费");
        assertThat(v1.materials().get(1).licenceType()).isEqualTo("YYZZ");
        assertThat(items.publishedList()).extracting(ServiceItem::code).contains("TEST-STHJJ-001");
        assertThatThrownBy(() -> items.publish("TEST-STHJJ-001")).isInstanceOf(ItemProblem.class)
                .hasMessage("approval-items.unchanged");

        ItemContent changed = new ItemContent("建设项目环境影响报告表审批（测试，改）", ItemType.LICENSING, v1.legalBasis(), v1.conditions(),
                v1.materials(), v1.procedure(), 20, 8, "审批不收费，专家评审费由财政承担", BigDecimal.ZERO, v1.windows(), ProcessTemplate.SINGLE,
                null, List.of(new Step("sthjj", 8)), v1.formFields());
        items.save("TEST-STHJJ-001", changed);
        assertThat(items.published("TEST-STHJJ-001").orElseThrow().name()).as("the guide still shows version 1")
                .isEqualTo("建设项目环境影响报告表审批（测试）");
        items.publish("TEST-STHJJ-001");
        ServiceItem v2 = items.published("TEST-STHJJ-001").orElseThrow();
        assertThat(v2.version()).isEqualTo(2);
        assertThat(v2.promisedLimitDays()).isEqualTo(8);
        assertThat(items.publishedVersion("TEST-STHJJ-001", 1).orElseThrow().promisedLimitDays()).isEqualTo(10);

        assertThatThrownBy(() -> items.withdraw("TEST-STHJJ-001", " ")).isInstanceOf(InvalidInput.class);
        items.withdraw("TEST-STHJJ-001", "职能调整，划转至行政审批服务局");
        assertThat(items.published("TEST-STHJJ-001")).isEmpty();
        assertThat(items.publishedList()).extracting(ServiceItem::code).doesNotContain("TEST-STHJJ-001");
        assertThat(items.publishedVersion("TEST-STHJJ-001", 2)).as("cases applied under it still read their version").isPresent();

        assertThat(jdbc.sql("select count(*) from audit.audit_record where target like 'item:TEST-STHJJ-001%'").query(Long.class).single())
                .as("every change is audited: create, publish, save, publish, withdraw").isEqualTo(5);
    }

    @Test
    void aPromiseLongerThanTheLawIsRefused() {
        signIn("sthjj.officer");
        InvalidInput e = refused(() -> items.create("TEST-STHJJ-002", with(sample("超时承诺（测试）"), 10, 15, ProcessTemplate.SINGLE, List.of())));
        assertThat(e.problems()).extracting(FieldProblem::field).contains("promisedLimitDays");
        assertThat(items.entries("sthjj")).extracting(ItemEntry::code).doesNotContain("TEST-STHJJ-002");
    }

    @Test
    void aParallelItemNeedsItsParallelDepartmentsAndTheyMustExist() {
        signIn("sthjj.officer");
        InvalidInput none = refused(() -> items.create("TEST-STHJJ-003", with(sample("并联无部门（测试）"), 20, 10, ProcessTemplate.PARALLEL,
                List.of())));
        assertThat(none.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
                .contains(org.assertj.core.groups.Tuple.tuple("steps", "approval-items.rule.parallel-steps"));

        InvalidInput bad = refused(() -> items.create("TEST-STHJJ-003", with(sample("并联（测试）"), 20, 10, ProcessTemplate.PARALLEL,
                List.of(new Step("zrzyj", 5), new Step("nosuchdept", 5), new Step("sthjj", 5), new Step("fgw", 15)))));
        assertThat(bad.problems()).extracting(FieldProblem::field)
                .containsExactlyInAnyOrder("steps.1.department", "steps.2.department", "steps.3.limitDays");

        ItemEntry ok = items.create("TEST-STHJJ-003", with(sample("并联（测试）"), 20, 10, ProcessTemplate.PARALLEL,
                List.of(new Step("zrzyj", 5), new Step("fgw", 5))));
        assertThat(ok.content().leadDepartment()).isEqualTo("sthjj");
    }

    @Test
    void aSequenceMustFitItsPromiseAndMaterialsAndFieldsMustBeWellFormed() {
        signIn("sthjj.officer");
        ItemContent base = sample("串联（测试）");
        ItemContent broken = new ItemContent(base.name(), base.type(), base.legalBasis(), base.conditions(),
                List.of(new Material("", "身份证", "扫描件", 1, true, "SFZ", "person.shoeSize")), base.procedure(), 20, 10, null,
                new BigDecimal("-1"), base.windows(), ProcessTemplate.SEQUENCE, null, List.of(new Step("sthjj", 6), new Step("zrzyj", 6)),
                List.of(new FormField("1bad", "", "textarea", false, "person.nothing")));
        InvalidInput e = refused(() -> items.create("TEST-STHJJ-004", broken));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("materials.0.form", "materials.0.licenceType",
                "materials.0.baseField", "feeAmount", "steps", "formFields.0.name", "formFields.0.label", "formFields.0.type",
                "formFields.0.prefill");
    }

    @Test
    void anItemWithoutMaterialsOrWindowsIsKeptAsDraftButNotPublished() {
        signIn("sthjj.officer");
        ItemContent base = sample("无材料（测试）");
        items.create("TEST-STHJJ-005", new ItemContent(base.name(), base.type(), base.legalBasis(), base.conditions(), List.of(),
                base.procedure(), 20, 10, null, null, List.of(), ProcessTemplate.SINGLE, null, List.of(), List.of()));
        InvalidInput e = refused(() -> items.publish("TEST-STHJJ-005"));
        assertThat(e.problems()).extracting(FieldProblem::field).containsExactlyInAnyOrder("materials", "windows");
        assertThat(items.published("TEST-STHJJ-005")).isEmpty();
    }

    @Test
    void aDepartmentMaintainsOnlyItsOwnItemsAndCodesAreUnique() {
        signIn("sthjj.officer");
        items.create("TEST-STHJJ-006", sample("本部门事项（测试）"));
        assertThatThrownBy(() -> items.create("TEST-STHJJ-006", sample("重复（测试）"))).isInstanceOf(ItemProblem.class)
                .hasMessage("approval-items.exists");
        assertThatThrownBy(() -> items.create("bad code!", sample("坏编码（测试）"))).isInstanceOf(InvalidInput.class);
        signIn("gaj.officer");
        assertThatThrownBy(() -> items.save("TEST-STHJJ-006", sample("他部门修改（测试）"))).isInstanceOf(ItemProblem.class)
                .hasMessage("approval-items.not-your-department");
        assertThatThrownBy(() -> items.publish("TEST-STHJJ-006")).isInstanceOf(ItemProblem.class);
    }

    @Test
    void formsMustBeWhatTheySayAndWithinTheLimit() {
        signIn("sthjj.officer");
        items.create("TEST-STHJJ-007", sample("表格（测试）"));
        ItemFile pdf = items.addForm("TEST-STHJJ-007", "申请表.pdf", "%PDF-1.4\n%test\n".getBytes());
        assertThat(pdf.contentType()).isEqualTo("application/pdf");
        assertThatThrownBy(() -> items.addForm("TEST-STHJJ-007", "申请表.pdf", "MZ this is an exe".getBytes()))
                .isInstanceOf(ItemProblem.class).hasMessage("approval-items.form-type");
        assertThatThrownBy(() -> items.addForm("TEST-STHJJ-007", "申请表.exe", "%PDF-1.4".getBytes()))
                .isInstanceOf(ItemProblem.class).hasMessage("approval-items.form-type");
        assertThatThrownBy(() -> items.addForm("TEST-STHJJ-007", "big.pdf", new byte[ServiceItems.MAX_FORM_BYTES + 1]))
                .isInstanceOf(ItemProblem.class).hasMessage("approval-items.form-size");
        assertThat(items.publishedForms("TEST-STHJJ-007")).as("a draft's forms are not public").isEmpty();
        items.publish("TEST-STHJJ-007");
        assertThat(items.publishedForm("TEST-STHJJ-007", pdf.id()).bytes()).startsWith("%PDF".getBytes());
        items.removeForm("TEST-STHJJ-007", pdf.id());
        assertThat(items.forms("TEST-STHJJ-007")).isEmpty();
    }

    static InvalidInput refused(Runnable action) {
        try {
            action.run();
        } catch (InvalidInput e) {
            return e;
        }
        throw new AssertionError("expected the input to be refused");
    }

    private void signIn(String username) {
        var person = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
    }
}
