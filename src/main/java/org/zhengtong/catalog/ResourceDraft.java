package org.zhengtong.catalog;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.OpenType;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;

/** The metadata a department writes for a resource (编目信息), before the catalog assigns or keeps its code. */
public record ResourceDraft(
        String classification,
        String name,
        String summary,
        @Nullable Format format,
        @Nullable ShareType shareType,
        @Nullable String shareConditions,
        List<ShareWay> shareWays,
        @Nullable String shareBasis,
        @Nullable OpenType openType,
        @Nullable String openConditions,
        @Nullable UpdateCycle updateCycle,
        @Nullable LocalDate publishDate,
        List<String> relatedCodes,
        List<String> keywords,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Nullable String contactEmail,
        List<DataItem> items) {

    public ResourceDraft {
        shareWays = List.copyOf(shareWays);
        relatedCodes = List.copyOf(relatedCodes);
        keywords = List.copyOf(keywords);
        items = List.copyOf(items);
    }
}
