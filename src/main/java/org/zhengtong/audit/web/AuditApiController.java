package org.zhengtong.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengtong.audit.AuditPage;
import org.zhengtong.audit.AuditQueries;
import org.zhengtong.audit.ChainVerification;

/** The audit log for programs (审计接口): the same search as the page, and the chain verification. Read only. */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit · 审计", description = "Search the audit log and verify its chain · 查询审计日志，校验审计链")
class AuditApiController {

    private final AuditQueries queries;
    private final ChainChecks checks;

    AuditApiController(AuditQueries queries, ChainChecks checks) {
        this.queries = queries;
        this.checks = checks;
    }

    @GetMapping("/records")
    @PreAuthorize("hasAuthority('AUDIT_VIEW')")
    @Operation(summary = "Search the audit log · 查询审计日志",
            description = "Matching records newest first, with the total. 按条件查询审计记录，最新的在前，并给出总数。")
    AuditPage records(
            @ParameterObject AuditSearch search,
            @Parameter(description = "Page, from 1 · 页码，从 1 开始") @RequestParam(defaultValue = "1") int page,
            @Parameter(description = "Records per page, at most 200 · 每页条数，最多 200")
            @RequestParam(defaultValue = "" + AuditLogController.PAGE_SIZE) int size) {
        return queries.search(search.toFilter(), page, size);
    }

    @GetMapping("/verification")
    @PreAuthorize("hasAuthority('AUDIT_VERIFY')")
    @Operation(summary = "Verify the audit chain · 校验审计链",
            description = "Checks every record from the first; the check itself is recorded. 从第一条记录起逐条校验，校验本身也记入审计日志。")
    ChainVerification verification() {
        return checks.verify();
    }
}
