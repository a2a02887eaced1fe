package org.zhengtong.catalog.search;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A search of the catalog as a citizen or an officer types it.
 *
 * @param text free text: Chinese or English words, a resource code, or pinyin initials ({@code rkjc}); blank
 *     browses everything. It is never parsed as query syntax, and only its first {@value #MAX_TEXT} characters
 *     count.
 * @param filters facet field ({@link CatalogIndex#FACETS}) to the values allowed for it: values of one field are
 *     alternatives, different fields must all hold. An empty set does not filter.
 * @param offset the first hit to return, 0 to {@value #MAX_OFFSET}
 * @param limit how many hits to return, 0 (counts and facets only) to {@value #MAX_LIMIT}
 */
public record SearchQuery(String text, Map<String, Set<String>> filters, int offset, int limit) {

    public static final int MAX_TEXT = 200;
    public static final int MAX_OFFSET = 10_000;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;

    /** Out-of-range paging is clamped rather than refused; an unknown facet field is a programming error. */
    public SearchQuery {
        Objects.requireNonNull(text, "text");
        Map<String, Set<String>> kept = new LinkedHashMap<>();
        for (Map.Entry<String, Set<String>> filter : filters.entrySet()) {
            if (!CatalogIndex.FACETS.contains(filter.getKey())) {
                throw new IllegalArgumentException(
                        "Unknown facet field '" + filter.getKey() + "', expected one of " + CatalogIndex.FACETS);
            }
            Set<String> values = filter.getValue().stream()
                    .filter(Objects::nonNull)
                    .map(String::strip)
                    .filter(value -> !value.isEmpty())
                    .collect(Collectors.toUnmodifiableSet());
            if (!values.isEmpty()) {
                kept.put(filter.getKey(), values);
            }
        }
        filters = Map.copyOf(kept);
        offset = Math.clamp(offset, 0, MAX_OFFSET);
        limit = Math.clamp(limit, 0, MAX_LIMIT);
    }

    /** The first page of hits for {@code text}, unfiltered. */
    public static SearchQuery of(String text) {
        return new SearchQuery(text, Map.of(), 0, DEFAULT_LIMIT);
    }

    /** This query, also requiring {@code field} to hold one of {@code values}. */
    public SearchQuery filter(String field, String... values) {
        Map<String, Set<String>> more = new LinkedHashMap<>(filters);
        more.put(field, Set.copyOf(Arrays.asList(values)));
        return new SearchQuery(text, more, offset, limit);
    }

    public SearchQuery page(int offset, int limit) {
        return new SearchQuery(text, filters, offset, limit);
    }
}
