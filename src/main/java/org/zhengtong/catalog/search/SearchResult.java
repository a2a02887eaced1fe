package org.zhengtong.catalog.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One page of hits for a {@link SearchQuery}.
 *
 * @param total how many resources match the text and all filters (exact)
 * @param hits the requested page, best first
 * @param facets for every facet field ({@link CatalogIndex#FACETS}, in that order), its values among the
 *     resources matching the text and the <em>other</em> fields' filters, most frequent first — so a selected
 *     value's alternatives keep their counts
 */
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetCount>> facets) {

    public SearchResult {
        hits = List.copyOf(hits);
        facets = Collections.unmodifiableMap(new LinkedHashMap<>(facets));
    }

    /**
     * A matching resource.
     *
     * @param nameHtml the resource name, HTML-escaped, with the matching words wrapped in {@code <mark>}
     * @param snippetHtml a passage of the summary around the first match, HTML-escaped and marked the same way
     */
    public record Hit(String code, String nameHtml, String snippetHtml, float score) {}

    public record FacetCount(String value, long count) {}
}
