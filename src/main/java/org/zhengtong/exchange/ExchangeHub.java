package org.zhengtong.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.security.Signature;
import java.security.SignatureException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.audit.AuditLog.Outcome;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.Resource;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.exchange.internal.BatchProcessor;
import org.zhengtong.exchange.internal.BodyFormat;
import org.zhengtong.exchange.internal.NodeKeys;
import org.zhengtong.exchange.internal.Spool;
import org.zhengtong.exchange.internal.Stage;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.Sm2;

/**
 * The exchange hub's publishing side: which datasets there are, and publishing a batch to one of them. A batch is
 * taken only from the dataset's provider; its body is spooled to disk (and its signature checked, when the node
 * signed it) before anything else, so what the hub answered for is never lost; then it runs through the pipeline
 * as one transaction. A batch sent again with the same idempotency key is answered from the first time.
 */
@Service
public class ExchangeHub {

    /** The privilege that shows every department's datasets, batches and deliveries rather than one's own. */
    public static final String OVERSEE = "EXCHANGE_OVERSEE";

    private final CatalogManagement catalog;
    private final SharingManagement sharing;
    private final Departments departments;
    private final BatchProcessor processor;
    private final NodeKeys keys;
    private final AuditLog audit;
    private final long maxBatchBytes;

    ExchangeHub(CatalogManagement catalog, SharingManagement sharing, Departments departments, BatchProcessor processor, NodeKeys keys,
            AuditLog audit, Environment env) {
        this.catalog = catalog;
        this.sharing = sharing;
        this.departments = departments;
        this.processor = processor;
        this.keys = keys;
        this.audit = audit;
        this.maxBatchBytes = env.getProperty("zt.exchange.max-batch-megabytes", Long.class, 512L) * 1024 * 1024;
    }

    // datasets

    /** Every dataset: each published resource shared as 库表 or 文件, with its data items. */
    public List<Dataset> datasets() {
        return catalog.publishedEntries(null, null, 100_000).stream().filter(ExchangeHub::isDataset).map(Resource::code)
                .sorted().map(this::findDataset).flatMap(Optional::stream).toList();
    }

    /** The datasets the acting department provides or holds a grant for; every dataset for those who oversee the hub. */
    public List<Dataset> visibleDatasets() {
        if (Departments.holds(OVERSEE)) {
            return datasets();
        }
        String department = departments.acting().code();
        var granted = sharing.grantsTo(department).stream().filter(g -> g.revokedAt() == null).map(g -> g.resourceCode()).toList();
        return catalog.publishedEntries(null, null, 100_000).stream().filter(ExchangeHub::isDataset)
                .filter(r -> r.provider().equals(department) || granted.contains(r.code())).map(Resource::code).sorted()
                .map(this::findDataset).flatMap(Optional::stream).toList();
    }

    public Optional<Dataset> findDataset(String code) {
        return catalog.published(code).filter(ExchangeHub::isDataset).map(ExchangeHub::dataset);
    }

    public Dataset dataset(String code) {
        return findDataset(code).orElseThrow(() -> ExchangeProblem.unknownDataset(code));
    }

    // publishing

