package org.zhengtong.approval;

import java.util.Map;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.task.service.impl.persistence.entity.TaskEntity;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengtong.approval.engine.ProcessTemplates;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tells the rest of the platform when a department's task appears, inside the engine's own transaction: the step's
 * clock starts with the department's step limit as the case recorded it.
 */
@Component
class StepListener implements FlowableEventListener {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;

    StepListener(JdbcClient jdbc, ApplicationEventPublisher events, JsonMapper json) {
        this.jdbc = jdbc;
        this.events = events;
        this.json = json;
    }

    @Override
    public void onEvent(FlowableEvent event) {
        if (event.getType() != FlowableEngineEventType.TASK_CREATED || !(event instanceof FlowableEntityEvent e)
                || !(e.getEntity() instanceof TaskEntity task)) {
            return;
        }
        Object number = task.getVariable(Cases.CASE_NUMBER);
        if (number == null) {
            return;
        }
        String department = task.getCandidates().stream().map(l -> l.getGroupId())
                .filter(g -> g != null && g.startsWith(ProcessTemplates.DEPARTMENT_GROUP))
                .map(g -> g.substring(ProcessTemplates.DEPARTMENT_GROUP.length())).findFirst().orElse("");
        var recorded = jdbc.sql("select step_limits from approval.case_file where number = ?").param(number.toString())
                .query(String.class).optional();
        if (recorded.isEmpty()) {
            return; // a process started outside the case engine (a benchmark's bare run): no case, no clock
        }
        Map<String, Integer> limits = json.readValue(recorded.get(), new TypeReference<Map<String, Integer>>() {});
        int limit = limits.getOrDefault(department, limits.values().stream().mapToInt(Integer::intValue).max().orElse(5));
        events.publishEvent(new CaseEvents.StepStarted(number.toString(), task.getTaskDefinitionKey(), department, limit, Cases.today()));
    }

    @Override
    public boolean isFailOnException() {
        return true;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
        return false;
    }

    @Override
    public String getOnTransaction() {
        return "";
    }
}
