package org.zhengtong.approval.rating;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.PlatformTest;
import org.zhengtong.approval.ApprovalProblem;
import org.zhengtong.approval.CaseItems;
import org.zhengtong.approval.CaseStatus;
import org.zhengtong.approval.Cases;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.directory.security.PersonAccounts;
import org.zhengtong.shared.PlatformException;

/**
 * 好差评 on real cases: only the applicant rates, only a finished case, only once; a bad grade must say why and opens
 * exactly one follow-up, whose closing is audited and shown to the applicant; and the figures of a known set.
 */
@PlatformTest
class RatingsTests {

    @Autowired Ratings ratings;
    @Autowired Cases cases;
    @Autowired ServiceItems items;
    @Autowired CaseItems caseItems;
    @Autowired PersonAccounts accounts;
    @Autowired JdbcClient jdbc;

    RatingFixture fixture;

    @BeforeEach
    void fixture() {
        fixture = new RatingFixture(items, caseItems, cases, accounts);
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theApplicantRatesAFinishedCaseOnce() {
        String code = fixture.publish();
        var c = fixture.approved(code, RatingFixture.CITIZEN);
        assertThat(c.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(ratings.view(c.number()).rateable()).isTrue();

        Rating r = ratings.rate(c.number(), "citizen1", 5, "  办理很快。 ");
        assertThat(r.grade()).isEqualTo(Grade.VERY_SATISFIED);
        assertThat(r.comment()).isEqualTo("办理很快。");
        assertThat(r.department()).isEqualTo("zjj");
        assertThat(ratings.view(c.number()).rateable()).isFalse();
        assertThat(ratings.view(c.number()).rating()).isEqualTo(r);
        assertThat(ratings.followUpOf(c.number())).as("a good rating opens no follow-up").isEmpty();
        assertThat(audits("approval.rating.rate", "case:" + c.number())).isEqualTo(1);

        assertThatThrownBy(() -> ratings.rate(c.number(), "citizen1", 4, null))
                .isInstanceOfSatisfying(RatingProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("approval.rating.already-rated");
                    assertThat(p.status().value()).isEqualTo(409);
                });
        assertThat(ratings.of(c.number())).get().extracting(Rating::grade).isEqualTo(Grade.VERY_SATISFIED);
    }

    @Test
    void onlyTheCasesOwnApplicantRatesAndOnlyOnceItIsFinished() {
        String code = fixture.publish();
        var running = fixture.submit(code, RatingFixture.CITIZEN);
        assertThat(ratings.view(running.number()).rateable()).isFalse();
        assertThatThrownBy(() -> ratings.rate(running.number(), "citizen1", 5, null))
                .isInstanceOfSatisfying(RatingProblem.class, p -> assertThat(p.code()).isEqualTo("approval.rating.not-finished"));

        var refused = fixture.refused(code, RatingFixture.CITIZEN);
        assertThatThrownBy(() -> ratings.rate(refused.number(), "citizen2", 5, null))
                .isInstanceOfSatisfying(RatingProblem.class, p -> {
                    assertThat(p.code()).isEqualTo("approval.rating.not-your-case");
                    assertThat(p.status().value()).isEqualTo(403);
                });
        assertThatThrownBy(() -> ratings.rate("20990101999999", "citizen1", 5, null))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> ratings.rate(refused.number(), "citizen1", 6, null))
                .isInstanceOfSatisfying(RatingProblem.class, p -> assertThat(p.code()).isEqualTo("approval.rating.bad-grade"));
        assertThatThrownBy(() -> ratings.rate(refused.number(), "citizen1", 0, null))
                .isInstanceOfSatisfying(RatingProblem.class, p -> assertThat(p.code()).isEqualTo("approval.rating.bad-grade"));
        assertThat(ratings.of(refused.number())).as("nothing was stored by the refused attempts").isEmpty();

        // a refusal at the window is a finished case too, and is rated like any other
        assertThat(ratings.rate(refused.number(), "citizen1", 3, null).grade()).isEqualTo(Grade.FAIRLY_SATISFIED);
    }

