package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.config.IngestionProperties;
import io.dbtcatalog.ingest.schedule.NothingScheduledException;
import io.dbtcatalog.ingest.schedule.ScheduledIngestions;
import io.dbtcatalog.ingest.webhook.WebhookServer;
import java.io.PrintStream;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;

/**
 * {@code schedule}: starts the scheduler and stays up until the application context closes (SIGTERM or Ctrl-C run
 * the shutdown hook, which lets running ingestions finish within {@code ingestion.scheduler.shutdown-timeout}). An
 * interrupt of the calling thread is a stop request too (used by embedding code and tests).
 */
@Command(
        name = "schedule",
        mixinStandardHelpOptions = true,
        description = "stay up and ingest each source on its cron schedule, and on dbt Cloud webhook events when"
                + " ingestion.webhooks.port is set (stop with SIGTERM/Ctrl-C)")
final class ScheduleCommand extends ApplicationCommand {

    @Override
    int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
        ScheduledIngestions scheduled = context.getBean(ScheduledIngestions.class);
        try {
            scheduled.start();
        } catch (NothingScheduledException e) {
            err.println("error: " + e.getMessage());
            return IngestCli.USAGE;
        } catch (ScheduledIngestions.SchedulerStartException e) {
            err.println("error: " + e.getMessage());
            return IngestCli.FAILED;
        }
        WebhookServer webhooks = context.getBean(WebhookServer.class);
        try {
            webhooks.start();
        } catch (WebhookServer.WebhookServerException e) {
            scheduled.stop();
            err.println("error: " + e.getMessage());
            return IngestCli.FAILED;
        }
        out.println("scheduler started; stop it with SIGTERM or Ctrl-C");
        scheduled
                .nextFireTimes()
                .forEach((source, next) -> out.println("  " + source + ": next ingestion "
                        + (next == null ? "never (the cron expression does not fire again)" : next)));
        Integer port = context.getBean(IngestionProperties.class).management().port();
        if (port != null) {
            out.println("  health and metrics: http://localhost:" + port + "/actuator/health, /actuator/prometheus");
        }
        if (webhooks.isRunning()) {
            out.println("  dbt Cloud webhooks: POST http://localhost:" + webhooks.port() + "/webhooks/dbt-cloud");
        }
        out.flush();
        try {
            scheduled.awaitStop();
        } catch (InterruptedException e) {
            // The interrupt is the stop request and is fully handled here: stop now, with the usual bounded wait
            // for running ingestions (which an interrupt flag left set would cut short). Deliveries stop first.
            webhooks.stop();
            scheduled.stop();
        }
        return IngestCli.OK;
    }

    @Override
    boolean service() {
        return true;
    }
}
