package org.zhengtong.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengtong.PlatformTest;
import org.zhengtong.approval.engine.ProcessPlan;
import org.zhengtong.approval.engine.ProcessPlan.Department;
import org.zhengtong.approval.engine.ProcessPlan.Shape;
import org.zhengtong.approval.engine.ProcessTemplates;
import org.zhengtong.approval.engine.ProcessVersions;

/**
 * Flowable runs inside the platform on its own PostgreSQL: the generated templates run as drawn, an uploaded BPMN file
 * becomes the newest version while a running case keeps its own (刚性运行), and a bad file changes nothing.
 */
@PlatformTest
class ProcessVersionsTests {

    static final Set<String> DEPARTMENTS = Set.of("zjj", "zrzyj", "sthjj", "rfb", "xfj");

    @Autowired ProcessVersions versions;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    static String item() {
        return "T" + UUID.randomUUID().toString().substring(0, 8);
    }

    static ProcessPlan parallel(String item) {
        return new ProcessPlan(ProcessTemplates.keyOf(item), "建设工程施工许可", Shape.PARALLEL, new Department("zjj", "住建局"),
                List.of(new Department("zrzyj", "自然资源局"), new Department("sthjj", "生态环境局"), new Department("rfb", "人防办"),
                        new Department("xfj", "消防救援支队")));
    }

