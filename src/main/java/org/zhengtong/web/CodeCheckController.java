package org.zhengtong.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengtong.shared.Problems;

/** The code checker as a page for clerks. */
@Controller
class CodeCheckController {

    private final CodeCheck check;
    private final Problems problems;

    CodeCheckController(CodeCheck check, Problems problems) {
        this.check = check;
        this.problems = problems;
    }

    @GetMapping("/tools/codes")
    @PreAuthorize("hasAuthority('CODE_VALIDATE')")
    String page(@RequestParam(required = false) @Nullable String type, @RequestParam(required = false) @Nullable String value,
            HttpServletRequest request, Model model) {
        CodeCheck.Type t = type == null ? CodeCheck.Type.ID_NUMBER : CodeCheck.Type.of(type);
        if (t == null) {
            t = CodeCheck.Type.ID_NUMBER;
        }
        model.addAttribute("types", java.util.Arrays.stream(CodeCheck.Type.values()).map(CodeCheck.Type::slug).toList());
        model.addAttribute("type", t.slug());
        model.addAttribute("value", value);
        if (value != null && !value.isBlank()) {
            model.addAttribute("result", check.check(t, value, problems.locale(request)));
        }
        return request.getHeader("HX-Request") != null ? "tools/codes :: result" : "tools/codes";
    }

    /** The code checker for department systems. */
    @RestController
    @Tag(name = "codes", description = "National-standard code checks 代码核验")
    static class Api {

        private final CodeCheck check;
        private final Problems problems;

        Api(CodeCheck check, Problems problems) {
            this.check = check;
            this.problems = problems;
        }

        @GetMapping("/api/v1/codes/{type}/{value}")
        @PreAuthorize("hasAuthority('CODE_VALIDATE')")
        @Operation(summary = "Check an ID number, credit code, organisation code or division code 核验代码",
                description = "type: id-number | credit-code | organization-code | division-code")
        CodeCheck.Result check(@PathVariable String type, @PathVariable String value, HttpServletRequest request) {
            CodeCheck.Type t = CodeCheck.Type.of(type);
            if (t == null) {
                throw UnknownCodeType.of(type);
            }
            return check.check(t, value, problems.locale(request));
        }
    }
}
