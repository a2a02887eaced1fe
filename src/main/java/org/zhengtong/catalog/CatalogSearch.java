package org.zhengtong.catalog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.zhengtong.catalog.search.CatalogIndex;
import org.zhengtong.catalog.search.IndexedResource;
import org.zhengtong.catalog.search.SearchQuery;
import org.zhengtong.catalog.search.SearchResult;

/**
 * Chinese full-text search over the published catalog (目录检索): a Lucene index with the smartcn analyzer under
 * {@code $ZT_HOME/index/catalog}. The database stays the source of truth: the index follows every publication and
 * revocation, is rebuilt from the database when it disagrees with it at start-up, and can be rebuilt on demand.
 */
@Service
public class CatalogSearch implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(CatalogSearch.class);

    /** The open types the public may see through the open-data interfaces. */
    public static final Set<String> OPEN_TERMS = Set.of(Vocabulary.OpenType.OPEN.term(), Vocabulary.OpenType.CONDITIONAL.term());

    private final CatalogManagement catalog;
    private final CatalogIndex index;

    CatalogSearch(CatalogManagement catalog, Environment env) {
        this.catalog = catalog;
        Path dir = Path.of(env.getProperty("zt.home", "var")).toAbsolutePath().resolve("index").resolve("catalog");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the catalog index directory " + dir, e);
        }
        this.index = CatalogIndex.open(dir);
    }

    /** Searches published entries; {@code filters} map facet fields to the values allowed. */
    public SearchResult search(@Nullable String text, Map<String, Set<String>> filters, int offset, int limit) {
        return index.search(new SearchQuery(text == null ? "" : text, filters, Math.max(0, offset), Math.max(1, Math.min(limit, 1000))));
    }

    /** Rebuilds the index from the database; returns how many entries it holds. */
    public int rebuild() {
        List<Resource> published = catalog.publishedEntries(null, null, Integer.MAX_VALUE);
        Iterator<IndexedResource> all = published.stream().map(r -> catalog.published(r.code()).orElse(r)).map(CatalogSearch::indexed).iterator();
        index.rebuild(all);
        log.info("Rebuilt the catalog index: {} published entries.", index.count());
        return index.count();
    }

    public int count() {
        return index.count();
    }

    @EventListener(ApplicationReadyEvent.class)
    void rebuildIfBehind() {
        int published = catalog.publishedEntries(null, null, Integer.MAX_VALUE).size();
        if (published != index.count()) {
            rebuild();
        }
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void published(CatalogManagement.ResourcePublished event) {
        catalog.published(event.code()).ifPresent(r -> index.upsert(indexed(r)));
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void revoked(CatalogManagement.ResourceRevoked event) {
        index.delete(event.code());
    }

    @Override
    public void destroy() throws IOException {
        index.close();
    }

    static IndexedResource indexed(Resource r) {
        ResourceDraft c = r.content();
        return new IndexedResource(r.code(), r.version(), c.name(), c.summary(), c.keywords(), r.provider(), r.providerName(),
                r.category().term(), r.classificationName(), c.shareType().term(), c.openType().term(), c.format().term(),
                c.updateCycle().term(), r.items().stream().map(DataItem::name).toList(), c.publishDate());
    }
}
