package org.zhengtong.directory;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A department system (部门业务系统) registered to call the platform's API with OAuth2 client credentials.
 * Each department's system is {@code <short code>-system}; it holds privileges of its own, separate from
 * any person's.
 */
public record ApiClient(
        String clientId,
        String name,
        @Nullable String orgUnitCode,
        List<String> privileges,
        boolean enabled,
        Instant secretRotatedAt) {}
