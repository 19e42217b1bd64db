package io.dbtcatalog.ingest.source.dbtcloud;

import static io.dbtcatalog.ingest.source.dbtcloud.StandInRun.run;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.ANALYTICS;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.DAILY_JOB;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.JAFFLE;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.source.MetadataSource;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.source.http.FakeTime;
import io.dbtcatalog.ingest.source.http.TestHttpClients;
import io.dbtcatalog.ingest.support.TestRuns;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeveralSourcesIntegrationTests {

    private static final String OTHER_TOKEN = "dbtc_Other-Account-Token-55aa";

    @TempDir
    Path scratch;

    @TempDir
    Path workDir;

    private final ArtifactSnapshotReader reader = new ArtifactSnapshotReader();

    private MetadataSource source(
            String name, DbtCloudStandIn standIn, long account, String token, Long project, Long job) {
        DbtCloudSettings settings = new DbtCloudSettings(
                name,
                standIn.baseUrl(),
                account,
                token,
                project,
                CloudTestSettings.jobs(job),
                null,
                Set.of(10),
                CloudTestSettings.FAST_HTTP,
                workDir);
        return new DbtCloudSource(settings, reader, TestHttpClients.with(new FakeTime().timing()), 100);
    }

    @Test
    void eachSourceIngestsItsOwnAccountProjectOrJobUnderItsOwnName() {
        // given: two projects of one account, and a second account with its own token
        try (DbtCloudStandIn main = StandardAccount.start(scratch);
                DbtCloudStandIn other = DbtCloudStandIn.start(80001, OTHER_TOKEN)
                        .add(run(9100001, 80011, 80031, 80021, 10, StandardAccount.hours(1))
                                .dbtStep(
                                        "build",
                                        StandardAccount.files(
                                                "parser-jaffle-dbt1.9", "manifest.json", "run_results.json")))) {
            List<MetadataSource> sources = List.of(
                    source(
                            "analytics-daily",
                            main,
                            StandardAccount.ACCOUNT,
                            StandardAccount.TOKEN,
                            ANALYTICS,
                            DAILY_JOB),
                    source("jaffle", main, StandardAccount.ACCOUNT, StandardAccount.TOKEN, JAFFLE, null),
                    source("emea-account", other, 80001, OTHER_TOKEN, null, null));

            // when
            List<CatalogSnapshot> snapshots = sources.stream()
                    .map(source -> TestRuns.read(
                            source, source.listRuns(new RunSelector.Latest()).get(0)))
                    .toList();

            // then
            assertThat(snapshots)
                    .extracting(s -> s.run().sourceName())
                    .containsExactly("analytics-daily", "jaffle", "emea-account");
            assertThat(snapshots).extracting(s -> s.run().dbtRunId()).containsExactly(9000205L, 9000301L, 9100001L);
            assertThat(snapshots)
                    .extracting(s -> s.info().dbtProjectName())
                    .containsExactly("dbt_bouncer_test_project", "jaffle_shop", "jaffle_shop");
            assertThat(other.requests()).isNotEmpty().allSatisfy(request -> {
                assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + OTHER_TOKEN);
                assertThat(request.getUrl().encodedPath()).startsWith("/api/v2/accounts/80001/");
            });
            assertThat(main.requests())
                    .allSatisfy(request -> assertThat(request.getHeaders().get("Authorization"))
                            .isEqualTo("Token " + StandardAccount.TOKEN));
        }
    }
}
