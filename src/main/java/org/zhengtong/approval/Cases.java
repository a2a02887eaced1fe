package org.zhengtong.approval;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.task.api.Task;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengtong.approval.clock.CaseClocks;
import org.zhengtong.approval.engine.ProcessTemplates;
import org.zhengtong.approval.engine.ProcessVersions;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.shared.Actor;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Cases (办件), from the online application (外网受理) through the window and the departments (内网办理) to the answer
 * sent back online (外网反馈).
 *
 * <p>An applicant submits a form and materials for a published item; the case gets its number (办件编号) and a query
 * code (查询码) at once, and its statutory clock starts. A window clerk then accepts it — which starts the item's
 * process on Flowable — refuses it with a reason, or asks once for everything missing (一次性告知补正), which pauses
 * the clock until the applicant supplies it. Each department's approvers complete their tasks with a decision and a
 * comment; when the process ends the decision of its last task is the case's result.
 *
 * <p>Every step is one transaction with its audit record and its {@link CaseEvents event}, so the clock, the
 * supervision board and the licence that follow a case never disagree with it. Completing a task of a parallel
 * review can collide with another department completing theirs at the same instant (both reach the join): the
 * loser's transaction fails on Flowable's optimistic lock, rolls back whole, and is retried — a branch is never
 * lost, and never counted twice.
 */
@Service
public class Cases {

    /** The variable holding the case number on every process instance. */
    public static final String CASE_NUMBER = "caseNumber";

    private static final int ATTEMPTS = 8;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** Who applies: the signed-in applicant account and the holder it stands for. */
    public record Applicant(String login, String kind, String holderId, String holderName) {}

    /** One material handed in: an uploaded file, an e-licence the applicant holds, or base-database data. */
    public record MaterialInput(String code, @Nullable String fileName, @Nullable String contentType, byte @Nullable [] content,
            @Nullable String licenceNumber, boolean fromBaseData) {

        public static MaterialInput upload(String code, String fileName, String contentType, byte[] content) {
            return new MaterialInput(code, fileName, contentType, content, null, false);
        }

        public static MaterialInput licence(String code, String licenceNumber) {
            return new MaterialInput(code, null, null, null, licenceNumber, false);
        }

        public static MaterialInput baseData(String code) {
            return new MaterialInput(code, null, null, null, null, true);
        }
    }

    /** A case as its applicant, the window and the departments see it. */
    public record Case(String number, String queryCode, String itemCode, String itemName, int itemVersion, String department,
            String applicant, String holderKind, String holderId, String holderName, Map<String, String> form, CaseStatus status,
            @Nullable String supplementNote, @Nullable String processInstance, Instant submittedAt, @Nullable Instant acceptedAt,
            @Nullable Instant finishedAt, @Nullable String resultReason, @Nullable String licenceNumber, int legalDays,
            int promisedDays, @Nullable String issuesLicence) {}

    /** A material of a case (without its bytes). */
    public record Material(long id, String code, String name, String source, @Nullable String fileName, @Nullable String contentType,
            @Nullable Long size, @Nullable String sm3, @Nullable String licenceNumber, Instant addedAt, boolean replaced) {}

    /** One line of a case's timeline. */
    public record Event(Instant at, String actor, @Nullable String department, String kind, @Nullable String step,
            @Nullable String decision, @Nullable String comment, boolean publicText) {}

    /** A task waiting in a department's worklist, with its case. */
    public record WorkItem(String taskId, String taskName, String step, Instant created, Case caze) {}

    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Materials materials;
    private final TransactionTemplate retried;
    private final CaseItems caseItems;
    private final ProcessVersions processes;

    Cases(JdbcClient jdbc, RuntimeService runtime, TaskService tasks, AuditLog audit, ApplicationEventPublisher events,
            JsonMapper json, Materials materials, PlatformTransactionManager transactions, CaseItems caseItems, ProcessVersions processes) {
        this.caseItems = caseItems;
        this.processes = processes;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.tasks = tasks;
        this.audit = audit;
        this.events = events;
        this.json = json;
        this.materials = materials;
        this.retried = new TransactionTemplate(transactions);
    }

    static LocalDate today() {
        return CaseClocks.today();
    }

    // applying

    /**
     * Submits an application: checks the form and every required material, stores them, numbers the case and starts
     * its clock. A second submission of the same form (the same {@code submissionKey}) is refused with the number of
     * the first, so a double click or a resent request never makes two cases.
     */
    @Transactional
    public Case submit(CaseItem item, Applicant applicant, Map<String, String> form, List<MaterialInput> handedIn, String submissionKey) {
        return submitOn(today(), Instant.now(), item, applicant, form, handedIn, submissionKey);
    }

