package org.zhengtong.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.zhengtong.catalog.search.SearchResult.FacetCount;
import org.zhengtong.catalog.search.SearchResult.Hit;

/** The catalog search index on its own, in memory: what citizens and officers type, and what they get back. */
class CatalogIndexTests {

    private final CatalogIndex index = CatalogIndex.inMemory();

    @AfterEach
    void close() {
        index.close();
    }

    @Test
    void aChineseWordIsFoundInsideALongerName() {
        add(
                resource("000014001/00001", "常住人口户籍信息"),
                resource("000014001/00002", "企业登记基本信息"),
                resource("000014001/00003", "不动产登记信息"));

        assertThat(codes("户籍")).containsExactly("000014001/00001");
        assertThat(codes("登记")).containsExactlyInAnyOrder("000014001/00002", "000014001/00003");
        assertThat(codes("婚姻")).isEmpty();
    }

    @Test
    void partOfAWordSmartcnKeepsWholeIsStillFound() {
        add(resource("A/1", "公安局出入境记录").withProvider("海川市公安局"));
        add(resource("A/2", "税务登记信息").withProvider("海川市税务局"));

        assertThat(codes("公安")).containsExactly("A/1");
        assertThat(codes("税务")).containsExactly("A/2");
    }

    @Test
    void wordsSeparatedBySpacesMustAllMatchAndTheProviderCounts() {
        add(
                resource("A/1", "常住人口户籍信息").withProvider("海川市公安局"),
                resource("A/2", "户籍档案").withProvider("海川市档案馆"),
                resource("A/3", "机动车登记信息").withProvider("海川市公安局"));

        assertThat(codes("公安局 户籍")).containsExactly("A/1");
        assertThat(codes("公安局户籍")).containsExactly("A/1");
        assertThat(codes("公安局")).containsExactlyInAnyOrder("A/1", "A/3");
    }

    @Test
    void nameMatchesRankAboveKeywordAndDataItemMatchesAboveSummaryMatches() {
        // Two of each, inserted worst first, so that neither index order nor a rare field decides the ranking.
        add(
                resource("S/1", "婚姻登记信息").withSummary("记录本市居民的婚姻登记情况，可用于核验社保缴纳资格"),
                resource("S/2", "学校基本信息").withSummary("社保缴纳"),
                resource("D/1", "养老保险参保信息").withDataItems(List.of("参保人姓名", "社保缴纳月份")),
                resource("K/1", "职工养老待遇信息").withKeywords(List.of("社保缴纳", "养老")),
                resource("N/1", "社保缴纳记录"),
                resource("N/2", "灵活就业人员社保缴纳基数信息").withSummary("按月更新"));

        List<Hit> hits = index.search(SearchQuery.of("社保缴纳")).hits();

        assertThat(hits).extracting(Hit::code).hasSize(6);
        assertThat(hits.subList(0, 2)).extracting(Hit::code).containsExactlyInAnyOrder("N/1", "N/2");
        assertThat(hits.subList(2, 4)).extracting(Hit::code).containsExactlyInAnyOrder("K/1", "D/1");
        assertThat(hits.subList(4, 6)).extracting(Hit::code).containsExactlyInAnyOrder("S/1", "S/2");
        assertThat(hits).extracting(Hit::score).isSortedAccordingTo((a, b) -> Float.compare(b, a));
    }

    @Test
    void anExactCodeFindsItsResourceFirst() {
        add(
                resource("000014001/00001", "常住人口户籍信息"),
                resource("000014001/00002", "暂住人口信息").withSummary("与 000014001/00001 关联的暂住人口数据"),
                resource("000015002/00001", "法人基础信息"),
                resource("000016003/00007", "000014001/00001 更正记录").withKeywords(List.of("000014001/00001")));

        assertThat(codes("000014001/00001").getFirst()).isEqualTo("000014001/00001");
        assertThat(codes(" ０００014001/00002 ")).first().isEqualTo("000014001/00002");
        // a classification's code prefix lists its resources first, then resources that merely mention it
        assertThat(codes("000014001")).hasSize(3).endsWith("000016003/00007");
    }

