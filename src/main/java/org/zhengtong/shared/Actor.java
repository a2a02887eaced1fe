package org.zhengtong.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The party behind the current request (操作人): username, the org unit acted for, and the network address.
 * Work the platform does on its own (start-up, scheduled jobs) acts as {@link #SYSTEM}.
 */
public record Actor(String username, @Nullable String orgUnitCode, @Nullable String address) {

    public static final Actor SYSTEM = new Actor("system", null, null);

    /** The claim carrying the org unit of a department system's access token. */
    public static final String ORG_UNIT_CLAIM = "org";

    public static Actor current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String address = currentAddress();
        if (auth == null || !auth.isAuthenticated()) {
            return address == null ? SYSTEM : new Actor("anonymous", null, address);
        }
        Object principal = auth.getPrincipal();
        if (principal instanceof ActingPrincipal p) {
            return new Actor(p.username(), p.orgUnitCode(), address);
        }
        if (principal instanceof Jwt jwt) {
            return new Actor(jwt.getSubject(), jwt.getClaimAsString(ORG_UNIT_CLAIM), address);
        }
        return new Actor(auth.getName(), null, address);
    }

    /** The same party seen from another address (a login attempt before the session exists). */
    public Actor withUsername(String name) {
        return new Actor(name, orgUnitCode, address);
    }

    static @Nullable String currentAddress() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            HttpServletRequest request = attrs.getRequest();
            return request.getRemoteAddr();
        }
        return null;
    }
}
