package org.zhengtong.basedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengtong.Logins;
import org.zhengtong.PlatformTest;
import org.zhengtong.basedata.DataQuality.SourceField;
import org.zhengtong.basedata.demo.DemoPopulation;
import org.zhengtong.basedata.demo.DemoPopulation.Person;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.DataItem;
import org.zhengtong.catalog.ResourceDraft;
import org.zhengtong.catalog.SharingManagement;
import org.zhengtong.catalog.Vocabulary.DataType;
import org.zhengtong.catalog.Vocabulary.Format;
import org.zhengtong.catalog.Vocabulary.OpenType;
import org.zhengtong.catalog.Vocabulary.ShareType;
import org.zhengtong.catalog.Vocabulary.ShareWay;
import org.zhengtong.catalog.Vocabulary.UpdateCycle;
import org.zhengtong.exchange.ExchangeHub;
import org.zhengtong.shared.ActingPrincipal;

/**
 * The quality figures of one small feed whose every value is known: 卫健委, authoritative for nothing, sends ten
 * records about five persons nobody else knows, in two batches. The first batch fills the persons' names and phones
 * (one record has no phone, and one a wrong check character and is rejected); the second repeats two names and
 * changes two, which conflict with 公安's authority, and changes two phones, which have no authority and are taken.
 * Then the authority page: the platform admin changes a row, and the change is audited; and pauses and resumes the feed.
 */
@PlatformTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataQualityTests {

    @Autowired CatalogManagement catalog;
    @Autowired SharingManagement sharing;
    @Autowired ExchangeHub hub;
    @Autowired BaseDataFeeds feeds;
    @Autowired DataQuality quality;
    @Autowired Authorities authorities;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    Feed feed;
    List<Person> persons;

    @BeforeAll
    void oneSmallFeed() {
        // A seed of its own: these five persons are in no other feed.
        persons = new DemoPopulation(20_261_202L).stream(1000).filter(p -> p.age() >= 20).limit(5).toList();
        ResourceDraft draft = new ResourceDraft("311001001", "质量测试居民联系信息", "数据质量测试用的居民姓名和联系电话。", Format.DATABASE,
                ShareType.UNCONDITIONAL, null, List.of(ShareWay.TABLE), null, OpenType.NONE, null, UpdateCycle.DAILY, LocalDate.now(), List.of(),
                List.of("质量测试"), "信息主管", "0535-6000000", "wjw@haichuan.gov.example", List.of(
                        new DataItem("公民身份号码", DataType.STRING, 18, null, true, true, true, null),
                        new DataItem("姓名", DataType.STRING, 50, null, false, false, false, null),
                        new DataItem("联系电话", DataType.STRING, 20, null, false, false, true, null)));
        String code = catalog.registerPlatformResource("wjw", draft).code();
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        sharing.grantByPlatform(code, feeds.bureau(), List.of("公民身份号码", "姓名", "联系电话"), today, today.plusYears(1), "test");
        Map<String, String> mapping = new LinkedHashMap<>();
        mapping.put("公民身份号码", "id_number");
        mapping.put("姓名", "name");
        mapping.put("联系电话", "phone");
        feed = feeds.register(Base.PERSON, code, mapping);
        Person a = persons.get(0), b = persons.get(1), c = persons.get(2), d = persons.get(3), e = persons.get(4);
        String bad = a.idNumber().substring(0, 17) + (a.idNumber().endsWith("0") ? "1" : "0");
        publish(code, "公民身份号码,姓名,联系电话\n"
                + line(a, a.name(), "13800000001") + line(b, b.name(), "13800000002") + line(c, c.name(), "13800000003")
                + line(d, d.name(), "13800000004") + line(e, e.name(), null) + bad + "," + a.name() + ",13800000009\n");
        feeds.catchUp();
        publish(code, "公民身份号码,姓名,联系电话\n"
                + line(a, a.name(), "13900000001") + line(b, b.name(), "13900000002") + line(c, c.name() + "某", "13800000003")
                + line(d, d.name() + "某", "13800000004"));
        feeds.catchUp();
    }

    private static String line(Person p, String name, @Nullable String phone) {
        return p.idNumber() + "," + name + "," + (phone == null ? "" : phone) + "\n";
    }

    private void publish(String code, String csv) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(new System("wjw-system", "wjw"), null, List.of()));
        SecurityContextHolder.setContext(context);
        try {
            var result = hub.publish(code, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "text/csv; charset=UTF-8", null, null);
            assertThat(result.quarantined()).isZero();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    record System(String username, String orgUnitCode) implements ActingPrincipal {
        @Override
        public String displayName() {
            return username;
        }
    }

    @Test
    void a_known_feed_has_exactly_its_figures() {
        Map<String, SourceField> mine = quality.sources(Base.PERSON).stream().filter(s -> s.feed() == feed.id())
                .collect(Collectors.toMap(SourceField::field, s -> s));
        assertThat(mine.keySet()).containsExactlyInAnyOrder("id_number", "name", "phone");
        SourceField key = mine.get("id_number");
        assertThat(key.records()).isEqualTo(10);
        assertThat(key.received()).isEqualTo(10);
        assertThat(key.rejected()).isEqualTo(1);
        assertThat(key.departmentName()).isEqualTo("海川市卫生健康委员会");
        SourceField name = mine.get("name");
        assertThat(List.of(name.received(), name.agreed(), name.changed(), name.conflicted(), name.openConflicts(), name.rejected()))
                .containsExactly(10L, 2L, 5L, 2L, 2L, 0L);
        assertThat(name.authoritative()).isFalse();
        assertThat(name.completeness()).isEqualTo(100.0);
        SourceField phone = mine.get("phone");
        assertThat(List.of(phone.received(), phone.agreed(), phone.changed(), phone.conflicted(), phone.openConflicts()))
                .containsExactly(9L, 2L, 6L, 0L, 0L);
        assertThat(phone.completeness()).isEqualTo(90.0);
        // The fields' order: the key first, then the base's field order.
        assertThat(quality.sources(Base.PERSON).stream().filter(s -> s.feed() == feed.id()).map(SourceField::field)).containsExactly("id_number",
                "name", "phone");
    }

    @Test
    void completeness_of_the_base_counts_the_subjects_with_a_value() {
        var fills = quality.completeness(Base.PERSON);
        assertThat(fills).hasSize(PersonField.values().length);
        long subjects = jdbc.sql("select count(*) from basedata.person").query(Long.class).single();
        long phones = jdbc.sql("select count(phone) from basedata.person").query(Long.class).single();
        var phone = fills.get(PersonField.PHONE.ordinal());
        assertThat(phone.field()).isEqualTo(PersonField.PHONE);
        assertThat(phone.subjects()).isEqualTo(subjects).isGreaterThanOrEqualTo(5);
        assertThat(phone.filled()).isEqualTo(phones).isGreaterThanOrEqualTo(4);
    }

    @Test
    void the_quality_page_shows_the_figures_as_charts_and_tables() throws Exception {
        MockHttpSession session = Logins.session(mvc, "dataadmin");
        String html = mvc.perform(get("/basedata/quality").session(session)).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"chart-fill-PERSON\"", "id=\"sources-PERSON\"", "海川市卫生健康委员会", "id=\"pension-count\"",
                "basedata-quality.js");
        var xlsx = mvc.perform(get("/basedata/quality/filing-after-cancellation.xlsx").session(session)).andReturn().getResponse();
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    @Test
    void a_data_officer_outside_the_bureau_sees_the_person_list_masked_and_the_read_is_audited() throws Exception {
        long before = audited("gaj.officer");
        var response = mvc.perform(get("/basedata/quality/pension-after-death").session(Logins.session(mvc, "gaj.officer"))).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(audited("gaj.officer")).isEqualTo(before + 1);
        assertThat(jdbc.sql("select detail from audit.audit_record where action = 'basedata.quality.pension-after-death' and actor = 'gaj.officer' "
                + "order by seq desc limit 1").query(String.class).single()).contains("page", "masked");
        var leader = mvc.perform(get("/basedata/quality/pension-after-death").session(Logins.session(mvc, "gaj.head"))).andReturn().getResponse();
        assertThat(leader.getStatus()).isEqualTo(403);
    }

    private long audited(String actor) {
        return jdbc.sql("select count(*) from audit.audit_record where action = 'basedata.quality.pension-after-death' and actor = ?").param(actor)
                .query(Long.class).single();
    }

    @Test
    void the_platform_admin_changes_an_authority_row_and_the_change_is_audited() throws Exception {
        MockHttpSession admin = Logins.session(mvc, "admin");
        assertThat(mvc.perform(get("/basedata/authority").session(admin)).andReturn().getResponse().getContentAsString())
                .contains("id=\"authority-PERSON-phone\"", "id=\"feed-" + feed.id() + "\"");
        assertThat(authorities.of(Base.PERSON, "phone")).isNull();
        var saved = mvc.perform(post("/basedata/authority").session(admin).with(csrf()).param("base", "PERSON").param("field", "phone")
                .param("department", "gaj")).andReturn().getResponse();
        assertThat(saved.getStatus()).isEqualTo(302);
        try {
            assertThat(authorities.of(Base.PERSON, "phone")).isEqualTo("gaj");
            assertThat(jdbc.sql("select actor || ' ' || detail from audit.audit_record where action = 'basedata.authority.set' "
                    + "and target = 'authority:PERSON.phone' order by seq desc limit 1").query(String.class).single()).isEqualTo("admin - → gaj");
            assertThat(mvc.perform(post("/basedata/authority").session(admin).with(csrf()).param("base", "PERSON").param("field", "no_such_field")
                    .param("department", "gaj")).andReturn().getResponse().getStatus()).isEqualTo(400);
            assertThat(mvc.perform(post("/basedata/authority").session(Logins.session(mvc, "dataadmin")).with(csrf()).param("base", "PERSON")
                    .param("field", "phone").param("department", "rsj")).andReturn().getResponse().getStatus()).isEqualTo(403);
        } finally {
            mvc.perform(post("/basedata/authority").session(admin).with(csrf()).param("base", "PERSON").param("field", "phone").param("department", ""));
        }
        assertThat(authorities.of(Base.PERSON, "phone")).isNull();
    }

    @Test
    void the_platform_admin_pauses_and_resumes_a_feed() throws Exception {
        MockHttpSession admin = Logins.session(mvc, "admin");
        mvc.perform(post("/basedata/feeds/" + feed.id() + "/status").session(admin).with(csrf()).param("status", "PAUSED"));
        assertThat(feeds.feed(feed.id()).active()).isFalse();
        assertThat(mvc.perform(get("/basedata/authority").session(admin)).andReturn().getResponse().getContentAsString()).contains("已暂停");
        mvc.perform(post("/basedata/feeds/" + feed.id() + "/status").session(admin).with(csrf()).param("status", "ACTIVE"));
        assertThat(feeds.feed(feed.id()).active()).isTrue();
        assertThat(mvc.perform(post("/basedata/feeds/" + feed.id() + "/status").session(admin).with(csrf())).andReturn().getResponse().getStatus())
                .isEqualTo(400);
    }
}
