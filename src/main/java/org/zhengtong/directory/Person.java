package org.zhengtong.directory;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A person (人员): a civil servant who signs in to the platform, belongs to an org unit and holds roles.
 * Mobile and email are personal data: every read of them is audited.
 */
public record Person(
        long id,
        String username,
        String fullName,
        @Nullable String orgUnitCode,
        @Nullable String orgUnitName,
        @Nullable String title,
        @Nullable String mobile,
        @Nullable String email,
        Set<String> roles,
        boolean enabled,
        boolean locked,
        boolean hasPassword) {

    /** The same person with contact details removed, for listings that do not need them. */
    public Person withoutContacts() {
        return new Person(id, username, fullName, orgUnitCode, orgUnitName, title, null, null, roles, enabled, locked, hasPassword);
    }
}
