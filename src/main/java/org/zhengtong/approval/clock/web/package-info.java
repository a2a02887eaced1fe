/** The e-supervision pages (电子监察) and the clock's API: the board, the statistics and the warnings. */
@NullMarked
package org.zhengtong.approval.clock.web;

import org.jspecify.annotations.NullMarked;
