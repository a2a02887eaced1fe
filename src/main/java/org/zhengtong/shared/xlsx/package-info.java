/**
 * Reading and writing xlsx tables whose first row holds the column headers, for imports and exports.
 */
@NullMarked
package org.zhengtong.shared.xlsx;

import org.jspecify.annotations.NullMarked;
