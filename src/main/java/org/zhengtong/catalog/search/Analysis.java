package org.zhengtong.catalog.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthFilter;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The two ways the index cuts Chinese text: smartcn words (户籍, 公安局), which rank well, and overlapping
 * character bigrams (公安, 安局), which let a word find longer words containing it (公安 finds 公安局, which
 * smartcn keeps whole). Both analyzers are thread-safe and shared.
 */
final class Analysis {

    /** smartcn: HMM word segmentation, lower-casing, punctuation removal, Porter stemming of English. */
    static final Analyzer WORDS = new SmartChineseAnalyzer();

    /** Han bigrams; other scripts as whole standard tokens, width-folded and lower-cased. */
    static final Analyzer BIGRAMS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            TokenStream stream = new CJKWidthFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new CJKBigramFilter(stream);
            return new TokenStreamComponents(source, stream);
        }

        /** Keeps a phrase from matching across two values of a multi-valued field. */
        @Override
        public int getPositionIncrementGap(String fieldName) {
            return 100;
        }
    };

    private Analysis() {}

    /** What the index writer uses: bigrams for {@code gramsField}, smartcn for everything else. */
    static Analyzer forIndexing(String gramsField) {
        return new PerFieldAnalyzerWrapper(WORDS, Map.of(gramsField, BIGRAMS));
    }

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // cannot happen reading a String
        }
        return tokens;
    }
}
