package org.zhengtong.basedata.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.zhengtong.basedata.Base;
import org.zhengtong.basedata.BaseField;
import org.zhengtong.basedata.LegalPersonField;
import org.zhengtong.basedata.PersonField;
import org.zhengtong.basedata.QueryProblem;
import org.zhengtong.basedata.QueryPurpose;
import org.zhengtong.basedata.QueryPurpose.Stated;
import org.zhengtong.basedata.UnifiedQuery;
import org.zhengtong.basedata.UnifiedQuery.LegalPersonCriteria;
import org.zhengtong.basedata.UnifiedQuery.PersonCriteria;
import org.zhengtong.basedata.UnifiedQuery.Results;
import org.zhengtong.basedata.UnifiedQuery.Subject;
import org.zhengtong.basedata.query.Access;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * The unified query's pages (统一数据资源查询): a civil servant picks persons or enterprises, states the purpose, and
 * looks one up by its number or searches by conditions; the answer shows what the department is granted, masked
 * values marked as such, and names the items it is not granted. Each person's own query history is one page further.
 *
 * <p>A search is posted, so no ID number ends up in an address bar or a server log. Its answer is kept in the session
 * so one subject's detail can be opened from it without reading – or journaling – the subject again, and without
 * sending an unmasked key to a browser that may not see it.
 */
@Controller
class QueryPagesController {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static final String LAST = "basedata.query.last";

    private final UnifiedQuery query;
    private final Problems problems;

    QueryPagesController(UnifiedQuery query, Problems problems) {
        this.query = query;
        this.problems = problems;
    }

    /** What was asked, to fill the form again. */
    record Form(String base, @Nullable String key, @Nullable String name, @Nullable String gender, @Nullable String bornFrom,
            @Nullable String bornTo, @Nullable String division, @Nullable String status, @Nullable String industry,
            @Nullable String purpose, @Nullable String purposeText) {

        static Form empty(Base base) {
            return new Form(base.name(), null, null, null, null, null, null, null, null, null, null);
        }
    }

    /** A column of the answer: the field name, its label in the page's language, and whether the department sees it masked. */
    record Column(String name, String label) {}

    /** The last search's answer, kept in the session for its detail pages. */
    record Last(Base base, List<Subject> subjects) {}

    @GetMapping("/basedata/query")
    @PreAuthorize("hasAuthority('BASEDATA_QUERY')")
    String page(@RequestParam(required = false) @Nullable String base, HttpServletRequest request, Model model) {
        Base b = base(base);
        return render(model, request, b, Form.empty(b), Map.of(), null, null, null);
    }

    @PostMapping("/basedata/query")
    @PreAuthorize("hasAuthority('BASEDATA_QUERY')")
    String search(@RequestParam(required = false) @Nullable String base, @RequestParam(required = false) @Nullable String key,
            @RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String gender,
            @RequestParam(required = false) @Nullable String bornFrom, @RequestParam(required = false) @Nullable String bornTo,
            @RequestParam(required = false) @Nullable String division, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String industry, @RequestParam(required = false) @Nullable String purpose,
            @RequestParam(required = false) @Nullable String purposeText, HttpServletRequest request, HttpSession session, Model model) {
        Base b = base(base);
        Form form = new Form(b.name(), key, name, gender, bornFrom, bornTo, division, status, industry, purpose, purposeText);
        Locale locale = problems.locale(request);
        try {
            Stated stated = purpose(purpose, purposeText);
            if (key != null && !key.isBlank()) {
                Subject s = b == Base.PERSON ? query.person(key.strip(), stated) : query.legalPerson(key.strip(), stated);
                session.removeAttribute(LAST);
                // The number is not written back into the form: the answer shows it as the department may see it.
                Form asked = new Form(b.name(), null, null, null, null, null, null, null, null, purpose, purposeText);
                return render(model, request, b, asked, Map.of(), null, null, s);
            }
            Results results;
            if (b == Base.PERSON) {
                List<FieldProblem> bad = new ArrayList<>();
                LocalDate from = date("bornFrom", bornFrom, bad);
                LocalDate to = date("bornTo", bornTo, bad);
                InvalidInput.throwIfAny(bad);
                results = query.persons(new PersonCriteria(name, gender, from, to, division), stated);
            } else {
                results = query.legalPersons(new LegalPersonCriteria(name, status, industry, division), stated);
            }
            session.setAttribute(LAST, new Last(b, results.subjects()));
            return render(model, request, b, form, Map.of(), null, results, null);
        } catch (InvalidInput e) {
            Map<String, List<String>> errors = new LinkedHashMap<>();
            problems.byField(e, locale).forEach((field, messages) -> errors.put(field.equals("idNumber") || field.equals("creditCode") ? "key" : field,
                    messages));
            return render(model, request, b, form, errors, null, null, null);
        } catch (QueryProblem e) {
            String message = problems.message(e.messageKey(), e.args(), locale);
            return switch (e.code()) {
                case "basedata.no-purpose", "basedata.unknown-purpose" -> render(model, request, b, form, Map.of("purpose", List.of(message)), null,
                        null, null);
                case "basedata.purpose-text-required" -> render(model, request, b, form, Map.of("purposeText", List.of(message)), null, null, null);
                default -> render(model, request, b, form, Map.of(), message, null, null);
            };
        } catch (PlatformException e) {
            return render(model, request, b, form, Map.of(), problems.describe(e, locale), null, null);
        }
    }

