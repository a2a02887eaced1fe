package org.zhengtong.directory;

import org.jspecify.annotations.Nullable;

/** The facts needed to create or change a person's record (not their roles or password). */
public record NewPerson(
        String username,
        String fullName,
        @Nullable String orgUnitCode,
        @Nullable String title,
        @Nullable String mobile,
        @Nullable String email) {}
