package org.zhengtong.exchange.internal;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.zhengtong.exchange.BatchResult;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.db.DatabaseSettings;

/**
 * Finishes what a crash left behind, once, when the platform starts. A batch whose body was spooled but not yet
 * processed is processed now, so the hub keeps its word for every batch it took; its sender, retrying with the same
 * idempotency key, then gets the result. A batch whose body was still arriving is marked abandoned, so the sender's
 * retry with the same key starts it afresh. A body left on disk by a batch that was already finished is deleted.
 *
 * <p>Only batches registered before this start are touched: the highest batch id is noted once every bean exists,
 * before the web server takes requests, so a batch arriving meanwhile is never mistaken for a leftover. A batch
 * counts as this node's leftover when its body is in this node's spool; on the embedded database, which no other
 * node shares, a leftover without a body (the crash came between registering it and writing its first byte) is
 * closed as well.
 */
@Component
@Order(10)
class BatchRecovery implements SmartInitializingSingleton, ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BatchRecovery.class);

    private final BatchProcessor processor;
    private final ExchangeHub hub;
    private final JdbcClient jdbc;
    private final boolean soleNode;
    private long before = -1;

    BatchRecovery(BatchProcessor processor, ExchangeHub hub, JdbcClient jdbc, Environment env) {
        this.processor = processor;
        this.hub = hub;
        this.jdbc = jdbc;
        this.soleNode = DatabaseSettings.from(env::getProperty).embedded();
    }

    @Override
    public void afterSingletonsInstantiated() {
        before = jdbc.sql("select coalesce(max(id), 0) from exchange.batch").query(Long.class).single();
    }

    @Override
    public void run(ApplicationArguments args) {
        if (before < 0) {
            return;
        }
        for (long id : processor.receivingBatches()) {
            if (id <= before && (soleNode || Files.exists(processor.spoolFile(id)))) {
                processor.abandoned(id);
                log.warn("Batch {} was still arriving when the platform stopped; marked abandoned, its sender may send it again.", id);
            }
        }
        for (long id : processor.spooledBatches()) {
            if (id > before) {
                continue;
            }
            if (!Files.exists(processor.spoolFile(id))) {
                if (soleNode) {
                    BatchResult batch = processor.result(id);
                    processor.failed(id, "exchange.spool-missing", Actor.SYSTEM, batch.dataset());
                    log.error("Batch {} was spooled but its body is gone; marked failed.", id);
                }
                continue;
            }
            try {
                BatchResult done = hub.recover(id);
                log.info("Recovered batch {} of {}: received {}, accepted {}, quarantined {}.", id, done.dataset(), done.received(),
                        done.accepted(), done.quarantined());
            } catch (RuntimeException e) {
                log.error("Batch {} could not be recovered: {}", id, e.toString());
            }
        }
        deleteLeftovers();
    }

    /** Bodies of batches that finished (or failed) just before the crash, whose deletion the crash prevented. */
    private void deleteLeftovers() {
        Path dir = processor.spoolFile(0).getParent();
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> bodies = Files.newDirectoryStream(dir, "*.body")) {
            for (Path body : bodies) {
                String name = body.getFileName().toString();
                long id;
                try {
                    id = Long.parseLong(name.substring(0, name.length() - ".body".length()));
                } catch (NumberFormatException e) {
                    continue;
                }
                List<String> status = jdbc.sql("select status from exchange.batch where id = ?").param(id).query(String.class).list();
                if (id <= before && (status.isEmpty() || !List.of("RECEIVING", "SPOOLED").contains(status.getFirst()))) {
                    Files.deleteIfExists(body);
                }
            }
        } catch (IOException e) {
            log.warn("Could not clear finished batch bodies from {}: {}", dir, e.getMessage());
        }
    }
}