    @Test
    void flowableTablesLiveInTheApprovalSchemaUnderFlyway() {
        assertThat(jdbc.sql("select count(*) from information_schema.tables where table_schema = 'approval' and table_name = 'act_ru_task'")
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from approval.flyway_schema_history where version = '2' and success")
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aParallelProcessWaitsForEveryReviewerThenTheLeadDecides() {
        String item = item();
        versions.deployGenerated(item, parallel(item), "test");
        String instance = runtime.startProcessInstanceByKey(ProcessTemplates.keyOf(item)).getId();
        List<Task> open = tasks.createTaskQuery().processInstanceId(instance).list();
        assertThat(open).extracting(t -> t.getTaskDefinitionKey()).containsExactlyInAnyOrder("review_1", "review_2", "review_3", "review_4");
        assertThat(tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("dept:rfb").count()).isEqualTo(1);
        for (int i = 0; i < 3; i++) {
            tasks.complete(open.get(i).getId(), Map.of(ProcessTemplates.DECISION, "APPROVE"));
        }
        assertThat(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("decide").count()).isZero();
        tasks.complete(open.get(3).getId(), Map.of(ProcessTemplates.DECISION, "APPROVE"));
        Task decide = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(decide.getTaskDefinitionKey()).isEqualTo("decide");
        tasks.complete(decide.getId(), Map.of(ProcessTemplates.DECISION, "APPROVE"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void aSequenceEndsAtTheFirstRejection() {
        String item = item();
        var plan = new ProcessPlan(ProcessTemplates.keyOf(item), "顺序审查", Shape.SEQUENCE, new Department("zjj", "住建局"),
                List.of(new Department("zjj", "住建局"), new Department("xfj", "消防救援支队")));
        versions.deployGenerated(item, plan, "test");
        String instance = runtime.startProcessInstanceByKey(ProcessTemplates.keyOf(item)).getId();
        Task first = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(first.getTaskDefinitionKey()).isEqualTo("review_1");
        tasks.complete(first.getId(), Map.of(ProcessTemplates.DECISION, "REJECT"));
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isZero();

        String second = runtime.startProcessInstanceByKey(ProcessTemplates.keyOf(item)).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(second).singleResult().getId(), Map.of(ProcessTemplates.DECISION, "APPROVE"));
        assertThat(tasks.createTaskQuery().processInstanceId(second).singleResult().getTaskDefinitionKey()).isEqualTo("review_2");
    }

    @Test
    void anUploadedVersionServesNewCasesWhileRunningCasesKeepTheirs() {
        String item = item();
        versions.deployGenerated(item, parallel(item), "test");
        assertThat(versions.deployGenerated(item, parallel(item), "test")).as("an unchanged plan deploys nothing").isEmpty();
        String running = runtime.startProcessInstanceByKey(ProcessTemplates.keyOf(item)).getId();

        var single = new ProcessPlan(ProcessTemplates.keyOf(item), "简化流程", Shape.SINGLE, new Department("zjj", "住建局"),
                List.of(new Department("zjj", "住建局")));
        byte[] file = ProcessTemplates.xml(ProcessTemplates.model(single)).getBytes(StandardCharsets.UTF_8);
        var v2 = versions.upload(item, "simpler.bpmn20.xml", file, DEPARTMENTS::contains, "admin");
        assertThat(v2.version()).isEqualTo(2);

        assertThat(tasks.createTaskQuery().processInstanceId(running).count()).as("the running case stays on version 1").isEqualTo(4);
        String fresh = runtime.startProcessInstanceByKey(ProcessTemplates.keyOf(item)).getId();
        assertThat(tasks.createTaskQuery().processInstanceId(fresh).singleResult().getTaskDefinitionKey()).isEqualTo("review");
        assertThat(versions.versions(item)).extracting(ProcessVersions.Version::version).containsExactly(2, 1);
        assertThat(versions.versions(item).get(1).runningCases()).isEqualTo(1);
    }

    @Test
    void aBadFileIsRefusedWithItsReasonAndTheCurrentVersionStays() {
        String item = item();
        versions.deployGenerated(item, parallel(item), "test");
        String good = ProcessTemplates.xml(ProcessTemplates.model(parallel(item)));

        assertThatThrownBy(() -> versions.upload(item, "broken.xml", "<definitions><process id=".getBytes(StandardCharsets.UTF_8),
                DEPARTMENTS::contains, "admin"))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.bad-bpmn"));
        assertThatThrownBy(() -> versions.upload(item, "other.xml", good.replace(ProcessTemplates.keyOf(item), "item_other")
                        .getBytes(StandardCharsets.UTF_8), DEPARTMENTS::contains, "admin"))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.bpmn-wrong-key"));
        assertThatThrownBy(() -> versions.upload(item, "nodept.xml", good.replace("dept:xfj", "xfj").getBytes(StandardCharsets.UTF_8),
                DEPARTMENTS::contains, "admin"))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.bpmn-task-without-department"));
        assertThatThrownBy(() -> versions.upload(item, "unknown.xml", good.replace("dept:xfj", "dept:nosuch").getBytes(StandardCharsets.UTF_8),
                DEPARTMENTS::contains, "admin"))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.bpmn-unknown-department"));
        assertThatThrownBy(() -> versions.upload(item, "dangling.xml", good.replace("targetRef=\"join\"", "targetRef=\"nowhere\"")
                        .getBytes(StandardCharsets.UTF_8), DEPARTMENTS::contains, "admin"))
                .isInstanceOf(ApprovalProblem.class);

        String script = good.replace("<endEvent id=\"end\"", "<scriptTask id=\"evil\" scriptFormat=\"groovy\"><script>1</script></scriptTask><endEvent id=\"end\"");
        assertThatThrownBy(() -> versions.upload(item, "script.xml", script.getBytes(StandardCharsets.UTF_8), DEPARTMENTS::contains, "admin"))
                .as("a task that runs code is refused").isInstanceOfSatisfying(ApprovalProblem.class,
                        p -> assertThat(p.args()[2].toString()).contains("ScriptTask"));
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>" + good.substring(good.indexOf("<definitions"));
        assertThatThrownBy(() -> versions.upload(item, "xxe.xml", xxe.getBytes(StandardCharsets.UTF_8), DEPARTMENTS::contains, "admin"))
                .isInstanceOfSatisfying(ApprovalProblem.class, p -> assertThat(p.code()).isEqualTo("approval.bad-bpmn"));
        String listener = good.replace("<userTask id=\"decide\"", "<userTask id=\"decide\" flowable:assignee=\"${jdbcClient}\"");
        assertThatThrownBy(() -> versions.upload(item, "assignee.xml", listener.getBytes(StandardCharsets.UTF_8), DEPARTMENTS::contains, "admin"))
                .isInstanceOf(ApprovalProblem.class);

        assertThat(versions.versions(item)).extracting(ProcessVersions.Version::version).containsExactly(1);
    }
}
