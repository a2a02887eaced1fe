package org.zhengtong.exchange;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a consumer department asks for when it subscribes. Without items it receives all the items its grant
 * covers. A webhook needs its URL as {@code target}; a JDBC delivery needs the JDBC URL as {@code target}, the
 * table to write and the database account.
 */
public record NewSubscription(
        String dataset,
        @Nullable List<String> items,
        @Nullable String filterItem,
        @Nullable String filterPrefix,
        @Nullable String mode,
        @Nullable String target,
        @Nullable String targetTable,
        @Nullable String targetUser,
        @Nullable String targetSecret) {}
