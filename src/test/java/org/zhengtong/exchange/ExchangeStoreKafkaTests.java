package org.zhengtong.exchange;

/** {@link ExchangeStoreTests} with the records on Kafka. */
@KafkaPlatformTest
class ExchangeStoreKafkaTests extends ExchangeStoreTests {}
