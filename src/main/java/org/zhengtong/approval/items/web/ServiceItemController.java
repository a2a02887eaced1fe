package org.zhengtong.approval.items.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.zhengtong.approval.items.DataSources;
import org.zhengtong.approval.items.ItemContent;
import org.zhengtong.approval.items.ItemEntry;
import org.zhengtong.approval.items.ItemType;
import org.zhengtong.approval.items.ProcessTemplate;
import org.zhengtong.approval.items.ServiceItems;
import org.zhengtong.shared.FieldProblem;
import org.zhengtong.shared.InvalidInput;
import org.zhengtong.shared.PlatformException;
import org.zhengtong.shared.Problems;

/**
 * A department's own service items (本部门事项): the list, the form to draft or edit one, its page with publication,
 * withdrawal and the downloadable forms.
 */
@Controller
class ServiceItemController {

    private final ServiceItems items;
    private final Problems problems;

    ServiceItemController(ServiceItems items, Problems problems) {
        this.items = items;
        this.problems = problems;
    }

    @GetMapping("/approval/items")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String list(Model model) {
        var department = items.actingDepartment();
        model.addAttribute("department", department);
        model.addAttribute("entries", items.entries(department.code()));
        return "approval/items/list";
    }

    @GetMapping("/approval/items/new")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String newForm(Model model) {
        return form(model, null, ItemForm.empty(), null);
    }

    @PostMapping("/approval/items")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String create(ItemForm form, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        List<FieldProblem> found = new ArrayList<>();
        ItemContent content = form.toContent(found);
        try {
            InvalidInput.throwIfAny(found);
            ItemEntry created = items.create(form.code() == null ? "" : form.code(), content);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/approval/items/" + created.code();
        } catch (InvalidInput e) {
            return form(model, null, form, byField(e, problems.locale(request)));
        }
    }

    @GetMapping("/approval/items/{code}")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String show(@PathVariable String code, Model model) {
        ItemEntry entry = items.own(code);
        model.addAttribute("entry", entry);
        model.addAttribute("item", entry.preview());
        model.addAttribute("forms", items.forms(code));
        model.addAttribute("formsBase", "/approval/items/" + code + "/forms");
        model.addAttribute("departments", items.departments());
        model.addAttribute("sources", DataSources.ALL);
        model.addAttribute("maxFormMegabytes", ServiceItems.MAX_FORM_BYTES / 1024 / 1024);
        return "approval/items/item";
    }

    @GetMapping("/approval/items/{code}/edit")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String editForm(@PathVariable String code, Model model) {
        ItemEntry entry = items.own(code);
        return form(model, code, ItemForm.of(code, entry.content()), null);
    }

    @PostMapping("/approval/items/{code}")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String save(@PathVariable String code, ItemForm form, Model model, HttpServletRequest request, RedirectAttributes redirect) {
        List<FieldProblem> found = new ArrayList<>();
        ItemContent content = form.toContent(found);
        try {
            InvalidInput.throwIfAny(found);
            items.save(code, content);
            redirect.addFlashAttribute("saved", true);
            return "redirect:/approval/items/" + code;
        } catch (InvalidInput e) {
            items.own(code);
            return form(model, code, form, byField(e, problems.locale(request)));
        }
    }

    @PostMapping("/approval/items/{code}/publish")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String publish(@PathVariable String code, HttpServletRequest request, RedirectAttributes redirect) {
        return act(code, request, redirect, () -> items.publish(code));
    }

    @PostMapping("/approval/items/{code}/withdraw")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String withdraw(@PathVariable String code, @RequestParam(required = false) @Nullable String reason, HttpServletRequest request,
            RedirectAttributes redirect) {
        return act(code, request, redirect, () -> items.withdraw(code, reason));
    }

    @PostMapping("/approval/items/{code}/forms")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String upload(@PathVariable String code, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            HttpServletRequest request, RedirectAttributes redirect) {
        return act(code, request, redirect, () -> {
            if (file == null || file.isEmpty()) {
                throw InvalidInput.of("file", "approval-items.rule.required");
            }
            if (file.getSize() > ServiceItems.MAX_FORM_BYTES) {
                throw org.zhengtong.approval.items.ItemProblem.formSize(String.valueOf(file.getOriginalFilename()),
                        ServiceItems.MAX_FORM_BYTES / 1024 / 1024);
            }
            try {
                items.addForm(code, String.valueOf(file.getOriginalFilename()), file.getBytes());
            } catch (IOException e) {
                throw org.zhengtong.approval.items.ItemProblem.formType(String.valueOf(file.getOriginalFilename()));
            }
        });
    }

    @GetMapping("/approval/items/{code}/forms/{id}")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    ResponseEntity<byte[]> download(@PathVariable String code, @PathVariable long id) {
        return file(items.ownForm(code, id));
    }

    @PostMapping("/approval/items/{code}/forms/{id}/delete")
    @PreAuthorize("hasAuthority('APPROVAL_ITEMS_MANAGE')")
    String deleteForm(@PathVariable String code, @PathVariable long id, HttpServletRequest request, RedirectAttributes redirect) {
        return act(code, request, redirect, () -> items.removeForm(code, id));
    }

    private String act(String code, HttpServletRequest request, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("saved", true);
        } catch (PlatformException e) {
            redirect.addFlashAttribute("failure", problems.describe(e, problems.locale(request)));
        }
        return "redirect:/approval/items/" + code;
    }

    /** Problems by form field; a row's problem goes to its list's field, naming the line. */
    private Map<String, List<String>> byField(InvalidInput e, Locale locale) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            String[] parts = p.field().split("\\.");
            String message = problems.message(p, locale);
            if (parts.length == 3) {
                message = problems.message("approval-items.form.line", new Object[] {Integer.parseInt(parts[1]) + 1, message}, locale);
            }
            result.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(message);
        }
        return result;
    }

    private String form(Model model, @Nullable String code, ItemForm form, @Nullable Map<String, List<String>> errors) {
        model.addAttribute("code", code);
        model.addAttribute("f", form);
        model.addAttribute("v", form.texts());
        model.addAttribute("errors", errors);
        model.addAttribute("department", items.actingDepartment());
        model.addAttribute("types", ItemType.values());
        model.addAttribute("templates", ProcessTemplate.values());
        model.addAttribute("departments", items.departments());
        model.addAttribute("sources", DataSources.ALL);
        return "approval/items/form";
    }

    static ResponseEntity<byte[]> file(ServiceItems.FormDownload f) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.file().contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(f.file().fileName(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .body(f.bytes());
    }
}
