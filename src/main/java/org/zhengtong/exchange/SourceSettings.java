package org.zhengtong.exchange;

import org.jspecify.annotations.Nullable;

/**
 * What a data officer sets for a dataset's pull source. A blank {@code jdbcSecret} keeps the one saved before.
 *
 * @param mode {@code FULL} or {@code INCREMENTAL}
 * @param scheduleKind {@code INTERVAL} (value: seconds), {@code CRON} (value: a cron expression) or {@code WINDOW}
 *     (value: {@code HH:mm-HH:mm}, run every {@code windowInterval} seconds inside it)
 */
public record SourceSettings(
        @Nullable String jdbcUrl,
        @Nullable String jdbcUser,
        @Nullable String jdbcSecret,
        @Nullable String query,
        @Nullable String mode,
        @Nullable String incrementalColumn,
        @Nullable String scheduleKind,
        @Nullable String scheduleValue,
        @Nullable Integer windowInterval,
        boolean enabled) {}
