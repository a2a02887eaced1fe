package org.zhengtong.approval;

import org.springframework.http.HttpStatus;
import org.zhengtong.shared.PlatformException;

/** Why one-stop approval refused a request; each has a stable code and a message in both languages. */
public final class ApprovalProblem extends PlatformException {

    private ApprovalProblem(String code, HttpStatus status, Object... args) {
        super("approval." + code, status, args);
    }

    public static ApprovalProblem badBpmn(String file, int line, String reason) {
        return new ApprovalProblem("bad-bpmn", HttpStatus.BAD_REQUEST, file, line, reason);
    }

    public static ApprovalProblem bpmnWrongKey(String file, String found, String expected) {
        return new ApprovalProblem("bpmn-wrong-key", HttpStatus.BAD_REQUEST, file, found, expected);
    }

    public static ApprovalProblem bpmnTaskWithoutDepartment(String file, String task) {
        return new ApprovalProblem("bpmn-task-without-department", HttpStatus.BAD_REQUEST, file, task);
    }

    public static ApprovalProblem bpmnUnknownDepartment(String file, String task, String department) {
        return new ApprovalProblem("bpmn-unknown-department", HttpStatus.BAD_REQUEST, file, task, department);
    }

    public static ApprovalProblem unknownItem(String code) {
        return new ApprovalProblem("unknown-item", HttpStatus.NOT_FOUND, code);
    }

    public static ApprovalProblem unknownCase(String number) {
        return new ApprovalProblem("unknown-case", HttpStatus.NOT_FOUND, number);
    }

    public static ApprovalProblem wrongState(String number, String state) {
        return new ApprovalProblem("wrong-state", HttpStatus.CONFLICT, number, state);
    }

    public static ApprovalProblem notYourTask(String taskId) {
        return new ApprovalProblem("not-your-task", HttpStatus.FORBIDDEN, taskId);
    }

    public static ApprovalProblem unknownTask(String taskId) {
        return new ApprovalProblem("unknown-task", HttpStatus.NOT_FOUND, taskId);
    }

    public static ApprovalProblem taskGone(String taskId) {
        return new ApprovalProblem("task-gone", HttpStatus.CONFLICT, taskId);
    }

    public static ApprovalProblem notYourCase(String number) {
        return new ApprovalProblem("not-your-case", HttpStatus.FORBIDDEN, number);
    }

    public static ApprovalProblem missingMaterial(String material) {
        return new ApprovalProblem("missing-material", HttpStatus.BAD_REQUEST, material);
    }

    public static ApprovalProblem missingField(String field) {
        return new ApprovalProblem("missing-field", HttpStatus.BAD_REQUEST, field);
    }

    public static ApprovalProblem badUpload(String file, String material, String reason) {
        return new ApprovalProblem("bad-upload", HttpStatus.BAD_REQUEST, file, material, reason);
    }

    public static ApprovalProblem uploadTooLarge(String file, long maxMegabytes) {
        return new ApprovalProblem("upload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, file, maxMegabytes);
    }

    public static ApprovalProblem duplicateSubmission(String number) {
        return new ApprovalProblem("duplicate-submission", HttpStatus.CONFLICT, number);
    }

    public static ApprovalProblem commentRequired() {
        return new ApprovalProblem("comment-required", HttpStatus.BAD_REQUEST);
    }

    public static ApprovalProblem unknownProcedure(String kind) {
        return new ApprovalProblem("unknown-procedure", HttpStatus.BAD_REQUEST, kind);
    }

    public static ApprovalProblem decisionRequired() {
        return new ApprovalProblem("decision-required", HttpStatus.BAD_REQUEST);
    }

    public static ApprovalProblem notAnApplicant() {
        return new ApprovalProblem("not-an-applicant", HttpStatus.FORBIDDEN);
    }

    public static ApprovalProblem notADepartment() {
        return new ApprovalProblem("not-a-department", HttpStatus.FORBIDDEN);
    }

    public static ApprovalProblem busy(String number) {
        return new ApprovalProblem("busy", HttpStatus.CONFLICT, number);
    }
}
