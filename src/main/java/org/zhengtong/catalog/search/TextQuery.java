package org.zhengtong.catalog.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.jspecify.annotations.Nullable;

/**
 * Turns what someone typed into a Lucene query without any query syntax: the text is cut into words by the same
 * analyzers the index uses and the query is built from those words, so quotes, brackets, {@code AND}, {@code *}
 * or backslashes are just characters.
 *
 * <p>Words separated by spaces must all match (公安局 户籍). Within one such chunk smartcn may cut several words
 * (公安局户籍 → 公安局, 户籍), of which all must match up to two and three in four beyond; single characters
 * count only in a chunk that has nothing longer. A word matches in the name (weighted highest), keywords and data
 * items, provider and classification, or summary (lowest), or as a substring of the short fields through their
 * bigrams. Besides the words, the whole text may be a resource code (exact, or a prefix of codes) or, when it is
 * only ASCII letters, the pinyin initials of the start or of any part of a name.
 */
final class TextQuery {

    static final float NAME = 10, TERMS = 4, CONTEXT = 3, SUMMARY = 1;
    static final float SUBSTRING = 2, CHUNK_SUBSTRING = 3;
    static final float CODE = 1000, CODE_PREFIX = 50;
    static final float INITIALS_START = 30, INITIALS_ANYWHERE = 12;

    private static final int MAX_CHUNKS = 8, MAX_WORDS_PER_CHUNK = 16;
    private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern INITIALS = Pattern.compile("[a-z]{2,32}");
    private static final Pattern CODE_LIKE = Pattern.compile("[0-9A-Za-z./_-]{4,64}");

    /** The query to run (blank text: all resources). */
    final Query query;
    /** Whether the text was blank, so results are browsed rather than ranked. */
    final boolean browse;
    /** What to mark in names and summaries: the chunks as typed and their words of two characters or more. */
    final List<String> literals;
    /** The text as pinyin initials, if it looks like them. */
    final @Nullable String initials;

    private TextQuery(Query query, boolean browse, List<String> literals, @Nullable String initials) {
        this.query = query;
        this.browse = browse;
        this.literals = literals;
        this.initials = initials;
    }