    /** A submission dated on an earlier day: only the demo city uses it, to show cases at every colour of the clock. */
    Case submitOn(LocalDate day, Instant now, CaseItem item, Applicant applicant, Map<String, String> form, List<MaterialInput> handedIn,
            String submissionKey) {
        jdbc.sql("select number from approval.case_file where submission_key = ?").param(submissionKey).query(String.class).optional()
                .ifPresent(n -> {
                    throw ApprovalProblem.duplicateSubmission(n);
                });
        Map<String, String> cleanForm = new LinkedHashMap<>();
        for (CaseItem.Field f : item.fields()) {
            String value = form.getOrDefault(f.name(), "").strip();
            if (f.required() && value.isEmpty()) {
                throw ApprovalProblem.missingField(f.label());
            }
            if (!value.isEmpty()) {
                cleanForm.put(f.name(), value);
            }
        }
        List<Materials.Checked> checked = materials.check(item.materials(), applicant, handedIn, true);
        String number = DAY.format(day) + String.format("%06d",
                jdbc.sql("select nextval('approval.case_serial')").query(Long.class).single() % 1_000_000);
        String queryCode = String.format("%06d", RANDOM.nextInt(1_000_000));
        int inserted = jdbc.sql("""
                    insert into approval.case_file (number, query_code, item_code, item_name, item_version, department, shape, legal_days,
                      promised_days, step_limits, item_materials, issues_licence, applicant, holder_kind, holder_id, holder_name, form, submission_key,
                      status, submitted_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?, ?, ?, ?::jsonb, ?, 'SUBMITTED', ?)
                    on conflict (submission_key) do nothing""")
                    .params(number, queryCode, item.code(), item.name(), item.version(), item.department(), item.plan().shape().name(),
                            item.legalDays(), item.promisedDays(), json.writeValueAsString(item.stepLimits()),
                            json.writeValueAsString(item.materials()), item.issuesLicence(),
                            applicant.login(), applicant.kind(), applicant.holderId(), applicant.holderName(),
                            json.writeValueAsString(cleanForm), submissionKey, Timestamp.from(now))
                    .update();
        if (inserted == 0) {
            // The same form, sent twice at the same moment: the other request made the case.
            String first = jdbc.sql("select number from approval.case_file where submission_key = ?").param(submissionKey)
                    .query(String.class).optional().orElse("?");
            throw ApprovalProblem.duplicateSubmission(first);
        }
        materials.store(number, checked, now);
        eventAt(now, number, applicant.login(), null, "SUBMITTED", null, null, null, true);
        audit.record(new Actor(applicant.login(), null, Actor.current().address()), "approval.submit", "case:" + number,
                AuditLog.Outcome.SUCCESS, item.code() + " " + item.name());
        events.publishEvent(new CaseEvents.Submitted(number, item, day));
        return find(number).orElseThrow();
    }

    /** The applicant supplies what the window asked for; the case goes back to the window and its clock runs again. */
    @Transactional
    public Case supplement(String number, Applicant applicant, Map<String, String> formChanges, List<MaterialInput> handedIn) {
        Case c = lock(number);
        if (!c.applicant().equals(applicant.login())) {
            throw ApprovalProblem.notYourCase(number);
        }
        if (c.status() != CaseStatus.SUPPLEMENT_REQUESTED) {
            throw ApprovalProblem.wrongState(number, c.status().name());
        }
        if (!formChanges.isEmpty()) {
            Map<String, String> form = new LinkedHashMap<>(c.form());
            formChanges.forEach((k, v) -> {
                if (c.form().containsKey(k) || !v.isBlank()) {
                    form.put(k, v.strip());
                }
            });
            jdbc.sql("update approval.case_file set form = ?::jsonb where number = ?").params(json.writeValueAsString(form), number).update();
        }
        List<CaseItem.RequiredMaterial> asked = json.readValue(jdbc.sql("select item_materials from approval.case_file where number = ?")
                .param(number).query(String.class).single(), new TypeReference<List<CaseItem.RequiredMaterial>>() {});
        materials.supplement(number, asked, handedIn, applicant);
        jdbc.sql("update approval.case_file set status = 'SUBMITTED' where number = ?").param(number).update();
        event(number, applicant.login(), null, "SUPPLEMENTED", null, null, null, true);
        audit.record(new Actor(applicant.login(), null, Actor.current().address()), "approval.supplement", "case:" + number,
                AuditLog.Outcome.SUCCESS, handedIn.size() + " materials");
        events.publishEvent(new CaseEvents.Supplemented(number, today()));
        return find(number).orElseThrow();
    }

