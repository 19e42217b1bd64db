package io.dbtcatalog.ingest.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.schedule.HeldFire;
import io.dbtcatalog.ingest.schedule.ScheduleContexts;
import io.dbtcatalog.ingest.schedule.ScheduledIngestions;
import io.dbtcatalog.ingest.source.dbtcloud.CloudHistory;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A webhook ingestion that Quartz hands to a worker thread as the scheduler stops runs nothing after the stop: it
 * asks dbt Cloud for nothing, writes nothing, and says that the run is left to the scheduled poll.
 */
@ExtendWith(OutputCaptureExtension.class)
class WebhookFireAtStopIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void aWebhookFireHandedToAWorkerAsTheSchedulerStopsRunsNothingAndIsLeftToThePoll(CapturedOutput output)
            throws Exception {
        try (TestDatabase db = Engine.H2.create();
                CloudHistory cloud = CloudHistory.start(dir.resolve("cloud"), 0)) {
            // given a queued webhook ingestion whose fire Quartz handed to a worker, held before the job starts
            long run = cloud.addRun();
            Path config = TestConfigs.write(
                    dir.resolve("cfg"),
                    db.jdbcUrl(),
                    Receiver.webhooksYaml(Receiver.freePort()),
                    cloud.sourceYaml("cloud") + "      webhook-secret: " + WebhookReceiverIntegrationTests.SECRET
                            + "\n");
            ConfigurableApplicationContext context = ScheduleContexts.start(config);
            ScheduledIngestions scheduled = context.getBean(ScheduledIngestions.class);
            scheduled.start();
            HeldFire held = HeldFire.install(scheduled);
            assertThat(context.getBean(QuartzRunQueue.class).enqueue("cloud", run, "evt-at-stop"))
                    .isEqualTo(RunQueue.Queued.QUEUED);
            held.awaitFired(Duration.ofSeconds(20));

            // when the application stops, and the held fire goes on afterwards
            context.close();
            held.releaseAndAwaitTheWorkers();

            // then it ran nothing and said so
            assertThat(cloud.requestsTo("/")).isZero();
            assertThat(CatalogDump.of(db.dataSource()).rows("ingestion_run")).isEmpty();
            assertThat(output.getOut())
                    .contains("cloud: the scheduler is stopping; run " + run
                            + " announced by webhook event evt-at-stop is left to the scheduled poll")
                    .doesNotContain("ingesting dbt Cloud run " + run);
        }
    }
}
