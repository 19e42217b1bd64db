package io.dbtcatalog.ingest.source.dbtcloud;

import static io.dbtcatalog.ingest.source.dbtcloud.StepArtifacts.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Polls after the first take every run finished since the newest one the catalog holds, oldest first and at most
 * {@code max-runs-per-poll}; a repeated poll adds nothing; {@code job-ids} feeds the runs of several jobs into one
 * project. Each run is a {@code dbt run} then {@code dbt test} job of real artifact files split per step.
 */
class CloudPollsIntegrationTests {

    private static final long PROJECT = 73011;
    private static final long NIGHTLY = 73031;
    private static final long HOURLY = 73032;
    private static final Instant T0 = Instant.parse("2026-08-03T00:00:00Z");

    @TempDir
    Path scratch;

    @TempDir
    Path workDir;

    /** Run {@code 9700000 + n} of {@code job}, finished {@code n} hours after T0: a run step and a test step. */
    private StandInRun run(int n, long job) {
        StepArtifacts jaffle = new StepArtifacts(scratch, "parser-jaffle-dbt1.9");
        long id = 9_700_000L + n;
        Instant finished = T0.plusSeconds(3600L * n);
        return StandInRun.run(id, PROJECT, job, 73021, 10, finished)
                .dbtStep("run", jaffle.step("run", invocation(id, 3), finished.minusSeconds(600)))
                .dbtStep("test", jaffle.step("test", invocation(id, 4), finished.minusSeconds(60)));
    }

