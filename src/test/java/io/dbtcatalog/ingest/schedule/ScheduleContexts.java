package io.dbtcatalog.ingest.schedule;

import io.dbtcatalog.ingest.DbtCatalogIngestApplication;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobListener;
import org.quartz.SchedulerException;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the application as the {@code schedule} command does (same configuration sources), so a test can run
 * several scheduler instances in one JVM and stop each by closing its context; records the fires each one ran.
 */
public final class ScheduleContexts {

    private ScheduleContexts() {}

    public static ConfigurableApplicationContext start(Path config) {
        return new SpringApplicationBuilder(DbtCatalogIngestApplication.class)
                .logStartupInfo(false)
                .run(
                        "--spring.config.location=classpath:/application.yaml,file:" + config,
                        "--dbt-catalog-ingest.config-file=" + config,
                        "--dbt-catalog-ingest.command=schedule");
    }

    /** Starts the context's scheduler and returns the list its completed fires are recorded into. */
    static List<Fire> startScheduler(ConfigurableApplicationContext context) throws SchedulerException {
        ScheduledIngestions scheduled = context.getBean(ScheduledIngestions.class);
        scheduled.start();
        List<Fire> fires = new CopyOnWriteArrayList<>();
        String instance = scheduled.scheduler().getSchedulerInstanceId();
        scheduled.scheduler().getListenerManager().addJobListener(new JobListener() {
            @Override
            public String getName() {
                return "test-fires";
            }

            @Override
            public void jobToBeExecuted(JobExecutionContext fire) {
                // recorded when done
            }

            @Override
            public void jobExecutionVetoed(JobExecutionContext fire) {
                // never vetoed
            }

            @Override
            public void jobWasExecuted(JobExecutionContext fire, JobExecutionException failure) {
                fires.add(new Fire(instance, fire.getScheduledFireTime().getTime(), failure));
            }
        });
        return fires;
    }

    /** One fire a scheduler instance ran: its scheduled time and the job's failure, if any. */
    record Fire(String instance, long scheduledAt, JobExecutionException failure) {}
}
