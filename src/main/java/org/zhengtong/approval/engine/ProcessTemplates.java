package org.zhengtong.approval.engine;

import java.util.ArrayList;
import java.util.List;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.StartEvent;
import org.flowable.bpmn.model.UserTask;

/**
 * The three process templates of one-stop approval, written out as BPMN 2.0 so that an administrator can download a
 * generated process, adapt it in any BPMN editor and upload it again as a new version (柔性定制).
 *
 * <ul>
 *   <li><b>SINGLE</b>: one department reviews and decides.</li>
 *   <li><b>PARALLEL</b> (并联审批): the reviewing departments work at the same time; when all have given their
 *       opinion the lead department (牵头部门) decides.</li>
 *   <li><b>SEQUENCE</b>: the departments review one after another; a rejection ends the case at once.</li>
 * </ul>
 *
 * <p>Every user task names its department in exactly one candidate group {@code dept:<org unit code>}: that is how
 * the case engine knows whose task it is, and what an uploaded process must keep. The case's result is the
 * decision of the last task completed before the process ends.
 */
public final class ProcessTemplates {

    /** The candidate-group prefix that binds a user task to a department. */
    public static final String DEPARTMENT_GROUP = "dept:";

    /** The process variable in which each completed task leaves its decision (APPROVE or REJECT). */
    public static final String DECISION = "decision";

    private ProcessTemplates() {}

    /** The process definition key of a service item: BPMN ids must be XML names, so other characters become '_'. */
    public static String keyOf(String itemCode) {
        return "item_" + itemCode.replaceAll("[^A-Za-z0-9_\\-]", "_");
    }

    public static BpmnModel model(ProcessPlan plan) {
        Process process = new Process();
        process.setId(plan.key());
        process.setName(plan.name());
        process.setExecutable(true);
        var builder = new Builder(process);
        StartEvent start = builder.add(new StartEvent(), "start", "提交");
        EndEvent done = builder.add(new EndEvent(), "end", "办结");
        switch (plan.shape()) {
            case SINGLE -> {
                UserTask task = builder.task("review", plan.steps().get(0), "审查决定");
                builder.flow(start, task);
                builder.flow(task, done);
            }
            case PARALLEL -> {
                ParallelGateway fork = builder.add(new ParallelGateway(), "fork", "分送并联审查");
                ParallelGateway join = builder.add(new ParallelGateway(), "join", "汇总意见");
                builder.flow(start, fork);
                int n = 0;
                for (ProcessPlan.Department d : plan.steps()) {
                    UserTask task = builder.task("review_" + (++n), d, "并联审查");
                    builder.flow(fork, task);
                    builder.flow(task, join);
                }
                UserTask decide = builder.task("decide", plan.lead(), "牵头决定");
                builder.flow(join, decide);
                builder.flow(decide, done);
            }
            case SEQUENCE -> {
                EndEvent rejected = builder.add(new EndEvent(), "rejected", "不予许可");
                FlowElement previous = start;
                int n = 0;
                for (ProcessPlan.Department d : plan.steps()) {
                    UserTask task = builder.task("review_" + (++n), d, "审查");
                    builder.next(previous, task);
                    ExclusiveGateway passed = builder.add(new ExclusiveGateway(), "passed_" + n, "是否通过");
                    builder.flow(task, passed);
                    builder.conditional(passed, rejected, "${" + DECISION + " == 'REJECT'}");
                    previous = passed;
                }
                builder.next(previous, done);
            }
        }
        BpmnModel model = new BpmnModel();
        model.addProcess(process);
        return model;
    }

    public static String xml(BpmnModel model) {
        return new String(new BpmnXMLConverter().convertToXML(model), java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The department codes a process's user tasks are bound to, in document order; empty for a task bound to none. */
    public static List<String> departmentsOf(Process process) {
        List<String> codes = new ArrayList<>();
        for (UserTask task : process.findFlowElementsOfType(UserTask.class)) {
            task.getCandidateGroups().stream().filter(g -> g.startsWith(DEPARTMENT_GROUP)).findFirst()
                    .ifPresentOrElse(g -> codes.add(g.substring(DEPARTMENT_GROUP.length())), () -> codes.add(""));
        }
        return codes;
    }

    private static final class Builder {

        private final Process process;
        private int flows;

        Builder(Process process) {
            this.process = process;
        }

        <T extends FlowElement> T add(T element, String id, String name) {
            element.setId(id);
            element.setName(name);
            process.addFlowElement(element);
            return element;
        }

        UserTask task(String id, ProcessPlan.Department department, String what) {
            UserTask task = add(new UserTask(), id, department.name() + what);
            task.setCandidateGroups(List.of(DEPARTMENT_GROUP + department.code()));
            return task;
        }

        SequenceFlow flow(FlowElement from, FlowElement to) {
            SequenceFlow flow = new SequenceFlow(from.getId(), to.getId());
            flow.setId("flow_" + (++flows));
            process.addFlowElement(flow);
            return flow;
        }

        /** A flow that, leaving an exclusive gateway, is the one taken when no condition holds. */
        void next(FlowElement from, FlowElement to) {
            SequenceFlow flow = flow(from, to);
            if (from instanceof ExclusiveGateway gateway) {
                gateway.setDefaultFlow(flow.getId());
            }
        }

        void conditional(FlowElement from, FlowElement to, String condition) {
            flow(from, to).setConditionExpression(condition);
        }
    }
}
