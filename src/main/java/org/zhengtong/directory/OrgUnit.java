package org.zhengtong.directory;

import org.jspecify.annotations.Nullable;

/**
 * An org unit (组织机构): the city government, a department, a division of a department, a district or a
 * county. Each is known by a short code of pinyin initials ({@code gaj} for 公安局), carries its unified
 * social credit code (GB 32100) and the division code (GB/T 2260) of the place it serves.
 */
public record OrgUnit(
        long id,
        String code,
        String name,
        OrgUnitKind kind,
        @Nullable String parentCode,
        @Nullable String creditCode,
        String divisionCode,
        int sortOrder) {}
