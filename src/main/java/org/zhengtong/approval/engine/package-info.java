/** The embedded Flowable engine: its schema migration, its configuration, the process templates and versions. */
@NullMarked
package org.zhengtong.approval.engine;

import org.jspecify.annotations.NullMarked;
