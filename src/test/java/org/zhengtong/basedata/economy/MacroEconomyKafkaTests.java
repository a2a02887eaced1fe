package org.zhengtong.basedata.economy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengtong.exchange.KafkaPlatformTest;

/**
 * The demo city's indicators reach the macro-economy base database through the Kafka exchange store too: the
 * series is whole and the census revision of 2025's GDP is kept beside the first figure.
 */
@KafkaPlatformTest
class MacroEconomyKafkaTests {

    @Autowired MacroEconomy economy;

    @Test
    void theDemoIndicatorsAndTheirRevisionArriveThroughKafka() {
        assertThat(economy.series("A01", "QUARTER", "379900").get("379900")).hasSizeGreaterThanOrEqualTo(16);
        var revisions = economy.revisions("A01", "YEAR");
        assertThat(revisions).filteredOn(r -> r.period().equals("2025") && r.region().equals("379900")).hasSize(2)
                .extracting(MacroEconomy.Revision::current).containsExactly(false, true);
    }
}