    /**
     * Publishes a batch pushed by the provider's system or data officer.
     *
     * @param contentType names the format (CSV, JSON Lines or XML) and the charset
     * @param signature base64 SM3withSM2 signature of the exact body by the provider's node key, if signed
     * @param idempotencyKey the caller's name for this batch; sending it again returns the first answer
     */
    public BatchResult publish(String code, InputStream body, @Nullable String contentType, @Nullable String signature,
            @Nullable String idempotencyKey) {
        Actor actor = Actor.current();
        Dataset dataset = dataset(code);
        OrgUnit department = departments.acting();
        if (!dataset.provider().equals(department.code())) {
            audit.recordFailure(actor, "exchange.batch", "dataset:" + code, Outcome.DENIED, "not the provider: " + department.code());
            throw ExchangeProblem.notProvider(code, department.code());
        }
        BodyFormat.Declared declared = BodyFormat.of(contentType);
        if (idempotencyKey != null) {
            Optional<BatchResult> earlier = processor.find(code, idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), idempotencyKey);
            }
        }
        Signature verifier = null;
        byte[] claimed = null;
        if (signature != null && !signature.isBlank()) {
            try {
                claimed = Base64.getDecoder().decode(signature.strip());
            } catch (IllegalArgumentException e) {
                throw ExchangeProblem.badSignature();
            }
            verifier = Sm2.verifier(keys.publicKey(department.code()).orElseThrow(() -> ExchangeProblem.noNodeKey(department.code())));
        }
        long batchId;
        try {
            batchId = processor.open(dataset, "PUSH", idempotencyKey, declared, actor.username());
        } catch (DuplicateKeyException e) {
            return replay(processor.find(code, idempotencyKey).orElseThrow(() -> ExchangeProblem.batchInProgress(idempotencyKey)), idempotencyKey);
        }
        return receiveAndProcess(dataset, batchId, body, declared, verifier, claimed, "batch-" + batchId + "." + declared.format().name().toLowerCase(), actor);
    }

    /** Runs a body that arrives some other way than a push (a pulled table, a dropped file, a resubmitted record). */
    public BatchResult publishFrom(Dataset dataset, String channel, InputStream body, BodyFormat.Declared declared, String file, Actor actor) {
        long batchId = processor.open(dataset, channel, null, declared, actor.username());
        return receiveAndProcess(dataset, batchId, body, declared, null, null, file, actor);
    }

    private BatchResult receiveAndProcess(Dataset dataset, long batchId, InputStream body, BodyFormat.Declared declared,
            @Nullable Signature verifier, byte @Nullable [] claimed, String file, Actor actor) {
        Spool.Received received;
        long receiving = System.nanoTime();
        try {
            received = Spool.receive(body, processor.spoolFile(batchId), maxBatchBytes, verifier);
        } catch (ExchangeProblem e) {
            processor.failed(batchId, e.code(), actor, dataset.code());
            throw e;
        } catch (IOException e) {
            processor.abandoned(batchId);
            throw new java.io.UncheckedIOException(e);
        }
        Stage.RECEIVE.lap(receiving);
        String verdict = "UNSIGNED";
        if (verifier != null) {
            try {
                verdict = verifier.verify(claimed) ? "VALID" : "INVALID";
            } catch (SignatureException e) {
                verdict = "INVALID";
            }
        }
        processor.spooled(batchId, received, verdict);
        if (verdict.equals("INVALID")) {
            processor.failed(batchId, "exchange.forged-signature", actor, dataset.code());
            throw ExchangeProblem.forgedSignature(dataset.provider());
        }
        return process(dataset, batchId, declared, file, actor);
    }

    /** Finishes a batch that was spooled before a crash. */
    public BatchResult recover(long batchId) {
        BatchResult batch = processor.result(batchId);
        Dataset dataset = dataset(batch.dataset());
        return process(dataset, batchId, processor.declared(batchId), "batch-" + batchId, Actor.SYSTEM);
    }

    private BatchResult process(Dataset dataset, long batchId, BodyFormat.Declared declared, String file, Actor actor) {
        try {
            return processor.process(dataset, batchId, declared, file, actor);
        } catch (ExchangeProblem e) {
            processor.failed(batchId, e.code(), actor, dataset.code());
            throw e;
        }
    }

    private static BatchResult replay(BatchResult earlier, String key) {
        if (!earlier.status().equals("DONE")) {
            throw ExchangeProblem.batchInProgress(key);
        }
        return earlier.asReplay();
    }

    // reading

    public BatchResult batch(long id) {
        BatchResult b = processor.result(id);
        if (!Departments.holds(OVERSEE) && !b.provider().equals(departments.acting().code())) {
            throw ExchangeProblem.unknownBatch(id);
        }
        return b;
    }

    /** Recent batches of a dataset, or of all visible datasets; newest first. */
    public List<BatchResult> batches(@Nullable String dataset, int limit) {
        String provider = Departments.holds(OVERSEE) ? null : departments.acting().code();
        return processor.batches(dataset, provider, limit);
    }

    /** The hub's SM2 public key in PEM, with which subscribers check what it delivers. */
    public String hubPublicKey() {
        return Sm2.toPem(keys.hubPublicKey());
    }

    /** Registers the acting department node's SM2 public key, with which the hub checks the batches it signs. */
    public void registerNodeKey(String publicKeyPem) {
        OrgUnit department = departments.acting();
        java.security.PublicKey key;
        try {
            key = Sm2.publicKeyFromPem(publicKeyPem);
        } catch (IllegalArgumentException e) {
            throw org.zhengtong.shared.InvalidInput.of("publicKey", "exchange.field.public-key.invalid");
        }
        keys.register(department.code(), key, Actor.current().username());
        audit.record("exchange.node-key", "department:" + department.code(), "SM2 public key registered");
    }

    /** Makes a new SM2 key pair for the acting department's node and hands over its private key, once. */
    public String generateNodeKey() {
        OrgUnit department = departments.acting();
        String pem = keys.generate(department.code(), Actor.current().username());
        audit.record("exchange.node-key", "department:" + department.code(), "SM2 key pair generated; private key handed over");
        return pem;
    }

    static boolean isDataset(Resource r) {
        return r.content().shareWays().contains(ShareWay.TABLE) || r.content().shareWays().contains(ShareWay.FILE);
    }

    static Dataset dataset(Resource r) {
        return new Dataset(r.code(), r.name(), r.provider(), r.providerName(), r.version(), r.items());
    }
}
