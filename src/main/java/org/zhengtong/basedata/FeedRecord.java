package org.zhengtong.basedata;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One exchange record as a feed hands it to a base database: its position in the dataset, its exchange key, whether
 * the source deleted it, and its values by field name (the feed's mapping applied to the data items). A value is
 * the text as the exchange stored it, already cleansed there; it may be empty, and empty says nothing.
 */
public record FeedRecord(long position, String key, boolean deleted, Map<String, @Nullable String> values) {

    /** The value for a field, or null when it is empty or not fed. */
    public @Nullable String value(String field) {
        String v = values.get(field);
        return v == null || v.isBlank() ? null : v.strip();
    }
}
