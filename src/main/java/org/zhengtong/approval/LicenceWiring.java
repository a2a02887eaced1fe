package org.zhengtong.approval;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhengtong.licence.LicenceStatus;
import org.zhengtong.licence.LicenceType;
import org.zhengtong.licence.Licences;
import org.zhengtong.licence.NewLicence;

/**
 * Where one-stop approval meets electronic licences: a licence the applicant holds replaces a paper material, and an
 * approved case whose item issues a licence gets it at once, sealed by the deciding department, in the same
 * transaction as the decision.
 */
@Component
class LicenceWiring {

    private final Licences licences;
    private final Cases cases;

    LicenceWiring(Licences licences, Cases cases) {
        this.licences = licences;
        this.cases = cases;
    }

    /** A licence the applicant holds replaces a paper material: it must be theirs, of the type, and valid today. */
    @Component
    static class Held implements HeldLicences {

        private final Licences licences;

        Held(Licences licences) {
            this.licences = licences;
        }

        @Override
        public boolean holds(String holderId, String licenceNumber, String licenceType) {
            return licences.find(licenceNumber)
                    .filter(l -> l.holderId().equals(holderId) && l.typeCode().equals(licenceType) && l.status() == LicenceStatus.VALID)
                    .isPresent();
        }
    }

    @EventListener
    void on(CaseEvents.Finished e) {
        if (e.status() != CaseStatus.APPROVED) {
            return;
        }
        Cases.Case c = cases.find(e.number()).orElseThrow();
        if (c.issuesLicence() == null) {
            return;
        }
        LicenceType type = licences.type(c.issuesLicence()).orElse(null);
        if (type == null) {
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (var field : type.fields()) {
            String value = c.form().get(field.name());
            if (value != null) {
                data.put(field.name(), value);
            }
        }
        LocalDate from = e.on();
        LocalDate until = type.validityYears() == null ? null : from.plusYears(type.validityYears()).minusDays(1);
        // Checked here rather than caught: a refusal inside the licence module's transaction would roll the decision back.
        // The decision stands; the department sees on the case why no licence came of it.
        if (!type.issuer().equals(c.department())) {
            cases.licenceFailed(c.number(), "the issuer of " + type.code() + " is " + type.issuer() + ", not " + c.department());
            return;
        }
        if (!type.holderKind().name().equals(c.holderKind())) {
            cases.licenceFailed(c.number(), type.code() + " is held by a " + type.holderKind() + ", the applicant is a " + c.holderKind());
            return;
        }
        var licence = licences.issue(new NewLicence(type.code(), c.holderId(), c.holderName(), from, until, data, c.number()), c.department());
        cases.licenceIssued(c.number(), licence.number());
    }
}