    @Test
    void aBadGradeMustSayWhyAndOpensExactlyOneFollowUpWhoseClosingIsAuditedAndShown() {
        String code = fixture.publish();
        var c = fixture.refused(code, RatingFixture.CITIZEN);
        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> ratings.rate(c.number(), "citizen1", 2, blank))
                    .isInstanceOfSatisfying(RatingProblem.class, p -> assertThat(p.code()).isEqualTo("approval.rating.comment-required"));
        }
        assertThatThrownBy(() -> ratings.rate(c.number(), "citizen1", 1, "x".repeat(Ratings.MAX_COMMENT + 1)))
                .isInstanceOfSatisfying(RatingProblem.class, p -> assertThat(p.code()).isEqualTo("approval.rating.too-long"));
        assertThat(followUpsOf(c.number())).isZero();

        ratings.rate(c.number(), "citizen1", 1, "窗口说不属于本部门，却没告诉我该去哪里办。");
        assertThat(followUpsOf(c.number())).isEqualTo(1);
        FollowUp f = ratings.followUpOf(c.number()).orElseThrow();
        assertThat(f.open()).isTrue();
        assertThat(f.department()).isEqualTo("zjj");
        assertThat(f.grade()).isEqualTo(Grade.VERY_DISSATISFIED);
        assertThat(ratings.followUps("zjj", FollowUp.Status.OPEN, 10_000)).extracting(FollowUp::id).contains(f.id());
        assertThat(ratings.followUps("gaj", null, 10_000)).extracting(FollowUp::id).doesNotContain(f.id());
        assertThat(audits("approval.rating.follow-up.open", "follow-up:" + f.id())).isEqualTo(1);
        assertThatThrownBy(() -> ratings.rate(c.number(), "citizen1", 2, "再评一次"))
                .isInstanceOf(RatingProblem.class);
        assertThat(followUpsOf(c.number())).as("still exactly one").isEqualTo(1);

        fixture.signIn("zjj.approver");
        assertThatThrownBy(() -> ratings.close(f.id(), "zjj", " "))
                .isInstanceOfSatisfying(RatingProblem.class, p -> assertThat(p.code()).isEqualTo("approval.rating.note-required"));
        assertThatThrownBy(() -> ratings.close(f.id(), "gaj", "不是我们的"))
                .as("another department cannot see or close it")
                .isInstanceOfSatisfying(RatingProblem.class, p -> assertThat(p.code()).isEqualTo("approval.rating.unknown-follow-up"));
        FollowUp closed = ratings.close(f.id(), "zjj", "已电话回访申请人，告知应向市自然资源和规划局申请；已在窗口增加引导说明。");
        assertThat(closed.open()).isFalse();
        assertThat(closed.closedBy()).isEqualTo("zjj.approver");
        assertThat(closed.closedAt()).isNotNull();
        assertThat(ratings.view(c.number()).followUp()).extracting(FollowUp::note).asString().contains("电话回访");
        assertThat(audits("approval.rating.follow-up.close", "follow-up:" + f.id())).isEqualTo(1);
        assertThatThrownBy(() -> ratings.close(f.id(), "zjj", "再办结一次"))
                .isInstanceOfSatisfying(PlatformException.class, p -> assertThat(p.code()).isEqualTo("approval.rating.follow-up-closed"));
        assertThat(audits("approval.rating.follow-up.close", "follow-up:" + f.id())).isEqualTo(1);
    }

    @Test
    void statisticsOfAKnownSet() {
        String code = fixture.publish();
        var before = ratings.statistics().byDepartment().stream().filter(s -> s.code().equals("zjj")).findFirst();
        long beforeCount = before.map(RatingStat::count).orElse(0L);
        long beforeOpen = before.map(RatingStat::openFollowUps).orElse(0L);
        int[] grades = {5, 5, 4, 3, 2, 1};
        for (int g : grades) {
            var c = fixture.refused(code, RatingFixture.CITIZEN);
            ratings.rate(c.number(), "citizen1", g, g <= 2 ? "不满意的原因" : null);
        }
        fixture.refused(code, RatingFixture.CITIZEN); // finished but not rated: not counted

        RatingStat item = ratings.statistics().byItem().stream().filter(s -> s.code().equals(code)).findFirst().orElseThrow();
        assertThat(item.count()).isEqualTo(6);
        assertThat(item.average()).isEqualTo(20.0 / 6, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(item.good()).isEqualTo(3);
        assertThat(item.bad()).isEqualTo(2);
        assertThat(item.goodShare()).isEqualTo(50.0);
        assertThat(item.badShare()).isEqualTo(100.0 / 3, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(item.openFollowUps()).isEqualTo(2);
        assertThat(item.name()).contains("评价测试");

        RatingStat zjj = ratings.statistics().byDepartment().stream().filter(s -> s.code().equals("zjj")).findFirst().orElseThrow();
        assertThat(zjj.name()).isNotEqualTo("zjj").contains("住");
        assertThat(zjj.count()).isEqualTo(beforeCount + 6);
        assertThat(zjj.openFollowUps()).isEqualTo(beforeOpen + 2);
    }

    private long followUpsOf(String number) {
        return jdbc.sql("select count(*) from approval.rating_follow_up where case_number = ?").param(number).query(Long.class).single();
    }

    private long audits(String action, String target) {
        return jdbc.sql("select count(*) from audit.audit_record where action = ? and target = ?").params(action, target)
                .query(Long.class).single();
    }
}
