package org.zhengtong.licence.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengtong.licence.HolderKind;
import org.zhengtong.licence.Licence;
import org.zhengtong.licence.LicenceCheck;
import org.zhengtong.licence.LicenceStatus;
import org.zhengtong.licence.Licences;

/**
 * The licence API for department systems (/api/v1/licences): a licence by number (another department's with the
 * licence library's grant and a purpose), a holder's licences across departments (grant and purpose), a seal and
 * status check, and revocation by the issuer. Errors are problem+json: {@code licence.not-found} (404),
 * {@code licence.no-grant} (403), {@code licence.already-revoked} (409).
 */
@RestController
@RequestMapping("/api/v1/licences")
class LicenceApiController {

    private final Licences licences;

    LicenceApiController(Licences licences) {
        this.licences = licences;
    }

    /** A licence as the API shows it, with its seal checked. */
    record LicenceJson(String number, String typeCode, String typeName, HolderKind holderKind, String holderId, String holderName,
            String issuer, String issuerName, LocalDate issuedOn, LocalDate validFrom, @Nullable LocalDate validUntil, LicenceStatus status,
            Map<String, String> data, @Nullable String caseNumber, @Nullable LocalDate revokedOn, boolean sealIntact) {}

    record Revocation(@Nullable String reason) {}

    @GetMapping("/{number}")
    @PreAuthorize("hasAuthority('LICENCE_QUERY')")
    LicenceJson licence(@PathVariable String number, @RequestParam(required = false) @Nullable String purpose) {
        return json(licences.readForDepartment(number, purpose));
    }

    @GetMapping
    @PreAuthorize("hasAuthority('LICENCE_QUERY')")
    List<LicenceJson> byHolder(@RequestParam(required = false) @Nullable String holder,
            @RequestParam(required = false) @Nullable String purpose) {
        return licences.queryByHolder(holder == null ? "" : holder, purpose == null ? "" : purpose).stream().map(this::json).toList();
    }

    @GetMapping("/{number}/check")
    @PreAuthorize("hasAuthority('LICENCE_QUERY')")
    LicenceCheck check(@PathVariable String number) {
        return licences.verify(number);
    }

    @PostMapping("/{number}/revoke")
    @PreAuthorize("hasAuthority('LICENCE_REVOKE')")
    LicenceCheck revoke(@PathVariable String number, @RequestBody(required = false) @Nullable Revocation body) {
        licences.revoke(number, body == null || body.reason() == null ? "" : body.reason());
        return licences.verify(number);
    }

    private LicenceJson json(Licence l) {
        return new LicenceJson(l.number(), l.typeCode(), l.typeName(), l.holderKind(), l.holderId(), l.holderName(), l.issuer(), l.issuerName(),
                l.issuedOn(), l.validFrom(), l.validUntil(), l.status(), l.data(), l.caseNumber(), l.revokedOn(),
                licences.verify(l.number()).sealIntact());
    }
}
