package io.dbtcatalog.ingest.source.dbtcloud;

import static io.dbtcatalog.ingest.source.dbtcloud.CloudSnapshots.assertSameContent;
import static io.dbtcatalog.ingest.source.dbtcloud.CloudSnapshots.downloads;
import static io.dbtcatalog.ingest.source.dbtcloud.CloudSnapshots.runResults;
import static io.dbtcatalog.ingest.source.dbtcloud.CloudSnapshots.stepFiles;
import static io.dbtcatalog.ingest.source.dbtcloud.CloudTestSettings.settings;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.ANALYTICS;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.DAILY_JOB;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.JAFFLE;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunInput;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.http.FakeTime;
import io.dbtcatalog.ingest.source.http.TestHttpClients;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

class DbtCloudSourceIntegrationTests {

    @TempDir
    Path scratch;

    @TempDir
    Path workDir;

    private final ArtifactSnapshotReader reader = new ArtifactSnapshotReader();
    private DbtCloudStandIn standIn;

    @BeforeEach
    void start() {
        standIn = StandardAccount.start(scratch);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private DbtCloudSource source(DbtCloudSettings settings) {
        return new DbtCloudSource(settings, reader, TestHttpClients.with(new FakeTime().timing()), 2);
    }

    private CatalogSnapshot fetchLatest(DbtCloudSource source) {
        List<RunRef> runs = source.listRuns(new RunSelector.Latest());
        assertThat(runs).hasSize(1);
        return TestRuns.read(source, runs.get(0));
    }

    private Path derived(String set, String which) {
        return scratch.resolve(set + "-" + which + "-run_results.json");
    }

    @Test
    void manifestAndRunResultsComeFromTheBuildStepAndTheCatalogFromTheDocsStep() throws IOException {
        // given
        DbtCloudSource source = source(settings(standIn, ANALYTICS, DAILY_JOB, workDir));

        // when
        CatalogSnapshot snapshot = fetchLatest(source);

        // then
        assertThat(downloads(standIn, 9000205))
                .containsExactly("manifest.json?step=4", "run_results.json?step=4", "catalog.json?step=5");
        assertThat(snapshot.info().resultsCommand()).isEqualTo("build");
        assertThat(snapshot.testResults()).isNotEmpty();
        CatalogSnapshot core = reader.read(
                stepFiles(
                        CloudReference.artifact("bouncer-dbt1.10", "manifest.json"),
                        CloudReference.artifact("bouncer-dbt1.10", "catalog.json"),
                        runResults(4, "build", derived("bouncer-dbt1.10", "build"))),
                snapshot.run());
        assertSameContent(snapshot, core);
        assertThat(snapshot.columns()).anyMatch(CatalogColumn::inWarehouse);
        assertThat(standIn.requestsTo("/artifacts/"))
                .allSatisfy(request -> assertThat(request.getHeaders().get("Authorization"))
                        .isEqualTo("Token " + StandardAccount.TOKEN));
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left).as("run folders are deleted after reading").isEmpty();
        }
    }

    @Test
    void downloadedArtifactsIdenticalToTheCatalogStateAreNotParsed() {
        // given: the run was ingested once; the catalog now knows its files' digest
        DbtCloudSource source = source(settings(standIn, ANALYTICS, DAILY_JOB, workDir));
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);
        CatalogSnapshot full = TestRuns.read(source, run);

        // when
        String fingerprint;
        String invocation;
        try (RunInput again = source.fetch(run)) {
            fingerprint = again.fingerprint().orElseThrow();
            invocation = again.info().invocationId();
        }

        // then: downloaded again (the fingerprint needs the bytes), not parsed, folder removed
        assertThat(full.artifactDigest()).startsWith("sha256:");
        assertThat(fingerprint).isEqualTo(full.artifactDigest());
        assertThat(invocation).isEqualTo(full.info().invocationId());
        assertThat(downloads(standIn, 9000205))
                .containsExactly(
                        "manifest.json?step=4",
                        "run_results.json?step=4",
                        "catalog.json?step=5",
                        "manifest.json?step=4",
                        "run_results.json?step=4",
                        "catalog.json?step=5");
        try (Stream<Path> left = Files.list(workDir)) {
            assertThat(left).isEmpty();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void runWithoutCatalogWarnsAndEqualsTheCoreIngestionOfTheSameFolder() {
        // given: the project's newest run is a CI build without docs
        DbtCloudSource source = source(settings(standIn, ANALYTICS, null, workDir));

        // when
        CatalogSnapshot snapshot = fetchLatest(source);

        // then
        assertThat(downloads(standIn, 9000211)).containsExactly("manifest.json?step=3", "run_results.json?step=3");
        assertThat(snapshot.warnings())
                .anyMatch(w -> w.contains("run 9000211 generated no docs") && w.contains("catalog.json is missing"));
        assertThat(snapshot.columns()).noneMatch(CatalogColumn::inWarehouse);
        assertThat(snapshot.warnings())
                .noneMatch(w -> w.contains(workDir.toString()))
                .as("a run without a freshness step is not expected to have sources.json")
                .noneMatch(w -> w.contains("sources.json"));
        CatalogSnapshot core = reader.read(
                stepFiles(
                        CloudReference.artifact("parser-jaffle-dbt1.9", "manifest.json"),
                        null,
                        runResults(3, "build", CloudReference.artifact("parser-jaffle-dbt1.9", "run_results.json"))),
                snapshot.run());
        assertSameContent(snapshot, core);
    }

    @Test
    void catalogAnswered404IsOneWarningAndTheIngestionContinues() {
        // given
        standIn.fault(
                "/catalog.json",
                1,
                ignored -> StandInRoutes.json(
                        404, StandInJson.errorBody("admin-v2-get-run-artifact-catalog-missing.json")));
        DbtCloudSource source = source(settings(standIn, ANALYTICS, DAILY_JOB, workDir));

        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger("io.dbtcatalog");
        log.start();
        root.addAppender(log);

        // when
        CatalogSnapshot snapshot;
        try {
            snapshot = fetchLatest(source);
        } finally {
            root.detachAppender(log);
        }

        // then: one WARN line and one warning say so
        assertThat(log.list)
                .filteredOn(event -> event.getLevel() == Level.WARN)
                .filteredOn(event -> event.getFormattedMessage().contains("catalog.json"))
                .hasSize(1);
        assertThat(snapshot.warnings())
                .filteredOn(w -> w.contains("catalog.json"))
                .singleElement()
                .asString()
                .contains("run 9000205 has no catalog.json at step 5");
        assertThat(snapshot.columns()).isNotEmpty().noneMatch(CatalogColumn::inWarehouse);
        assertThat(snapshot.testResults()).isNotEmpty();
    }

    @Test
    void docsOnlyRunTakesManifestAndCatalogFromTheDocsStepAndNeverItsRunResults() {
        // given
        DbtCloudSource source = source(settings(standIn, ANALYTICS, null, workDir));
        RunRef run = source.listRuns(new RunSelector.Single("9000203")).get(0);

        // when
        CatalogSnapshot snapshot = TestRuns.read(source, run);

        // then
        assertThat(downloads(standIn, 9000203)).containsExactly("manifest.json?step=3", "catalog.json?step=3");
        assertThat(snapshot.testResults()).isEmpty();
        assertThat(snapshot.runResults()).isEmpty();
        assertThat(snapshot.warnings()).anyMatch(w -> w.contains("has no step that executes nodes"));
        assertThat(snapshot.columns()).anyMatch(CatalogColumn::inWarehouse);
    }

    @Test
    void runWithoutStepsFallsBackToDefaultArtifactsAndRefusesDocsGenerateRunResults() {
        // given: 9000202 hides its steps; its last step is `dbt docs generate`
        DbtCloudSource source = source(settings(standIn, ANALYTICS, DAILY_JOB, workDir));
        RunRef run = source.listRuns(new RunSelector.Single("9000202")).get(0);

        // when
        CatalogSnapshot snapshot = TestRuns.read(source, run);

        // then
        assertThat(downloads(standIn, 9000202)).containsExactly("manifest.json", "run_results.json", "catalog.json");
        assertThat(snapshot.testResults()).isEmpty();
        assertThat(snapshot.warnings())
                .anyMatch(w -> w.contains("was written by `dbt docs generate`") && w.contains("run 9000202"));
        assertThat(snapshot.columns()).anyMatch(CatalogColumn::inWarehouse);
    }

    @Test
    void freshnessComesFromTheSourceFreshnessStepAndResultsFromTheRunAndTestSteps() {
        // given
        DbtCloudSource source = source(settings(standIn, JAFFLE, null, workDir));

        // when
        CatalogSnapshot snapshot = fetchLatest(source);

        // then
        assertThat(snapshot.run().location())
                .isEqualTo("run 9000301, job 70033, steps freshness=3 run=4 test=5 docs=6");
        assertThat(downloads(standIn, 9000301))
                .containsExactly(
                        "manifest.json?step=5",
                        "sources.json?step=3",
                        "run_results.json?step=4",
                        "run_results.json?step=5",
                        "catalog.json?step=6");
        assertThat(snapshot.info().resultsCommand()).isEqualTo("run,test");
    }

    @Test
    void erroredRunIsIngestedWhenAcceptedWithTheResultsOfItsFailedBuildStep() {
        // given
        DbtCloudSource source = source(settings(standIn, ANALYTICS, DAILY_JOB, null, Set.of(10, 20), workDir));

        // when
        CatalogSnapshot snapshot = fetchLatest(source);

        // then
        assertThat(snapshot.run().dbtRunId()).isEqualTo(9000208L);
        assertThat(downloads(standIn, 9000208))
                .containsExactly("manifest.json?step=3", "run_results.json?step=3", "catalog.json?step=4");
        assertThat(snapshot.testResults()).isNotEmpty().allSatisfy(result -> assertThat(result.dbtRunId())
                .isEqualTo(9000208L));
        assertThat(snapshot.info().dbtVersion()).startsWith("1.11");
    }
}
