package org.zhengtong.basedata.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseDataFeeds;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.OpenType;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.Standard;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.OrganizationCode;
import org.zhengtong.shared.UnifiedSocialCreditCode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A department system uses the base databases' API: 公安's system looks a person up and sees every field, 教育's sees
 * the ID number, phone and addresses masked; a query without purpose is refused with a stable code; and a system
 * verifies claims (核验) and learns match, mismatch, not_found or invalid for each, without a stored value ever
 * appearing in the answer. The data arrives the way it really does: published by 公安 and 市场监管 through the
 * exchange and merged by a base-database feed.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BaseDataApiTests {

    static final String SECRET = "Zhengtong@2026";

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired CatalogManagement catalog;
    @Autowired SharingManagement sharing;
    @Autowired ExchangeHub hub;
    @Autowired BaseDataFeeds feeds;
    @Autowired DirectoryManagement directory;
    @Autowired AccessPolicy policy;
    @Autowired JsonMapper json;

    // 张核验, a living man, and 李存档, a woman who died in 2020, both of 南山区.
    final String zhang = id("379904", LocalDate.of(1933, 3, 5), 917);
    final String li = id("379904", LocalDate.of(1934, 7, 9), 918);
    final String absent = id("379904", LocalDate.of(1935, 1, 1), 919);
    final String enterprise = creditCode("379902", "77120301");
    final String closed = creditCode("379903", "77120302");
    final String noEnterprise = creditCode("379904", "77120303");

    @BeforeAll
    void publishThroughTheExchangeAndMerge() {
        String people = dataset("gaj", "303001001", "核验接口测试户籍信息", List.of(
                item("公民身份号码", DataType.STRING, true, true, Standard.ID_NUMBER), item("姓名", DataType.STRING, false, true, null),
                item("性别", DataType.STRING, false, false, null), item("民族", DataType.STRING, false, false, null),
                item("出生日期", DataType.DATE, false, false, Standard.DATE), item("户籍地址", DataType.STRING, false, true, null),
                item("户籍地行政区划代码", DataType.STRING, false, false, Standard.DIVISION_CODE),
                item("死亡日期", DataType.DATE, false, false, Standard.DATE), item("联系电话", DataType.STRING, false, true, null)));
        String firms = dataset("scjgj", "301001001", "核验接口测试市场主体", List.of(
                item("统一社会信用代码", DataType.STRING, true, false, Standard.CREDIT_CODE), item("企业名称", DataType.STRING, false, false, null),
                item("法定代表人", DataType.STRING, false, true, null), item("注册资本", DataType.NUMBER, false, false, null),
                item("所在区县代码", DataType.STRING, false, false, Standard.DIVISION_CODE), item("登记状态", DataType.STRING, false, false, null)));
        Map<String, String> personMapping = new LinkedHashMap<>();
        personMapping.put("公民身份号码", "id_number");
        personMapping.put("姓名", "name");
        personMapping.put("性别", "gender");
        personMapping.put("民族", "ethnicity");
        personMapping.put("出生日期", "birth_date");
        personMapping.put("户籍地址", "household_address");
        personMapping.put("户籍地行政区划代码", "household_division");
        personMapping.put("死亡日期", "death_date");
        personMapping.put("联系电话", "phone");
        Map<String, String> firmMapping = new LinkedHashMap<>();
        firmMapping.put("统一社会信用代码", "credit_code");
        firmMapping.put("企业名称", "name");
        firmMapping.put("法定代表人", "legal_representative");
        firmMapping.put("注册资本", "registered_capital");
        firmMapping.put("所在区县代码", "division");
        firmMapping.put("登记状态", "status");
        feeds.register(Base.PERSON, people, personMapping);
        feeds.register(Base.LEGAL_PERSON, firms, firmMapping);
        publish("gaj", people, String.join(",", personMapping.keySet()) + "\n"
                + zhang + ",张核验,男,汉族,1933-03-05,海川市南山区核验路1号,379904,,13912345678\n"
                + li + ",李存档,女,回族,1934-07-09,海川市南山区档案街2号,379904,2020-05-06,13887654321\n", "bdapi-people-1");
        publish("scjgj", firms, String.join(",", firmMapping.keySet()) + "\n"
                + enterprise + ",海川市核验科技有限公司,赵法人,500,379902,存续\n"
                + closed + ",海川市已注销贸易有限公司,钱某某,100.5,379903,注销\n", "bdapi-firms-1");
        feeds.catchUp();
        assertThat(jdbc.sql("select name from basedata.person where id_number = ?").param(zhang).query(String.class).single()).isEqualTo("张核验");
        assertThat(jdbc.sql("select count(*) from basedata.legal_person where credit_code in (?, ?)").params(enterprise, closed)
                .query(Long.class).single()).isEqualTo(2);
    }

    // lookups

    @Test
    void aDepartmentWithAFullGrantSeesEveryFieldAndOneWithoutSeesPersonalFieldsMasked() throws Exception {
        var gaj = call(get("/api/v1/basedata/persons/" + zhang).param("purpose", "HANDLING"), "gaj-system");
        assertThat(gaj.getStatus()).as(gaj.getContentAsString()).isEqualTo(200);
        String full = gaj.getContentAsString();
        assertThat((String) JsonPath.read(full, "$.key")).isEqualTo(zhang);
        assertThat((String) JsonPath.read(full, "$.fields.name")).isEqualTo("张核验");
        assertThat((String) JsonPath.read(full, "$.fields.phone")).isEqualTo("13912345678");
        assertThat((String) JsonPath.read(full, "$.fields.household_address")).isEqualTo("海川市南山区核验路1号");
        assertThat((String) JsonPath.read(full, "$.fields.birth_date")).isEqualTo("1933-03-05");
        assertThat((List<String>) JsonPath.read(full, "$.masked")).isEmpty();

        var jyj = call(get("/api/v1/basedata/persons/" + zhang).param("purpose", "办事"), "jyj-system");
        assertThat(jyj.getStatus()).as(jyj.getContentAsString()).isEqualTo(200);
        String masked = jyj.getContentAsString();
        assertThat((String) JsonPath.read(masked, "$.key")).isEqualTo("379904********" + zhang.substring(14));
        assertThat((String) JsonPath.read(masked, "$.fields.name")).isEqualTo("张核验");
        assertThat((String) JsonPath.read(masked, "$.fields.phone")).isEqualTo("139****5678");
        assertThat((String) JsonPath.read(masked, "$.fields.household_address")).isEqualTo("海川市南山区****");
        assertThat((List<String>) JsonPath.read(masked, "$.masked")).contains("id_number", "phone", "household_address");
        assertThat(masked).doesNotContain(zhang).doesNotContain("13912345678").doesNotContain("核验路");

        var firm = call(get("/api/v1/basedata/legal-persons/" + enterprise).param("purpose", "ENFORCEMENT"), "gaj-system");
        assertThat(firm.getStatus()).isEqualTo(200);
        assertThat((String) JsonPath.read(firm.getContentAsString(), "$.fields.name")).isEqualTo("海川市核验科技有限公司");

        assertThat(jdbc.sql("select count(*) from basedata.query_log where actor = 'jyj-system' and department = 'jyj' and kind = 'LOOKUP'"
                + " and purpose = 'HANDLING'").query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from audit.audit_record where actor = 'gaj-system' and action = 'basedata.query.lookup'"
                + " and target = ?").param("person:" + zhang).query(Long.class).single()).isPositive();
    }

    @Test
    void searchesAnswerByConditionsWithinTheGrant() throws Exception {
        var found = call(get("/api/v1/basedata/persons").param("name", "张核验").param("division", "379904").param("purpose", "STATISTICS"),
                "gaj-system");
        assertThat(found.getStatus()).as(found.getContentAsString()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(found.getContentAsString(), "$.subjects[*].key")).containsExactly(zhang);

        var firms = call(get("/api/v1/basedata/legal-persons").param("name", "核验科技").param("status", "存续").param("purpose", "HANDLING"),
                "scjgj-system");
        assertThat(firms.getStatus()).as(firms.getContentAsString()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(firms.getContentAsString(), "$.subjects[*].key")).containsExactly(enterprise);

        var phoneless = call(get("/api/v1/basedata/persons").param("bornFrom", "1933-13-01").param("purpose", "HANDLING"), "gaj-system");
        assertThat(phoneless.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(phoneless.getContentAsString(), "$.code")).isEqualTo("invalid-input");
    }

    @Test
    void aQueryWithoutPurposeAnInvalidIdAndAnUnknownPersonAreClearProblems() throws Exception {
        var zh = call(get("/api/v1/basedata/persons/" + zhang), "gaj-system");
        assertThat(zh.getStatus()).isEqualTo(400);
        assertThat(zh.getContentType()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(zh.getContentAsString(), "$.code")).isEqualTo("basedata.no-purpose");
        assertThat((String) JsonPath.read(zh.getContentAsString(), "$.detail")).contains("查询用途");
        var en = call(get("/api/v1/basedata/persons/" + zhang).header("Accept-Language", "en"), "gaj-system");
        assertThat((String) JsonPath.read(en.getContentAsString(), "$.detail")).contains("purpose");

        var other = call(get("/api/v1/basedata/persons/" + zhang).param("purpose", "OTHER"), "gaj-system");
        assertThat((String) JsonPath.read(other.getContentAsString(), "$.code")).isEqualTo("basedata.purpose-text-required");

        var invalid = call(get("/api/v1/basedata/persons/" + zhang.substring(0, 17) + wrongCheck(zhang)).param("purpose", "HANDLING"), "gaj-system");
        assertThat(invalid.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(invalid.getContentAsString(), "$.code")).isEqualTo("invalid-input");
        assertThat((String) JsonPath.read(invalid.getContentAsString(), "$.errors[0].field")).isEqualTo("idNumber");

        var missing = call(get("/api/v1/basedata/persons/" + absent).param("purpose", "HANDLING"), "gaj-system");
        assertThat(missing.getStatus()).isEqualTo(404);
        assertThat((String) JsonPath.read(missing.getContentAsString(), "$.code")).isEqualTo("basedata.not-found");

        var ungranted = call(get("/api/v1/basedata/legal-persons/" + enterprise).param("purpose", "HANDLING"), "mzj-system");
        assertThat(ungranted.getStatus()).isEqualTo(403);
        assertThat((String) JsonPath.read(ungranted.getContentAsString(), "$.code")).isEqualTo("basedata.no-grant");
    }

    // verification

    @Test
    void eachClaimIsAnsweredMatchMismatchNotFoundOrInvalidInOrder() throws Exception {
        long before = verifyRecords("gaj-system");
        List<Map<String, Object>> claims = List.of(
                Map.of("idNumber", zhang, "name", " 张核验 ", "alive", true, "ethnicity", "汉", "gender", "1"),
                Map.of("idNumber", li, "name", "李存档", "alive", true, "birthDate", "1934-07-09"),
                Map.of("idNumber", absent, "name", "张核验"),
                Map.of("idNumber", zhang.substring(0, 17) + wrongCheck(zhang), "name", "张核验"),
                Map.of("idNumber", zhang.substring(0, 6) + zhang.substring(8, 17), "name", "张核验", "birth_date", "19330305"),
                Map.of("idNumber", zhang, "birth_date", "1933-02-30"),
                Map.of("name", "张核验"),
                Map.of("idNumber", li, "alive", false, "death_date", "2020-05-06", "phone", "13887654321"));
        var response = verify("persons", "HANDLING", claims, "gaj-system");
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat((List<String>) JsonPath.read(body, "$.answers[*].result"))
                .containsExactly("match", "mismatch", "not_found", "invalid", "match", "invalid", "invalid", "match");
        assertThat((List<String>) JsonPath.read(body, "$.answers[1].fields")).containsExactly("alive");
        assertThat((String) JsonPath.read(body, "$.answers[3].field")).isEqualTo("idNumber");
        assertThat((String) JsonPath.read(body, "$.answers[3].reason")).contains("校验码");
        assertThat((String) JsonPath.read(body, "$.answers[5].field")).isEqualTo("birth_date");
        assertThat((String) JsonPath.read(body, "$.answers[6].field")).isEqualTo("idNumber");
        assertThat((Integer) JsonPath.read(body, "$.counts.match")).isEqualTo(3);
        assertThat((Integer) JsonPath.read(body, "$.counts.invalid")).isEqualTo(3);

        assertThat(verifyRecords("gaj-system")).as("one audit record per call").isEqualTo(before + 1);
        String detail = jdbc.sql("select detail from audit.audit_record where actor = 'gaj-system' and action = 'basedata.query.verify'"
                + " order by seq desc limit 1").query(String.class).single();
        assertThat(detail).contains("claims 8").contains("match 3").contains("mismatch 1").contains("not_found 1").contains("invalid 3");
        assertThat(jdbc.sql("select results from basedata.query_log where actor = 'gaj-system' and kind = 'VERIFY' order by id desc limit 1")
                .query(Integer.class).single()).isEqualTo(8);

        var firms = verify("legal-persons", "ENFORCEMENT", List.of(
                Map.of("creditCode", enterprise, "name", "海川市核验科技有限公司", "status", "存续", "legalRepresentative", "赵法人",
                        "registered_capital", "500.00"),
                Map.of("creditCode", closed.toLowerCase(), "status", "存续", "registeredCapital", 100.5),
                Map.of("creditCode", noEnterprise, "status", "存续")), "swj-system");
        assertThat(firms.getStatus()).as(firms.getContentAsString()).isEqualTo(200);
        assertThat((List<String>) JsonPath.read(firms.getContentAsString(), "$.answers[*].result")).containsExactly("match", "mismatch", "not_found");
        assertThat((List<String>) JsonPath.read(firms.getContentAsString(), "$.answers[1].fields")).containsExactly("status");
    }

    @Test
    void aMismatchAnswerContainsNoStoredValue() throws Exception {
        // Every claim on 李存档 is wrong; the answer must name the fields and nothing of what the base holds.
        var response = verify("persons", "ENFORCEMENT", List.of(
                Map.of("idNumber", li, "name", "王冒名", "gender", "男", "ethnicity", "汉族", "birth_date", "1950-01-01", "alive", true,
                        "household_address", "别处", "household_division", "379902", "phone", "13000000000"),
                Map.of("idNumber", li, "death_date", "2021-01-01")), "gaj-system");
        assertThat(response.getStatus()).isEqualTo(200);
        String body = response.getContentAsString();
        assertThat((List<String>) JsonPath.read(body, "$.answers[*].result")).containsExactly("mismatch", "mismatch");
        assertThat((List<String>) JsonPath.read(body, "$.answers[0].fields")).containsExactlyInAnyOrder("name", "gender", "ethnicity",
                "birth_date", "alive", "household_address", "household_division", "phone");
        for (String stored : List.of("李存档", "李", "存档", "女", "回族", "回", "1934-07-09", "19340709", "2020-05-06", "20200506",
                "海川市南山区档案街2号", "档案街", "379904", "13887654321", "8765", "4321")) {
            assertThat(body).as("stored value " + stored).doesNotContain(stored);
        }
    }

    @Test
    void callsThatCannotBeVerifiedAreRefusedWholeWithStableCodes() throws Exception {
        var empty = verify("persons", "HANDLING", List.of(), "gaj-system");
        assertThat(empty.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(empty.getContentAsString(), "$.code")).isEqualTo("basedata.no-claims");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            tooMany.add(Map.of("idNumber", zhang, "name", "张核验"));
        }
        var large = verify("persons", "HANDLING", tooMany, "gaj-system");
        assertThat(large.getStatus()).isEqualTo(413);
        assertThat(large.getContentType()).startsWith("application/problem+json");
        assertThat((String) JsonPath.read(large.getContentAsString(), "$.code")).isEqualTo("basedata.too-many-claims");

        var noPurpose = verify("persons", null, List.of(Map.of("idNumber", zhang)), "gaj-system");
        assertThat(noPurpose.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(noPurpose.getContentAsString(), "$.code")).isEqualTo("basedata.no-purpose");

        var unknown = verify("persons", "HANDLING", List.of(Map.of("idNumber", zhang), Map.of("idNumber", zhang, "shoeSize", "42")), "gaj-system");
        assertThat(unknown.getStatus()).isEqualTo(400);
        assertThat((String) JsonPath.read(unknown.getContentAsString(), "$.code")).isEqualTo("basedata.unknown-claim-field");
        assertThat((String) JsonPath.read(unknown.getContentAsString(), "$.detail")).contains("shoeSize").contains("2");

        // 民政 is granted name, birth and death but not the phone.
        var notGranted = verify("persons", "HANDLING", List.of(Map.of("idNumber", zhang, "name", "张核验", "phone", "13912345678")), "mzj-system");
        assertThat(notGranted.getStatus()).isEqualTo(403);
        assertThat((String) JsonPath.read(notGranted.getContentAsString(), "$.code")).isEqualTo("basedata.claim-field-not-granted");
        assertThat((String) JsonPath.read(notGranted.getContentAsString(), "$.detail")).contains("phone");
        var granted = verify("persons", "HANDLING", List.of(Map.of("idNumber", zhang, "name", "张核验", "alive", true)), "mzj-system");
        assertThat(granted.getStatus()).as(granted.getContentAsString()).isEqualTo(200);
        assertThat((String) JsonPath.read(granted.getContentAsString(), "$.answers[0].result")).isEqualTo("match");
    }

    @Test
    void tenThousandClaimsAreAnsweredInOneCall() throws Exception {
        List<Map<String, Object>> claims = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            claims.add(i % 2 == 0 ? Map.of("idNumber", zhang, "name", "张核验", "alive", true)
                    : Map.of("idNumber", id("379903", LocalDate.of(1936, 1, 1).plusDays(i % 3000), 991), "name", "某某"));
        }
        var response = verify("persons", "STATISTICS", claims, "gaj-system");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat((Integer) JsonPath.read(response.getContentAsString(), "$.count")).isEqualTo(10_000);
        assertThat((Integer) JsonPath.read(response.getContentAsString(), "$.counts.match")).isEqualTo(5_000);
        assertThat((Integer) JsonPath.read(response.getContentAsString(), "$.counts.not_found")).isEqualTo(5_000);
    }

    @Test
    void theDemoDepartmentSystemsHoldTheApiPrivilegesAndAClientWithoutVerifyIsRefused() throws Exception {
        for (String client : List.of("gaj-system", "jyj-system", "scjgj-system")) {
            assertThat(directory.apiClient(client).privileges()).as(client).contains("BASEDATA_LOOKUP", "BASEDATA_VERIFY");
        }
        directory.createApiClient("bdapi-lookup-only", "只查询不核验的系统", "gaj", List.of("BASEDATA_LOOKUP"), SECRET);
        var lookup = call(get("/api/v1/basedata/persons/" + zhang).param("purpose", "HANDLING"), "bdapi-lookup-only");
        assertThat(lookup.getStatus()).isEqualTo(200);
        var refused = verify("persons", "HANDLING", List.of(Map.of("idNumber", zhang, "name", "张核验")), "bdapi-lookup-only");
        assertThat(refused.getStatus()).isEqualTo(403);
        assertThat((String) JsonPath.read(refused.getContentAsString(), "$.code")).isEqualTo("forbidden");
    }

    // helpers

    private long verifyRecords(String actor) {
        return jdbc.sql("select count(*) from audit.audit_record where actor = ? and action = 'basedata.query.verify'").param(actor)
                .query(Long.class).single();
    }

    private MockHttpServletResponse call(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String client)
            throws Exception {
        return mvc.perform(request.header("Authorization", "Bearer " + Logins.token(mvc, client, SECRET))).andReturn().getResponse();
    }

    private MockHttpServletResponse verify(String base, String purpose, List<Map<String, Object>> claims, String client) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        if (purpose != null) {
            body.put("purpose", purpose);
        }
        body.put("claims", claims);
        return call(post("/api/v1/basedata/" + base + "/verify").contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(body)),
                client);
    }

    private String dataset(String provider, String classification, String name, List<DataItem> items) {
        String code = as(provider + ".officer", "DATA_OFFICER", () -> {
            var draft = new ResourceDraft(classification, name, name + "，核验接口测试用。", Format.DATABASE, ShareType.CONDITIONAL,
                    "仅限测试", List.of(ShareWay.TABLE, ShareWay.API), null, OpenType.NONE, null, UpdateCycle.REAL_TIME, LocalDate.now(), List.of(),
                    List.of("测试"), "测试联系人", "0535-6000000", provider + "@haichuan.gov.example", items);
            String c = catalog.draft(draft).code();
            catalog.submit(c);
            return c;
        });
        as("dataadmin", "DATA_ADMIN", () -> catalog.publish(code, "核验接口测试"));
        as("system", "PLATFORM_ADMIN", () -> sharing.grantByPlatform(code, feeds.bureau(),
                items.stream().map(DataItem::name).toList(), LocalDate.now(), LocalDate.now().plusYears(1), "核验接口测试"));
        return code;
    }

    private void publish(String provider, String dataset, String csv, String key) {
        var result = as(provider + ".officer", "DATA_OFFICER", () -> hub.publish(dataset,
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "text/csv; charset=UTF-8", null, key));
        assertThat(result.quarantined()).as(result.toString()).isZero();
    }

    private <T> T as(String username, String role, Supplier<T> work) {
        var authorities = policy.privilegesOf(List.of(role)).stream().map(SimpleGrantedAuthority::new).toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static DataItem item(String name, DataType type, boolean key, boolean personal, Standard standard) {
        return new DataItem(name, type, type == DataType.STRING ? 200 : null, null, key, key, personal, standard);
    }

    static String id(String division, LocalDate birth, int sequence) {
        String first17 = division + birth.toString().replace("-", "") + String.format("%03d", sequence);
        return first17 + IdCardNumber.checkCharacter(first17);
    }

    static char wrongCheck(String id) {
        return id.charAt(17) == '1' ? '2' : '1';
    }

    static String creditCode(String division, String first8) {
        String organization = first8 + OrganizationCode.checkCharacter(first8);
        String first17 = "91" + division + organization;
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }
}
