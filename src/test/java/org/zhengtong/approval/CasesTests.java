package org.zhengtong.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.PlatformTest;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.approval.clock.ClockStatus;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.directory.security.PersonAccounts;

/**
 * A case from the online application to the answer: the window asks once for what is missing and the clock waits,
 * four departments review in parallel, the lead department decides, and the applicant reads the result; and every
 * kind of bad input is refused whole.
 */
@PlatformTest
class CasesTests {

    @Autowired Cases cases;
    @Autowired ServiceItems items;
    @Autowired CaseItems caseItems;
    @Autowired PersonAccounts accounts;
    @Autowired CaseClocks clocks;
    @Autowired JdbcClient jdbc;

    CaseFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new CaseFixture(items, caseItems, accounts);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aParallelCaseRunsFromApplicationThroughSupplementAndFourReviewsToApproval() {
        String code = fixture.publishParallel();
        var c = cases.submit(fixture.item(code), CaseFixture.CITIZEN, CaseFixture.form(), CaseFixture.materials(), CaseFixture.key());
        assertThat(c.status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(c.number()).matches("\\d{14}");
        assertThat(c.queryCode()).matches("\\d{6}");
        assertThat(clocks.deadline(c.number())).get().extracting(d -> d.status()).isEqualTo(ClockStatus.RUNNING);

        fixture.signIn("zwfwj.clerk1");
        cases.requestSupplement(c.number(), "请补充营业执照复印件。");
        assertThat(clocks.deadline(c.number())).get().extracting(d -> d.status()).isEqualTo(ClockStatus.PAUSED);
        assertThatThrownBy(() -> cases.accept(c.number(), "")).isInstanceOfSatisfying(ApprovalProblem.class,
                p -> assertThat(p.code()).isEqualTo("approval.wrong-state"));

        cases.supplement(c.number(), CaseFixture.CITIZEN, Map.of(),
                List.of(Cases.MaterialInput.upload("M02", "营业执照.pdf", "application/pdf", CaseFixture.PDF)));
        assertThat(cases.find(c.number()).orElseThrow().status()).isEqualTo(CaseStatus.SUBMITTED);
        assertThat(clocks.deadline(c.number())).get().extracting(d -> d.status()).isEqualTo(ClockStatus.RUNNING);

        cases.accept(c.number(), "材料齐全，予以受理。");
        assertThat(cases.find(c.number()).orElseThrow().status()).isEqualTo(CaseStatus.IN_REVIEW);

        for (String department : CaseFixture.REVIEWERS) {
            fixture.signIn(department + ".approver");
            var task = cases.worklist(department, 500).stream().filter(w -> w.caze().number().equals(c.number())).findFirst().orElseThrow();
            cases.complete(task.taskId(), department, true, "同意。");
        }
        var steps = clocks.deadline(c.number()).orElseThrow().steps();
        assertThat(steps).filteredOn(s -> s.endedOn() != null).as("every reviewer's step ended").extracting(s -> s.department())
                .containsExactlyInAnyOrderElementsOf(CaseFixture.REVIEWERS);
        assertThat(steps).filteredOn(s -> s.endedOn() == null).as("the lead's step began").extracting(s -> s.stepKey())
                .containsExactly("decide");
        fixture.signIn("zjj.approver");
        var decide = cases.worklist("zjj", 500).stream().filter(w -> w.caze().number().equals(c.number())).findFirst().orElseThrow();
        assertThat(decide.step()).isEqualTo("decide");
        cases.complete(decide.taskId(), "zjj", true, "经并联审查，准予许可。");

        var done = cases.find(c.number()).orElseThrow();
        assertThat(done.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(done.resultReason()).isEqualTo("经并联审查，准予许可。");
        assertThat(clocks.deadline(c.number())).get().extracting(d -> d.status()).isEqualTo(ClockStatus.FINISHED);
        assertThat(cases.timeline(c.number(), true)).extracting(Cases.Event::kind)
                .containsExactly("SUBMITTED", "SUPPLEMENT_REQUESTED", "SUPPLEMENTED", "ACCEPTED", "APPROVED");
        assertThat(cases.timeline(c.number(), false)).filteredOn(e -> e.kind().equals("REVIEWED")).hasSize(5);
        assertThat(cases.materialsOf(c.number())).extracting(Cases.Material::code).containsExactlyInAnyOrder("M01", "M02");
        assertThat(cases.progress(c.number(), c.queryCode()).status()).isEqualTo(CaseStatus.APPROVED);
    }

    @Test
    void aRejectionByTheLeadEndsTheCaseRejectedWithItsReason() {
        String code = fixture.publishSingle();
        var c = cases.submit(fixture.item(code), CaseFixture.CITIZEN, CaseFixture.form(), CaseFixture.materials(), CaseFixture.key());
        fixture.signIn("zwfwj.clerk2");
        cases.accept(c.number(), "");
        fixture.signIn("zjj.approver");
        var task = cases.worklist("zjj", 500).stream().filter(w -> w.caze().number().equals(c.number())).findFirst().orElseThrow();
        cases.complete(task.taskId(), "zjj", false, "项目未取得建设工程规划许可证，不予许可。");
        var done = cases.find(c.number()).orElseThrow();
        assertThat(done.status()).isEqualTo(CaseStatus.REJECTED);
        assertThat(done.resultReason()).contains("不予许可");
    }

    @Test
    void aSpecialProcedureStopsTheClockUntilItEnds() {
        String code = fixture.publishSingle();
        var c = cases.submit(fixture.item(code), CaseFixture.CITIZEN, CaseFixture.form(), CaseFixture.materials(), CaseFixture.key());
        fixture.signIn("zwfwj.clerk1");
        cases.accept(c.number(), "");
        fixture.signIn("zjj.approver");
        assertThatThrownBy(() -> cases.startSpecialProcedure(c.number(), "zjj", "PICNIC", "？"))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.unknown-procedure"));
        assertThatThrownBy(() -> cases.startSpecialProcedure(c.number(), "sthjj", "HEARING", "听证"))
                .as("only a department with a task of the case").isInstanceOfSatisfying(ApprovalProblem.class,
                        p -> assertThat(p.code()).isEqualTo("approval.not-your-case"));

        cases.startSpecialProcedure(c.number(), "zjj", "EXPERT_REVIEW", "组织专家对施工图设计文件进行评审。");
        assertThat(cases.special(c.number())).isEqualTo("EXPERT_REVIEW");
        assertThat(clocks.deadline(c.number()).orElseThrow().status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(clocks.deadline(c.number()).orElseThrow().pauses()).extracting(p -> p.kind().name()).containsExactly("EXPERT_REVIEW");
        assertThatThrownBy(() -> cases.startSpecialProcedure(c.number(), "zjj", "HEARING", "听证"))
                .as("one at a time").isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.wrong-state"));

        cases.endSpecialProcedure(c.number(), "zjj");
        assertThat(cases.special(c.number())).isNull();
        assertThat(clocks.deadline(c.number()).orElseThrow().status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(cases.timeline(c.number(), true)).extracting(Cases.Event::kind).contains("SPECIAL_STARTED", "SPECIAL_ENDED");
    }

    @Test
    void badInputIsRefusedAndLeavesNothingBehind() {
        String code = fixture.publishSingle();
        CaseItem item = fixture.item(code);
        long before = jdbc.sql("select count(*) from approval.case_file").query(Long.class).single();

        assertThatThrownBy(() -> cases.submit(item, CaseFixture.CITIZEN, CaseFixture.form(), List.of(), CaseFixture.key()))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.missing-material"));
        assertThatThrownBy(() -> cases.submit(item, CaseFixture.CITIZEN, Map.of(), CaseFixture.materials(), CaseFixture.key()))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.missing-field"));
        assertThatThrownBy(() -> cases.submit(item, CaseFixture.CITIZEN, CaseFixture.form(),
                List.of(Cases.MaterialInput.upload("M01", "申请表.exe", "application/pdf", "MZ\u0090\u0000".getBytes())), CaseFixture.key()))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("approval.bad-upload");
                    assertThat(p.args()).contains("申请表.exe");
                });
        assertThatThrownBy(() -> cases.submit(item, CaseFixture.CITIZEN, CaseFixture.form(),
                List.of(Cases.MaterialInput.upload("M01", "大文件.pdf", "application/pdf", big())), CaseFixture.key()))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.upload-too-large"));
        assertThat(jdbc.sql("select count(*) from approval.case_file").query(Long.class).single()).isEqualTo(before);

        String key = CaseFixture.key();
        var first = cases.submit(item, CaseFixture.CITIZEN, CaseFixture.form(), CaseFixture.materials(), key);
        assertThatThrownBy(() -> cases.submit(item, CaseFixture.CITIZEN, CaseFixture.form(), CaseFixture.materials(), key))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("approval.duplicate-submission");
                    assertThat(p.args()).contains(first.number());
                });

        fixture.signIn("zwfwj.clerk1");
        cases.accept(first.number(), "");
        var task = cases.worklist("zjj", 500).stream().filter(w -> w.caze().number().equals(first.number())).findFirst().orElseThrow();
        fixture.signIn("sthjj.approver");
        assertThatThrownBy(() -> cases.complete(task.taskId(), "sthjj", true, "同意"))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.not-your-task"));
        assertThatThrownBy(() -> cases.complete(task.taskId(), "zjj", true, " "))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.comment-required"));
        assertThat(cases.find(first.number()).orElseThrow().status()).isEqualTo(CaseStatus.IN_REVIEW);

        assertThatThrownBy(() -> cases.progress("20990101000000", "123456"))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.unknown-case"));
        assertThatThrownBy(() -> cases.progress(first.number(), first.queryCode().equals("000000") ? "111111" : "000000"))
                .as("a wrong query code looks exactly like a wrong number")
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.unknown-case"));
    }

    private static byte[] big() {
        byte[] b = new byte[11 * 1024 * 1024];
        System.arraycopy(CaseFixture.PDF, 0, b, 0, CaseFixture.PDF.length);
        return b;
    }
}
