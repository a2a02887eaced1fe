package org.zhengtong.catalog.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.zhengtong.shared.xlsx.XlsxDownload;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.catalog.CatalogManagement;
import org.zhengtong.catalog.CatalogTransfer;
import org.zhengtong.catalog.CatalogTransfer.ImportResult;
import org.zhengtong.shared.Problems;

/**
 * Uploading a department's catalog workbook (编目表), and downloading the template, the department's drafts, the
 * problem report of a rejected attempt and the published catalog.
 */
@Controller
class CatalogTransferController {


    private final CatalogTransfer transfer;
    private final CatalogManagement catalog;
    private final Problems problems;

    CatalogTransferController(CatalogTransfer transfer, CatalogManagement catalog, Problems problems) {
        this.transfer = transfer;
        this.catalog = catalog;
        this.problems = problems;
    }

    @GetMapping("/catalog/imports")
    @PreAuthorize("hasAuthority('CATALOG_IMPORT')")
    String imports(Authentication auth, Model model) {
        Long latest = model.getAttribute("latest") instanceof Long id ? id : null;
        List<ImportResult> batches = transfer.recentBatches(20);
        // Right after an upload its outcome comes first; otherwise the page still shows where the last attempt stands.
        ImportResult shown = batches.stream().filter(b -> latest == null || b.id() == latest.longValue()).findFirst().orElse(null);
        model.addAttribute("batches", batches);
        model.addAttribute("shown", shown);
        model.addAttribute("justUploaded", latest != null);
        model.addAttribute("department", catalog.actingDepartment());
        model.addAttribute("anyProvider", auth.getAuthorities().stream().anyMatch(a -> "CATALOG_REVIEW".equals(a.getAuthority())));
        return "catalog/imports";
    }

    @PostMapping("/catalog/imports")
    @PreAuthorize("hasAuthority('CATALOG_IMPORT')")
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "false") boolean submit, RedirectAttributes redirect) throws IOException {
        if (file == null) {
            // Not a file upload at all (the form requires a file): nothing to import and nothing worth keeping.
            return "redirect:/catalog/imports";
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.xlsx" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute("latest", transfer.importFile(name, in, submit).id());
        }
        return "redirect:/catalog/imports";
    }

    @GetMapping("/catalog/imports/template")
    @PreAuthorize("hasAuthority('CATALOG_IMPORT')")
    void template(HttpServletRequest request, HttpServletResponse response) throws IOException {
        XlsxDownload.prepare(response, "政务信息资源目录导入模板.xlsx");
        transfer.template(problems.locale(request), response.getOutputStream());
    }

    @GetMapping("/catalog/imports/drafts")
    @PreAuthorize("hasAuthority('CATALOG_IMPORT')")
    void drafts(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String department = catalog.actingDepartment().code();
        XlsxDownload.prepare(response, "目录草稿-" + department + ".xlsx");
        transfer.exportDrafts(problems.locale(request), response.getOutputStream());
    }

    @GetMapping("/catalog/imports/{id}/problems")
    @PreAuthorize("hasAuthority('CATALOG_IMPORT')")
    void problemReport(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        transfer.batch(id);
        XlsxDownload.prepare(response, "目录导入问题-" + id + ".xlsx");
        transfer.problemReport(id, problems.locale(request), response.getOutputStream());
    }

    @GetMapping("/catalog/export")
    @PreAuthorize("hasAuthority('CATALOG_VIEW')")
    void export(@RequestParam(required = false) @Nullable String provider, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        String only = provider == null || provider.isBlank() ? null : provider.strip();
        XlsxDownload.prepare(response, "政务信息资源目录" + (only == null ? "" : "-" + only) + ".xlsx");
        transfer.export(only, problems.locale(request), response.getOutputStream());
    }

}
