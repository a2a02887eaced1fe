/** The licence module's pages and API: the public verification page and QR code, the departments' pages, /api/v1/licences. */
@NullMarked
package org.zhengtong.licence.web;

import org.jspecify.annotations.NullMarked;
