package org.zhengtong.exchange;

/** {@link ExchangeDeliveryTests} with the records on Kafka. */
@KafkaPlatformTest
class ExchangeDeliveryKafkaTests extends ExchangeDeliveryTests {}
