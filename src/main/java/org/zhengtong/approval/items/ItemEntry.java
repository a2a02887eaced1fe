package org.zhengtong.approval.items;

import java.time.OffsetDateTime;

/**
 * An item as its department works on it (事项维护): the working copy, the state, the number of the version last
 * published (0 if never) and whether the working copy has changes not yet published.
 */
public record ItemEntry(String code, String department, ItemStatus status, int publishedVersion, boolean changed, ItemContent content,
        String editedBy, OffsetDateTime editedAt) {

    /** The working copy in the facade's shape, as a preview of the guide it would publish. */
    public ServiceItem preview() {
        return ServiceItems.toItem(code, department, content, status, publishedVersion);
    }
}
