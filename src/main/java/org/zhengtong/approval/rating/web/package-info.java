/**
 * The pages and API of progress queries and ratings: the public progress page and its JSON twin, the applicant's
 * rating form, the departments' follow-up list and the leaders' statistics.
 */
@NullMarked
package org.zhengtong.approval.rating.web;

import org.jspecify.annotations.NullMarked;
