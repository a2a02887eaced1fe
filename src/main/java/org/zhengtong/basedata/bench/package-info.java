/**
 * The base databases' benchmark ({@code ./zt bench basedata}): loading generated persons through the exchange,
 * point lookups through the HTTP API and verification throughput, each beside a bare PostgreSQL baseline.
 *
 * <p>Exposed as the basedata module's {@code bench} interface, for the operator commands to run.
 */
@NamedInterface("bench")
@NullMarked
package org.zhengtong.basedata.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
