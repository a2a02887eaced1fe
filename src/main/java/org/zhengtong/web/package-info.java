/**
 * The web shell (门户框架): sign-in, each role's workbench, the language switch, the shared page layout, and
 * how every error is shown, as problem+json to programs and as a plain page to people.
 */
@ApplicationModule(allowedDependencies = {"shared", "directory", "audit"})
@NullMarked
package org.zhengtong.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
