package org.zhengtong.exchange;

/**
 * One page of records delivered to a subscriber, as the JSON the hub hands over and the hub's SM3withSM2 signature
 * of exactly those bytes (base64), which the subscriber checks with the hub's public key.
 *
 * @param after the position the page starts after
 * @param next the position to acknowledge, and to ask after next time
 * @param more whether more records were waiting when the page was cut
 */
public record DeliveredPage(long subscription, long after, long next, int count, boolean more, byte[] body, String signature) {}