    private static List<String> keys(List<RunOutcome> outcomes) {
        return outcomes.stream()
                .map(outcome -> outcome.run().runKey() + " " + outcome.status())
                .toList();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void fourRunsFinishedBetweenTwoPollsAreAllIngestedOldestFirstAndARepeatedPollAddsNothing(Engine engine) {
        try (DbtCloudStandIn standIn = DbtCloudStandIn.start(StandardAccount.ACCOUNT, StandardAccount.TOKEN)
                        .add(run(0, NIGHTLY));
                TestDatabase db = engine.create()) {
            CloudPipeline pipeline = new CloudPipeline(standIn, db, workDir, PROJECT, Set.of(10), NIGHTLY);
            pipeline.poll();
            standIn.add(run(1, NIGHTLY), run(2, NIGHTLY), run(3, NIGHTLY), run(4, NIGHTLY));

            // when
            List<RunOutcome> second = pipeline.poll();
            int downloads = standIn.requestsTo("/artifacts/manifest.json").size();
            List<Map<String, Object>> history = historyCounts(pipeline);
            List<RunOutcome> repeated = pipeline.poll();

            // then: all four in the ledger and the history, each step under its own invocation
            assertThat(keys(second))
                    .containsExactly("9700001 INGESTED", "9700002 INGESTED", "9700003 INGESTED", "9700004 INGESTED");
            assertThat(pipeline.ledger())
                    .containsExactly(
                            "9700000 SUCCEEDED",
                            "9700001 SUCCEEDED",
                            "9700002 SUCCEEDED",
                            "9700003 SUCCEEDED",
                            "9700004 SUCCEEDED");
            assertThat(pipeline.rows("SELECT DISTINCT invocation_id FROM catalog_test_result"))
                    .hasSize(5);
            assertThat(pipeline.rows("SELECT DISTINCT invocation_id FROM catalog_run_result"))
                    .hasSize(5)
                    .contains(Map.of("invocation_id", invocation(9_700_003L, 3)));
            assertThat(pipeline.rows("SELECT state_as_of FROM catalog_project"))
                    .containsExactly(Map.of("state_as_of", T0.plusSeconds(4 * 3600L - 60)));
            // and: the repeated poll lists the newest run, which the ledger knows, and downloads nothing
            assertThat(keys(repeated)).containsExactly("9700004 SKIPPED");
            assertThat(standIn.requestsTo("/artifacts/manifest.json")).hasSize(downloads);
            assertThat(historyCounts(pipeline)).isEqualTo(history);
            assertThat(pipeline.ledger()).hasSize(5);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPollTakesAtMostMaxRunsPerPollTheOldestAndTheNextPollTheRest(Engine engine) {
        try (DbtCloudStandIn standIn = DbtCloudStandIn.start(StandardAccount.ACCOUNT, StandardAccount.TOKEN)
                        .add(run(0, NIGHTLY));
                TestDatabase db = engine.create()) {
            CloudPipeline pipeline = new CloudPipeline(standIn, db, workDir, PROJECT, Set.of(10), NIGHTLY);
            pipeline.poll(2);
            standIn.add(run(1, NIGHTLY), run(2, NIGHTLY), run(3, NIGHTLY));

            // when
            List<RunOutcome> capped = pipeline.poll(2);
            List<RunOutcome> rest = pipeline.poll(2);

            // then
            assertThat(keys(capped)).containsExactly("9700001 INGESTED", "9700002 INGESTED");
            assertThat(keys(rest)).containsExactly("9700003 INGESTED");
            assertThat(standIn.requestsTo("/runs/9700003/")).hasSizeGreaterThan(0);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void jobIdsFeedTheRunsOfTwoJobsIntoOneProjectInTheOrderTheyFinished(Engine engine) {
        try (DbtCloudStandIn standIn = DbtCloudStandIn.start(StandardAccount.ACCOUNT, StandardAccount.TOKEN)
                        .add(run(0, NIGHTLY));
                TestDatabase db = engine.create()) {
            CloudPipeline pipeline = new CloudPipeline(standIn, db, workDir, PROJECT, Set.of(10), NIGHTLY, HOURLY);
            pipeline.poll();
            standIn.add(run(1, HOURLY), run(2, HOURLY), run(3, NIGHTLY), run(4, HOURLY));

            // when
            List<RunOutcome> outcomes = pipeline.poll();

            // then: one project, every run of both jobs in the ledger with its own job, the state of the newest
            assertThat(keys(outcomes))
                    .containsExactly("9700001 INGESTED", "9700002 INGESTED", "9700003 INGESTED", "9700004 INGESTED");
            assertThat(pipeline.rows("SELECT DISTINCT project_key FROM ingestion_run"))
                    .containsExactly(Map.of("project_key", CloudPipeline.NAME));
            assertThat(pipeline.rows("SELECT dbt_job_id FROM ingestion_run ORDER BY id").stream()
                            .map(row -> row.get("dbt_job_id")))
                    .containsExactly(NIGHTLY, HOURLY, HOURLY, NIGHTLY, HOURLY);
            assertThat(pipeline.rows("SELECT DISTINCT invocation_id FROM catalog_test_result"))
                    .hasSize(5);
            assertThat(pipeline.rows("SELECT invocation_id FROM ingestion_run WHERE state_applied = TRUE"
                            + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY"))
                    .containsExactly(Map.of("invocation_id", invocation(9_700_004L, 4)));
            assertThat(standIn.requestsTo("/runs/").stream()
                            .filter(r -> r.getUrl().encodedPath().endsWith("/runs/"))
                            .map(RecordedRequest::getUrl)
                            .map(url -> url.queryParameter("job_definition_id"))
                            .distinct())
                    .containsExactlyInAnyOrder(Long.toString(NIGHTLY), Long.toString(HOURLY));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void backfillTakesEveryStepOfEveryRunInTheWindow(Engine engine) {
        try (DbtCloudStandIn standIn = DbtCloudStandIn.start(StandardAccount.ACCOUNT, StandardAccount.TOKEN)
                        .add(run(0, NIGHTLY), run(1, NIGHTLY), run(2, NIGHTLY));
                TestDatabase db = engine.create()) {
            CloudPipeline pipeline = new CloudPipeline(standIn, db, workDir, PROJECT, Set.of(10), NIGHTLY);

            // when
            List<RunOutcome> outcomes = pipeline.ingest(new RunSelector.Window(T0, T0.plusSeconds(2 * 3600L)));

            // then
            assertThat(keys(outcomes)).containsExactly("9700000 INGESTED", "9700001 INGESTED");
            assertThat(pipeline.historyByStep("catalog_test_result")).hasSize(2).allSatisfy(group -> assertThat(group)
                    .contains(" 4 test "));
            assertThat(pipeline.historyByStep("catalog_run_result")).hasSize(2).allSatisfy(group -> assertThat(group)
                    .contains(" 3 run "));
        }
    }

    private static List<Map<String, Object>> historyCounts(CloudPipeline pipeline) {
        return pipeline.rows("SELECT (SELECT COUNT(*) FROM catalog_test_result) AS tests,"
                + " (SELECT COUNT(*) FROM catalog_run_result) AS runs FROM catalog_project");
    }
}
