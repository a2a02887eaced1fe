package org.zhengtong.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zhengtong.catalog.Vocabulary.Category;

/**
 * A catalog entry (目录条目) as read: one version of a resource with its code, classification, provider,
 * lifecycle status and metadata. A published resource changes only by publishing a new version; earlier
 * versions stay readable.
 */
public record Resource(
        String code,
        String classification,
        String classificationName,
        String provider,
        String providerName,
        String providerCode,
        ResourceStatus status,
        int version,
        VersionStatus versionStatus,
        @Nullable Integer publishedVersion,
        ResourceDraft content,
        String editedBy,
        Instant editedAt,
        @Nullable String reviewedBy,
        @Nullable String reviewComment) {

    public Category category() {
        return Category.of(classification);
    }

    public String name() {
        return content.name();
    }

    public @Nullable LocalDate publishDate() {
        return content.publishDate();
    }

    public List<DataItem> items() {
        return content.items();
    }

    /** Where a resource stands in its lifecycle (草稿 → 提交 → 审核 → 发布 → 变更 / 撤销). */
    public enum ResourceStatus {
        DRAFT, SUBMITTED, PUBLISHED, REVOKED
    }

    /** Where one version stands: a published version is superseded when the next one is published. */
    public enum VersionStatus {
        DRAFT, SUBMITTED, PUBLISHED, SUPERSEDED, REVOKED
    }
}
