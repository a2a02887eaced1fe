package org.zhengtong.shared;

import org.jspecify.annotations.Nullable;

/**
 * Who is acting: a signed-in person or a department system. Whatever the platform uses as its authenticated
 * principal implements this, so audit and later modules can say who did something and for which org unit
 * without knowing how that party signed in.
 */
public interface ActingPrincipal {

    /** The username of a person, or the client id of a department system. */
    String username();

    String displayName();

    /** The short code of the org unit the principal acts for (e.g. {@code gaj}), if any. */
    @Nullable
    String orgUnitCode();
}
