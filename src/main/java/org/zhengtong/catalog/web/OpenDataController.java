package org.zhengtong.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.CatalogSearch;
import org.zhengtong.catalog.Resource;
import org.zhengtong.catalog.search.SearchResult;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalog's open entries for open-data portals and harvesters, in the shapes they already read: the CKAN
 * Action API ({@code /api/3/action/package_list}, {@code package_show}, {@code package_search}) and a DCAT-AP 3
 * JSON-LD catalog ({@code /catalog.jsonld}). Only entries whose open type is 开放 or 有条件开放 appear; the public
 * reaches them without signing in through the OPEN_DATA_READ privilege everyone holds. These answers follow CKAN's
 * own conventions ({@code success}, {@code result}, {@code error}) rather than problem+json, so CKAN clients work
 * unchanged.
 */
@RestController
class OpenDataController {

    static final String HELP = "https://docs.ckan.org/en/latest/api/";
    private static final Pattern FQ = Pattern.compile("([a-z_]+):(\"[^\"]*\"|\\S+)");
    private static final Map<String, String> FACET_FIELDS = Map.of(
            "organization", "provider", "res_format", "format", "share_type", "shareType", "open_type", "openType",
            "update_cycle", "updateCycle", "category", "category");

    private final CatalogSearch search;
    private final CatalogManagement catalog;
    private final DirectoryManagement directory;
    private final JsonMapper json;

    OpenDataController(CatalogSearch search, CatalogManagement catalog, DirectoryManagement directory, JsonMapper json) {
        this.search = search;
        this.catalog = catalog;
        this.directory = directory;
        this.json = json;
    }

    @GetMapping("/api/3/action/package_list")
    @PreAuthorize("hasAuthority('OPEN_DATA_READ')")
    Map<String, Object> packageList() {
        return ok(openEntries().stream().map(r -> name(r.code())).toList());
    }

