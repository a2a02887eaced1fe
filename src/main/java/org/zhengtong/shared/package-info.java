/**
 * Shared kernel (共享内核) used by every module: national-standard code validators, SM2/SM3/SM4 crypto,
 * the problem type every error is reported as, the acting person, xlsx table reading and the database
 * bootstrap.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package org.zhengtong.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
