/**
 * The information resource catalog (政务信息资源目录, GB/T 21063 and the 2017 cataloguing guide): every
 * department's information resources, their review and publication, Chinese search, and the share requests
 * and grants that the exchange hub and the unified query enforce.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "directory"})
@NullMarked
package org.zhengtong.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
