package org.zhengtong.exchange;

/** {@link ExchangeBadInputTests} with the records on Kafka. */
@KafkaPlatformTest
class ExchangeBadInputKafkaTests extends ExchangeBadInputTests {}
