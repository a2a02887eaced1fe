package org.zhengtong.approval.clock;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengtong.shared.WorkingDays;
import org.zhengtong.shared.WorkingDays.CalendarDay;

/**
 * Keeps the clocks' stored dates in step with the working-day calendar (工作日历). The calendar announces no
 * change: an edit on the calendar page, an import, or a test's {@link WorkingDays#setDay} just makes
 * {@link WorkingDays} read it afresh once the edit commits. So the clocks watch it instead: a fingerprint of every
 * listed day is kept beside the stored dates, and when the calendar's fingerprint differs — checked before the board
 * and the warnings are read, and on every tick of {@link ClockTicker} — every running clock and step is counted again
 * in one transaction, under a row lock so that two instances do not both do it.
 *
 * <p>The check itself reads only the calendar held in memory (a few hundred listed days), so it costs the board
 * nothing measurable.
 */
@Component
class ClockCalendar {

    private static final Logger log = LoggerFactory.getLogger(ClockCalendar.class);

    private final WorkingDays calendar;
    private final CaseClocks clocks;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private volatile @Nullable String known;

    ClockCalendar(WorkingDays calendar, CaseClocks clocks, JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.calendar = calendar;
        this.clocks = clocks;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        // Its own transaction: the board that asks reads in a read-only one.
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Counts every running clock again if the calendar changed since they were counted; returns how many moved. */
    int ensureCurrent() {
        String now = fingerprint();
        if (now.equals(known)) {
            return 0;
        }
        Integer moved = transactions.execute(status -> {
            jdbc.sql("insert into approval.clock_calendar (id, fingerprint) values (1, '') on conflict (id) do nothing").update();
            String stored = jdbc.sql("select fingerprint from approval.clock_calendar where id = 1 for update").query(String.class).single();
            if (stored.equals(now)) {
                return 0;
            }
            int n = clocks.recomputeAll();
            jdbc.sql("update approval.clock_calendar set fingerprint = ?, recomputed_at = now() where id = 1").param(now).update();
            return n;
        });
        known = now;
        if (moved != null && moved > 0) {
            log.info("The working-day calendar changed: {} running clocks and steps counted again", moved);
        }
        return moved == null ? 0 : moved;
    }

    /** A digest of every listed day of the calendar, which changes with any edit that can move a deadline. */
    String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (int year = WorkingDays.FIRST_YEAR; year <= WorkingDays.LAST_YEAR; year++) {
                for (CalendarDay d : calendar.year(year)) {
                    digest.update((d.day() + d.kind().name() + ";").getBytes(StandardCharsets.US_ASCII));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
