package org.zhengtong.directory.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.zhengtong.shared.xlsx.XlsxDownload;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.directory.DirectoryTransfer;
import org.zhengtong.shared.Problems;

/** Uploading and downloading the directory's Excel lists. */
@Controller
class TransferController {


    private final DirectoryTransfer transfer;
    private final Problems problems;

    TransferController(DirectoryTransfer transfer, Problems problems) {
        this.transfer = transfer;
        this.problems = problems;
    }

    @GetMapping("/directory/imports")
    @PreAuthorize("hasAuthority('DIRECTORY_IMPORT')")
    String imports(Model model) {
        model.addAttribute("batches", transfer.recentBatches(20));
        return "directory/imports";
    }

    @PostMapping("/directory/imports")
    @PreAuthorize("hasAuthority('DIRECTORY_IMPORT')")
    String upload(@RequestParam DirectoryTransfer.Kind kind, @RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws IOException {
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.xlsx" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            redirect.addFlashAttribute("latest", transfer.importFile(kind, name, in).id());
        }
        return "redirect:/directory/imports";
    }

    @GetMapping("/directory/imports/templates/{kind}")
    @PreAuthorize("hasAuthority('DIRECTORY_IMPORT')")
    void template(@PathVariable DirectoryTransfer.Kind kind, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Locale locale = problems.locale(request);
        XlsxDownload.prepare(response, (kind == DirectoryTransfer.Kind.ORG_UNITS ? "组织机构导入模板" : "人员导入模板") + ".xlsx");
        transfer.template(kind, locale, response.getOutputStream());
    }

    @GetMapping("/directory/imports/{id}/problems")
    @PreAuthorize("hasAuthority('DIRECTORY_IMPORT')")
    void problemReport(@PathVariable long id, HttpServletRequest request, HttpServletResponse response) throws IOException {
        transfer.batch(id);
        XlsxDownload.prepare(response, "导入问题-" + id + ".xlsx");
        transfer.problemReport(id, problems.locale(request), response.getOutputStream());
    }

    @GetMapping("/directory/exports")
    @PreAuthorize("hasAuthority('DIRECTORY_EXPORT')")
    String exports() {
        return "directory/exports";
    }

    @GetMapping("/directory/exports/org-units")
    @PreAuthorize("hasAuthority('DIRECTORY_EXPORT')")
    void exportOrgUnits(HttpServletRequest request, HttpServletResponse response) throws IOException {
        XlsxDownload.prepare(response, "组织机构.xlsx");
        transfer.exportOrgUnits(problems.locale(request), response.getOutputStream());
    }

    @GetMapping("/directory/exports/people")
    @PreAuthorize("hasAuthority('DIRECTORY_EXPORT')")
    void exportPeople(HttpServletRequest request, HttpServletResponse response) throws IOException {
        XlsxDownload.prepare(response, "人员.xlsx");
        transfer.exportPeople(problems.locale(request), response.getOutputStream());
    }

}
