/** The service items' pages: the departments' own items, their Excel import and export, and the public guides. */
@NullMarked
package org.zhengtong.approval.items.web;

import org.jspecify.annotations.NullMarked;
