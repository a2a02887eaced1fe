package org.zhengtong.licence;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengtong.audit.AuditLog;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.licence.internal.CanonicalForm;
import org.zhengtong.licence.internal.LicenceLibrary;
import org.zhengtong.licence.internal.LicenceStore;
import org.zhengtong.licence.internal.LicenceStore.LicenceRow;
import org.zhengtong.licence.internal.LicenceStore.TypeRow;
import org.zhengtong.licence.internal.SealKeys;
import org.zhengtong.shared.Actor;
import org.zhengtong.shared.IdCardNumber;
import org.zhengtong.shared.InvalidCode;
import org.zhengtong.shared.Sm2;
import org.zhengtong.shared.Sm3;
import org.zhengtong.shared.UnifiedSocialCreditCode;

/**
 * Electronic licences (电子证照): the one door other modules use to issue, find, check and revoke them.
 *
 * <p>A licence is issued by the department its type names, with a number of its type ({@code JY2026000001}), and
 * sealed at once: the issuer's SM2 key signs the licence's {@link CanonicalForm canonical bytes}, whose SM3 digest is
 * stored beside the signature. Checking a licence rebuilds those bytes from what is stored now, so a licence changed
 * in the database without being sealed again no longer matches its seal and shows as tampered (已被篡改).
 *
 * <p>Every issue and revocation is audited, and so is every read that shows a holder in full: {@link #heldBy} for an
 * applicant's own licences, {@link #find}, and {@link #queryByHolder}, a department's search by holder across
 * issuers, which needs a grant of the licence library (电子证照库) in the catalog and names its purpose.
 * {@link #verify} shows the holder masked and is open to anyone.
 */
@Service
public class Licences {

    /** Licences expire by the calendar in China, whatever zone the server runs in. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final int MAX_NAME = 200;
    static final int MAX_VALUE = 2000;
    static final int MAX_CASE = 64;

    private final LicenceStore store;
    private final SealKeys keys;
    private final LicenceLibrary library;
    private final DirectoryManagement directory;
    private final AuditLog audit;

    Licences(LicenceStore store, SealKeys keys, LicenceLibrary library, DirectoryManagement directory, AuditLog audit) {
        this.store = store;
        this.keys = keys;
        this.library = library;
        this.directory = directory;
        this.audit = audit;
    }

    /** One page of a department's licences. */
    public record Listing(List<Licence> licences, long total, int page, int size) {
        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    // issuing

    /**
     * Issues and seals a licence. The holder's identifier must be valid for the type's holder kind (an ID number for a
     * person, a unified social credit code for an enterprise), every data key must be a field of the type, and only
     * the type's own issuing department may issue it. Without {@code validUntil} a type with a default validity runs
     * that many years from {@code validFrom}.
     *
     * @throws LicenceProblem saying what is wrong; nothing is stored then
     */
    @Transactional
    public Licence issue(NewLicence n, String issuingDepartment) {
        TypeRow type = store.type(n.typeCode().strip().toUpperCase(Locale.ROOT)).orElseThrow(() -> LicenceProblem.unknownType(n.typeCode()));
        OrgUnit issuer = directory.findOrgUnit(issuingDepartment).orElseThrow(() -> LicenceProblem.unknownDepartment(issuingDepartment));
        if (!type.issuer().equals(issuer.code())) {
            throw LicenceProblem.notTheIssuer(type.name(), issuerName(type.issuer()), issuer.name());
        }
        HolderKind kind = HolderKind.valueOf(type.holderKind());
        String holderId = holderId(kind, n.holderId());
        if (n.holderName() == null || n.holderName().isBlank()) {
            throw LicenceProblem.holderNameRequired();
        }
        String holderName = n.holderName().strip();
        if (holderName.length() > MAX_NAME) {
            throw LicenceProblem.tooLong("holderName", MAX_NAME);
        }
        Map<String, String> data = new LinkedHashMap<>();
        for (String field : type.fields().keySet()) {
            String value = n.data().get(field);
            if (value != null && !value.isBlank()) {
                if (value.length() > MAX_VALUE) {
                    throw LicenceProblem.tooLong(type.fields().get(field), MAX_VALUE);
                }
                data.put(field, value.strip());
            }
        }
        n.data().keySet().stream().filter(k -> !type.fields().containsKey(k)).sorted().findFirst().ifPresent(k -> {
            throw LicenceProblem.unknownField(type.name(), k);
        });
        if (n.validFrom() == null) {
            throw LicenceProblem.validFromRequired();
        }
        LocalDate until = n.validUntil();
        if (until == null && type.validityYears() != null) {
            until = n.validFrom().plusYears(type.validityYears()).minusDays(1);
        }
        if (until != null && until.isBefore(n.validFrom())) {
            throw LicenceProblem.validity(n.validFrom(), until);
        }
        String caseNumber = n.caseNumber() == null || n.caseNumber().isBlank() ? null : n.caseNumber().strip();
        if (caseNumber != null && caseNumber.length() > MAX_CASE) {
            throw LicenceProblem.tooLong("caseNumber", MAX_CASE);
        }
        LocalDate today = LocalDate.now(CHINA);
        String number = type.code() + today.getYear() + String.format("%06d", store.nextSequence(type.code(), today.getYear()));
        byte[] canonical = CanonicalForm.of(number, type.code(), holderId, holderName, issuer.code(), today, n.validFrom(), until, caseNumber, data);
        String digest = Sm3.hex(canonical);
        String signature = Base64.getEncoder().encodeToString(keys.sign(issuer.code(), canonical));
        LicenceRow row = new LicenceRow(number, type.code(), holderId, holderName, issuer.code(), today, n.validFrom(), until, data, caseNumber,
                digest, signature, null, null);
        store.insert(row, Actor.current().username());
        audit.record("licence.issue", "licence:" + number, type.name() + " to " + mask(kind, holderName) + " " + maskId(holderId)
                + (caseNumber == null ? "" : " for case " + caseNumber) + ", seal " + digest);
        return licence(row, type);
    }

