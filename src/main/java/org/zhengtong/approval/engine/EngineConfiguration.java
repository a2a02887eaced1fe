package org.zhengtong.approval.engine;

import java.util.List;
import javax.sql.DataSource;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.AbstractEngineConfiguration;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.engine.HistoryService;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.spring.ProcessEngineFactoryBean;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The embedded Flowable 8 process engine: on the platform's own PostgreSQL and inside its Spring transactions, so
 * that a case's own rows and its process state commit together or not at all.
 *
 * <p>Its tables live in the approval schema (created by {@link FlowableTables}); the engine addresses them through
 * a table prefix naming that schema and never creates or alters them. Flowable's identity engine and event
 * registry are off: people and departments come from the directory, and nothing here listens for outside events.
 * Uploaded processes are read safely and their expressions reach no Spring bean (see {@link ProcessVersions}).
 * No asynchronous executor runs either: every step of an approval process is a user task or a gateway, executed
 * in the transaction that completes the task before it.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    static final String SCHEMA = "approval";

    @Bean
    @DependsOn("flywayInitializer")
    SpringProcessEngineConfiguration processEngineConfiguration(DataSource dataSource, PlatformTransactionManager transactions,
            List<FlowableEventListener> listeners) {
        var config = new SpringProcessEngineConfiguration();
        config.setDataSource(dataSource);
        config.setTransactionManager(transactions);
        config.setDatabaseSchemaUpdate(AbstractEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
        config.setDatabaseSchema(SCHEMA);
        config.setDatabaseTablePrefix(SCHEMA + ".");
        config.setTablePrefixIsSchema(true);
        config.setDisableIdmEngine(true);
        config.setDisableEventRegistry(true);
        config.setAsyncExecutorActivate(false);
        config.setHistoryLevel(HistoryLevel.AUDIT);
        config.setEngineName("zhengtong");
        // An uploaded process is data, not code: its XML is read safely (no DTDs, no external entities) and its
        // expressions see the process variables only, never the application's beans.
        config.setEnableSafeBpmnXml(true);
        config.setBeans(new java.util.HashMap<>());
        config.setEventListeners(List.copyOf(listeners));
        return config;
    }

    @Bean
    ProcessEngineFactoryBean processEngine(SpringProcessEngineConfiguration config) {
        var factory = new ProcessEngineFactoryBean();
        factory.setProcessEngineConfiguration(config);
        return factory;
    }

    @Bean
    RepositoryService repositoryService(ProcessEngine engine) {
        return engine.getRepositoryService();
    }

    @Bean
    RuntimeService runtimeService(ProcessEngine engine) {
        return engine.getRuntimeService();
    }

    @Bean
    TaskService taskService(ProcessEngine engine) {
        return engine.getTaskService();
    }

    @Bean
    HistoryService historyService(ProcessEngine engine) {
        return engine.getHistoryService();
    }
}