    // the window

    /** Cases waiting at the window, oldest first. */
    @Transactional(readOnly = true)
    public List<Case> atTheWindow(int limit) {
        return jdbc.sql(SELECT + " where status in ('SUBMITTED', 'SUPPLEMENT_REQUESTED') order by submitted_at limit ?").param(limit)
                .query(this::row).list();
    }

    /** 受理: the window accepts the case and its process starts on the item's newest process version. */
    @Transactional
    public Case accept(String number, String comment) {
        Case c = lock(number);
        if (c.status() != CaseStatus.SUBMITTED) {
            throw ApprovalProblem.wrongState(number, c.status().name());
        }
        processes.ensure(c.itemCode(), caseItems.current(c.itemCode(), c.itemVersion()).plan());
        Map<String, Object> variables = new HashMap<>();
        variables.put(CASE_NUMBER, number);
        String instance = runtime.startProcessInstanceByKey(ProcessTemplates.keyOf(c.itemCode()), number, variables).getId();
        jdbc.sql("update approval.case_file set status = 'IN_REVIEW', accepted_at = now(), process_instance = ? where number = ?")
                .params(instance, number).update();
        Actor actor = Actor.current();
        event(number, actor.username(), actor.orgUnitCode(), "ACCEPTED", null, null, blankToNull(comment), true);
        audit.record("approval.accept", "case:" + number, c.itemCode());
        events.publishEvent(new CaseEvents.Accepted(number, today()));
        afterEngine(number);
        return find(number).orElseThrow();
    }

    /** 不予受理: the window refuses the case, with the reason the applicant will read. */
    @Transactional
    public Case refuse(String number, String reason) {
        if (reason.isBlank()) {
            throw ApprovalProblem.commentRequired();
        }
        Case c = lock(number);
        if (c.status() != CaseStatus.SUBMITTED && c.status() != CaseStatus.SUPPLEMENT_REQUESTED) {
            throw ApprovalProblem.wrongState(number, c.status().name());
        }
        Actor actor = Actor.current();
        jdbc.sql("update approval.case_file set status = 'REFUSED', finished_at = now(), result_reason = ? where number = ?")
                .params(reason.strip(), number).update();
        event(number, actor.username(), actor.orgUnitCode(), "REFUSED", null, "REFUSE", reason.strip(), true);
        audit.record("approval.refuse", "case:" + number, reason.strip());
        events.publishEvent(new CaseEvents.Finished(number, CaseStatus.REFUSED, reason.strip(), today()));
        return find(number).orElseThrow();
    }

    /** 一次性告知补正: the window says, in one notice, everything that is missing; the clock pauses. */
    @Transactional
    public Case requestSupplement(String number, String note) {
        if (note.isBlank()) {
            throw ApprovalProblem.commentRequired();
        }
        Case c = lock(number);
        if (c.status() != CaseStatus.SUBMITTED) {
            throw ApprovalProblem.wrongState(number, c.status().name());
        }
        Actor actor = Actor.current();
        jdbc.sql("update approval.case_file set status = 'SUPPLEMENT_REQUESTED', supplement_note = ? where number = ?")
                .params(note.strip(), number).update();
        event(number, actor.username(), actor.orgUnitCode(), "SUPPLEMENT_REQUESTED", null, null, note.strip(), true);
        audit.record("approval.request-supplement", "case:" + number, note.strip());
        events.publishEvent(new CaseEvents.SupplementRequested(number, note.strip(), today()));
        return find(number).orElseThrow();
    }

    // the departments

    /** The special procedures (特别程序) whose days the law leaves out of the time limit. */
    public static final List<String> SPECIAL_PROCEDURES = List.of("EXPERT_REVIEW", "HEARING", "PUBLIC_NOTICE", "OTHER");

