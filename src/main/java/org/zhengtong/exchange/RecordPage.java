package org.zhengtong.exchange;

import java.util.List;

/**
 * One page of records for a platform module that consumes a subscription in process (the base databases): the
 * stored records themselves rather than signed JSON, since nothing leaves the node. {@code items} are the items
 * the subscription receives, and {@code positions} where each stands in a record's payload, so the consumer maps
 * {@code record.payload()[positions[i]]} to {@code items.get(i)} and reads nothing else.
 *
 * @param after the position the page starts after
 * @param next the position to pass to {@link Subscriptions#advance} once the consumer has applied the page
 * @param more whether more records were waiting when the page was cut
 */
public record RecordPage(Subscription subscription, long after, long next, boolean more, List<String> items, int[] positions,
        List<StoredRecord> records) {

    public RecordPage {
        items = List.copyOf(items);
        records = List.copyOf(records);
    }

    /** The value of the {@code i}-th subscribed item in a record of this page. */
    public String value(StoredRecord record, int i) {
        String[] payload = record.payload();
        int p = positions[i];
        return p < payload.length ? payload[p] : null;
    }
}
