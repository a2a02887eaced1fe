package org.zhengtong.shared.db;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Connects the application to its PostgreSQL and migrates every module's schema.
 *
 * <p>Each module owns one PostgreSQL schema and one migration folder ({@code db/migration/<module>}), with its
 * own Flyway history table inside that schema, so a module's tables can be understood, and later moved, on
 * their own. The modules are listed, in order, by {@code zt.modules}.
 *
 * <p>A module whose schema cannot be written as SQL files (the approval module, whose Flowable tables are created
 * by Flowable's own schema manager) declares a {@link JavaMigration} bean in its package; it runs with that
 * module's SQL migrations, in version order.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    PlatformDatabase platformDatabase(Environment env) {
        DatabaseSettings settings = DatabaseSettings.from(name -> env.getProperty(name));
        return PlatformDatabase.open(settings, env.getProperty("zt.db.pool-size", Integer.class, 10));
    }

    @Bean
    DataSource dataSource(PlatformDatabase database) {
        return database.dataSource();
    }

    @Bean
    FlywayMigrationStrategy moduleMigrations(Environment env, ObjectProvider<JavaMigration> javaMigrations) {
        List<String> modules = List.of(env.getRequiredProperty("zt.modules", String[].class));
        return flyway -> {
            DataSource dataSource = flyway.getConfiguration().getDataSource();
            for (String module : modules) {
                String modulePackage = "org.zhengtong." + module;
                JavaMigration[] ownJava = javaMigrations.orderedStream()
                        .filter(m -> m.getClass().getPackageName().equals(modulePackage)
                                || m.getClass().getPackageName().startsWith(modulePackage + "."))
                        .toArray(JavaMigration[]::new);
                Flyway.configure()
                        .javaMigrations(ownJava)
                        .dataSource(dataSource)
                        .schemas(module)
                        .createSchemas(true)
                        .locations("classpath:db/migration/" + module)
                        .failOnMissingLocations(true)
                        .load()
                        .migrate();
            }
        };
    }
}
