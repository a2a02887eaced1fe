/**
 * The unified query's internals: the base databases' catalog resources and demo grants, each department's visible
 * fields, masking, the viewer's department, and the journal that groups query records into the audit log.
 */
@NullMarked
package org.zhengtong.basedata.query;

import org.jspecify.annotations.NullMarked;
