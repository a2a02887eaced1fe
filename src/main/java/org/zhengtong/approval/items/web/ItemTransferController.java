package org.zhengtong.approval.items.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.zhengtong.approval.items.ItemTransfer;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.shared.Problems;
import org.zhengtong.shared.xlsx.XlsxDownload;

/** Uploading a department's item workbook, and downloading the template and the department's items. */
@Controller
class ItemTransferController {

    private final ItemTransfer transfer;
    private final ServiceItems items;
    private final Problems problems;

    ItemTransferController(ItemTransfer transfer, ServiceItems items, Problems problems) {
        this.transfer = transfer;
        this.items = items;
        this.problems = problems;
    }

    @GetMapping("/approval/items/transfer")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String page(Model model) {
        model.addAttribute("department", items.actingDepartment());
        return "approval/items/transfer";
    }

    /** The outcome is shown on the page that answers the upload, problems in both languages. */
    @PostMapping("/approval/items/transfer")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String upload(@RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(defaultValue = "false") boolean publish, Model model) throws IOException {
        model.addAttribute("department", items.actingDepartment());
        if (file == null || file.isEmpty()) {
            return "approval/items/transfer";
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "upload.xlsx" : file.getOriginalFilename();
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("result", transfer.importFile(name, in, publish));
        }
        return "approval/items/transfer";
    }

    @GetMapping("/approval/items/transfer/template")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    void template(HttpServletRequest request, HttpServletResponse response) throws IOException {
        XlsxDownload.prepare(response, "政务服务事项导入模板.xlsx");
        transfer.template(problems.locale(request), response.getOutputStream());
    }

    @GetMapping("/approval/items/transfer/export")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    void export(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String department = items.actingDepartment().code();
        XlsxDownload.prepare(response, "政务服务事项-" + department + ".xlsx");
        transfer.export(department, problems.locale(request), response.getOutputStream());
    }
}