    @Test
    void facetsCountTheMatchesAndASelectedFacetKeepsItsAlternatives() {
        add(
                resource("A/1", "常住人口户籍信息").withProvider("公安局").withShareType("有条件共享"),
                resource("A/2", "户籍迁移信息").withProvider("公安局").withShareType("无条件共享"),
                resource("B/1", "户籍人口统计数据").withProvider("统计局").withShareType("无条件共享"),
                resource("C/1", "企业登记基本信息").withProvider("市场监督管理局").withShareType("无条件共享"));

        SearchResult all = index.search(SearchQuery.of("户籍"));
        assertThat(all.total()).isEqualTo(3);
        assertThat(all.facets()).containsOnlyKeys(CatalogIndex.FACETS);
        assertThat(all.facets().keySet()).containsExactlyElementsOf(CatalogIndex.FACETS);
        assertThat(all.facets().get("provider"))
                .containsExactly(new FacetCount("公安局", 2), new FacetCount("统计局", 1));
        assertThat(all.facets().get("shareType"))
                .containsExactly(new FacetCount("无条件共享", 2), new FacetCount("有条件共享", 1));

        SearchResult filtered = index.search(SearchQuery.of("户籍").filter("provider", "公安局"));
        assertThat(filtered.total()).isEqualTo(2);
        assertThat(filtered.hits()).extracting(Hit::code).containsExactlyInAnyOrder("A/1", "A/2");
        // the selected dimension still shows the other provider; the others count only 公安局's resources
        assertThat(filtered.facets().get("provider"))
                .containsExactly(new FacetCount("公安局", 2), new FacetCount("统计局", 1));
        assertThat(filtered.facets().get("shareType"))
                .containsExactlyInAnyOrder(new FacetCount("无条件共享", 1), new FacetCount("有条件共享", 1));

        SearchResult twoFilters = index.search(SearchQuery.of("户籍")
                .filter("provider", "公安局", "统计局")
                .filter("shareType", "无条件共享"));
        assertThat(twoFilters.hits()).extracting(Hit::code).containsExactlyInAnyOrder("A/2", "B/1");
        assertThat(twoFilters.facets().get("shareType"))
                .containsExactly(new FacetCount("无条件共享", 2), new FacetCount("有条件共享", 1));

        SearchResult browse = index.search(SearchQuery.of("").filter("shareType", "无条件共享"));
        assertThat(browse.total()).isEqualTo(3);
        assertThat(browse.facets().get("provider")).containsExactlyInAnyOrder(
                new FacetCount("公安局", 1), new FacetCount("统计局", 1), new FacetCount("市场监督管理局", 1));
    }

    @Test
    void blankTextBrowsesEverythingNewestFirst() {
        add(
                resource("A/1", "甲").withPublishedOn(LocalDate.of(2024, 1, 1)),
                resource("A/2", "乙").withPublishedOn(LocalDate.of(2025, 6, 1)),
                resource("A/3", "丙").withPublishedOn(null));

        for (String blank : List.of("", "   ", "\u3000\t\n")) {
            assertThat(codes(blank)).as("'%s'", blank).containsExactly("A/2", "A/1", "A/3");
        }
    }

    @Test
    void highlightingEscapesTheDataAndMarksTheMatches() {
        add(resource("X/1", "<script>alert(1)</script>户籍信息")
                .withSummary("包含\"户籍\"与 <b>地址</b> & 其他 'x' 信息"));

        Hit hit = index.search(SearchQuery.of("户籍")).hits().getFirst();

        assertThat(hit.nameHtml()).isEqualTo("&lt;script&gt;alert(1)&lt;/script&gt;<mark>户籍</mark>信息");
        assertThat(hit.snippetHtml())
                .isEqualTo("包含&quot;<mark>户籍</mark>&quot;与 &lt;b&gt;地址&lt;/b&gt; &amp; 其他 &#39;x&#39; 信息");
        assertThat(index.search(SearchQuery.of("script")).hits().getFirst().nameHtml())
                .isEqualTo("&lt;<mark>script</mark>&gt;alert(1)&lt;/<mark>script</mark>&gt;户籍信息");
    }

