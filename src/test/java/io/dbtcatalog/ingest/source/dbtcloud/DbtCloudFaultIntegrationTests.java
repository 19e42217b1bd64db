package io.dbtcatalog.ingest.source.dbtcloud;

import static io.dbtcatalog.ingest.source.dbtcloud.CloudSnapshots.assertSameContent;
import static io.dbtcatalog.ingest.source.dbtcloud.CloudTestSettings.settings;
import static io.dbtcatalog.ingest.source.dbtcloud.CloudTestSettings.withHttp;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.ANALYTICS;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.DAILY_JOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.http.DbtApiException;
import io.dbtcatalog.ingest.source.http.FakeTime;
import io.dbtcatalog.ingest.source.http.HttpSettings;
import io.dbtcatalog.ingest.source.http.TestHttpClients;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DbtCloudFaultIntegrationTests {

    private static final String MANIFEST = "/runs/9000205/artifacts/manifest.json";
    private static final String CATALOG = "/runs/9000205/artifacts/catalog.json";

    @TempDir
    Path scratch;

    @TempDir
    Path workDir;

    private final ArtifactSnapshotReader reader = new ArtifactSnapshotReader();
    private final FakeTime time = new FakeTime();
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
        return new DbtCloudSource(settings, reader, TestHttpClients.with(time.timing()), 10);
    }

    private DbtCloudSource dailyJob() {
        return source(settings(standIn, ANALYTICS, DAILY_JOB, workDir));
    }

    private static CatalogSnapshot ingestLatest(DbtCloudSource source) {
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);
        return TestRuns.read(source, run);
    }

    private CatalogSnapshot expected(CatalogSnapshot actual) {
        return reader.read(
                CloudSnapshots.stepFiles(
                        CloudReference.artifact("bouncer-dbt1.10", "manifest.json"),
                        CloudReference.artifact("bouncer-dbt1.10", "catalog.json"),
                        CloudSnapshots.runResults(
                                4, "build", scratch.resolve("bouncer-dbt1.10-build-run_results.json"))),
                actual.run());
    }

    @Test
    void rateLimitedRunListIsRetriedAfterExactlyTheRetryAfterDelay() {
        // given
        standIn.fault("/accounts/70001/runs/", 1, StandInFaults.rateLimited(3));

        // when
        CatalogSnapshot snapshot = ingestLatest(dailyJob());

        // then: one 429, one wait of 3 s, no hammering
        assertThat(snapshot.run().dbtRunId()).isEqualTo(9000205L);
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(3));
        assertThat(standIn.requests().get(0).getUrl().encodedPath()).endsWith("/runs/");
        assertThat(standIn.requests().get(1).getUrl().encodedPath()).endsWith("/runs/");
    }

    @Test
    void serverErrorsOnTheFirstAttemptsOfTheManifestAreRetriedWithBackoff() {
        // given
        standIn.fault(MANIFEST, 1, StandInFaults.serverError(500));
        standIn.fault(MANIFEST, 1, StandInFaults.serverError(502));
        standIn.fault(MANIFEST, 1, StandInFaults.serverError(503));

        // when
        CatalogSnapshot snapshot = ingestLatest(dailyJob());

        // then
        assertThat(standIn.requestsTo(MANIFEST)).hasSize(4);
        assertThat(time.sleeps()).hasSize(3);
        assertThat(time.sleeps().get(2)).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(4));
        assertSameContent(snapshot, expected(snapshot));
    }

    @Test
    void connectionDroppedHalfWayThroughTheManifestIsDownloadedAgain() {
        // given
        standIn.fault(MANIFEST, 1, StandInFaults.dropMidBody());

        // when
        CatalogSnapshot snapshot = ingestLatest(dailyJob());

        // then
        assertThat(standIn.requestsTo(MANIFEST)).hasSize(2);
        assertSameContent(snapshot, expected(snapshot));
    }

    @Test
    void catalogThatNeverAnswersFailsTheFetchCleanlyRatherThanDegradingTheCatalog() {
        // given: a transport failure is not an absent file, so the run is fetched again next time
        standIn.fault(CATALOG, 2, StandInFaults.neverAnswer());
        DbtCloudSource source = source(withHttp(settings(standIn, ANALYTICS, DAILY_JOB, workDir), quick(2)));
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);

        // when / then
        assertThatThrownBy(() -> TestRuns.read(source, run)).isInstanceOfSatisfying(DbtApiException.class, e -> {
            assertThat(e.status()).isEqualTo(DbtApiException.NO_RESPONSE);
            assertThat(e.path()).isEqualTo("/api/v2/accounts/70001" + CATALOG);
        });
        assertThat(standIn.requestsTo(CATALOG)).hasSize(2);
        assertThat(workDir).isEmptyDirectory();
    }

    @Test
    void manifestThatNeverAnswersFailsCleanlyInsteadOfHanging() {
        // given
        standIn.fault(MANIFEST, 2, StandInFaults.neverAnswer());
        DbtCloudSource source = source(withHttp(settings(standIn, ANALYTICS, DAILY_JOB, workDir), quick(2)));
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);

        // when / then
        assertThatThrownBy(() -> TestRuns.read(source, run)).isInstanceOfSatisfying(DbtApiException.class, e -> {
            assertThat(e.status()).isEqualTo(DbtApiException.NO_RESPONSE);
            assertThat(e.path()).isEqualTo("/api/v2/accounts/70001" + MANIFEST);
            assertThat(e.getMessage()).contains("SocketTimeoutException", "attempt 2");
        });
    }

    @Test
    void manifestWithInvalidJsonFailsNamingRunStepAndFile() {
        // given
        standIn.fault(MANIFEST, 1, StandInFaults.invalidJson());
        DbtCloudSource source = dailyJob();
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);

        // when / then
        assertThatThrownBy(() -> TestRuns.read(source, run))
                .isInstanceOf(DbtCloudException.class)
                .hasMessageContaining("manifest.json of dbt Cloud run 9000205 step 4")
                .hasMessageContaining("not complete, valid JSON");
    }

    @Test
    void catalogWithInvalidJsonIsLeftOutWithAWarning() {
        // given
        standIn.fault(CATALOG, 1, StandInFaults.invalidJson());

        // when
        CatalogSnapshot snapshot = ingestLatest(dailyJob());

        // then
        assertThat(snapshot.warnings())
                .anyMatch(w -> w.contains("catalog.json of dbt Cloud run 9000205 step 5") && w.contains("left out"));
        assertThat(snapshot.columns()).noneMatch(CatalogColumn::inWarehouse);
    }

    @Test
    void runListWithInvalidJsonFailsNamingTheEndpoint() {
        // given
        standIn.fault("/accounts/70001/runs/", 1, StandInFaults.invalidJson());

        // when / then
        assertThatThrownBy(() -> dailyJob().listRuns(new RunSelector.Latest()))
                .isInstanceOf(DbtCloudException.class)
                .hasMessageContaining("GET /api/v2/accounts/70001/runs/ answered HTTP 200")
                .hasMessageContaining("not the expected JSON");
    }

    @Test
    void manifestAnswered404FailsNamingRunAndStep() {
        // given
        standIn.fault(
                MANIFEST,
                1,
                ignored -> StandInRoutes.json(
                        404, StandInJson.errorBody("admin-v2-get-run-artifact-catalog-missing.json")));
        DbtCloudSource source = dailyJob();
        RunRef run = source.listRuns(new RunSelector.Latest()).get(0);

        // when / then
        assertThatThrownBy(() -> TestRuns.read(source, run))
                .isInstanceOf(ArtifactNotFoundException.class)
                .hasMessageContaining("run 9000205 has no manifest.json at step 4");
        assertThat(standIn.requestsTo(MANIFEST)).hasSize(1);
    }

    @Test
    void wrongTokenIsNotRetriedAndSaysToCheckTokenAndRegion() {
        // given
        DbtCloudSource source =
                source(CloudTestSettings.withToken(settings(standIn, null, null, workDir), "dbtc_wrong"));

        // when / then
        assertThatThrownBy(() -> source.listRuns(new RunSelector.Latest()))
                .isInstanceOfSatisfying(DbtApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.getMessage())
                            .contains("Invalid token.", "token", "base-url", "ACCOUNT_PREFIX")
                            .doesNotContain("dbtc_wrong");
                });
        assertThat(standIn.requests()).hasSize(1);
    }

    @Test
    void wrongAccountSaysToCheckTheAccountId() {
        // given
        DbtCloudSource source = source(CloudTestSettings.withAccount(settings(standIn, null, null, workDir), 123));

        // when / then
        assertThatThrownBy(() -> source.listRuns(new RunSelector.Latest()))
                .isInstanceOfSatisfying(DbtApiException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.getMessage())
                            .contains("/api/v2/accounts/123/runs/", "proper permissions", "account-id");
                });
    }

    private static HttpSettings quick(int attempts) {
        return new HttpSettings(
                Duration.ofSeconds(2),
                Duration.ofMillis(300),
                Duration.ofSeconds(30),
                attempts,
                Duration.ofSeconds(1),
                Duration.ofSeconds(8),
                Duration.ofMinutes(2),
                6000);
    }
}
