package org.zhengtong.catalog;

import org.jspecify.annotations.Nullable;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Standard;

/**
 * A data item (信息项) of a resource: one field of what the resource holds. Whether it is a key, required, or
 * personal or sensitive tells consumers how to join it and how carefully to handle it; a standard, where one
 * applies, is checked on every value exchanged.
 */
public record DataItem(
        String name,
        DataType dataType,
        @Nullable Integer length,
        @Nullable String description,
        boolean key,
        boolean required,
        boolean personal,
        @Nullable Standard standard) {}