    @Test
    void aLongSummaryIsCutAroundTheFirstMatch() {
        String summary = "本资源".repeat(60) + "记录常住人口户籍的变动情况" + "以及其他".repeat(40);
        add(resource("X/1", "人口信息").withSummary(summary));

        String snippet = index.search(SearchQuery.of("户籍")).hits().getFirst().snippetHtml();

        assertThat(snippet).startsWith("…").endsWith("…").contains("常住人口<mark>户籍</mark>的变动");
        assertThat(snippet.replace("<mark>", "").replace("</mark>", "")).hasSizeLessThanOrEqualTo(Highlights.SNIPPET_CHARS + 2);
    }

    @Test
    void pinyinInitialsFindNamesByPrefixAndAreMarked() {
        add(
                resource("P/1", "人口基础信息"),
                resource("P/2", "法人基础信息"),
                resource("P/3", "常住人口户籍信息"),
                resource("P/4", "银行网点信息"));

        assertThat(codes("rkjc")).first().isEqualTo("P/1");
        assertThat(codes("RKJCXX")).first().isEqualTo("P/1");
        assertThat(codes("hjxx")).containsExactly("P/3"); // from inside the name, after the prefix matches
        assertThat(codes("yhwd")).containsExactly("P/4"); // 行 read hang
        assertThat(codes("frjc")).containsExactly("P/2");
        assertThat(index.search(SearchQuery.of("rkjc")).hits().getFirst().nameHtml()).isEqualTo("<mark>人口基础</mark>信息");
        assertThat(codes("zzzz")).isEmpty();
    }

    @Test
    void upsertReplacesTheDocumentOfTheSameCode() {
        index.upsert(resource("A/1", "户籍信息").get());
        index.upsert(resource("A/1", "婚姻登记信息").withVersion(2).get());
        add(resource("A/2", "学校信息"), resource("A/2", "学校基本信息"));

        assertThat(index.count()).isEqualTo(2);
        assertThat(codes("户籍")).isEmpty();
        assertThat(codes("婚姻")).containsExactly("A/1");
        assertThat(index.search(SearchQuery.of("学校")).hits()).singleElement()
                .extracting(Hit::nameHtml).isEqualTo("<mark>学校</mark>基本信息");
    }

    @Test
    void deleteRemovesTheResource() {
        add(resource("A/1", "户籍信息"), resource("A/2", "户籍档案"));

        index.delete("A/1");
        index.delete("no-such-code");

        assertThat(index.count()).isEqualTo(1);
        assertThat(codes("户籍")).containsExactly("A/2");
    }

    @Test
    void rebuildReplacesEverythingAndAFailedRebuildKeepsTheOldIndex() {
        add(resource("OLD/1", "户籍信息"), resource("OLD/2", "婚姻登记信息"));

        index.rebuild(List.of(resource("NEW/1", "户籍人口统计").get(), resource("NEW/2", "学校信息").get()).iterator());

        assertThat(index.count()).isEqualTo(2);
        assertThat(codes("")).containsExactlyInAnyOrder("NEW/1", "NEW/2");
        assertThat(codes("婚姻")).isEmpty();

        Iterator<IndexedResource> failing = new Iterator<>() {
            int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public IndexedResource next() {
                if (served++ == 3) {
                    throw new IllegalStateException("the database went away");
                }
                return resource("PARTIAL/" + served, "道路运输信息").get();
            }
        };
        assertThatThrownBy(() -> index.rebuild(failing)).hasMessageContaining("went away");
        assertThat(codes("")).containsExactlyInAnyOrder("NEW/1", "NEW/2");
        add(resource("NEW/3", "道路运输信息")); // and the index still takes writes
        assertThat(codes("道路")).containsExactly("NEW/3");
    }