    static TextQuery parse(String typed) {
        String text = normalize(typed);
        if (text.isEmpty()) {
            return new TextQuery(new MatchAllDocsQuery(), true, List.of(), null);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        boolean anything = false;
        Set<String> literals = new LinkedHashSet<>();
        Query words = words(text, literals);
        if (words != null) {
            any.add(words, Occur.SHOULD);
            anything = true;
        }
        if (CODE_LIKE.matcher(text).matches() || text.indexOf('/') >= 0) {
            any.add(new BoostQuery(new TermQuery(new Term(CatalogIndex.CODE, text)), CODE), Occur.SHOULD);
            any.add(new BoostQuery(new ConstantScoreQuery(new PrefixQuery(new Term(CatalogIndex.CODE, text))), CODE_PREFIX),
                    Occur.SHOULD);
            anything = true;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String initials = INITIALS.matcher(lower).matches() ? lower : null;
        if (initials != null) {
            any.add(new BoostQuery(new ConstantScoreQuery(new PrefixQuery(new Term(CatalogIndex.INITIALS, initials))),
                    INITIALS_START), Occur.SHOULD);
            any.add(new BoostQuery(new ConstantScoreQuery(new PrefixQuery(new Term(CatalogIndex.INITIALS_ANYWHERE, initials))),
                    INITIALS_ANYWHERE), Occur.SHOULD);
            anything = true;
        }
        Query query = anything ? any.build() : new MatchNoDocsQuery("nothing searchable in the text");
        return new TextQuery(query, false, List.copyOf(literals), initials);
    }

    /** NFKC (full-width letters and digits to ASCII), trimmed, at most {@link SearchQuery#MAX_TEXT} characters. */
    static String normalize(String typed) {
        String text = typed.length() > SearchQuery.MAX_TEXT * 2 ? typed.substring(0, SearchQuery.MAX_TEXT * 2) : typed;
        text = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (text.length() > SearchQuery.MAX_TEXT) {
            int end = SearchQuery.MAX_TEXT;
            if (Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            text = text.substring(0, end).strip();
        }
        // Control characters never belong in a query; treat them as spaces.
        return text.replaceAll("\\p{Cc}", " ").strip();
    }

    private static List<String> chunks(String text) {
        List<String> chunks = new ArrayList<>();
        for (String chunk : WHITESPACE.split(text)) {
            if (!chunk.isEmpty() && chunks.size() < MAX_CHUNKS) {
                chunks.add(chunk);
            }
        }
        return chunks;
    }

    /** All chunks' words, or null if there are none; {@code literals} gets what to mark. */
    private static @Nullable Query words(String text, Set<String> literals) {
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        int clauses = 0;
        for (String chunk : chunks(text)) {
            List<String> words = significant(Analysis.tokens(Analysis.WORDS, chunk).stream()
                    .distinct()
                    .limit(MAX_WORDS_PER_CHUNK)
                    .toList());
            List<String> grams = Analysis.tokens(Analysis.BIGRAMS, chunk);
            if (words.isEmpty() && grams.isEmpty()) {
                continue; // punctuation only
            }
            literals.add(chunk);
            words.stream().filter(word -> word.codePointCount(0, word.length()) >= 2).forEach(literals::add);
            BooleanQuery.Builder either = new BooleanQuery.Builder();
            if (!words.isEmpty()) {
                BooleanQuery.Builder each = new BooleanQuery.Builder();
                for (String word : words) {
                    each.add(word(word), Occur.SHOULD);
                }
                each.setMinimumNumberShouldMatch(required(words.size()));
                either.add(each.build(), Occur.SHOULD);
            }
            Query substring = words.equals(List.of(chunk)) ? null : substring(grams); // else the word has it already
            if (substring != null) {
                either.add(new BoostQuery(substring, CHUNK_SUBSTRING), Occur.SHOULD);
            }
            all.add(either.build(), Occur.MUST);
            clauses++;
        }
        return clauses == 0 ? null : all.build();
    }

    /**
     * Drops single characters (和, 局, 年, 人 ...) from a chunk that has longer words: they match nearly every
     * resource, so they cost much and select little, and the chunk's own substring match still honours them.
     */
    private static List<String> significant(List<String> words) {
        if (words.stream().noneMatch(word -> word.codePointCount(0, word.length()) > 1)) {
            return words;
        }
        return words.stream().filter(word -> word.codePointCount(0, word.length()) > 1).toList();
    }

    /** All words of a chunk of up to two words; beyond that, all but one in four. */
    static int required(int words) {
        return words <= 2 ? words : words - words / 4;
    }

    private static Query word(String word) {
        List<Query> fields = new ArrayList<>(5);
        fields.add(field(CatalogIndex.NAME, word, NAME));
        fields.add(field(CatalogIndex.TERMS, word, TERMS));
        fields.add(field(CatalogIndex.CONTEXT, word, CONTEXT));
        fields.add(field(CatalogIndex.SUMMARY, word, SUMMARY));
        if (word.codePointCount(0, word.length()) >= 2) {
            Query substring = substring(Analysis.tokens(Analysis.BIGRAMS, word));
            if (substring != null) {
                fields.add(new BoostQuery(substring, SUBSTRING));
            }
        }
        return new DisjunctionMaxQuery(fields, 0.1f);
    }

    private static Query field(String field, String word, float boost) {
        return new BoostQuery(new TermQuery(new Term(field, word)), boost);
    }

    /** The bigrams in sequence: the text occurs in one value of a short field. */
    private static @Nullable Query substring(List<String> grams) {
        if (grams.isEmpty()) {
            return null;
        }
        if (grams.size() == 1) {
            return new TermQuery(new Term(CatalogIndex.GRAMS, grams.getFirst()));
        }
        PhraseQuery.Builder phrase = new PhraseQuery.Builder();
        for (int i = 0; i < grams.size(); i++) {
            phrase.add(new Term(CatalogIndex.GRAMS, grams.get(i)), i);
        }
        return phrase.build();
    }
}
