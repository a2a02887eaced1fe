/**
 * The unified directory (统一目录): org units, the people who work in them, the roles that grant them
 * privileges, and the department systems that call the platform's API; also how all of them sign in.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit"})
@NullMarked
package org.zhengtong.directory;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
