package org.zhengtong.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexableField;

/**
 * smartcn's words for short values that recur across resources — data item names (统一社会信用代码), keywords,
 * providers, classifications — segmented once and replayed: segmentation costs the same for a short value as
 * for a sentence, and these values make up half of what a catalog entry asks smartcn to cut.
 */
final class ShortTextTokens {

    static final int MAX_LENGTH = 32;
    static final int MAX_ENTRIES = 100_000;

    private record Token(String term, int start, int end, int positionIncrement) {}

    private final Analyzer analyzer;
    private final ConcurrentHashMap<String, List<Token>> cache = new ConcurrentHashMap<>();

    ShortTextTokens(Analyzer analyzer) {
        this.analyzer = analyzer;
    }

    /** A tokenized, unstored field holding {@code value}, segmented from the cache when it is short. */
    IndexableField field(String name, String value) {
        if (value.length() > MAX_LENGTH) {
            return new TextField(name, value, Field.Store.NO);
        }
        List<Token> tokens = cache.get(value);
        if (tokens == null) {
            tokens = segment(value);
            if (cache.size() < MAX_ENTRIES) {
                cache.putIfAbsent(value, tokens);
            }
        }
        return new Field(name, new Replay(tokens, value.length()), TextField.TYPE_NOT_STORED);
    }

    private List<Token> segment(String value) {
        try (TokenStream stream = analyzer.tokenStream("", value)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            List<Token> tokens = new ArrayList<>();
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(), increment.getPositionIncrement()));
            }
            stream.end();
            return List.copyOf(tokens);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen reading a String
        }
    }

    /** Plays the cached tokens back, once per field value. */
    private static final class Replay extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
        private final PositionIncrementAttribute increment = addAttribute(PositionIncrementAttribute.class);
        private final List<Token> tokens;
        private final int length;
        private int next;

        Replay(List<Token> tokens, int length) {
            this.tokens = tokens;
            this.length = length;
        }

        @Override
        public boolean incrementToken() {
            if (next == tokens.size()) {
                return false;
            }
            clearAttributes();
            Token token = tokens.get(next++);
            term.setEmpty().append(token.term());
            offset.setOffset(token.start(), token.end());
            increment.setPositionIncrement(token.positionIncrement());
            return true;
        }

        @Override
        public void end() throws IOException {
            super.end();
            offset.setOffset(length, length);
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
