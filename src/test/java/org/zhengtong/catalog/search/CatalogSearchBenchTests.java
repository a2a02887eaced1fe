package org.zhengtong.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.zhengtong.catalog.search.BenchCatalog.BenchQuery;
import org.zhengtong.catalog.search.CatalogSearchBench.Plan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The benchmark's generator and its report, at a size that runs in seconds; no timing is asserted. */
class CatalogSearchBenchTests {

    @Test
    void theGeneratorIsDeterministicAndPlausible() {
        List<IndexedResource> entries = BenchCatalog.entries(500, CatalogSearchBench.SEED);

        assertThat(BenchCatalog.entries(500, CatalogSearchBench.SEED)).isEqualTo(entries);
        assertThat(BenchCatalog.entries(500, CatalogSearchBench.SEED + 1)).isNotEqualTo(entries);
        assertThat(entries).extracting(IndexedResource::code).doesNotHaveDuplicates()
                .allMatch(code -> code.matches("\\d{9}/\\d{5}"), "a code like 000014001/00001");
        assertThat(entries).allSatisfy(e -> {
            String subject = e.keywords().getFirst();
            assertThat(e.name()).contains(subject);
            assertThat(e.classification()).endsWith("-" + subject);
            assertThat(e.summary()).contains(subject);
            assertThat(e.dataItems()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(e.providerName()).matches("(海川市|东湖区|西江区|南山区)\\p{IsHan}+(局|委员会)");
            assertThat(BenchCatalog.CATEGORIES).contains(e.category());
            assertThat(BenchCatalog.SHARE_TYPES).contains(e.shareType());
            assertThat(BenchCatalog.OPEN_TYPES).contains(e.openType());
            assertThat(BenchCatalog.FORMATS).contains(e.format());
            assertThat(BenchCatalog.UPDATE_CYCLES).contains(e.updateCycle());
            assertThat(e.classification().split("-")).hasSize(3);
            assertThat(e.publishedOn()).isNotNull();
        });
        // varied, not one value repeated
        assertThat(entries.stream().map(IndexedResource::providerName).distinct().count()).isGreaterThan(20);
        assertThat(entries.stream().map(IndexedResource::name).distinct().count()).isGreaterThan(200);
        assertThat(entries.stream().map(IndexedResource::shareType).distinct().count()).isEqualTo(3);
    }

    @Test
    void theQueriesCoverEveryKindAndFindSomething() {
        List<BenchQuery> queries = BenchCatalog.queries(400, CatalogSearchBench.SEED);

        assertThat(BenchCatalog.queries(400, CatalogSearchBench.SEED)).isEqualTo(queries);
        Set<String> kinds = new HashSet<>();
        queries.forEach(q -> kinds.add(q.kind()));
        assertThat(kinds).contains("word", "generic", "two-words", "department+subject", "word+filter", "pinyin", "partial");
        assertThat(queries).filteredOn(q -> q.kind().equals("pinyin")).allMatch(q -> q.text().matches("[a-z]{2,}"));

        try (CatalogIndex index = CatalogIndex.inMemory()) {
            index.rebuild(BenchCatalog.entries(2_000, CatalogSearchBench.SEED).iterator());
            long found = queries.stream().filter(q -> index.search(q.toSearchQuery()).total() > 0).count();
            assertThat(found).isGreaterThan(queries.size() * 8 / 10);
        }
    }

    @Test
    void aSmallRunPrintsItsTableAndEndsWithOneJsonLine() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int exit = CatalogSearchBench.run(new PrintStream(printed, true, StandardCharsets.UTF_8), new Plan(300, 50, 10, 20, 2));

        String[] lines = printed.toString(StandardCharsets.UTF_8).strip().split("\n");
        assertThat(exit).as(String.join("\n", lines)).isIn(0, 1);
        assertThat(String.join("\n", lines)).contains("SQL LIKE p50 / p95", "Lucene p50 / p95 / p99 / max", "COPY");
        String last = lines[lines.length - 1];
        assertThat(last).startsWith("{\"bench\":\"catalog\",").endsWith("}");

        JsonNode json = JsonMapper.builder().build().readTree(last);
        assertThat(json.get("entries").asInt()).isEqualTo(300);
        assertThat(json.get("queries").asInt()).isEqualTo(50);
        assertThat(json.get("sql_like_queries").asInt()).isEqualTo(20);
        assertThat(json.get("goal_p95_ms").asInt()).isEqualTo(30);
        assertThat(json.get("index_bytes").asLong()).isPositive();
        for (String figure : List.of("copy_ms", "index_ms", "index_to_copy_ratio", "p50_ms", "p95_ms", "p99_ms", "max_ms",
                "sql_like_p50_ms", "sql_like_p95_ms", "p95_to_sql_like_ratio")) {
            assertThat(json.get(figure).isNumber()).as(figure).isTrue();
            assertThat(json.get(figure).asDouble()).as(figure).isPositive();
        }
        assertThat(json.get("p50_ms").asDouble()).isLessThanOrEqualTo(json.get("p95_ms").asDouble());
        assertThat(json.get("goal_met").asBoolean()).isEqualTo(exit == 0);
    }
}
