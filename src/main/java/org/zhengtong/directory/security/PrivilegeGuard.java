package org.zhengtong.directory.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
 * forgotten annotation closes a page rather than opening it. A signed-in person who still holds a temporary
 * password is sent to change it first.
 */
@Component
class PrivilegeGuard implements HandlerInterceptor, WebMvcConfigurer {

    static final String PASSWORD_PAGE = "/account/password";

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
        if (!declaresPrivilege(method)) {
            throw new AccessDeniedException("No privilege declared for " + method.getShortLogMessage());
        }
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof PersonPrincipal p && p.mustChangePassword()
                && !request.getRequestURI().equals(request.getContextPath() + PASSWORD_PAGE)) {
            response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
            return false;
        }
        return true;
    }

    static boolean declaresPrivilege(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PreAuthorize.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PreAuthorize.class);
    }
}
