package org.zhengtong.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the few handlers anyone may reach without signing in (the login page). Every other handler must
 * carry {@code @PreAuthorize("hasAuthority('...')")} naming its privilege, or it is refused.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicPage {}