    @Test
    void aLargeBatchIsIndexedOnSeveralThreadsAndTheLastVersionOfARepeatedCodeWins() {
        List<String> versions = List.of("初版", "修订版", "最终版");
        List<IndexedResource> batch = new ArrayList<>();
        for (String version : versions) {
            for (int i = 0; i < 1_500; i++) {
                batch.add(resource("R/" + i, "户籍信息" + version).get());
            }
        }

        index.rebuild(batch.iterator());

        assertThat(index.count()).isEqualTo(1_500);
        assertThat(index.search(SearchQuery.of("最终版")).total()).isEqualTo(1_500);
        assertThat(index.search(SearchQuery.of("修订版")).total()).isZero();

        Iterator<IndexedResource> failsLate = new Iterator<>() {
            int served;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public IndexedResource next() {
                if (served++ == 2_500) {
                    throw new IllegalStateException("cursor closed");
                }
                return resource("NEW/" + served, "婚姻登记信息").get();
            }
        };
        assertThatThrownBy(() -> index.upsertAll(() -> failsLate)).hasMessageContaining("cursor closed");
        assertThat(index.count()).isEqualTo(1_500);
        assertThat(codes("婚姻")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"", "\"户籍", "(", "户籍)", "AND", "户籍 AND 婚姻", "OR NOT", "*", "户*", "?", "~", "户籍~2",
            "\\", "\\\"", "[1 TO 2]", "{}", "name:户籍", "+-!^", "/", "//", "::", "&&||", "！？。，", "《》", "%", "\u0000", "\uD800"})
    void queryLikeTextNeverThrows(String text) {
        add(resource("A/1", "户籍信息"));

        assertThatCode(() -> index.search(SearchQuery.of(text))).doesNotThrowAnyException();
        SearchResult result = index.search(SearchQuery.of(text));
        assertThat(result.total()).isEqualTo(result.hits().size());
    }

    @Test
    void punctuationOnlyFindsNothingAndVeryLongTextIsCut() {
        add(resource("A/1", "户籍信息"));

        SearchResult punctuation = index.search(SearchQuery.of("？！（）《》\"\\*~"));
        assertThat(punctuation.total()).isZero();
        assertThat(punctuation.hits()).isEmpty();
        assertThat(punctuation.facets()).containsOnlyKeys(CatalogIndex.FACETS);

        assertThat(codes("户籍" + " 信息".repeat(10_000))).containsExactly("A/1");
        assertThat(codes("(".repeat(100_000))).isEmpty();
        assertThat(codes("户籍 " + "婚姻".repeat(SearchQuery.MAX_TEXT))).isEmpty(); // the second word still counts
    }

