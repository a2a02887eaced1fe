package org.zhengtong.approval.rating;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.zhengtong.approval.CaseItems;
import org.zhengtong.approval.Cases;
import org.zhengtong.approval.items.FormField;
import org.zhengtong.approval.items.ItemContent;
import org.zhengtong.approval.items.ItemType;
import org.zhengtong.approval.items.Material;
import org.zhengtong.approval.items.ProcessTemplate;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.approval.items.Window;
import org.zhengtong.directory.security.PersonAccounts;

/**
 * Makes cases to query and rate: publishes a single-department item of 住建局 and plays the demo applicant citizen1,
 * the window clerk and the approver.
 */
record RatingFixture(ServiceItems items, CaseItems caseItems, Cases cases, PersonAccounts accounts) {

    static final Cases.Applicant CITIZEN = new Cases.Applicant("citizen1", "PERSON", "379902198503120013", "林海涛");
    static final Cases.Applicant OTHER = new Cases.Applicant("citizen2", "PERSON", "11010519491231002X", "张三");

    static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);

    /** A published single-department item of 住建局 (zjj), with a fresh code so its figures are this test's alone. */
    String publish() {
        String code = "T-RT-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("zjj.officer");
        items.create(code, new ItemContent("房屋建筑工程竣工验收备案（评价测试）", ItemType.LICENSING, "《房屋建筑和市政基础设施工程竣工验收备案管理办法》",
                "工程已竣工验收合格。",
                List.of(new Material("", "竣工验收备案表", "原件", 1, true, null, null)),
                "1. 网上申请；2. 受理；3. 审查；4. 办结。", 10, 5, null, null,
                List.of(new Window("海川市政务服务中心三楼", "工作日 9:00-17:00", "0535-12345")),
                ProcessTemplate.SINGLE, null, List.of(),
                List.of(new FormField("projectName", "项目名称", "text", true, null))));
        items.publish(code);
        SecurityContextHolder.clearContext();
        return code;
    }

    Cases.Case submit(String itemCode, Cases.Applicant applicant) {
        var c = cases.submit(caseItems.published(itemCode), applicant, Map.of("projectName", "海川市滨海路小学综合楼"),
                List.of(Cases.MaterialInput.upload("M01", "备案表.pdf", "application/pdf", PDF)), UUID.randomUUID().toString());
        SecurityContextHolder.clearContext();
        return c;
    }

    /** A case refused at the window: finished at once. */
    Cases.Case refused(String itemCode, Cases.Applicant applicant) {
        var c = submit(itemCode, applicant);
        signIn("zwfwj.clerk1");
        cases.refuse(c.number(), "申请事项不属于本部门职权范围。");
        SecurityContextHolder.clearContext();
        return cases.find(c.number()).orElseThrow();
    }

    /** A case accepted and approved by 住建局. */
    Cases.Case approved(String itemCode, Cases.Applicant applicant) {
        var c = submit(itemCode, applicant);
        signIn("zwfwj.clerk1");
        cases.accept(c.number(), "材料齐全，予以受理。");
        signIn("zjj.approver");
        var task = cases.worklist("zjj", 1000).stream().filter(w -> w.caze().number().equals(c.number())).findFirst().orElseThrow();
        cases.complete(task.taskId(), "zjj", true, "符合条件，准予备案。");
        SecurityContextHolder.clearContext();
        return cases.find(c.number()).orElseThrow();
    }

    void signIn(String username) {
        var person = accounts.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(person, null, person.getAuthorities()));
    }
}
