package org.zhengtong.catalog.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.Vocabulary;

/**
 * The catalog entry form as posted. Data items arrive as parallel lists, one value per row of the items table;
 * rows left without a name are ignored, so the form can always offer a few empty rows to fill in.
 */
record ResourceForm(
        @Nullable String classification,
        @Nullable String name,
        @Nullable String summary,
        Vocabulary.@Nullable Format format,
        Vocabulary.@Nullable ShareType shareType,
        @Nullable String shareConditions,
        @Nullable List<Vocabulary.ShareWay> shareWays,
        @Nullable String shareBasis,
        Vocabulary.@Nullable OpenType openType,
        @Nullable String openConditions,
        Vocabulary.@Nullable UpdateCycle updateCycle,
        @Nullable String relatedCodes,
        @Nullable String keywords,
        @Nullable String contactName,
        @Nullable String contactPhone,
        @Nullable String contactEmail,
        @Nullable List<String> itemName,
        @Nullable List<String> itemType,
        @Nullable List<String> itemLength,
        @Nullable List<String> itemDescription,
        @Nullable List<String> itemFlags,
        @Nullable List<String> itemStandard) {

    ResourceDraft toDraft(@Nullable LocalDate publishDate) {
        List<DataItem> items = new ArrayList<>();
        List<String> names = orEmpty(itemName);
        for (int i = 0; i < names.size(); i++) {
            String n = names.get(i);
            if (n == null || n.isBlank()) {
                continue;
            }
            String flags = at(itemFlags, i);
            Vocabulary.DataType type = Vocabulary.parse(Vocabulary.DataType.class, at(itemType, i)).orElse(Vocabulary.DataType.STRING);
            Integer length = null;
            String l = at(itemLength, i);
            if (!l.isBlank()) {
                try {
                    length = Integer.valueOf(l.strip());
                } catch (NumberFormatException e) {
                    length = -1;
                }
            }
            items.add(new DataItem(n.strip(), type, length, blankToNull(at(itemDescription, i)), flags.contains("K"), flags.contains("R"),
                    flags.contains("P"), Vocabulary.parse(Vocabulary.Standard.class, at(itemStandard, i)).orElse(null)));
        }
        return new ResourceDraft(classification == null ? "" : classification, name == null ? "" : name, summary == null ? "" : summary,
                format, shareType, shareConditions, shareWays == null ? List.of() : shareWays, shareBasis, openType, openConditions,
                updateCycle, publishDate, split(relatedCodes), split(keywords), contactName, contactPhone, contactEmail, items);
    }

    static List<String> split(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split("[,，、;；\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static String at(@Nullable List<String> list, int i) {
        return list != null && i < list.size() && list.get(i) != null ? list.get(i) : "";
    }

    private static <T> List<T> orEmpty(@Nullable List<T> list) {
        return list == null ? List.of() : list;
    }

    private static @Nullable String blankToNull(String s) {
        return s.isBlank() ? null : s;
    }
}
