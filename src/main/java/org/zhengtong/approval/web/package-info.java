/** One-stop approval's pages: the applicant's application and cases, the window, the worklists, the process versions. */
@NullMarked
package org.zhengtong.approval.web;

import org.jspecify.annotations.NullMarked;
