package org.zhengtong.directory;

import org.jspecify.annotations.Nullable;

/**
 * A self-registration (注册): what a citizen or an enterprise fills in to open an applicant account. Fields may be
 * missing or wrong as typed; {@link Applicants#register} names every problem at once.
 *
 * @param contactName for an enterprise, the person who handles its applications (经办人); ignored for a citizen
 */
public record NewApplicant(
        @Nullable String loginName,
        @Nullable ApplicantKind kind,
        @Nullable String holderId,
        @Nullable String name,
        @Nullable String contactName,
        @Nullable String phone,
        @Nullable String password) {}
