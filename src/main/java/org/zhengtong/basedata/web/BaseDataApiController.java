package org.zhengtong.basedata.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
import org.zhengtong.basedata.QueryPurpose;
import org.zhengtong.basedata.UnifiedQuery;
import org.zhengtong.basedata.UnifiedQuery.LegalPersonCriteria;
import org.zhengtong.basedata.UnifiedQuery.PersonCriteria;
import org.zhengtong.basedata.UnifiedQuery.Results;
import org.zhengtong.basedata.UnifiedQuery.Subject;
import org.zhengtong.basedata.Verification;
import org.zhengtong.basedata.Verification.Answer;
import org.zhengtong.basedata.Verification.Outcome;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.Problems;

/**
 * The base databases' API for department systems (基础库接口): look a person up by ID number or an enterprise by credit
 * code, search either by conditions, and verify claims (核验) without seeing stored values. The calling client's
 * department is the viewer: it sees what its catalog grants cover, masked where they do not, and every call states
 * its purpose and is audited. Failures are problem+json with the stable codes of
 * {@link org.zhengtong.basedata.QueryProblem}.
 */
@RestController
@RequestMapping("/api/v1/basedata")
@Tag(name = "basedata", description = "基础数据库：统一查询与核验 base databases: unified query and verification")
class BaseDataApiController {

    private static final String PURPOSE = "查询用途 purpose: HANDLING (办事), ENFORCEMENT (执法), STATISTICS (统计) or OTHER (其他, needs purposeText)";

    private final UnifiedQuery query;
    private final Verification verification;
    private final Problems problems;

    BaseDataApiController(UnifiedQuery query, Verification verification, Problems problems) {
        this.query = query;
        this.verification = verification;
        this.problems = problems;
    }

    // lookups and searches

    @GetMapping("/persons/{idNumber}")
    @PreAuthorize("hasAuthority('BASEDATA_LOOKUP')")
    @Operation(summary = "One person by ID number (GB 11643), with the fields the caller's department is granted; personal fields "
            + "not granted in full are masked and listed under masked")
    Subject person(@PathVariable String idNumber,
            @Parameter(description = PURPOSE) @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String purposeText) {
        return query.person(idNumber, QueryPurpose.parse(purpose, purposeText));
    }

    @GetMapping("/legal-persons/{creditCode}")
    @PreAuthorize("hasAuthority('BASEDATA_LOOKUP')")
    @Operation(summary = "One enterprise by unified social credit code (GB 32100), with the fields the caller's department is granted")
    Subject legalPerson(@PathVariable String creditCode,
            @Parameter(description = PURPOSE) @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String purposeText) {
        return query.legalPerson(creditCode, QueryPurpose.parse(purpose, purposeText));
    }

    @GetMapping("/persons")
    @PreAuthorize("hasAuthority('BASEDATA_LOOKUP')")
    @Operation(summary = "Persons by conditions (at most 100; more says whether there were more)",
            description = "name exact, gender 男/女, division a prefix of the household division code, bornFrom/bornTo yyyy-MM-dd. "
                    + "Only fields the department is granted in full may be conditions.")
    Results persons(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String gender,
            @RequestParam(required = false) @Nullable String division, @RequestParam(required = false) @Nullable String bornFrom,
            @RequestParam(required = false) @Nullable String bornTo,
            @Parameter(description = PURPOSE) @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String purposeText) {
        var stated = QueryPurpose.parse(purpose, purposeText);
        return query.persons(new PersonCriteria(name, gender, date("bornFrom", bornFrom), date("bornTo", bornTo), division), stated);
    }

    @GetMapping("/legal-persons")
    @PreAuthorize("hasAuthority('BASEDATA_LOOKUP')")
    @Operation(summary = "Enterprises by conditions (at most 100)",
            description = "name contained, status 存续/吊销/注销, industry a prefix of the GB/T 4754 code, division a prefix of the division code.")
    Results legalPersons(@RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String industry, @RequestParam(required = false) @Nullable String division,
            @Parameter(description = PURPOSE) @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String purposeText) {
        var stated = QueryPurpose.parse(purpose, purposeText);
        return query.legalPersons(new LegalPersonCriteria(name, status, industry, division), stated);
    }

    // verification

    /** A verification call: why, and the claims, each a key with the fields to check. */
    record VerifyRequest(@Nullable String purpose, @Nullable String purposeText, @Nullable List<@Nullable Map<String, @Nullable Object>> claims) {}

    /** The answers in claim order and how many of each; never a stored value. */
    record VerifyResponse(String base, int count, Map<String, Integer> counts, List<AnswerView> answers) {}

    /** One answer: match, mismatch with the fields that disagree, not_found, or invalid with the field and reason. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AnswerView(String result, @Nullable List<String> fields, @Nullable String field, @Nullable String reason) {}

    @PostMapping("/persons/verify")
    @PreAuthorize("hasAuthority('BASEDATA_VERIFY')")
    @Operation(summary = "Verify up to 10,000 claims on persons (核验): match, mismatch (naming the fields), not_found or invalid per claim",
            description = "Each claim has idNumber and any person fields (name, gender, ethnicity, birth_date, household_division, ... "
                    + "in snake or camel case) and alive (true/false). Only fields the department is granted may be claimed. "
                    + "No stored value is ever returned. More than 10,000 claims: 413 basedata.too-many-claims.")
    VerifyResponse verifyPersons(@RequestBody VerifyRequest body, HttpServletRequest request) {
        var stated = QueryPurpose.parse(body.purpose(), body.purposeText());
        return view(verification.persons(stated, body.claims()), problems.locale(request));
    }

    @PostMapping("/legal-persons/verify")
    @PreAuthorize("hasAuthority('BASEDATA_VERIFY')")
    @Operation(summary = "Verify up to 10,000 claims on enterprises (核验)",
            description = "Each claim has creditCode and any legal-person fields (name, status, legal_representative, ...).")
    VerifyResponse verifyLegalPersons(@RequestBody VerifyRequest body, HttpServletRequest request) {
        var stated = QueryPurpose.parse(body.purpose(), body.purposeText());
        return view(verification.legalPersons(stated, body.claims()), problems.locale(request));
    }

    private VerifyResponse view(Outcome outcome, Locale locale) {
        List<AnswerView> answers = new ArrayList<>(outcome.answers().size());
        for (Answer a : outcome.answers()) {
            answers.add(switch (a.result()) {
                case MATCH -> MATCH;
                case NOT_FOUND -> NOT_FOUND;
                case MISMATCH -> new AnswerView(a.result().code(), a.fields(), null, null);
                case INVALID -> new AnswerView(a.result().code(), null, a.reason() == null ? null : a.reason().field(),
                        a.reason() == null ? null : problems.message(a.reason(), locale));
            });
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        outcome.counts().forEach((r, n) -> counts.put(r.code(), n));
        return new VerifyResponse(outcome.base().name(), answers.size(), counts, answers);
    }

    private static final AnswerView MATCH = new AnswerView(Verification.Result.MATCH.code(), null, null, null);
    private static final AnswerView NOT_FOUND = new AnswerView(Verification.Result.NOT_FOUND.code(), null, null, null);

    private static @Nullable LocalDate date(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw InvalidInput.of(field, "basedata.query.date.format", value);
        }
    }
}
