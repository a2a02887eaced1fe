/**
 * The spatial base database (空间地理基础库): the GB/T 2260 division tree with its retired codes, division boundaries
 * as GeoJSON, and addresses and points of interest with WGS-84 coordinates, drawn on a map without a tile server.
 */
@NullMarked
package org.zhengtong.basedata.spatial;

import org.jspecify.annotations.NullMarked;
