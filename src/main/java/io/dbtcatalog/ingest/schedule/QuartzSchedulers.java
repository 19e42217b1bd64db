package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.config.IngestionProperties;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.scheduling.quartz.SchedulerFactoryBean;
import org.springframework.scheduling.quartz.SpringBeanJobFactory;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Builds the Quartz scheduler of the {@code schedule} command. With a PostgreSQL catalog it uses Quartz's clustered
 * JDBC job store on the catalog database (tables {@code QRTZ_*} from {@code sql/V4}), so several instances share
 * the triggers and each fire runs on one of them; with H2 it keeps its triggers in memory (one instance).
 */
final class QuartzSchedulers {

    static final String NAME = "dbt-catalog-ingest";

    private QuartzSchedulers() {}

    static boolean clustered(IngestionProperties properties) {
        return properties.target().isPostgres();
    }

    /** A configured, initialized but not started scheduler factory; its jobs are built by Spring (autowired). */
    static SchedulerFactoryBean create(
            ApplicationContext context,
            IngestionProperties properties,
            DataSource dataSource,
            PlatformTransactionManager transactionManager)
            throws Exception {
        SpringBeanJobFactory jobFactory = new SpringBeanJobFactory();
        jobFactory.setApplicationContext(context);
        SchedulerFactoryBean factory = new SchedulerFactoryBean();
        factory.setJobFactory(jobFactory);
        factory.setSchedulerName(NAME);
        factory.setAutoStartup(false);
        factory.setWaitForJobsToCompleteOnShutdown(false);
        factory.setQuartzProperties(quartzProperties(properties));
        if (clustered(properties)) {
            factory.setDataSource(dataSource);
            factory.setTransactionManager(transactionManager);
        }
        factory.afterPropertiesSet();
        return factory;
    }

    static Properties quartzProperties(IngestionProperties properties) {
        Properties quartz = new Properties();
        quartz.setProperty("org.quartz.scheduler.instanceId", "AUTO");
        quartz.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        quartz.setProperty(
                "org.quartz.threadPool.threadCount",
                Integer.toString(properties.scheduler().threads()));
        quartz.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        quartz.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
        if (clustered(properties)) {
            quartz.setProperty("org.quartz.jobStore.isClustered", "true");
            quartz.setProperty("org.quartz.jobStore.clusterCheckinInterval", "5000");
            quartz.setProperty(
                    "org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
            quartz.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
            quartz.setProperty("org.quartz.jobStore.useProperties", "true");
            quartz.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");
        }
        return quartz;
    }
}
