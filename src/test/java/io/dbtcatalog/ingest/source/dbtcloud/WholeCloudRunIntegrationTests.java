package io.dbtcatalog.ingest.source.dbtcloud;

import static io.dbtcatalog.ingest.source.dbtcloud.CloudSnapshots.downloads;
import static io.dbtcatalog.ingest.source.dbtcloud.StepArtifacts.invocation;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A dbt Cloud run of several steps reaches the catalog whole: every executing step's results under that step's own
 * invocation, time, index and command, the state from the last executing step's manifest and the warehouse columns
 * from the docs step, with real artifact files split per step and the requests asserted.
 */
class WholeCloudRunIntegrationTests {

    private static final long PROJECT = 72011;
    private static final long JOB = 72031;
    private static final Instant FINISHED = Instant.parse("2026-08-02T06:00:00Z");

    @TempDir
    Path scratch;

    @TempDir
    Path workDir;

    private static Instant minutesBefore(int minutes) {
        return FINISHED.minusSeconds(60L * minutes);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aSeedRunSnapshotTestDocsRunRecordsEverySeedModelSnapshotAndTestResultAndTheWarehouseColumns(Engine engine) {
        StepArtifacts bouncer = new StepArtifacts(scratch, "bouncer-dbt1.11");
        long id = 9600001;
        StandInRun run = StandInRun.run(id, PROJECT, JOB, 72021, 10, FINISHED)
                .dbtStep("seed", bouncer.step("seed", invocation(id, 3), minutesBefore(50)))
                .dbtStep("run", bouncer.step("run", invocation(id, 4), minutesBefore(40)))
                .dbtStep("snapshot", bouncer.step("snapshot", invocation(id, 5), minutesBefore(30)))
                .dbtStep("test", bouncer.step("test", invocation(id, 6), minutesBefore(20)))
                .dbtStep("docs generate", bouncer.docs(invocation(id, 7), minutesBefore(10)));
        try (DbtCloudStandIn standIn = DbtCloudStandIn.start(StandardAccount.ACCOUNT, StandardAccount.TOKEN)
                        .add(run);
                TestDatabase db = engine.create()) {
            CloudPipeline pipeline = new CloudPipeline(standIn, db, workDir, PROJECT, Set.of(10), JOB);

            // when
            List<RunOutcome> outcomes = pipeline.poll();

            // then: the manifest of the test step, each executing step's run_results, the docs step's catalog
            assertThat(outcomes).extracting(RunOutcome::status).containsExactly(RunOutcome.Status.INGESTED);
            assertThat(downloads(standIn, id))
                    .containsExactly(
                            "manifest.json?step=6",
                            "run_results.json?step=3",
                            "run_results.json?step=4",
                            "run_results.json?step=5",
                            "run_results.json?step=6",
                            "catalog.json?step=7");
            assertThat(pipeline.historyByStep("catalog_run_result"))
                    .containsExactly(
                            invocation(id, 3) + " 3 seed 3",
                            invocation(id, 4) + " 4 run 11",
                            invocation(id, 5) + " 5 snapshot 2");
            assertThat(pipeline.historyByStep("catalog_test_result")).containsExactly(invocation(id, 6) + " 6 test 42");
            assertThat(pipeline.rows("SELECT DISTINCT generated_at FROM catalog_test_result"))
                    .containsExactly(Map.of("generated_at", minutesBefore(20)));
            assertThat(pipeline.rows("SELECT DISTINCT status, dbt_run_id FROM catalog_test_result"))
                    .containsExactly(Map.of("status", "pass", "dbt_run_id", id));
            assertThat(pipeline.rows("SELECT node_unique_id FROM catalog_run_result").stream()
                            .map(row -> (String) row.get("node_unique_id")))
                    .containsExactlyInAnyOrderElementsOf(concat(
                            bouncer.resultIds("seed"), bouncer.resultIds("model"), bouncer.resultIds("snapshot")));
            assertThat(pipeline.rows("SELECT COUNT(*) AS n FROM catalog_column WHERE in_warehouse = TRUE"))
                    .singleElement()
                    .satisfies(row -> assertThat((Long) row.get("n")).isPositive());
            assertThat(pipeline.rows("SELECT invocation_id, results_command, run_finished_at, generated_at"
                            + " FROM ingestion_run"))
                    .containsExactly(Map.of(
                            "invocation_id",
                            invocation(id, 6),
                            "results_command",
                            "seed,run,snapshot,test",
                            "run_finished_at",
                            FINISHED,
                            "generated_at",
                            minutesBefore(20)));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRunThenTestJobRecordsBothStepsResultsUnderTheirOwnInvocationIdsAndTimes(Engine engine) {
        StepArtifacts jaffle = new StepArtifacts(scratch, "parser-jaffle-dbt1.9");
        long id = 9600002;
        StandInRun run = StandInRun.run(id, PROJECT, JOB, 72021, 10, FINISHED)
                .dbtStep("run", jaffle.step("run", invocation(id, 3), minutesBefore(30)))
                .dbtStep("test", jaffle.step("test", invocation(id, 4), minutesBefore(5)));
        try (DbtCloudStandIn standIn = DbtCloudStandIn.start(StandardAccount.ACCOUNT, StandardAccount.TOKEN)
                        .add(run);
                TestDatabase db = engine.create()) {
            CloudPipeline pipeline = new CloudPipeline(standIn, db, workDir, PROJECT, Set.of(10), JOB);

            // when
            pipeline.poll();

            // then
            assertThat(downloads(standIn, id))
                    .containsExactly("manifest.json?step=4", "run_results.json?step=3", "run_results.json?step=4");
            assertThat(pipeline.historyByStep("catalog_run_result"))
                    .containsExactly(invocation(id, 3) + " 3 run "
                            + jaffle.resultIds("model").size());
            assertThat(pipeline.historyByStep("catalog_test_result"))
                    .containsExactly(invocation(id, 4) + " 4 test "
                            + jaffle.resultIds("test").size());
            assertThat(pipeline.rows("SELECT DISTINCT generated_at FROM catalog_run_result"))
                    .containsExactly(Map.of("generated_at", minutesBefore(30)));
            assertThat(pipeline.rows("SELECT DISTINCT generated_at FROM catalog_test_result"))
                    .containsExactly(Map.of("generated_at", minutesBefore(5)));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRunWhoseTestStepFailedStillRecordsWhatItWroteWhenErrorsAreAccepted(Engine engine) {
        StepArtifacts jaffle = new StepArtifacts(scratch, "parser-jaffle-dbt1.9");
        List<String> tests = jaffle.resultIds("test");
        long id = 9600003;
        StandInRun run = StandInRun.run(id, PROJECT, JOB, 72021, 20, FINISHED)
                .dbtStep("run", jaffle.step("run", invocation(id, 3), minutesBefore(30)))
                .dbtStep(
                        "test",
                        20,
                        jaffle.step(
                                "test", invocation(id, 4), minutesBefore(5), Map.of(tests.get(0), 3, tests.get(1), 1)))
                .dbtStep("docs generate", 30, Map.of());
        try (DbtCloudStandIn standIn = DbtCloudStandIn.start(StandardAccount.ACCOUNT, StandardAccount.TOKEN)
                        .add(run);
                TestDatabase db = engine.create()) {
            CloudPipeline successOnly = new CloudPipeline(standIn, db, workDir, PROJECT, Set.of(10), JOB);
            CloudPipeline errorsToo = new CloudPipeline(standIn, db, workDir, PROJECT, Set.of(10, 20), JOB);

            // when
            List<RunOutcome> refused = successOnly.poll();
            List<RunOutcome> accepted = errorsToo.poll();

            // then: the failed test step's results are recorded, the skipped docs step is not asked for anything
            assertThat(refused).isEmpty();
            assertThat(accepted).extracting(RunOutcome::status).containsExactly(RunOutcome.Status.INGESTED);
            assertThat(downloads(standIn, id))
                    .containsExactly("manifest.json?step=4", "run_results.json?step=3", "run_results.json?step=4");
            assertThat(errorsToo.rows("SELECT test_unique_id, failures FROM catalog_test_result WHERE status = 'fail'"))
                    .containsExactlyInAnyOrder(
                            Map.of("test_unique_id", tests.get(0), "failures", 3L),
                            Map.of("test_unique_id", tests.get(1), "failures", 1L));
            assertThat(errorsToo.historyByStep("catalog_test_result"))
                    .containsExactly(invocation(id, 4) + " 4 test " + tests.size());
            assertThat(errorsToo.historyByStep("catalog_run_result")).hasSize(1);
        }
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
