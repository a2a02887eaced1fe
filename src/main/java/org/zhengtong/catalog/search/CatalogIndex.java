package org.zhengtong.catalog.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's search index: one Lucene document per resource code, searched in Chinese (smartcn words,
 * bigrams, pinyin initials) with facet counts, highlighted for display.
 *
 * <p>Thread-safe. Every write ({@link #upsert}, {@link #upsertAll}, {@link #delete}, {@link #rebuild}) is
 * committed to disk before it returns and is visible to the next search (near-real-time through a {@link
 * SearcherManager}); a write that fails leaves the index as the previous write left it. Searches never wait for
 * writes. The index is derived data: when in doubt (a new or unreadable directory, a count that differs from
 * the database) the caller rebuilds it from the database.
 */
public final class CatalogIndex implements Closeable {

    /** The facet fields, in the order results list them. */
    public static final List<String> FACETS = List.of("provider", "category", "shareType", "openType", "format", "updateCycle");

    static final int MAX_FACET_VALUES = 100;

    static final String CODE = "code";
    static final String VERSION = "version";
    static final String NAME = "name";
    static final String SUMMARY = "summary";
    /** Keywords and data item names, searched together. */
    static final String TERMS = "terms";
    /** The provider's name and the classification path, searched together. */
    static final String CONTEXT = "context";
    static final String GRAMS = "grams";
    static final String INITIALS = "initials";
    static final String INITIALS_ANYWHERE = "initialsAnywhere";
    static final String PUBLISHED = "published";

    private static final Logger log = LoggerFactory.getLogger(CatalogIndex.class);
    private static final Set<String> STORED = Set.of(CODE, NAME, SUMMARY);
    private static final Sort BY_RELEVANCE = new Sort(SortField.FIELD_SCORE, new SortField(CODE, SortField.Type.STRING));
    private static final Sort BY_PUBLICATION = new Sort(
            new SortField(PUBLISHED, SortField.Type.LONG, true), new SortField(CODE, SortField.Type.STRING));
    private static final double RAM_BUFFER_MB = 64;
    private static final int MAX_INDEXING_THREADS = 4;
    /** How many resources a batch indexes on the calling thread before it is worth more threads. */
    private static final int PARALLEL_AFTER = 1_000;
    /** Every dimension is single-valued and flat, as the defaults have it; never changed after this. */
    private static final FacetsConfig FACETS_CONFIG = new FacetsConfig();

    private final Directory directory;
    private final ShortTextTokens shortTexts = new ShortTextTokens(Analysis.WORDS);
    /** Serialises writers; held while the writer is used, and (with {@code lifecycle}) to replace it. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Searches share it; replacing the writer and searcher manager, or closing, takes it exclusively. */
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private IndexWriter writer;
    private SearcherManager searchers;
    private boolean closed;

    private CatalogIndex(Directory directory, boolean create) throws IOException {
        this.directory = directory;
        this.writer = openWriter(directory, create);
        this.searchers = new SearcherManager(writer, new FacetingSearcherFactory());
    }

    /**
     * Opens the index kept in {@code dir} (an MMapDirectory on 64-bit JVMs), creating it if empty. An index
     * that cannot be read (corrupt, or written by an incompatible Lucene) is discarded and starts empty, for the
     * caller to rebuild; an index another process holds open is refused.
     */
    public static CatalogIndex open(Path dir) {
        try {
            Files.createDirectories(dir);
            Directory directory = FSDirectory.open(dir);
            try {
                try {
                    return new CatalogIndex(directory, false);
                } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
                    log.warn("The catalog search index in {} cannot be read ({}); starting it empty to be rebuilt", dir, e.getMessage());
                    for (String file : directory.listAll()) {
                        if (!file.equals(IndexWriter.WRITE_LOCK_NAME)) {
                            directory.deleteFile(file);
                        }
                    }
                    return new CatalogIndex(directory, true);
                }
            } catch (IOException | RuntimeException e) {
                directory.close();
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the catalog search index in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** An index held in memory only, for tests. */
    public static CatalogIndex inMemory() {
        try {
            return new CatalogIndex(new ByteBuffersDirectory(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static IndexWriter openWriter(Directory directory, boolean create) throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(Analysis.forIndexing(GRAMS))
                .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(RAM_BUFFER_MB)
                .setCommitOnClose(false);
        return new IndexWriter(directory, config);
    }

    // ---------------------------------------------------------------------------------------------- writing

    /** Adds the resource, or replaces the document of the same code. */
    public void upsert(IndexedResource resource) {
        upsertAll(List.of(resource));
    }

    /** Adds or replaces all of them in one commit (the last one wins if a code repeats). */
    public void upsertAll(Iterable<IndexedResource> resources) {
        write(writer -> index(writer, resources.iterator()));
    }

    /** Removes the resource's document, if there is one. */
    public void delete(String code) {
        write(writer -> writer.deleteDocuments(new Term(CODE, code)));
    }

    /**
     * Replaces the whole index with {@code all} (the database's current published resources) in one commit:
     * searches see the old index until the new one is complete, and if {@code all} fails part-way the old one
     * stays.
     */
    public void rebuild(Iterator<IndexedResource> all) {
        write(writer -> {
            writer.deleteAll();
            index(writer, all);
        });
    }

    /**
     * Indexes what the iterator yields (consumed on the calling thread only, so it may be a database cursor).
     * smartcn segmentation is most of the cost, so a batch that turns out large is analysed on several threads;
     * each code always goes to the same thread, in order, so that the last version of a repeated code still wins.
     */
    private void index(IndexWriter writer, Iterator<IndexedResource> resources) throws IOException {
        int threads = Math.min(MAX_INDEXING_THREADS, Runtime.getRuntime().availableProcessors());
        for (int i = 0; i < PARALLEL_AFTER && resources.hasNext(); i++) {
            add(writer, resources.next());
        }
        if (!resources.hasNext()) {
            return;
        }
        if (threads < 2) {
            while (resources.hasNext()) {
                add(writer, resources.next());
            }
            return;
        }
        new ParallelIndexing(writer, threads).run(resources);
    }

    private void add(IndexWriter writer, IndexedResource resource) throws IOException {
        writer.updateDocument(new Term(CODE, resource.code()), document(resource));
    }

    /** Worker threads, each fed batches of the codes that hash to it through a small queue. */
    private final class ParallelIndexing {
        private static final int BATCH = 128;
        /** Tells a worker the batch is complete (compared by identity). */
        private static final List<IndexedResource> END = Collections.unmodifiableList(new ArrayList<>());

        private final IndexWriter writer;
        private final List<BlockingQueue<List<IndexedResource>>> queues = new ArrayList<>();
        private final AtomicReference<@Nullable Throwable> failure = new AtomicReference<>();

        ParallelIndexing(IndexWriter writer, int threads) {
            this.writer = writer;
            for (int i = 0; i < threads; i++) {
                queues.add(new ArrayBlockingQueue<>(4));
            }
        }

        void run(Iterator<IndexedResource> resources) throws IOException {
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < queues.size(); i++) {
                BlockingQueue<List<IndexedResource>> queue = queues.get(i);
                workers.add(Thread.ofPlatform().name("catalog-index-" + i).daemon().start(() -> work(queue)));
            }
            try {
                List<List<IndexedResource>> batches = new ArrayList<>();
                queues.forEach(q -> batches.add(new ArrayList<>(BATCH)));
                while (resources.hasNext() && failure.get() == null) {
                    IndexedResource resource = resources.next();
                    int worker = Math.floorMod(resource.code().hashCode(), queues.size());
                    List<IndexedResource> batch = batches.get(worker);
                    batch.add(resource);
                    if (batch.size() == BATCH) {
                        hand(worker, batch);
                        batches.set(worker, new ArrayList<>(BATCH));
                    }
                }
                for (int worker = 0; worker < queues.size(); worker++) {
                    hand(worker, batches.get(worker));
                    hand(worker, END);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, e);
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e); // the caller's iterator failed: stop the workers, then report it
            } finally {
                // Every worker got END unless something failed first; then they are told to stop instead.
                if (failure.get() != null) {
                    workers.forEach(Thread::interrupt);
                }
                joinAll(workers);
            }
            Throwable failed = failure.get();
            switch (failed) {
                case null -> {}
                case IOException e -> throw e;
                case RuntimeException e -> throw e;
                case Error e -> throw e;
                default -> throw new IOException("Indexing was interrupted", failed);
            }
        }

        private static void joinAll(List<Thread> workers) {
            boolean interrupted = false;
            for (Thread worker : workers) {
                while (worker.isAlive()) {
                    try {
                        worker.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }

        /** Waits for room in the worker's queue, unless something has failed meanwhile. */
        private void hand(int worker, List<IndexedResource> batch) throws InterruptedException {
            while (failure.get() == null && !queues.get(worker).offer(batch, 100, TimeUnit.MILLISECONDS)) {
                // the worker is busy; try again
            }
        }

        private void work(BlockingQueue<List<IndexedResource>> queue) {
            try {
                while (failure.get() == null) {
                    List<IndexedResource> batch = queue.take();
                    if (batch == END) {
                        return;
                    }
                    for (IndexedResource resource : batch) {
                        add(writer, resource);
                    }
                }
            } catch (InterruptedException e) {
                // stopped because another thread failed
            } catch (IOException | RuntimeException | Error e) {
                failure.compareAndSet(null, e);
            }
        }
    }

    private interface WriterWork {
        void applyTo(IndexWriter writer) throws IOException;
    }

    private void write(WriterWork work) {
        writing.lock();
        try {
            ensureOpen();
            try {
                work.applyTo(writer);
                writer.commit();
            } catch (IOException e) {
                rollBack(e);
                throw new UncheckedIOException("Cannot update the catalog search index: " + e.getMessage(), e);
            } catch (RuntimeException | Error e) {
                rollBack(e);
                throw e;
            }
            try {
                searchers.maybeRefreshBlocking();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot refresh the catalog search index: " + e.getMessage(), e);
            }
        } finally {
            writing.unlock();
        }
    }

    /** Discards everything since the last commit and reopens the writer there; the caller holds {@code writing}. */
    private void rollBack(Throwable cause) {
        lifecycle.writeLock().lock();
        try {
            writer.rollback();
            SearcherManager previous = searchers;
            writer = openWriter(directory, false);
            searchers = new SearcherManager(writer, new FacetingSearcherFactory());
            previous.close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            closed = true; // the writer is gone and cannot be reopened: refuse further use rather than lie
        } finally {
            lifecycle.writeLock().unlock();
        }
    }

    private Document document(IndexedResource r) {
        Document doc = new Document();
        doc.add(new StringField(CODE, r.code(), Field.Store.YES));
        doc.add(new SortedDocValuesField(CODE, new BytesRef(r.code())));
        doc.add(new StoredField(VERSION, r.version()));
        doc.add(new TextField(NAME, r.name(), Field.Store.YES));
        doc.add(new TextField(SUMMARY, r.summary(), Field.Store.YES));
        for (List<String> terms : List.of(r.keywords(), r.dataItems())) {
            for (String term : terms) {
                doc.add(shortTexts.field(TERMS, term));
                doc.add(new TextField(GRAMS, term, Field.Store.NO));
            }
        }
        doc.add(shortTexts.field(CONTEXT, r.providerName()));
        doc.add(shortTexts.field(CONTEXT, r.classification()));
        for (String shortText : List.of(r.name(), r.providerName(), r.classification())) {
            doc.add(new TextField(GRAMS, shortText, Field.Store.NO));
        }
        Set<String> initials = PinyinInitials.variants(r.name());
        for (String variant : initials) {
            doc.add(new StringField(INITIALS, variant, Field.Store.NO));
        }
        for (String suffix : PinyinInitials.suffixes(initials)) {
            doc.add(new StringField(INITIALS_ANYWHERE, suffix, Field.Store.NO));
        }
        doc.add(new NumericDocValuesField(PUBLISHED, r.publishedOn() == null ? Long.MIN_VALUE : r.publishedOn().toEpochDay()));
        facet(doc, "provider", r.providerName());
        facet(doc, "category", r.category());
        facet(doc, "shareType", r.shareType());
        facet(doc, "openType", r.openType());
        facet(doc, "format", r.format());
        facet(doc, "updateCycle", r.updateCycle());
        try {
            return FACETS_CONFIG.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // only taxonomy facets do I/O here
        }
    }

    private static void facet(Document doc, String dim, String value) {
        if (!value.isBlank()) {
            doc.add(new SortedSetDocValuesFacetField(dim, value.strip()));
        }
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** Searches the catalog; any text is accepted, and nothing in it can make the search fail. */
    public SearchResult search(SearchQuery query) {
        TextQuery text = TextQuery.parse(query.text());
        DrillDownQuery drillDown = new DrillDownQuery(FACETS_CONFIG, text.query);
        for (String dim : FACETS) {
            for (String value : query.filters().getOrDefault(dim, Set.of())) {
                drillDown.add(dim, value);
            }
        }
        return withSearcher(searcher -> {
            int wanted = Math.max(1, query.offset() + query.limit());
            TopFieldCollectorManager top = new TopFieldCollectorManager(
                    text.browse ? BY_PUBLICATION : BY_RELEVANCE, wanted, null, Integer.MAX_VALUE);
            TopFieldDocs docs;
            Facets facets = null;
            if (searcher.facets != null) {
                DrillSideways.ConcurrentDrillSidewaysResult<TopFieldDocs> result =
                        new DrillSideways(searcher, FACETS_CONFIG, searcher.facets).search(drillDown, top);
                docs = result.collectorResult;
                facets = result.facets;
            } else {
                docs = searcher.search(drillDown, top);
            }
            return new SearchResult(docs.totalHits.value(), hits(searcher, docs, query, text), facetCounts(facets));
        });
    }

    private static List<SearchResult.Hit> hits(IndexSearcher searcher, TopFieldDocs docs, SearchQuery query, TextQuery text)
            throws IOException {
        List<SearchResult.Hit> hits = new ArrayList<>(query.limit());
        StoredFields stored = searcher.storedFields();
        ScoreDoc[] page = docs.scoreDocs;
        for (int i = query.offset(); i < page.length && hits.size() < query.limit(); i++) {
            Document doc = stored.document(page[i].doc, STORED);
            String name = doc.get(NAME);
            String summary = doc.get(SUMMARY);
            float score = !text.browse && page[i] instanceof FieldDoc field && field.fields[0] instanceof Float f ? f : 0f;
            hits.add(new SearchResult.Hit(
                    doc.get(CODE),
                    Highlights.whole(name == null ? "" : name, text.literals, text.initials),
                    Highlights.snippet(summary == null ? "" : summary, text.literals),
                    score));
        }
        return hits;
    }

    private static Map<String, List<SearchResult.FacetCount>> facetCounts(@Nullable Facets facets) throws IOException {
        Map<String, List<SearchResult.FacetCount>> counts = new LinkedHashMap<>();
        for (String dim : FACETS) {
            FacetResult result = null;
            if (facets != null) {
                try {
                    result = facets.getTopChildren(MAX_FACET_VALUES, dim);
                } catch (IllegalArgumentException e) {
                    result = null; // no document has this dimension
                }
            }
            List<SearchResult.FacetCount> values = new ArrayList<>();
            if (result != null) {
                for (LabelAndValue value : result.labelValues) {
                    values.add(new SearchResult.FacetCount(value.label, value.value.longValue()));
                }
            }
            counts.put(dim, List.copyOf(values));
        }
        return counts;
    }

    /** How many resources the index holds (as of the last write). */
    public int count() {
        return withSearcher(searcher -> searcher.getIndexReader().numDocs());
    }

    /** The bytes the index takes in its directory. */
    public long sizeInBytes() {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            long total = 0;
            for (String file : directory.listAll()) {
                try {
                    total += directory.fileLength(file);
                } catch (NoSuchFileException e) {
                    // merged away while we were counting
                }
            }
            return total;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private interface SearcherWork<T> {
        T apply(FacetingSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        lifecycle.readLock().lock();
        try {
            ensureOpen();
            IndexSearcher searcher = searchers.acquire();
            try {
                return work.apply((FacetingSearcher) searcher);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search the catalog index: " + e.getMessage(), e);
        } finally {
            lifecycle.readLock().unlock();
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new AlreadyClosedException("The catalog search index is closed");
        }
    }

    @Override
    public void close() {
        writing.lock();
        lifecycle.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try (Directory d = directory; IndexWriter w = writer; SearcherManager s = searchers) {
                // closed in reverse order: searchers, writer (everything is committed), directory
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lifecycle.writeLock().unlock();
            writing.unlock();
        }
    }

    /** A searcher that carries the facet ordinals of its reader, built once per refresh rather than per query. */
    static final class FacetingSearcher extends IndexSearcher {
        final @Nullable SortedSetDocValuesReaderState facets;

        FacetingSearcher(IndexReader reader) throws IOException {
            super(reader);
            FieldInfo field = FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
            this.facets = field != null && field.getDocValuesType() == DocValuesType.SORTED_SET
                    ? new DefaultSortedSetDocValuesReaderState(reader, FACETS_CONFIG)
                    : null;
        }
    }

    private static final class FacetingSearcherFactory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, @Nullable IndexReader previous) throws IOException {
            return new FacetingSearcher(reader);
        }
    }
}
