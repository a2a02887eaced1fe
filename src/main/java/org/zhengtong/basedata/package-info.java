/**
 * The four base databases (四大基础数据库): population (人口), legal persons (法人), macro economy (宏观经济) and
 * spatial (空间地理). A base database holds no data of its own: every value is merged from an exchange dataset of
 * the department that is authoritative for that field, keeps its lineage (department, batch, time) and its history
 * (valid from and to), and a value from a department without authority that disagrees becomes a conflict for a
 * data steward instead of overwriting.
 *
 * <p>On top of them: the unified query (统一数据资源查询), which shows each civil servant only the data items their
 * department is granted, masks personal fields, and records the stated purpose of every query; and verification
 * (核验), which answers whether claims match without revealing stored values.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "directory", "catalog", "exchange", "exchange :: bench"})
@NullMarked
package org.zhengtong.basedata;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
