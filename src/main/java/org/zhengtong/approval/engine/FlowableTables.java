package org.zhengtong.approval.engine;

import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Creates Flowable's tables (ACT_*) in the approval schema, as migration 2 of that schema.
 *
 * <p>The platform changes its schemas only through Flyway. Flowable ships its DDL as many version-specific scripts
 * and knows their order itself, so instead of copying them this migration asks Flowable's own schema manager to
 * create them, on Flyway's connection and inside Flyway's transaction (Flyway has set the search path to the approval
 * schema, so the unqualified tables land there). The running engine is then configured never to touch the schema:
 * it only checks that the tables are of its version, and stops the platform if not.
 *
 * <p>Upgrading Flowable therefore means adding a migration like this one (with {@code databaseSchemaUpdate} "true",
 * which runs Flowable's upgrade steps) in the same release that raises the dependency.
 */
@Component
class FlowableTables implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "flowable 8.0.0 tables";
    }

    @Override
    public Integer getChecksum() {
        return 8_000_000;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        var config = new StandaloneProcessEngineConfiguration();
        config.setDataSource(new SingleConnectionDataSource(context.getConnection(), true));
        config.setTransactionsExternallyManaged(true);
        config.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        config.setDatabaseSchema(EngineConfiguration.SCHEMA);
        config.setDisableIdmEngine(true);
        config.setDisableEventRegistry(true);
        config.setAsyncExecutorActivate(false);
        config.setEngineName("zhengtong-schema");
        ProcessEngine engine = config.buildProcessEngine();
        engine.close();
    }
}