    private static String holderId(HolderKind kind, @Nullable String text) {
        try {
            return kind == HolderKind.PERSON ? IdCardNumber.parse(text).value() : UnifiedSocialCreditCode.parse(text).value();
        } catch (InvalidCode e) {
            String shown = text == null ? "" : text.strip();
            throw kind == HolderKind.PERSON ? LicenceProblem.badPersonId(shown) : LicenceProblem.badCreditCode(shown);
        }
    }

    /**
     * Revokes a licence (注销), giving the reason, which the public page does not show. Only the issuing department
     * revokes its licences; the platform itself (no one signed in) may revoke any.
     *
     * @throws LicenceProblem if there is no such licence, it is another department's, or it is already revoked
     */
    @Transactional
    public void revoke(String number, String reason) {
        if (reason == null || reason.isBlank()) {
            throw LicenceProblem.reasonRequired();
        }
        if (reason.strip().length() > MAX_VALUE) {
            throw LicenceProblem.tooLong("reason", MAX_VALUE);
        }
        LicenceRow row = store.find(number).orElseThrow(() -> LicenceProblem.notFound(number));
        // The platform's own work (no one signed in) may revoke any licence; anyone else only their department's.
        if (SecurityContextHolder.getContext().getAuthentication() != null
                && !actingDepartment().orElseThrow(LicenceProblem::noDepartment).equals(row.issuer())) {
            throw LicenceProblem.notYourLicence(number);
        }
        if (!store.revoke(number, Actor.current().username(), reason.strip())) {
            throw LicenceProblem.alreadyRevoked(number);
        }
        audit.record("licence.revoke", "licence:" + number, reason.strip());
    }

    // reading

    /** The licence types, in their display order. */
    public List<LicenceType> types() {
        return store.types().stream().map(this::type).toList();
    }

    public Optional<LicenceType> type(String code) {
        return store.type(code).map(this::type);
    }

    /**
     * The licences a holder holds, newest first, for the holder's own use (an applicant attaching licences instead of
     * paper). The caller makes sure the holder is the signed-in applicant; the read is audited as a read of personal data.
     */
    @Transactional
    public List<Licence> heldBy(String holderId) {
        String id = holderId.strip().toUpperCase(Locale.ROOT);
        List<Licence> found = licences(store.byHolder(id));
        audit.record("licence.read.holder", "holder:" + id, found.size() + " licences, for the holder's own use");
        return found;
    }

    /** A licence by its number, in full; the read is audited. */
    @Transactional
    public Optional<Licence> find(String number) {
        Optional<Licence> found = store.find(number.strip()).map(r -> licence(r, typeRow(r.typeCode())));
        found.ifPresent(l -> audit.record("licence.read", "licence:" + l.number(), "holder " + l.holderId()));
        return found;
    }

