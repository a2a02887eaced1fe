/** The licence module's storage, seals and catalog registration, used by its facade and pages only. */
@NullMarked
package org.zhengtong.licence.internal;

import org.jspecify.annotations.NullMarked;
