package org.zhengtong.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.PlatformTest;

/**
 * An open-data portal harvests the catalog without signing in, through CKAN's Action API and a DCAT-AP feed, and
 * sees only the entries open to the public.
 */
@PlatformTest
class OpenDataTests {

    @Autowired MockMvc mvc;
    @Autowired CatalogManagement catalog;

    @Test
    void packageSearchFindsOpenEntriesByAChineseWordInCkansShape() throws Exception {
        var response = mvc.perform(get("/api/3/action/package_search").param("q", "登记")
                .param("facet.field", "[\"organization\",\"res_format\"]").param("rows", "5")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat((Boolean) JsonPath.read(body, "$.success")).isTrue();
        assertThat((Integer) JsonPath.read(body, "$.result.count")).isPositive();
        List<Map<String, Object>> results = JsonPath.read(body, "$.result.results");
        assertThat(results).hasSizeBetween(1, 5);
        List<String> openTypes = JsonPath.read(body, "$.result.results[*].extras[?(@.key == 'open_type')].value");
        assertThat(openTypes).isNotEmpty().allMatch(CatalogSearch.OPEN_TERMS::contains);
        List<String> titles = JsonPath.read(body, "$.result.results[*].title");
        assertThat(titles).anyMatch(t -> t.contains("登记"));
        assertThat((List<?>) JsonPath.read(body, "$.result.search_facets.organization.items")).isNotEmpty();
        assertThat((List<?>) JsonPath.read(body, "$.result.search_facets.res_format.items")).isNotEmpty();
    }

    @Test
    void anOrganizationFilterNarrowsTheSearch() throws Exception {
        String body = mvc.perform(get("/api/3/action/package_search").param("fq", "organization:scjgj").param("rows", "100"))
                .andReturn().getResponse().getContentAsString();
        List<String> orgs = JsonPath.read(body, "$.result.results[*].organization.name");
        assertThat(orgs).isNotEmpty().containsOnly("scjgj");
    }

    @Test
    void packageShowAndListServeOnlyOpenEntries() throws Exception {
        Resource open = catalog.publishedEntries(null, null, 1000).stream()
                .filter(r -> CatalogSearch.OPEN_TERMS.contains(r.content().openType().term())).findFirst().orElseThrow();
        Resource closed = catalog.publishedEntries(null, null, 1000).stream()
                .filter(r -> r.content().openType() == Vocabulary.OpenType.NONE).findFirst().orElseThrow();
        String shown = mvc.perform(get("/api/3/action/package_show").param("id", open.code().replace('/', '-')))
                .andReturn().getResponse().getContentAsString();
        assertThat((String) JsonPath.read(shown, "$.result.title")).isEqualTo(open.name());
        var hidden = mvc.perform(get("/api/3/action/package_show").param("id", closed.code().replace('/', '-'))).andReturn().getResponse();
        assertThat(hidden.getStatus()).isEqualTo(404);
        assertThat((Boolean) JsonPath.read(hidden.getContentAsString(), "$.success")).isFalse();
        List<String> names = JsonPath.read(mvc.perform(get("/api/3/action/package_list")).andReturn().getResponse().getContentAsString(), "$.result");
        assertThat(names).contains(open.code().replace('/', '-')).doesNotContain(closed.code().replace('/', '-'));
    }

    @Test
    void badParametersAreCkanValidationErrors() throws Exception {
        var response = mvc.perform(get("/api/3/action/package_search").param("rows", "lots")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(409);
        assertThat((String) JsonPath.read(response.getContentAsString(), "$.error.__type")).isEqualTo("Validation Error");
        var q = mvc.perform(get("/api/3/action/package_search").param("q", "\"(AND * ~ \\")).andReturn().getResponse();
        assertThat(q.getStatus()).isEqualTo(200);
    }

    @Test
    void theDcatFeedDescribesTheOpenEntries() throws Exception {
        var response = mvc.perform(get("/catalog.jsonld")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).startsWith("application/ld+json");
        String body = response.getContentAsString();
        assertThat((String) JsonPath.read(body, "$['@type']")).isEqualTo("dcat:Catalog");
        List<String> ids = JsonPath.read(body, "$['dcat:dataset'][*]['dct:identifier']");
        long open = catalog.publishedEntries(null, null, 10_000).stream()
                .filter(r -> CatalogSearch.OPEN_TERMS.contains(r.content().openType().term())).count();
        assertThat(ids).hasSize((int) open);
        assertThat((String) JsonPath.read(body, "$['@context'].dcat")).isEqualTo("http://www.w3.org/ns/dcat#");
    }
}