    /**
     * Checks a licence's seal and status, as anyone may: the holder comes back masked.
     *
     * @throws LicenceProblem {@code licence.not-found} if there is no such licence
     */
    public LicenceCheck verify(String number) {
        LicenceRow row = store.find(number.strip()).orElseThrow(() -> LicenceProblem.notFound(number.strip()));
        TypeRow type = typeRow(row.typeCode());
        HolderKind kind = HolderKind.valueOf(type.holderKind());
        return new LicenceCheck(row.number(), sealIntact(row), status(row, LocalDate.now(CHINA)), type.name(), issuerName(row.issuer()),
                row.issuedOn(), row.validFrom(), row.validUntil(), revokedOn(row), mask(kind, row.holderName()), maskId(row.holderId()));
    }

    /**
     * A department finds a holder's licences of every issuer (跨部门按持证主体查询). It needs an active grant of the
     * licence library; the read is audited with its purpose.
     *
     * @throws LicenceProblem without a purpose, a department, or a grant
     */
    @Transactional
    public List<Licence> queryByHolder(String holderId, String purpose) {
        if (holderId == null || holderId.isBlank()) {
            throw LicenceProblem.holderRequired();
        }
        if (purpose == null || purpose.isBlank()) {
            throw LicenceProblem.purposeRequired();
        }
        String department = actingDepartment().orElseThrow(LicenceProblem::noDepartment);
        if (!library.mayQueryAll(department)) {
            audit.recordFailure(Actor.current(), "licence.query.holder", "holder:" + holderId.strip(), AuditLog.Outcome.DENIED,
                    "no grant of " + LicenceLibrary.NAME + " for " + department);
            throw LicenceProblem.noGrant(issuerName(department), LicenceLibrary.NAME);
        }
        String id = holderId.strip().toUpperCase(Locale.ROOT);
        List<Licence> found = licences(store.byHolder(id));
        audit.record("licence.query.holder", "holder:" + id, "purpose: " + purpose.strip() + "; " + found.size() + " licences for " + department);
        return found;
    }

    /**
     * A licence by number for a department system or a member of staff: its own department's licences freely, another
     * department's only with a grant of the licence library and a purpose. Either way the read is audited.
     *
     * @throws LicenceProblem if there is no such licence, or it is another department's and there is no purpose or grant
     */
    @Transactional
    public Licence readForDepartment(String number, @Nullable String purpose) {
        LicenceRow row = store.find(number.strip()).orElseThrow(() -> LicenceProblem.notFound(number.strip()));
        String department = ownDepartment();
        if (row.issuer().equals(department)) {
            audit.record("licence.read", "licence:" + row.number(), "holder " + row.holderId() + (purpose == null ? "" : "; purpose: " + purpose));
            return licence(row, typeRow(row.typeCode()));
        }
        if (purpose == null || purpose.isBlank()) {
            throw LicenceProblem.purposeRequired();
        }
        if (!library.mayQueryAll(department)) {
            audit.recordFailure(Actor.current(), "licence.read", "licence:" + row.number(), AuditLog.Outcome.DENIED,
                    "no grant of " + LicenceLibrary.NAME + " for " + department);
            throw LicenceProblem.noGrant(issuerName(department), LicenceLibrary.NAME);
        }
        audit.record("licence.read", "licence:" + row.number(), "holder " + row.holderId() + "; purpose: " + purpose.strip() + "; for " + department);
        return licence(row, typeRow(row.typeCode()));
    }

    /** Whether the acting department may query by holder across departments. */
    public boolean mayQueryByHolder() {
        return actingDepartment().map(library::mayQueryAll).orElse(false);
    }

    /** The department the signed-in person or system acts for. */
    public String ownDepartment() {
        return actingDepartment().orElseThrow(LicenceProblem::noDepartment);
    }

    /** A page of the acting department's own licences, optionally of one status and matching a text. */
    public Listing issuedByOwnDepartment(@Nullable String text, @Nullable LicenceStatus status, int page, int size) {
        String department = ownDepartment();
        LocalDate today = LocalDate.now(CHINA);
        String s = status == null ? null : status.name();
        int p = Math.max(0, page);
        long total = store.countByIssuer(department, text, s, today);
        return new Listing(licences(store.byIssuer(department, text, s, today, p * size, size)), total, p, size);
    }

