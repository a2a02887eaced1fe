package org.zhengtong.exchange;

/** {@link ExchangePublishingTests} with the records on Kafka. */
@KafkaPlatformTest
class ExchangePublishingKafkaTests extends ExchangePublishingTests {}
