package org.zhengtong.approval.engine;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.exceptions.XMLException;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.UserTask;
import org.flowable.common.engine.api.FlowableException;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.repository.ProcessDefinition;
import org.flowable.validation.ValidationError;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.approval.ApprovalProblem;
import org.zhengtong.audit.AuditLog;

/**
 * The versions of each service item's process (流程版本). A new version is deployed when an item is published with a
 * changed plan, or when an administrator uploads an adapted BPMN file (柔性定制); new cases start on the newest
 * version while running cases finish on the version they started on (刚性运行) — Flowable keeps every deployed
 * definition, and a process instance stays bound to its own.
 *
 * <p>An upload is checked before anything is deployed: it must parse as BPMN 2.0 (the error names the file and
 * line), keep the item's process id, bind every user task to an existing department, and pass Flowable's own
 * validation. A file that fails any check leaves the current version in force.
 */
@Service
public class ProcessVersions {

    /** One deployed version of an item's process. */
    public record Version(int version, String definitionId, Instant deployedAt, String deployedBy, long runningCases) {}

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final AuditLog audit;

    ProcessVersions(RepositoryService repository, RuntimeService runtime, AuditLog audit) {
        this.repository = repository;
        this.runtime = runtime;
        this.audit = audit;
    }

    /** Deploys the generated process of a plan, unless its newest version already is exactly that process. */
    @Transactional
    public Optional<Version> deployGenerated(String itemCode, ProcessPlan plan, String by) {
        String xml = ProcessTemplates.xml(ProcessTemplates.model(plan));
        Optional<ProcessDefinition> latest = latest(ProcessTemplates.keyOf(itemCode));
        if (latest.isPresent() && xml.equals(xmlOf(latest.get()))) {
            return Optional.empty();
        }
        return Optional.of(deploy(itemCode, xml, GENERATED, by));
    }

    /**
     * Makes sure an item has a process to start a case on: the generated one when there is none yet, or when the
     * newest was generated from another plan. An uploaded version stays the newest until someone uploads again:
     * an administrator's adaptation is not overwritten by the template.
     */
    @Transactional
    public void ensure(String itemCode, ProcessPlan plan) {
        Optional<ProcessDefinition> latest = latest(ProcessTemplates.keyOf(itemCode));
        if (latest.isEmpty()) {
            deployGenerated(itemCode, plan, "system");
            return;
        }
        var deployment = repository.createDeploymentQuery().deploymentId(latest.get().getDeploymentId()).singleResult();
        if (GENERATED.equals(deployment.getCategory())) {
            deployGenerated(itemCode, plan, "system");
        }
    }

    private static final String GENERATED = "generated";

    /**
     * Checks and deploys an uploaded BPMN file as the item's newest process version.
     *
     * @param isDepartment whether an org unit code names an existing department
     */
    @Transactional
    public Version upload(String itemCode, String fileName, byte[] content, Predicate<String> isDepartment, String by) {
        BpmnModel model = parse(fileName, content);
        String key = ProcessTemplates.keyOf(itemCode);
        if (model.getProcesses().size() != 1) {
            throw ApprovalProblem.badBpmn(fileName, 0, "exactly one <process> is allowed, found " + model.getProcesses().size());
        }
        Process process = model.getMainProcess();
        if (process == null || !key.equals(process.getId())) {
            throw ApprovalProblem.bpmnWrongKey(fileName, process == null ? "-" : process.getId(), key);
        }
        for (FlowElement element : process.getFlowElements()) {
            if (!ALLOWED.contains(element.getClass())) {
                throw ApprovalProblem.badBpmn(fileName, element.getXmlRowNumber(), element.getId() + ": "
                        + element.getClass().getSimpleName() + " is not allowed; use user tasks, gateways, start and end events");
            }
            if (element instanceof org.flowable.bpmn.model.Event event && !event.getEventDefinitions().isEmpty()) {
                throw ApprovalProblem.badBpmn(fileName, element.getXmlRowNumber(), element.getId() + ": timer, message and other event definitions are not allowed");
            }
            if (!element.getExecutionListeners().isEmpty()
                    || element instanceof UserTask task && (!task.getTaskListeners().isEmpty() || task.getAssignee() != null)) {
                throw ApprovalProblem.badBpmn(fileName, element.getXmlRowNumber(), element.getId() + ": listeners and assignees are not allowed");
            }
        }
        if (!process.getExecutionListeners().isEmpty()) {
            throw ApprovalProblem.badBpmn(fileName, 0, "process listeners are not allowed");
        }
        for (UserTask task : process.findFlowElementsOfType(UserTask.class)) {
            String department = task.getCandidateGroups().stream().filter(g -> g.startsWith(ProcessTemplates.DEPARTMENT_GROUP))
                    .map(g -> g.substring(ProcessTemplates.DEPARTMENT_GROUP.length())).findFirst().orElse(null);
            if (department == null) {
                throw ApprovalProblem.bpmnTaskWithoutDepartment(fileName, task.getId());
            }
            if (!isDepartment.test(department)) {
                throw ApprovalProblem.bpmnUnknownDepartment(fileName, task.getId(), department);
            }
        }
        List<ValidationError> errors = repository.validateProcess(model).stream().filter(e -> !e.isWarning()).toList();
        if (!errors.isEmpty()) {
            ValidationError first = errors.get(0);
            throw ApprovalProblem.badBpmn(fileName, first.getXmlLineNumber(),
                    first.getActivityId() == null ? first.getDefaultDescription() : first.getActivityId() + ": " + first.getDefaultDescription());
        }
        try {
            return deploy(itemCode, new String(content, StandardCharsets.UTF_8), fileName, by);
        } catch (XMLException | FlowableException e) {
            throw ApprovalProblem.badBpmn(fileName, 0, firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** Every version of an item's process, newest first. */
    @Transactional(readOnly = true)
    public List<Version> versions(String itemCode) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(ProcessTemplates.keyOf(itemCode))
                .orderByProcessDefinitionVersion().desc().list().stream().map(this::version).toList();
    }

    /** The BPMN XML of one version of an item's process. */
    @Transactional(readOnly = true)
    public Optional<String> xml(String itemCode, int version) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(ProcessTemplates.keyOf(itemCode))
                .processDefinitionVersion(version).singleResult()).map(this::xmlOf);
    }

