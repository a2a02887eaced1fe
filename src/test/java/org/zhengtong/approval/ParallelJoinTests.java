package org.zhengtong.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flowable.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.PlatformTest;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.directory.security.PersonAccounts;

/**
 * Four departments complete their parallel reviews of the same case at the same instant, a hundred times over: each
 * time exactly one lead decision must follow, with all four opinions on record and all four step clocks stopped —
 * no branch lost at the join, none counted twice.
 */
@PlatformTest
class ParallelJoinTests {

    static final int ROUNDS = 100;

    @Autowired Cases cases;
    @Autowired ServiceItems items;
    @Autowired CaseItems caseItems;
    @Autowired PersonAccounts accounts;
    @Autowired CaseClocks clocks;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void allParallelBranchesCompletedAtOnceAlwaysJoinExactlyOnce() throws Exception {
        var fixture = new CaseFixture(items, caseItems, accounts);
        CaseItem item = fixture.item(fixture.publishParallel());
        ExecutorService pool = Executors.newFixedThreadPool(CaseFixture.REVIEWERS.size());
        try {
            for (int round = 0; round < ROUNDS; round++) {
                var c = cases.submit(item, CaseFixture.CITIZEN, CaseFixture.form(), CaseFixture.materials(), CaseFixture.key());
                fixture.signIn("zwfwj.clerk1");
                cases.accept(c.number(), "");
                SecurityContextHolder.clearContext();
                String instance = cases.find(c.number()).orElseThrow().processInstance();

                CountDownLatch ready = new CountDownLatch(CaseFixture.REVIEWERS.size());
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> done = new ArrayList<>();
                for (String department : CaseFixture.REVIEWERS) {
                    String taskId = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("dept:" + department)
                            .singleResult().getId();
                    done.add(pool.submit(() -> {
                        fixture.signIn(department + ".approver");
                        try {
                            ready.countDown();
                            go.await();
                            cases.complete(taskId, department, true, "同意");
                        } finally {
                            SecurityContextHolder.clearContext();
                        }
                        return null;
                    }));
                }
                ready.await();
                go.countDown();
                for (Future<?> f : done) {
                    f.get();
                }
                var open = tasks.createTaskQuery().processInstanceId(instance).list();
                assertThat(open).as("round %d: one lead decision after the join", round).singleElement()
                        .extracting(t -> t.getTaskDefinitionKey()).isEqualTo("decide");
                assertThat(cases.timeline(c.number(), false)).as("round %d: four opinions", round)
                        .filteredOn(e -> e.kind().equals("REVIEWED")).hasSize(4);
                assertThat(clocks.deadline(c.number()).orElseThrow().steps()).as("round %d: four step clocks stopped", round)
                        .filteredOn(s -> s.endedOn() != null).hasSize(4);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from approval.act_ru_task t join approval.case_file c on c.process_instance = t.proc_inst_id_"
                + " where c.item_code = ? and t.task_def_key_ = 'decide'").param(item.code()).query(Long.class).single())
                .isEqualTo(ROUNDS);
    }
}
