package org.zhengtong.directory.internal;

import java.util.List;
import org.springframework.stereotype.Component;
import org.zhengtong.directory.ApplicantKind;
import org.zhengtong.directory.Applicants;
import org.zhengtong.directory.NewApplicant;

/**
 * The demo city's applicants (演示申请人): three citizens of 海川市 and two enterprises, registered the way anyone
 * registers, so their ID numbers and credit codes carry correct check characters. The README lists them.
 */
@Component
class DemoApplicants {

    /** Login name, kind, holder id, name, contact person, mobile. */
    record Demo(String loginName, ApplicantKind kind, String holderId, String name, String contactName, String phone) {}

    static final List<Demo> APPLICANTS = List.of(
            new Demo("citizen1", ApplicantKind.PERSON, "379902198503120013", "林海涛", "", "13700000001"),
            new Demo("citizen2", ApplicantKind.PERSON, "379903199205180027", "陈思雨", "", "13700000002"),
            new Demo("citizen3", ApplicantKind.PERSON, "379904196809230155", "王建华", "", "13700000003"),
            new Demo("enterprise1", ApplicantKind.ENTERPRISE, "91379902600000012T", "海川蓝湾科技有限公司", "周明", "13700000011"),
            new Demo("enterprise2", ApplicantKind.ENTERPRISE, "913799036000000204", "海川港湾建设工程有限公司", "吴磊", "13700000012"));

    private final Applicants applicants;

    DemoApplicants(Applicants applicants) {
        this.applicants = applicants;
    }

    void load(String password) {
        for (Demo d : APPLICANTS) {
            applicants.register(new NewApplicant(d.loginName(), d.kind(), d.holderId(), d.name(),
                    d.kind() == ApplicantKind.ENTERPRISE ? d.contactName() : null, d.phone(), password));
        }
    }
}
