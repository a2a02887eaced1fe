/**
 * The exchange hub's benchmark ({@code ./zt bench exchange}) and the pieces it shares with the crash tests: a
 * generated population register and a department system's HTTP client.
 *
 * <p>Exposed as the exchange module's {@code bench} interface, for the operator commands to run.
 */
@NamedInterface("bench")
@NullMarked
package org.zhengtong.exchange.bench;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
