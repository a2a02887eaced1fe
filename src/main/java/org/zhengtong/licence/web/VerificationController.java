package org.zhengtong.licence.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.zhengtong.licence.LicenceCheck;
import org.zhengtong.licence.LicenceProblem;
import org.zhengtong.licence.Licences;
import org.zhengtong.shared.Problems;

/**
 * The public verification page (电子证照核验): anyone, signed in or not, types a licence number or scans the QR code
 * printed on a licence and learns whether the seal is intact, whether the licence is valid, expired or revoked, its
 * type, issuer and validity, and its holder masked. An unknown number says so on the same page, answered 404.
 */
@Controller
class VerificationController {

    private final Licences licences;
    private final Problems problems;

    VerificationController(Licences licences, Problems problems) {
        this.licences = licences;
        this.problems = problems;
    }

    @GetMapping("/licences/verify")
    @PreAuthorize("hasAuthority('LICENCE_VERIFY')")
    String form(@RequestParam(required = false) @Nullable String number) {
        if (number != null && !number.isBlank()) {
            return "redirect:/licences/verify/" + UriUtils.encodePathSegment(number.strip(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return "licence/verify";
    }

    @GetMapping("/licences/verify/{number}")
    @PreAuthorize("hasAuthority('LICENCE_VERIFY')")
    String verify(@PathVariable String number, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("number", number);
        try {
            LicenceCheck check = licences.verify(number);
            model.addAttribute("check", check);
        } catch (LicenceProblem e) {
            Locale locale = problems.locale(request);
            response.setStatus(e.status().value());
            model.addAttribute("failure", problems.describe(e, locale));
        }
        return "licence/verify";
    }

    /** The QR code printed on a licence: the absolute address of its verification page, as the request reached us. */
    @GetMapping(value = "/licences/{number}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    @PreAuthorize("hasAuthority('LICENCE_VERIFY')")
    ResponseEntity<byte[]> qr(@PathVariable String number, HttpServletRequest request) {
        LicenceCheck check = licences.verify(number);
        String url = verificationUrl(request, check.number());
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.maxAge(Duration.ofDays(1)))
                .body(QrCodes.png(url, 240));
    }

    static String verificationUrl(HttpServletRequest request, String number) {
        return ServletUriComponentsBuilder.fromContextPath(request).path("/licences/verify/{number}").buildAndExpand(number).encode()
                .toUriString();
    }
}
