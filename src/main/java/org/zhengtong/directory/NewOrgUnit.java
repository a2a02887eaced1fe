package org.zhengtong.directory;

import org.jspecify.annotations.Nullable;

/** The facts needed to create or change an org unit. */
public record NewOrgUnit(
        String code,
        String name,
        OrgUnitKind kind,
        @Nullable String parentCode,
        @Nullable String creditCode,
        String divisionCode,
        int sortOrder) {}