    /**
     * One of the acting department's own licences in full, with its seal checked; the read is audited.
     *
     * @throws LicenceProblem if there is no such licence or another department issued it
     */
    @Transactional
    public Licence ownLicence(String number) {
        LicenceRow row = store.find(number.strip()).orElseThrow(() -> LicenceProblem.notFound(number.strip()));
        if (!row.issuer().equals(ownDepartment())) {
            throw LicenceProblem.notYourLicence(number);
        }
        audit.record("licence.read", "licence:" + row.number(), "holder " + row.holderId());
        return licence(row, typeRow(row.typeCode()));
    }

    /** The issuing department's public seal key (PEM), for checking seals offline. */
    public Optional<String> sealKey(String department) {
        return keys.publicKeyPem(department);
    }

    // helpers

    /** Whether the stored licence is exactly what its issuer sealed: the digest and the SM2 signature both match. */
    boolean sealIntact(LicenceRow row) {
        byte[] canonical = CanonicalForm.of(row.number(), row.typeCode(), row.holderId(), row.holderName(), row.issuer(), row.issuedOn(),
                row.validFrom(), row.validUntil(), row.caseNumber(), row.data());
        if (!Sm3.hex(canonical).equals(row.digest())) {
            return false;
        }
        Optional<PublicKey> key = keys.publicKey(row.issuer());
        if (key.isEmpty()) {
            return false;
        }
        try {
            return Sm2.verify(key.get(), canonical, Base64.getDecoder().decode(row.signature()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static LicenceStatus status(LicenceRow row, LocalDate today) {
        if (row.revokedAt() != null) {
            return LicenceStatus.REVOKED;
        }
        return row.validUntil() != null && today.isAfter(row.validUntil()) ? LicenceStatus.EXPIRED : LicenceStatus.VALID;
    }

    private static @Nullable LocalDate revokedOn(LicenceRow row) {
        return row.revokedAt() == null ? null : row.revokedAt().atZone(CHINA).toLocalDate();
    }

    /** A person's name with all but the first character hidden ({@code 张**}); an enterprise's name is public. */
    public static String mask(HolderKind kind, String name) {
        if (kind == HolderKind.ENTERPRISE || name.isEmpty()) {
            return name;
        }
        int first = name.offsetByCodePoints(0, 1);
        int rest = name.codePointCount(first, name.length());
        return name.substring(0, first) + "*".repeat(Math.max(1, rest));
    }

    /** An identifier with all but its first and last four characters hidden ({@code 1101**********1234}). */
    public static String maskId(String id) {
        if (id.length() <= 8) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 4) + "*".repeat(id.length() - 8) + id.substring(id.length() - 4);
    }

    private List<Licence> licences(List<LicenceRow> rows) {
        Map<String, TypeRow> types = new HashMap<>();
        return rows.stream().map(r -> licence(r, types.computeIfAbsent(r.typeCode(), this::typeRow))).toList();
    }

    private TypeRow typeRow(String code) {
        return store.type(code).orElseThrow(() -> LicenceProblem.unknownType(code));
    }

    private Licence licence(LicenceRow r, TypeRow type) {
        Map<String, String> data = new LinkedHashMap<>();
        type.fields().keySet().stream().filter(r.data()::containsKey).forEach(f -> data.put(f, r.data().get(f)));
        r.data().forEach(data::putIfAbsent);
        return new Licence(r.number(), r.typeCode(), type.name(), HolderKind.valueOf(type.holderKind()), r.holderId(), r.holderName(),
                r.issuer(), issuerName(r.issuer()), r.issuedOn(), r.validFrom(), r.validUntil(), status(r, LocalDate.now(CHINA)), data,
                r.caseNumber(), revokedOn(r), r.revokeReason());
    }

    private LicenceType type(TypeRow t) {
        List<LicenceType.Field> fields = t.fields().entrySet().stream().map(e -> new LicenceType.Field(e.getKey(), e.getValue())).toList();
        return new LicenceType(t.code(), t.name(), t.issuer(), issuerName(t.issuer()), HolderKind.valueOf(t.holderKind()), t.validityYears(),
                fields);
    }

    private String issuerName(String code) {
        return directory.findOrgUnit(code).map(OrgUnit::name).orElse(code);
    }

    private Optional<String> actingDepartment() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        Optional<OrgUnit> person = directory.departmentOf(auth.getName());
        if (person.isPresent()) {
            return Optional.of(person.get().code());
        }
        String org = Actor.current().orgUnitCode();
        return org == null ? Optional.empty() : directory.findOrgUnit(org).map(OrgUnit::code);
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
