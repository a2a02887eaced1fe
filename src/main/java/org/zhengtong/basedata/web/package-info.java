/** The base databases' pages and API for the data steward (数据管理员): the conflict queue, decisions and rejected records. */
@NullMarked
package org.zhengtong.basedata.web;

import org.jspecify.annotations.NullMarked;