    @Test
    void pagesAreDisjointAndCoverAllHits() {
        List<Resource> many = IntStream.range(0, 45)
                .mapToObj(i -> resource("R/%02d".formatted(i), "第" + i + "号户籍信息"))
                .toList();
        add(many.toArray(Resource[]::new));

        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 60; offset += 20) {
            SearchResult page = index.search(new SearchQuery("户籍", Map.of(), offset, 20));
            assertThat(page.total()).isEqualTo(45);
            page.hits().forEach(hit -> seen.add(hit.code()));
        }
        assertThat(seen).hasSize(45).doesNotHaveDuplicates();
        assertThat(index.search(new SearchQuery("户籍", Map.of(), 40, 20)).hits()).hasSize(5);
        assertThat(index.search(new SearchQuery("户籍", Map.of(), 0, 0)).hits()).isEmpty();
        assertThat(index.search(new SearchQuery("户籍", Map.of(), -5, 1000)).hits()).hasSize(45);
    }

    @Test
    void anUnknownFacetFieldIsAProgrammingError() {
        assertThatThrownBy(() -> SearchQuery.of("户籍").filter("colour", "red"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("colour");
        assertThat(SearchQuery.of("户籍").filter("provider", " ", "").filters()).isEmpty();
        assertThat(SearchQuery.of("户籍").filter("provider", "公安局", " 公安局 ").filters())
                .isEqualTo(Map.of("provider", Set.of("公安局")));
    }

    @Test
    void anEmptyIndexAnswersCleanly() {
        SearchResult result = index.search(SearchQuery.of("户籍").filter("provider", "公安局"));

        assertThat(result.total()).isZero();
        assertThat(result.facets()).containsOnlyKeys(CatalogIndex.FACETS).allSatisfy((dim, counts) -> assertThat(counts).isEmpty());
        assertThat(index.count()).isZero();
    }

    @Test
    void anIndexOnDiskSurvivesReopening(@TempDir Path dir) {
        try (CatalogIndex onDisk = CatalogIndex.open(dir)) {
            onDisk.upsertAll(List.of(resource("A/1", "户籍信息").get(), resource("A/2", "婚姻登记信息").get()));
            assertThat(onDisk.sizeInBytes()).isPositive();
        }
        try (CatalogIndex reopened = CatalogIndex.open(dir)) {
            assertThat(reopened.count()).isEqualTo(2);
            assertThat(reopened.search(SearchQuery.of("婚姻")).hits()).extracting(Hit::code).containsExactly("A/2");
        }
    }

    @Test
    void anUnreadableIndexOnDiskStartsEmptyToBeRebuilt(@TempDir Path dir) throws IOException {
        try (CatalogIndex onDisk = CatalogIndex.open(dir)) {
            onDisk.upsert(resource("A/1", "户籍信息").get());
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                Files.writeString(file, "not a Lucene file");
            }
        }

        try (CatalogIndex reopened = CatalogIndex.open(dir)) {
            assertThat(reopened.count()).isZero();
            reopened.rebuild(List.of(resource("A/1", "户籍信息").get()).iterator());
            assertThat(codes(reopened, "户籍")).containsExactly("A/1");
        }
        try (CatalogIndex again = CatalogIndex.open(dir)) {
            assertThat(again.count()).isEqualTo(1);
        }
    }

    @Test
    void searchesRunWhileTheIndexIsWritten() throws Exception {
        add(resource("BASE/1", "户籍信息"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int writer = t;
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        index.upsert(resource("W%d/%d".formatted(writer, i), "户籍变更信息").get());
                    }
                }));
            }
            for (int t = 0; t < 2; t++) {
                work.add(pool.submit(() -> {
                    for (int i = 0; i < 100; i++) {
                        SearchResult result = index.search(SearchQuery.of("户籍"));
                        assertThat(result.total()).isBetween(1L, 51L);
                    }
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(index.count()).isEqualTo(51);
    }

    private List<String> codes(String text) {
        return codes(index, text);
    }

    private static List<String> codes(CatalogIndex index, String text) {
        return index.search(SearchQuery.of(text).page(0, 100)).hits().stream().map(Hit::code).toList();
    }

    private void add(Resource... resources) {
        index.upsertAll(Arrays.stream(resources).map(Resource::get).toList());
    }

    static Resource resource(String code, String name) {
        return new Resource(code, name);
    }

    /** An IndexedResource with plain defaults, changed one field at a time. */
    static final class Resource {
        private final String code;
        private final String name;
        private int version = 1;
        private String summary = "";
        private List<String> keywords = List.of();
        private List<String> dataItems = List.of();
        private String provider = "某部门";
        private String shareType = "有条件共享";
        private @Nullable LocalDate publishedOn = LocalDate.of(2025, 1, 1);

        Resource(String code, String name) {
            this.code = code;
            this.name = name;
        }

        Resource withVersion(int version) {
            this.version = version;
            return this;
        }

        Resource withSummary(String summary) {
            this.summary = summary;
            return this;
        }

        Resource withKeywords(List<String> keywords) {
            this.keywords = keywords;
            return this;
        }

        Resource withDataItems(List<String> dataItems) {
            this.dataItems = dataItems;
            return this;
        }

        Resource withProvider(String provider) {
            this.provider = provider;
            return this;
        }

        Resource withShareType(String shareType) {
            this.shareType = shareType;
            return this;
        }

        Resource withPublishedOn(@Nullable LocalDate publishedOn) {
            this.publishedOn = publishedOn;
            return this;
        }

        IndexedResource get() {
            return new IndexedResource(code, version, name, summary, keywords, "p-" + provider.hashCode(), provider, "部门",
                    "部门-其他", shareType, "不予开放", "数据库", "每月", dataItems, publishedOn);
        }
    }
}
