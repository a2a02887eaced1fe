package org.zhengtong.exchange;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;
import org.zhengtong.PlatformTest;

/**
 * A {@link PlatformTest} whose exchange store is Kafka ({@code zt.exchange.backend=kafka}) on the test broker
 * ({@link KafkaBroker}). All such tests share one application context, beside the PostgreSQL one, with its own
 * embedded PostgreSQL and the demo city loaded through Kafka. A test class runs on both backends when a subclass
 * carries this annotation.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@PlatformTest
@ContextConfiguration(initializers = KafkaPlatformTest.Backend.class)
public @interface KafkaPlatformTest {

    /**
     * Points the exchange store at the test broker. Topics and transactional ids take a prefix of their own, so
     * that another context on the same broker never sees this one's datasets.
     */
    class Backend implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("kafka-exchange-store", Map.of(
                    "zt.exchange.backend", "kafka",
                    "zt.exchange.kafka.bootstrap-servers", KafkaBroker.bootstrapServers(),
                    "zt.exchange.kafka.topic-prefix", "zt.exchange.test-" + run + ".",
                    "zt.exchange.kafka.instance-id", "test-" + run)));
        }
    }
}