    public Optional<ProcessDefinition> latest(String key) {
        return Optional.ofNullable(repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult());
    }

    private Version deploy(String itemCode, String xml, String source, String by) {
        var deployment = repository.createDeployment()
                .key(ProcessTemplates.keyOf(itemCode))
                .name(by)
                .category(source.length() > 200 ? source.substring(0, 200) : source)
                .addString(ProcessTemplates.keyOf(itemCode) + ".bpmn20.xml", xml)
                .deploy();
        ProcessDefinition definition = repository.createProcessDefinitionQuery().deploymentId(deployment.getId()).singleResult();
        audit.record("approval.process-deploy", "item:" + itemCode,
                "version " + definition.getVersion() + " from " + source);
        return version(definition);
    }

    private Version version(ProcessDefinition d) {
        var deployment = repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
        long running = runtime.createProcessInstanceQuery().processDefinitionId(d.getId()).count();
        return new Version(d.getVersion(), d.getId(), deployment.getDeploymentTime().toInstant(), deployment.getName(), running);
    }

    private String xmlOf(ProcessDefinition d) {
        try (var in = repository.getResourceAsStream(d.getDeploymentId(), d.getResourceName())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static BpmnModel parse(String fileName, byte[] content) {
        String head = new String(content, 0, Math.min(content.length, 4096), StandardCharsets.UTF_8);
        if (head.contains("<!DOCTYPE") || head.contains("<!ENTITY")) {
            throw ApprovalProblem.badBpmn(fileName, 1, "a DOCTYPE or entity declaration is not allowed");
        }
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            var reader = factory.createXMLStreamReader(new ByteArrayInputStream(content), "UTF-8");
            BpmnModel model = new BpmnXMLConverter().convertToBpmnModel(reader);
            if (model.getProcesses().isEmpty()) {
                throw ApprovalProblem.badBpmn(fileName, 1, "no <process> element");
            }
            return model;
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw ApprovalProblem.badBpmn(fileName, line, e.getMessage() == null ? "malformed XML" : firstLine(e.getMessage()));
        } catch (RuntimeException e) {
            if (e instanceof ApprovalProblem problem) {
                throw problem;
            }
            throw ApprovalProblem.badBpmn(fileName, 0, firstLine(String.valueOf(e.getMessage())));
        }
    }

    /** What an uploaded approval process may be made of: people's tasks and the flow between them, nothing that runs code. */
    private static final java.util.Set<Class<?>> ALLOWED = java.util.Set.of(org.flowable.bpmn.model.StartEvent.class,
            org.flowable.bpmn.model.EndEvent.class, UserTask.class, org.flowable.bpmn.model.ExclusiveGateway.class,
            org.flowable.bpmn.model.ParallelGateway.class, org.flowable.bpmn.model.InclusiveGateway.class,
            org.flowable.bpmn.model.SequenceFlow.class);

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
