/**
 * The macro-economy base database (宏观经济基础库): indicators of 统计局 and their values per region and period, fed
 * from the exchange, with every revision kept, charted as time series.
 */
@NullMarked
package org.zhengtong.basedata.economy;

import org.jspecify.annotations.NullMarked;
