package org.zhengtong.approval.items;

/**
 * Where an item stands: a draft (草稿) only its department sees, published (已发布) as a public guide that
 * citizens can apply under, or withdrawn (已停用) – still on record, no longer offered.
 */
public enum ItemStatus {
    DRAFT,
    PUBLISHED,
    WITHDRAWN
}
