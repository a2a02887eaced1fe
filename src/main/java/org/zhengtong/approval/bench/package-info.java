/** The approval benchmark, run by the operator command {@code ./zt bench approval}. */
@NamedInterface("bench")
@NullMarked
package org.zhengtong.approval.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
