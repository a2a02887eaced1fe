package org.zhengtong.basedata.query;

import jakarta.annotation.PreDestroy;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.audit.AuditLog.Outcome;

/**
 * Writes what each query did – its audit record and its line in the person's query history – before the answer
 * leaves. Concurrent queries are grouped: one writer thread takes whatever has queued up and appends it all in one
 * transaction, taking the audit chain's lock once ({@link AuditLog#recordAll}), while each query waits for its group
 * to commit. So no answer is given without its committed record, and the chain stays one line, at a fraction of a
 * lock per query.
 */
@Component
public class QueryJournal {

    private static final Logger log = LoggerFactory.getLogger(QueryJournal.class);
    private static final int MAX_GROUP = 500;

    private final AuditLog audit;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    /** One query as journaled: who, for which department, on which base, why, what was asked and how many answered. */
    public record Line(AuditLog.Entry audit, String department, String base, String kind, String purpose, @Nullable String purposeText,
            String criteria, int results) {}

    private record Pending(Line line, Instant at, CompletableFuture<Void> done) {}

    QueryJournal(AuditLog audit, JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.writer = Thread.ofPlatform().daemon().name("basedata-query-journal").start(this::write);
    }

    /** Journals one query and returns once it is committed. */
    public void record(Line line) {
        Pending p = new Pending(line, Instant.now(), new CompletableFuture<>());
        queue.add(p);
        try {
            p.done().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while journaling a query", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the query could not be journaled", e);
        }
    }

    private void write() {
        List<Pending> group = new ArrayList<>();
        while (running) {
            try {
                Pending first = queue.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                try {
                    transactions.executeWithoutResult(s -> append(group));
                    group.forEach(p -> p.done().complete(null));
                } catch (RuntimeException e) {
                    log.error("Could not journal {} queries", group.size(), e);
                    group.forEach(p -> p.done().completeExceptionally(e));
                }
                group.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void append(List<Pending> group) {
        audit.recordAll(group.stream().map(p -> p.line().audit()).toList());
        List<Object[]> rows = new ArrayList<>(group.size());
        for (Pending p : group) {
            Line l = p.line();
            rows.add(new Object[] {Timestamp.from(p.at()), l.audit().actor().username(), l.department(), l.base(), l.kind(), l.purpose(),
                l.purposeText(), l.criteria(), l.results()});
        }
        jdbc.batchUpdate("""
                insert into basedata.query_log (at, actor, department, base, kind, purpose, purpose_text, criteria, results)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
    }

    @PreDestroy
    void stop() {
        running = false;
        writer.interrupt();
    }

    /** The audit entry of a successful read. */
    public static AuditLog.Entry entry(org.zhengtong.shared.Actor actor, String action, String target, String detail) {
        return new AuditLog.Entry(actor, action, target, Outcome.SUCCESS, detail);
    }
}
