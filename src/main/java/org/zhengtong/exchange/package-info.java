/**
 * The data sharing and exchange hub (数据共享交换平台): provider departments publish datasets (catalog resources
 * shared as 库表 or 文件) by push, by scheduled pull from their own database, or by dropping files; every record is
 * decoded, validated, cleansed and keyed, then stored as an upsert with its lineage, and delivered to the
 * departments that hold a grant and subscribe, each seeing every record once. Rejected records wait in a
 * quarantine with their reason until a data officer fixes or discards them.
 *
 * <p>The store and the delivery log live on PostgreSQL; {@code zt.exchange.backend=kafka} moves the records to
 * one Kafka topic per dataset for a province whose volume outgrows one database.
 */
@ApplicationModule(allowedDependencies = {"shared", "audit", "directory", "catalog"})
@NullMarked
package org.zhengtong.exchange;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
