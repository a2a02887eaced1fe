package org.zhengtong.exchange;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A dataset's pull source (同步策略): the provider department's database the hub reads it from, how (a full load,
 * or an incremental one after the last watermark), when, and the progress of the current or last run. The
 * database secret is never shown again once saved.
 *
 * @param query a table ({@code schema.table}) or a select statement; its columns map to data items by name
 * @param watermark the largest value of the incremental column in the last batch that committed
 * @param state {@code IDLE} (never run), {@code READING}, {@code PUBLISHING}, {@code DONE} or {@code FAILED}
 * @param rowsRead rows read in the current or last run, counted while it reads
 * @param lastErrorCode the problem code of the last failure (its message is {@code problem.<code>})
 */
public record Source(
        String dataset,
        String jdbcUrl,
        @Nullable String jdbcUser,
        boolean hasSecret,
        String query,
        String mode,
        @Nullable String incrementalColumn,
        @Nullable String watermark,
        String scheduleKind,
        String scheduleValue,
        @Nullable Integer windowInterval,
        boolean enabled,
        @Nullable Instant nextRunAt,
        String state,
        long rowsRead,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable String lastErrorCode,
        List<String> lastErrorArgs,
        @Nullable Long lastBatch,
        String updatedBy,
        Instant updatedAt) {

    public Source {
        lastErrorArgs = List.copyOf(lastErrorArgs);
    }

    public boolean running() {
        return state.equals("READING") || state.equals("PUBLISHING");
    }
}
