/**
 * The catalog's Chinese full-text search: a Lucene index of the latest published version of every information
 * resource, analysed with smartcn (plus character bigrams and pinyin initials for recall), with facets for
 * provider, category, share and open type, format and update cycle.
 *
 * <p>The index is derived data: the database is the source of truth and {@link
 * org.zhengtong.catalog.search.CatalogIndex#rebuild(java.util.Iterator)} recreates it from there at any time.
 *
 * <p>Exposed as the catalog module's {@code search} interface, for the catalog to feed and for the operator
 * commands to benchmark ({@code ./zt bench catalog}).
 */
@NamedInterface("search")
@NullMarked
package org.zhengtong.catalog.search;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
