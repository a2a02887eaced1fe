/**
 * Progress queries and ratings (办件进度查询与好差评): anyone holding a case number (办件编号) and its query code
 * (查询码) follows the case without signing in; once the case is finished (办结) its applicant rates the service
 * once on five grades; a bad rating opens a follow-up (差评整改) for the department, whose closing note the applicant
 * reads as the return visit (回访); leaders see the figures per item and per department.
 */
@NullMarked
package org.zhengtong.approval.rating;

import org.jspecify.annotations.NullMarked;
