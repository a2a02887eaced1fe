package org.zhengtong;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** The module boundaries hold: no module reaches into another's internals, and there are no cycles. */
class ModularityTests {

    static final ApplicationModules modules = ApplicationModules.of(ZhengtongApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }
}
