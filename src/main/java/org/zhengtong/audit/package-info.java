/**
 * Audit (审计): an append-only record of every state change and every read of personal data, each record
 * chained to the one before it with SM3 so that an edit, a deletion or a reordering is detected.
 */
@ApplicationModule(allowedDependencies = "shared")
@NullMarked
package org.zhengtong.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
