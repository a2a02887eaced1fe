package org.zhengtong.approval;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.approval.items.FormField;
import org.zhengtong.approval.items.ItemContent;
import org.zhengtong.approval.items.ItemType;
import org.zhengtong.approval.items.Material;
import org.zhengtong.approval.items.ProcessTemplate;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.approval.items.Step;
import org.zhengtong.approval.items.Window;
import org.zhengtong.directory.security.PersonAccounts;

/** Publishes test items and plays the people of a case: the applicant, the window clerk and the approvers. */
record CaseFixture(ServiceItems items, CaseItems caseItems, PersonAccounts accounts) {

    static final List<String> REVIEWERS = List.of("zrzyj", "sthjj", "fgw", "jtysj");

    static final Cases.Applicant CITIZEN = new Cases.Applicant("test-citizen", "PERSON", "11010519491231002X", "张三");

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    /** A construction approval led by 住建 with four departments reviewing in parallel, published. */
    String publishParallel() {
        return publish(ProcessTemplate.PARALLEL, "zjj", REVIEWERS.stream().map(d -> new Step(d, 5)).toList());
    }

    String publishSingle() {
        return publish(ProcessTemplate.SINGLE, null, List.of());
    }

    private String publish(ProcessTemplate template, String lead, List<Step> steps) {
        String code = "T-ZJJ-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("zjj.officer");
        items.create(code, new ItemContent("工程建设项目联合审查（测试）", ItemType.LICENSING, "《中华人民共和国行政许可法》第二十六条",
                "已办理用地批准手续，已取得规划许可证。",
                List.of(new Material("", "联合审查申请表", "原件", 1, true, null, null),
                        new Material("", "营业执照", "复印件", 1, false, "YYZZ", null),
                        new Material("", "法定代表人身份证明", "复印件", 1, false, null, "legal.legalRepresentative")),
                "1. 网上申请；2. 受理；3. 并联审查；4. 决定；5. 送达。", 20, 15, null, null,
                List.of(new Window("海川市政务服务中心三楼 工程建设项目综合窗口", "工作日 9:00-17:00", "0535-12345")),
                template, lead, steps,
                List.of(new FormField("projectName", "项目名称", "text", true, null),
                        new FormField("area", "建筑面积（平方米）", "number", false, null))));
        items.publish(code);
        SecurityContextHolder.clearContext();
        return code;
    }

    CaseItem item(String code) {
        return caseItems.published(code);
    }

    static Map<String, String> form() {
        return Map.of("projectName", "海川市第一中学新校区教学楼", "area", "12800");
    }

    static List<Cases.MaterialInput> materials() {
        return List.of(Cases.MaterialInput.upload("M01", "申请表.pdf", "application/pdf", PDF));
    }

    static String key() {
        return UUID.randomUUID().toString();
    }

    void signIn(String username) {
        var person = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
    }
}
