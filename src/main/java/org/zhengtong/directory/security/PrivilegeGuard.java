package org.zhengtong.directory.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.zhengtong.shared.PublicPage;

/**
 * Deny by default (默认拒绝): a handler of the platform that names no privilege is refused to everyone, so a
 * forgotten annotation closes a page rather than opening it; a handler is reached only by a party holding the
 * privilege it names. A signed-in person who still holds a temporary
 * password is sent to change it first.
 */
@Component
class PrivilegeGuard implements HandlerInterceptor, WebMvcConfigurer {

    static final String PASSWORD_PAGE = "/account/password";
    static final Pattern ONE_PRIVILEGE = Pattern.compile("hasAuthority\\('([A-Z_]+)'\\)");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) throws Exception {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getPackageName().startsWith("org.zhengtong")) {
            return true;
        }
        if (method.hasMethodAnnotation(PublicPage.class)) {
            return true;
        }
        String privilege = privilegeOf(method);
        if (privilege == null) {
            throw new AccessDeniedException("No privilege declared for " + method.getShortLogMessage());
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || auth.getAuthorities().stream().noneMatch(a -> privilege.equals(a.getAuthority()))) {
            throw new AccessDeniedException("Privilege " + privilege + " needed for " + method.getShortLogMessage());
        }
        if (auth != null && auth.getPrincipal() instanceof PersonPrincipal p && p.mustChangePassword()
                && !request.getRequestURI().equals(request.getContextPath() + PASSWORD_PAGE)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return false;
        }
        return true;
    }

    /**
     * The one privilege a handler names, as {@code @PreAuthorize("hasAuthority('PRIVILEGE')")}. Checking it here,
     * before the request's parameters are even read, means a party without it learns nothing, not even whether
     * its request was well formed; method security checks the same annotation again at the handler itself.
     */
    static @Nullable String privilegeOf(HandlerMethod method) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return null;
        }
        Matcher m = ONE_PRIVILEGE.matcher(rule.value());
        return m.matches() ? m.group(1) : null;
    }
}
