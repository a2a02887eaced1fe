package org.zhengtong.basedata.web;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengtong.basedata.Conflicts;
import org.zhengtong.basedata.Conflicts.Decision;
import org.zhengtong.basedata.Conflicts.Filter;
import org.zhengtong.basedata.SourceBatch;
import org.zhengtong.shared.InvalidInput;

/**
 * The steward's conflicts as an API, for a department's data-governance tools: the queue, one conflict, and a
 * decision. Refusals are RFC 9457 problem+json with a stable code ({@code basedata.conflict-closed} when the
 * conflict was decided already).
 */
@RestController
@RequestMapping("/api/v1/basedata/conflicts")
class ConflictsApiController {

    private final Conflicts conflicts;

    ConflictsApiController(Conflicts conflicts) {
        this.conflicts = conflicts;
    }

    /** A conflict as the API shows it; the field by its column name. */
    record ConflictJson(long id, String base, String subject, String field, String department, @Nullable String value, SourceBatch batch,
            @Nullable String authorityDepartment, @Nullable String authorityValue, String status, Instant openedAt, @Nullable String resolvedBy,
            @Nullable Instant resolvedAt, @Nullable String note) {

        static ConflictJson of(Conflicts.Conflict c) {
            return new ConflictJson(c.id(), c.base().name(), c.subject(), c.field().column(), c.department(), c.value(), c.batch(),
                    c.authorityDepartment(), c.authorityValue(), c.status(), c.openedAt(), c.resolvedBy(), c.resolvedAt(), c.note());
        }
    }

    record QueueJson(List<ConflictJson> conflicts, long total, int page, int size) {}

    record DetailJson(ConflictJson conflict, @Nullable String currentValue, @Nullable SourceBatch currentBatch) {}

    /** A decision: {@code KEEP}, {@code ACCEPT} or {@code RETURN}, and the comment (required). */
    record DecisionJson(@Nullable String decision, @Nullable String comment) {}

    @GetMapping
    @PreAuthorize("hasAuthority('BASEDATA_STEWARD')")
    QueueJson queue(@RequestParam(required = false) @Nullable String base, @RequestParam(required = false) @Nullable String field,
            @RequestParam(required = false) @Nullable String department, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        Conflicts.Page p = conflicts.queue(new Filter(StewardPages.base(base), field, department), page, size);
        return new QueueJson(p.conflicts().stream().map(ConflictJson::of).toList(), p.total(), p.page(), p.size());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAuthority('BASEDATA_STEWARD')")
    DetailJson conflict(@PathVariable long id) {
        Conflicts.Detail d = conflicts.detail(id);
        return new DetailJson(ConflictJson.of(d.conflict()), d.currentValue(), d.currentBatch());
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize("hasAuthority('BASEDATA_STEWARD')")
    ConflictJson decide(@PathVariable long id, @RequestBody(required = false) @Nullable DecisionJson body) {
        DecisionJson b = body == null ? new DecisionJson(null, null) : body;
        return ConflictJson.of(conflicts.decide(id, decision(b.decision()), b.comment()));
    }

    static Decision decision(@Nullable String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInput.of("decision", "basedata.conflict.decision.required");
        }
        try {
            return Decision.valueOf(name.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of("decision", "basedata.conflict.decision.unknown", name);
        }
    }
}