    @GetMapping("/api/3/action/package_show")
    @PreAuthorize("hasAuthority('OPEN_DATA_READ')")
    ResponseEntity<Map<String, Object>> packageShow(@RequestParam(required = false) @Nullable String id, HttpServletRequest request) {
        Optional<Resource> found = id == null ? Optional.empty() : catalog.published(code(id)).filter(OpenDataController::isOpen);
        return found.<ResponseEntity<Map<String, Object>>>map(r -> ResponseEntity.ok(ok(dataset(r, base(request)))))
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "Not Found Error", "没有找到 Not found: " + id));
    }

    @GetMapping("/api/3/action/package_search")
    @PreAuthorize("hasAuthority('OPEN_DATA_READ')")
    ResponseEntity<Map<String, Object>> packageSearch(@RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String fq, @RequestParam(required = false, defaultValue = "10") String rows,
            @RequestParam(required = false, defaultValue = "0") String start,
            @RequestParam(name = "facet.field", required = false) @Nullable String facetField, HttpServletRequest request) {
        int limit;
        int offset;
        try {
            limit = Integer.parseInt(rows.strip());
            offset = Integer.parseInt(start.strip());
        } catch (NumberFormatException e) {
            return error(HttpStatus.CONFLICT, "Validation Error", "rows 和 start 须为整数 rows and start must be integers");
        }
        if (limit < 0 || limit > 1000 || offset < 0) {
            return error(HttpStatus.CONFLICT, "Validation Error", "rows 须在 0 到 1000 之间 rows must be between 0 and 1000");
        }
        List<String> facetFields;
        try {
            facetFields = facetField == null || facetField.isBlank() ? List.of()
                    : List.of(json.readValue(facetField, String[].class));
        } catch (RuntimeException e) {
            return error(HttpStatus.CONFLICT, "Validation Error", "facet.field 须为 JSON 字符串数组 facet.field must be a JSON list of strings");
        }
        Map<String, Set<String>> filters = new HashMap<>();
        filters.put("openType", CatalogSearch.OPEN_TERMS);
        if (fq != null) {
            Matcher m = FQ.matcher(fq);
            while (m.find()) {
                String field = FACET_FIELDS.get(m.group(1));
                if (field != null) {
                    String value = m.group(2).replace("\"", "");
                    if (field.equals("provider")) {
                        value = directory.findOrgUnit(value).map(OrgUnit::name).orElse(value);
                    }
                    filters.merge(field, Set.of(value), (a, b) -> {
                        Set<String> both = new LinkedHashSet<>(a);
                        both.retainAll(b);
                        return both;
                    });
                }
            }
        }
        SearchResult found = search.search(q, filters, offset, Math.max(limit, 1));
        String base = base(request);
        List<Object> results = new ArrayList<>();
        if (limit > 0) {
            for (SearchResult.Hit hit : found.hits()) {
                catalog.published(hit.code()).ifPresent(r -> results.add(dataset(r, base)));
            }
        }
        Map<String, Object> searchFacets = new LinkedHashMap<>();
        Map<String, Object> facets = new LinkedHashMap<>();
        for (String f : facetFields) {
            String field = FACET_FIELDS.get(f);
            List<SearchResult.FacetCount> counts = field == null ? List.of() : found.facets().getOrDefault(field, List.of());
            List<Map<String, Object>> items = counts.stream()
                    .map(c -> Map.<String, Object>of("name", c.value(), "display_name", c.value(), "count", c.count())).toList();
            searchFacets.put(f, Map.of("title", f, "items", items));
            Map<String, Long> flat = new LinkedHashMap<>();
            counts.forEach(c -> flat.put(c.value(), c.count()));
            facets.put(f, flat);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("count", found.total());
        result.put("results", results);
        result.put("facets", facets);
        result.put("search_facets", searchFacets);
        result.put("sort", "score desc, metadata_modified desc");
        return ResponseEntity.ok(ok(result));
    }

    /** The open entries as a DCAT-AP 3 catalog in JSON-LD. */
    @GetMapping(value = "/catalog.jsonld", produces = "application/ld+json")
    @PreAuthorize("hasAuthority('OPEN_DATA_READ')")
    Map<String, Object> dcat(HttpServletRequest request) {
        String base = base(request);
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("dcat", "http://www.w3.org/ns/dcat#");
        context.put("dct", "http://purl.org/dc/terms/");
        context.put("foaf", "http://xmlns.com/foaf/0.1/");
        context.put("vcard", "http://www.w3.org/2006/vcard/ns#");
        context.put("xsd", "http://www.w3.org/2001/XMLSchema#");
        List<Object> datasets = new ArrayList<>();
        for (Resource r : openEntries()) {
            Resource full = catalog.published(r.code()).orElse(r);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("@id", base + "/catalog/resources/" + r.code());
            d.put("@type", "dcat:Dataset");
            d.put("dct:identifier", r.code());
            d.put("dct:title", Map.of("@value", full.name(), "@language", "zh"));
            d.put("dct:description", Map.of("@value", full.content().summary(), "@language", "zh"));
            d.put("dct:publisher", Map.of("@type", "foaf:Agent", "foaf:name", r.providerName()));
            d.put("dcat:keyword", full.content().keywords().stream().map(k -> Map.of("@value", k, "@language", "zh")).toList());
            d.put("dcat:theme", Map.of("@value", r.classificationName(), "@language", "zh"));
            if (full.publishDate() != null) {
                d.put("dct:issued", Map.of("@value", full.publishDate().toString(), "@type", "xsd:date"));
            }
            d.put("dct:accrualPeriodicity", Map.of("@id", frequency(full.content().updateCycle())));
            if (full.content().contactName() != null) {
                Map<String, Object> contact = new LinkedHashMap<>();
                contact.put("@type", "vcard:Kind");
                contact.put("vcard:fn", full.content().contactName());
                if (full.content().contactEmail() != null) {
                    contact.put("vcard:hasEmail", Map.of("@id", "mailto:" + full.content().contactEmail()));
                }
                d.put("dcat:contactPoint", contact);
            }
            d.put("dcat:distribution", List.of(Map.of("@type", "dcat:Distribution", "dct:format", full.content().format().term(),
                    "dcat:accessURL", Map.of("@id", base + "/api/3/action/package_show?id=" + name(r.code())))));
            datasets.add(d);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("@context", context);
        doc.put("@id", base + "/catalog.jsonld");
        doc.put("@type", "dcat:Catalog");
        doc.put("dct:title", Map.of("@value", "政务信息资源开放目录", "@language", "zh"));
        doc.put("dct:description", Map.of("@value", "Open entries of the government information resource catalog", "@language", "en"));
        doc.put("dcat:dataset", datasets);
        return doc;
    }

    private List<Resource> openEntries() {
        return catalog.publishedEntries(null, null, Integer.MAX_VALUE).stream().filter(OpenDataController::isOpen).toList();
    }

    private Map<String, Object> dataset(Resource r, String base) {
        var c = r.content();
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", name(r.code()));
        d.put("name", name(r.code()));
        d.put("title", c.name());
        d.put("notes", c.summary());
        d.put("type", "dataset");
        d.put("state", "active");
        d.put("private", false);
        d.put("url", base + "/catalog/resources/" + r.code());
        d.put("metadata_created", c.publishDate() == null ? null : c.publishDate().toString());
        d.put("metadata_modified", r.editedAt().toString());
        d.put("organization", Map.of("name", r.provider(), "title", r.providerName(), "type", "organization", "is_organization", true));
        d.put("tags", c.keywords().stream().map(k -> Map.of("name", k, "display_name", k)).toList());
        d.put("num_tags", c.keywords().size());
        d.put("resources", List.of(Map.of("id", name(r.code()) + "-1", "name", c.name(), "format", c.format().term(),
                "url", base + "/catalog/resources/" + r.code(), "description", c.summary())));
        d.put("num_resources", 1);
        List<Map<String, String>> extras = new ArrayList<>();
        extras.add(Map.of("key", "resource_code", "value", r.code()));
        extras.add(Map.of("key", "classification", "value", r.classification() + " " + r.classificationName()));
        extras.add(Map.of("key", "share_type", "value", c.shareType().term()));
        extras.add(Map.of("key", "open_type", "value", c.openType().term()));
        if (c.openConditions() != null) {
            extras.add(Map.of("key", "open_conditions", "value", c.openConditions()));
        }
        extras.add(Map.of("key", "update_cycle", "value", c.updateCycle().term()));
        extras.add(Map.of("key", "data_items", "value", String.join("、", r.items().stream().map(i -> i.name()).toList())));
        d.put("extras", extras);
        return d;
    }

    private static boolean isOpen(Resource r) {
        return CatalogSearch.OPEN_TERMS.contains(r.content().openType().term());
    }

    /** CKAN names are lower-case and URL-safe; a resource code becomes one by replacing its slash. */
    static String name(String code) {
        return code.replace('/', '-');
    }

    static String code(String nameOrCode) {
        return nameOrCode.strip().replace('-', '/');
    }

    private static String base(HttpServletRequest request) {
        return ServletUriComponentsBuilder.fromContextPath(request).build().toUriString();
    }

    private static String frequency(org.zhengtong.catalog.Vocabulary.UpdateCycle cycle) {
        String eu = switch (cycle) {
            case REAL_TIME -> "UPDATE_CONT";
            case DAILY -> "DAILY";
            case WEEKLY -> "WEEKLY";
            case MONTHLY -> "MONTHLY";
            case QUARTERLY -> "QUARTERLY";
            case HALF_YEARLY -> "ANNUAL_2";
            case YEARLY -> "ANNUAL";
            case IRREGULAR -> "IRREG";
        };
        return "http://publications.europa.eu/resource/authority/frequency/" + eu;
    }

    private static Map<String, Object> ok(Object result) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", HELP);
        body.put("success", true);
        body.put("result", result);
        return body;
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String type, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("help", HELP);
        body.put("success", false);
        body.put("error", Map.of("__type", type, "message", message));
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