    /**
     * A department working on the case starts a special procedure — an expert review, a hearing, a public notice —
     * and the case's clock stops until it ends. Only a department with a task of the case may, and one at a time.
     */
    @Transactional
    public Case startSpecialProcedure(String number, String department, String kind, String reason) {
        if (!SPECIAL_PROCEDURES.contains(kind)) {
            throw ApprovalProblem.unknownProcedure(kind);
        }
        if (reason.isBlank()) {
            throw ApprovalProblem.commentRequired();
        }
        Case c = workingOn(number, department);
        if (openSpecial(number) != null) {
            throw ApprovalProblem.wrongState(number, "SPECIAL_PROCEDURE");
        }
        Actor actor = Actor.current();
        event(number, actor.username(), department, "SPECIAL_STARTED", kind, null, reason.strip(), true);
        audit.record("approval.special-start", "case:" + number, kind + " " + reason.strip());
        events.publishEvent(new CaseEvents.SpecialProcedureStarted(c.number(), kind, reason.strip(), today()));
        return find(number).orElseThrow();
    }

    /** The special procedure ends and the clock runs again. */
    @Transactional
    public Case endSpecialProcedure(String number, String department) {
        workingOn(number, department);
        String[] open = openSpecial(number);
        if (open == null) {
            throw ApprovalProblem.wrongState(number, "IN_REVIEW");
        }
        if (!department.equals(open[1])) {
            throw ApprovalProblem.notYourCase(number);
        }
        String kind = open[0];
        Actor actor = Actor.current();
        event(number, actor.username(), department, "SPECIAL_ENDED", kind, null, null, true);
        audit.record("approval.special-end", "case:" + number, kind);
        events.publishEvent(new CaseEvents.SpecialProcedureEnded(number, today()));
        return find(number).orElseThrow();
    }

    /** The special procedure a case is in, or null. */
    @Transactional(readOnly = true)
    public @Nullable String special(String number) {
        String[] open = openSpecial(number);
        return open == null ? null : open[0];
    }

    /** The open special procedure of a case, as its kind and the department that started it; null when none. */
    private String @Nullable [] openSpecial(String number) {
        return jdbc.sql("""
                select kind, step, department from approval.case_event where case_number = ? and kind in ('SPECIAL_STARTED', 'SPECIAL_ENDED')
                order by id desc limit 1""").param(number)
                .query((rs, n) -> "SPECIAL_STARTED".equals(rs.getString(1)) ? new String[] {rs.getString(2), rs.getString(3)} : null)
                .optional().orElse(null);
    }

    private Case workingOn(String number, String department) {
        Case c = lock(number);
        if (c.status() != CaseStatus.IN_REVIEW) {
            throw ApprovalProblem.wrongState(number, c.status().name());
        }
        boolean hasTask = c.processInstance() != null && tasks.createTaskQuery().processInstanceId(c.processInstance())
                .taskCandidateGroup(ProcessTemplates.DEPARTMENT_GROUP + department).count() > 0;
        if (!hasTask) {
            throw ApprovalProblem.notYourCase(number);
        }
        return c;
    }

    /** The tasks waiting for a department, oldest first. */
    @Transactional(readOnly = true)
    public List<WorkItem> worklist(String department, int limit) {
        List<Task> open = tasks.createTaskQuery().taskCandidateGroup(ProcessTemplates.DEPARTMENT_GROUP + department)
                .orderByTaskCreateTime().asc().listPage(0, limit);
        List<WorkItem> items = new ArrayList<>();
        for (Task t : open) {
            String number = String.valueOf(tasks.getVariable(t.getId(), CASE_NUMBER));
            find(number).ifPresent(c -> items.add(new WorkItem(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getCreateTime().toInstant(), c)));
        }
        return items;
    }

    /** One task waiting for the department, with its case; empty when there is none such. */
    @Transactional(readOnly = true)
    public Optional<WorkItem> workItem(String taskId, String department) {
        Task t = tasks.createTaskQuery().taskId(taskId).taskCandidateGroup(ProcessTemplates.DEPARTMENT_GROUP + department).singleResult();
        if (t == null) {
            return Optional.empty();
        }
        String number = String.valueOf(tasks.getVariable(t.getId(), CASE_NUMBER));
        return find(number).map(c -> new WorkItem(t.getId(), t.getName(), t.getTaskDefinitionKey(), t.getCreateTime().toInstant(), c));
    }

    /** Whether a department takes part in a case: its implementing department or one with a step of it. */
    @Transactional(readOnly = true)
    public boolean involves(String number, String department) {
        return jdbc.sql("select count(*) from approval.case_file where number = ? and (department = ? or jsonb_exists(step_limits, ?))")
                .params(number, department, department).query(Long.class).single() > 0;
    }

