package org.zhengtong.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.zhengtong.directory.AccessPolicy;
import org.zhengtong.directory.DirectoryManagement;
import org.zhengtong.shared.PublicPage;

/**
 * Each person's home (工作台): the things their privileges let them do, one card each, in the order of
 * {@code access.yml}. Nothing is shown that the person cannot open.
 */
@Controller
class WorkbenchController {

    private final AccessPolicy policy;
    private final DirectoryManagement directory;

    WorkbenchController(AccessPolicy policy, DirectoryManagement directory) {
        this.policy = policy;
        this.directory = directory;
    }

    /** A workbench card: the privilege (its title and description come from the message bundles) and its page. */
    record Card(String privilege, String page) {}

    @GetMapping("/")
    @PreAuthorize("hasAuthority('WORKBENCH_VIEW')")
    String workbench(Authentication auth, Model model) {
        List<String> held = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
        Map<String, Card> cards = new LinkedHashMap<>();
        policy.privileges().forEach((privilege, definition) -> {
            if (held.contains(privilege) && definition.page() != null && !definition.page().equals("/")) {
                cards.putIfAbsent(privilege, new Card(privilege, definition.page()));
            }
        });
        model.addAttribute("cards", cards.values());
        model.addAttribute("me", directory.findPerson(auth.getName()).orElse(null));
        return "workbench";
    }

    @GetMapping("/login")
    @PublicPage
    String login() {
        return "login";
    }
}
