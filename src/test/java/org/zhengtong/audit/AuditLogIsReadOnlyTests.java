package org.zhengtong.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.zhengtong.PlatformTest;

/**
 * Nobody can change the audit log through the platform: of all the handlers the running platform has, none
 * under the audit pages or API, and none of the audit module's, accepts a method that changes something,
 * except the POST that runs a verification, which only reads the log.
 */
@PlatformTest
class AuditLogIsReadOnlyTests {

    private static final Set<RequestMethod> CHANGING = Set.of(RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);

    @Autowired
    ApplicationContext context;

    record Handler(String path, Set<RequestMethod> methods) {}

    @Test
    void noHandlerChangesOrDeletesAuditRecords() {
        List<Handler> handlers = auditHandlers();

        assertThat(handlers).extracting(Handler::path).contains(
                "/audit", "/audit/export.xlsx", "/audit/verify", "/api/v1/audit/records", "/api/v1/audit/verification");
        for (Handler handler : handlers) {
            // A mapping that names no method accepts every method.
            assertThat(handler.methods()).as(handler.path()).isNotEmpty().doesNotContainAnyElementsOf(CHANGING);
            if (!handler.path().equals("/audit/verify")) {
                assertThat(handler.methods()).as(handler.path()).doesNotContain(RequestMethod.POST);
            }
        }
        assertThat(handlers).contains(new Handler("/audit/verify", Set.of(RequestMethod.POST)));
    }

    private List<Handler> auditHandlers() {
        List<Handler> handlers = new ArrayList<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, method) -> {
                    boolean auditModule = method.getBeanType().getPackageName().startsWith("org.zhengtong.audit");
                    for (String path : info.getPatternValues()) {
                        if (auditModule || isAuditPath(path)) {
                            handlers.add(new Handler(path, info.getMethodsCondition().getMethods()));
                        }
                    }
                }));
        return handlers;
    }

    private static boolean isAuditPath(String path) {
        return path.equals("/audit") || path.startsWith("/audit/")
                || path.equals("/api/v1/audit") || path.startsWith("/api/v1/audit/");
    }
}
