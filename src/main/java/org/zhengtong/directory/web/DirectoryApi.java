package org.zhengtong.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.directory.OrgUnit;
import org.zhengtong.directory.Person;

/**
 * The directory for department systems: the org unit tree and who works where. Contact details are served
 * only person by person, to holders of PERSON_DETAIL_VIEW, and every such read is audited.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "directory", description = "Org units and people 组织机构与人员")
class DirectoryApi {

    private final DirectoryManagement directory;

    DirectoryApi(DirectoryManagement directory) {
        this.directory = directory;
    }

    @GetMapping("/org-units")
    @PreAuthorize("hasAuthority('DIRECTORY_VIEW')")
    @Operation(summary = "All org units, parents before children 全部组织机构")
    List<OrgUnit> orgUnits() {
        return directory.orgUnits();
    }

    @GetMapping("/org-units/{code}")
    @PreAuthorize("hasAuthority('DIRECTORY_VIEW')")
    @Operation(summary = "One org unit by its short code 按简码查询组织机构")
    OrgUnit orgUnit(@PathVariable String code) {
        return directory.orgUnit(code);
    }

    @GetMapping("/people")
    @PreAuthorize("hasAuthority('DIRECTORY_VIEW')")
    @Operation(summary = "People of an org unit and its divisions, without contact details 人员名录（不含联系方式）")
    List<Person> people(@RequestParam(required = false) @Nullable String orgUnit, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "200") int limit) {
        if (orgUnit != null) {
            directory.orgUnit(orgUnit);
        }
        return directory.people(orgUnit, q, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping("/people/{username}")
    @PreAuthorize("hasAuthority('PERSON_DETAIL_VIEW')")
    @Operation(summary = "One person with contact details; the read is audited 人员详情（查看留痕）")
    Person person(@PathVariable String username) {
        return directory.person(username);
    }
}
