package org.zhengtong.basedata;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What takes a feed's records into a base database. {@link BaseDataFeeds} pulls each page from the exchange as the
 * big-data bureau, cuts it by exchange batch, records one {@link SourceBatch} per batch (the lineage every value
 * will point to), and hands the records to the consumer of the feed's base, all in one transaction with advancing
 * the subscription: what the consumer writes, the page's counts and the cursor commit together or not at all.
 *
 * <p>The population and legal-person databases are consumed by the merge by field authority; macro economy and
 * spatial data by their own modules' beans implementing this interface. A consumer must apply records
 * idempotently (the same record taken twice changes nothing the second time), which is what makes delivery exactly
 * once. It reports what it could not take as {@link Rejection}s instead of throwing: they are kept whole in table
 * {@code rejected} with their reason, so nothing is lost. Throwing rolls the whole page back, and the feed shows
 * the error.
 */
public interface FeedConsumer {

    /** The bases this consumer takes feeds for, e.g. {@code MACRO}. */
    Set<String> bases();

    /** The fields a feed of this base may map data items to; {@link BaseDataFeeds#register} refuses others. */
    Set<String> fields(String base);

    /** The fields every feed of this base must map, such as the key. */
    Set<String> keyFields(String base);

    /** Takes one exchange batch's part of a page. Records come in position order, each key at most once. */
    Outcome consume(Feed feed, SourceBatch batch, List<FeedRecord> records);

    /**
     * What a consumer did with a page part: records taken (changed or confirmed), values that became conflicts,
     * records it could not take, and optionally counts per field for the quality dashboard.
     */
    record Outcome(long merged, long conflicts, List<Rejection> rejections, Map<String, FieldCounts> fields) {

        public Outcome {
            rejections = List.copyOf(rejections);
            fields = Map.copyOf(fields);
        }

        public Outcome(long merged, long conflicts, List<Rejection> rejections) {
            this(merged, conflicts, rejections, Map.of());
        }
    }

    /**
     * How a feed's values for one field fared: agreed with the merged value, changed it (set by the authority or
     * filled an empty field), or disagreed and became (or repeated) a conflict.
     */
    record FieldCounts(long agreed, long changed, long conflicted) {}

    /**
     * A record a consumer could not take: the field it concerns (if one), a message key whose text is in the
     * {@code messages/basedata*} bundles in Chinese and English, and the message's arguments.
     */
    record Rejection(FeedRecord record, @Nullable String field, String reasonKey, List<String> args) {

        public Rejection {
            args = List.copyOf(args);
        }

        public static Rejection of(FeedRecord record, @Nullable String field, String reasonKey, Object... args) {
            return new Rejection(record, field, reasonKey, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }
    }
}