    /**
     * A department's approver completes a task with a decision (APPROVE or REJECT) and a comment. When the process
     * ends, the case ends with that decision. Collisions with a parallel branch are retried; see the class comment.
     *
     * @param department the approver's department: the task must be waiting for it
     */
    public Case complete(String taskId, String department, boolean approve, String comment) {
        if (comment.isBlank()) {
            throw ApprovalProblem.commentRequired();
        }
        Actor actor = Actor.current();
        for (int attempt = 1; ; attempt++) {
            try {
                return retried.execute(tx -> completeOnce(taskId, department, approve, comment.strip(), actor));
            } catch (FlowableOptimisticLockingException | ConcurrencyFailureException e) {
                if (attempt >= ATTEMPTS) {
                    throw ApprovalProblem.busy(taskId);
                }
                backOff(attempt);
            }
        }
    }

    private Case completeOnce(String taskId, String department, boolean approve, String comment, Actor actor) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw ApprovalProblem.taskGone(taskId);
        }
        boolean ours = tasks.getIdentityLinksForTask(taskId).stream()
                .anyMatch(l -> (ProcessTemplates.DEPARTMENT_GROUP + department).equals(l.getGroupId()));
        if (!ours) {
            throw ApprovalProblem.notYourTask(taskId);
        }
        String number = String.valueOf(tasks.getVariable(taskId, CASE_NUMBER));
        Case c = lock(number);
        if (c.status() != CaseStatus.IN_REVIEW) {
            throw ApprovalProblem.wrongState(number, c.status().name());
        }
        String[] open = openSpecial(number);
        if (open != null && department.equals(open[1])) {
            throw ApprovalProblem.wrongState(number, "SPECIAL_PROCEDURE");
        }
        String decision = approve ? "APPROVE" : "REJECT";
        try {
            tasks.complete(taskId, Map.of(ProcessTemplates.DECISION, decision, "lastComment", comment));
        } catch (FlowableObjectNotFoundException e) {
            throw ApprovalProblem.taskGone(taskId);
        }
        event(number, actor.username(), department, "REVIEWED", task.getTaskDefinitionKey(), decision, comment, false);
        audit.record(actor, "approval.review", "case:" + number, AuditLog.Outcome.SUCCESS, task.getTaskDefinitionKey() + " " + decision);
        events.publishEvent(new CaseEvents.StepEnded(number, task.getTaskDefinitionKey(), department, decision, today()));
        afterEngine(number);
        return find(number).orElseThrow();
    }

    /** After the engine moved: if the process has ended, the case ends with the last decision. */
    private void afterEngine(String number) {
        Case c = find(number).orElseThrow();
        if (c.processInstance() == null || c.status() != CaseStatus.IN_REVIEW) {
            return;
        }
        boolean running = runtime.createProcessInstanceQuery().processInstanceId(c.processInstance()).count() > 0;
        if (running) {
            return;
        }
        var last = jdbc.sql("""
                select decision, comment from approval.case_event where case_number = ? and kind = 'REVIEWED' order by id desc limit 1""")
                .param(number).query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).optional();
        boolean approved = last.map(l -> "APPROVE".equals(l[0])).orElse(true);
        String reason = last.map(l -> l[1]).orElse(null);
        CaseStatus result = approved ? CaseStatus.APPROVED : CaseStatus.REJECTED;
        String stillOpen = special(number);
        if (stillOpen != null) {
            event(number, "system", c.department(), "SPECIAL_ENDED", stillOpen, null, null, true);
            events.publishEvent(new CaseEvents.SpecialProcedureEnded(number, today()));
        }
        jdbc.sql("update approval.case_file set status = ?, finished_at = now(), result_reason = ? where number = ?")
                .params(result.name(), reason, number).update();
        event(number, "system", c.department(), result.name(), null, approved ? "APPROVE" : "REJECT", reason, true);
        events.publishEvent(new CaseEvents.Finished(number, result, reason, today()));
    }

    /** Records the e-licence an approved case issued. */
    @Transactional
    public void licenceIssued(String number, String licenceNumber) {
        jdbc.sql("update approval.case_file set licence_number = ? where number = ?").params(licenceNumber, number).update();
        event(number, "system", null, "LICENCE_ISSUED", null, null, licenceNumber, true);
    }

    /** Records, for the departments only, why an approved case issued no licence. */
    @Transactional
    public void licenceFailed(String number, String reason) {
        event(number, "system", null, "LICENCE_FAILED", null, null, reason, false);
    }

    // reading

    @Transactional(readOnly = true)
    public Optional<Case> find(String number) {
        return jdbc.sql(SELECT + " where number = ?").param(number).query(this::row).optional();
    }

    /** A case for someone who knows its number and query code: the public progress query (办件查询). */
    @Transactional(readOnly = true)
    public Case progress(String number, String queryCode) {
        return find(number.strip()).filter(c -> c.queryCode().equals(queryCode.strip()))
                .orElseThrow(() -> ApprovalProblem.unknownCase(number.strip()));
    }

    /**
     * Cases whose number, item or holder name contains the text, in one state or all, newest first; with a department,
     * only the cases it takes part in.
     */
    @Transactional(readOnly = true)
    public List<Case> search(@Nullable String text, @Nullable CaseStatus status, @Nullable String department, int limit) {
        String like = text == null || text.isBlank() ? null : "%" + text.strip().replace("%", "").replace("_", "") + "%";
        return jdbc.sql(SELECT + "\n" + """
                 where (cast(:like as text) is null or number like :like or item_name like :like or holder_name like :like)
                   and (cast(:status as text) is null or status = :status)
                   and (cast(:dept as text) is null or department = :dept or jsonb_exists(step_limits, :dept))
                 order by submitted_at desc limit :limit""")
                .param("like", like).param("status", status == null ? null : status.name()).param("dept", department).param("limit", limit)
                .query(this::row).list();
    }

    /** The applicant's own cases, newest first. */
    @Transactional(readOnly = true)
    public List<Case> ofApplicant(String login, int limit) {
        return jdbc.sql(SELECT + " where applicant = ? order by submitted_at desc limit ?").params(login, limit).query(this::row).list();
    }

    @Transactional(readOnly = true)
    public List<Event> timeline(String number, boolean publicOnly) {
        return jdbc.sql("""
                select at, actor, department, kind, step, decision, comment, public_text from approval.case_event
                where case_number = ? and (public_text or not ?) order by id""")
                .params(number, publicOnly)
                .query((rs, n) -> new Event(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8)))
                .list();
    }

    /** An uploaded material's file. */
    public record MaterialFile(String fileName, String contentType, byte[] content) {}

    @Transactional(readOnly = true)
    public Optional<MaterialFile> materialFile(String number, long id) {
        return materials.content(number, id).map(o -> new MaterialFile((String) o[0], (String) o[1], (byte[]) o[2]));
    }

    @Transactional(readOnly = true)
    public List<Material> materialsOf(String number) {
        return materials.of(number);
    }

    // internals

    private Case lock(String number) {
        return jdbc.sql(SELECT + " where number = ? for update").param(number).query(this::row).optional()
                .orElseThrow(() -> ApprovalProblem.unknownCase(number));
    }

    private void event(String number, String actor, @Nullable String department, String kind, @Nullable String step,
            @Nullable String decision, @Nullable String comment, boolean publicText) {
        eventAt(Instant.now(), number, actor, department, kind, step, decision, comment, publicText);
    }

    private void eventAt(Instant at, String number, String actor, @Nullable String department, String kind, @Nullable String step,
            @Nullable String decision, @Nullable String comment, boolean publicText) {
        jdbc.sql("""
                insert into approval.case_event (case_number, at, actor, department, kind, step, decision, comment, public_text)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(number, Timestamp.from(at), actor, department, kind, step, decision, comment, publicText).update();
    }

    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(5, 20L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying", e);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static final String SELECT = """
            select number, query_code, item_code, item_name, item_version, department, applicant, holder_kind, holder_id, holder_name,
                   form, status, supplement_note, process_instance, submitted_at, accepted_at, finished_at, result_reason, licence_number,
                   legal_days, promised_days, issues_licence
            from approval.case_file""";

    private Case row(ResultSet rs, int n) throws SQLException {
        Map<String, String> form = json.readValue(rs.getString("form"), new TypeReference<LinkedHashMap<String, String>>() {});
        return new Case(rs.getString("number"), rs.getString("query_code"), rs.getString("item_code"), rs.getString("item_name"),
                rs.getInt("item_version"), rs.getString("department"), rs.getString("applicant"), rs.getString("holder_kind"),
                rs.getString("holder_id"), rs.getString("holder_name"), form, CaseStatus.valueOf(rs.getString("status")),
                rs.getString("supplement_note"), rs.getString("process_instance"), rs.getTimestamp("submitted_at").toInstant(),
                instant(rs.getTimestamp("accepted_at")), instant(rs.getTimestamp("finished_at")), rs.getString("result_reason"),
                rs.getString("licence_number"), rs.getInt("legal_days"), rs.getInt("promised_days"), rs.getString("issues_licence"));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
