package org.zhengtong.audit;

import java.util.List;

/** One page of audit records, newest first, with how many records match in all. Pages count from 1. */
public record AuditPage(List<AuditRecord> items, long total, int page, int size) {

    public AuditPage {
        items = List.copyOf(items);
    }

    /** How many pages the matching records fill; at least one, so an empty result still has a page. */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }
}