    /** One subject of the last search, as it was answered. */
    @GetMapping("/basedata/query/results/{id}")
    @PreAuthorize("hasAuthority('BASEDATA_QUERY')")
    String detail(@PathVariable int id, HttpServletRequest request, HttpSession session, Model model) {
        if (!(session.getAttribute(LAST) instanceof Last last) || id < 1 || id > last.subjects().size()) {
            return "redirect:/basedata/query";
        }
        model.addAttribute("index", id);
        model.addAttribute("total", last.subjects().size());
        return render(model, request, last.base(), Form.empty(last.base()), Map.of(), null, null, last.subjects().get(id - 1));
    }

    @GetMapping("/basedata/query/history")
    @PreAuthorize("hasAuthority('BASEDATA_QUERY')")
    String history(HttpServletRequest request, Model model) {
        boolean english = english(problems.locale(request));
        model.addAttribute("lines", query.myHistory(200));
        Map<String, String> purposes = new LinkedHashMap<>();
        for (QueryPurpose p : QueryPurpose.values()) {
            purposes.put(p.name(), english ? p.english() : p.label());
        }
        Map<String, String> bases = new LinkedHashMap<>();
        for (Base b : Base.values()) {
            bases.put(b.name(), english ? b.english() : b.label());
        }
        model.addAttribute("purposes", purposes);
        model.addAttribute("bases", bases);
        model.addAttribute("zone", BEIJING);
        return "basedata/history";
    }

    private String render(Model model, HttpServletRequest request, Base base, Form form, Map<String, List<String>> errors,
            @Nullable String failure, @Nullable Results results, @Nullable Subject subject) {
        Locale locale = problems.locale(request);
        boolean english = english(locale);
        Access access = query.access(base);
        List<String> hidden = new ArrayList<>();
        for (BaseField f : base.fields()) {
            if (!access.shown(f)) {
                hidden.add(english ? f.english() : f.label());
            }
        }
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(base.keyColumn(), keyLabel(base, english));
        for (BaseField f : base.fields()) {
            labels.put(f.column(), english ? f.english() : f.label());
        }
        List<Column> summary = new ArrayList<>();
        summary.add(new Column(base.keyColumn(), labels.get(base.keyColumn())));
        List<String> brief = base == Base.PERSON ? List.of("name", "gender", "birth_date", "household_division", "phone")
                : List.of("name", "type", "status", "industry", "division");
        for (String c : brief) {
            if (access.shown(base.field(c))) {
                summary.add(new Column(c, labels.get(c)));
            }
        }
        Map<String, String> purposes = new LinkedHashMap<>();
        for (QueryPurpose p : QueryPurpose.values()) {
            purposes.put(p.name(), english ? p.english() : p.label());
        }
        model.addAttribute("base", base);
        model.addAttribute("baseLabel", english ? base.english() : base.label());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("failure", failure);
        model.addAttribute("results", results);
        model.addAttribute("subject", subject);
        model.addAttribute("hidden", hidden);
        model.addAttribute("granted", access.any());
        model.addAttribute("labels", labels);
        model.addAttribute("summary", summary);
        model.addAttribute("purposes", purposes);
        model.addAttribute("max", UnifiedQuery.MAX_RESULTS);
        return "basedata/query";
    }

    private static Stated purpose(@Nullable String purpose, @Nullable String text) {
        return QueryPurpose.parse(purpose, text);
    }

    private static @Nullable LocalDate date(String field, @Nullable String value, List<FieldProblem> bad) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            bad.add(new FieldProblem(field, "basedata.query.date.format", value.strip()));
            return null;
        }
    }

    private static Base base(@Nullable String base) {
        return "LEGAL_PERSON".equals(base) ? Base.LEGAL_PERSON : Base.PERSON;
    }

    static boolean english(Locale locale) {
        return locale.getLanguage().equals("en");
    }

    private static String keyLabel(Base base, boolean english) {
        if (base == Base.PERSON) {
            return english ? "ID number" : PersonField.KEY_LABEL;
        }
        return english ? "Unified social credit code" : LegalPersonField.KEY_LABEL;
    }
}
