package io.dbtcatalog.ingest.source.dbtcloud;

import static io.dbtcatalog.ingest.source.dbtcloud.CloudTestSettings.settings;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.ANALYTICS;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.DAILY_JOB;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.JAFFLE;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.PROD_ENV;
import static io.dbtcatalog.ingest.source.dbtcloud.StandardAccount.hours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.http.FakeTime;
import io.dbtcatalog.ingest.source.http.TestHttpClients;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunSelectionIntegrationTests {

    @TempDir
    Path scratch;

    private DbtCloudStandIn standIn;

    @BeforeEach
    void start() {
        standIn = StandardAccount.start(scratch);
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private List<RunRef> find(DbtCloudSettings settings, RunSelector selector) {
        AdminApi api = AdminApi.create(settings, TestHttpClients.with(new FakeTime().timing()));
        return new RunFinder(api, settings, 2).find(selector);
    }

    private static List<Long> ids(List<RunRef> runs) {
        return runs.stream().map(RunRef::dbtRunId).toList();
    }

    @Test
    void withoutProjectOrJobTheLatestSuccessfulRunOfTheAccountIsTaken() {
        // when
        List<RunRef> runs = find(settings(standIn, null, null, scratch), new RunSelector.Latest());

        // then
        assertThat(ids(runs)).containsExactly(9000301L);
        RecordedRequest list = standIn.requestsTo("/runs/").get(0);
        assertThat(list.getUrl().encodedPath()).isEqualTo("/api/v2/accounts/70001/runs/");
        assertThat(list.getUrl().queryParameterNames())
                .containsExactlyInAnyOrder("status", "order_by", "limit", "offset");
        assertThat(list.getUrl().queryParameter("status")).isEqualTo("10");
        assertThat(list.getUrl().queryParameter("order_by")).isEqualTo("-finished_at");
        assertThat(list.getUrl().queryParameter("limit")).isEqualTo("2");
        assertThat(list.getUrl().queryParameter("offset")).isEqualTo("0");
    }

    @Test
    void everyRequestCarriesTheTokenAndAsksForJson() {
        // when
        find(settings(standIn, ANALYTICS, DAILY_JOB, scratch), new RunSelector.Latest());

        // then
        assertThat(standIn.requests()).isNotEmpty().allSatisfy(request -> {
            assertThat(request.getMethod()).isEqualTo("GET");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Token " + StandardAccount.TOKEN);
            assertThat(request.getHeaders().get("Accept")).isEqualTo("application/json");
        });
    }

    @Test
    void aProjectTakesTheLatestRunOfThatProjectWhateverItsJob() {
        // when
        List<RunRef> runs = find(settings(standIn, ANALYTICS, null, scratch), new RunSelector.Latest());

        // then: the CI run without docs is the newest successful one of the project
        assertThat(ids(runs)).containsExactly(9000211L);
        assertThat(standIn.requestsTo("/runs/").get(0).getUrl().queryParameter("project_id"))
                .isEqualTo("70011");
        assertThat(runs.get(0).location()).isEqualTo("run 9000211, job 70032, steps build=3");
    }

    @Test
    void projectAndJobSkipNewerRunsWithoutManifestOrSavedArtifacts() {
        // when
        List<RunRef> runs = find(settings(standIn, ANALYTICS, DAILY_JOB, scratch), new RunSelector.Latest());

        // then: 9000207 (no manifest listed) and 9000206 (no artifacts saved) are passed over
        assertThat(ids(runs)).containsExactly(9000205L);
        RunRef run = runs.get(0);
        assertThat(run.runKey()).isEqualTo("9000205");
        assertThat(run.dbtJobId()).isEqualTo(DAILY_JOB);
        assertThat(run.sourceName()).isEqualTo("cloud-70011-70031-null");
        assertThat(run.finishedAt()).isEqualTo(hours(1));
        assertThat(run.location()).isEqualTo("run 9000205, job 70031, steps build=4 docs=5");
        RecordedRequest firstPage = standIn.requestsTo("/runs/").get(0);
        assertThat(firstPage.getUrl().queryParameter("project_id")).isEqualTo("70011");
        assertThat(firstPage.getUrl().queryParameter("job_definition_id")).isEqualTo("70031");
        assertThat(standIn.requestsTo("/runs/9000207/"))
                .extracting(r -> r.getUrl().encodedPath())
                .containsExactly(
                        "/api/v2/accounts/70001/runs/9000207/", "/api/v2/accounts/70001/runs/9000207/artifacts/");
        assertThat(standIn.requestsTo("/runs/9000206/")).isEmpty();
        assertThat(standIn.requestsTo("/runs/9000205/").get(0).getUrl().queryParameter("include_related"))
                .isEqualTo("run_steps");
        assertThat(standIn.requestsTo("/artifacts/").stream()
                        .map(r -> r.getUrl().encodedPath()))
                .allMatch(path -> path.endsWith("/artifacts/"));
    }

    @Test
    void runningCancelledAndErroredRunsAreNeverTakenWhenOnlySuccessIsAccepted() {
        // when: the environment filter alone sees the running, cancelled and errored runs first
        List<RunRef> runs =
                find(settings(standIn, null, null, PROD_ENV, Set.of(10), scratch), new RunSelector.Latest());

        // then
        assertThat(ids(runs)).containsExactly(9000205L);
        assertThat(standIn.requestsTo("/runs/").get(0).getUrl().queryParameter("environment_id"))
                .isEqualTo("70021");
        assertThat(standIn.requestsTo("/runs/9000210/")).isEmpty();
        assertThat(standIn.requestsTo("/runs/9000209/")).isEmpty();
        assertThat(standIn.requestsTo("/runs/9000208/")).isEmpty();
    }

    @Test
    void widenedStatusesTakeTheNewerErroredRunSoFailingTestsReachTheCatalog() {
        // when
        List<RunRef> runs =
                find(settings(standIn, ANALYTICS, DAILY_JOB, null, Set.of(10, 20), scratch), new RunSelector.Latest());

        // then
        assertThat(ids(runs)).containsExactly(9000208L);
        RecordedRequest list = standIn.requestsTo("/runs/").get(0);
        assertThat(list.getUrl().queryParameter("status__in")).isEqualTo("[10,20]");
        assertThat(list.getUrl().queryParameter("status")).isNull();
    }

    @Test
    void lastNListsTheNewestUsableRunsOldestFirstAcrossPages() {
        // when
        List<RunRef> runs = find(settings(standIn, ANALYTICS, DAILY_JOB, scratch), new RunSelector.LastN(3));

        // then
        assertThat(ids(runs)).containsExactly(9000202L, 9000204L, 9000205L);
        assertThat(standIn.requestsTo("/runs/").stream()
                        .filter(r -> r.getUrl().encodedPath().endsWith("/runs/"))
                        .map(r -> r.getUrl().queryParameter("offset")))
                .containsExactly("0", "2", "4");
        assertThat(runs.get(0).location()).isEqualTo("run 9000202, job 70031, steps default (run steps not available)");
    }

    @Test
    void windowListsTheUsableRunsFinishedInsideItOldestFirst() {
        // when
        List<RunRef> runs =
                find(settings(standIn, ANALYTICS, DAILY_JOB, scratch), new RunSelector.Window(hours(-0.5), hours(1.5)));

        // then
        assertThat(ids(runs)).containsExactly(9000204L, 9000205L);
    }

    @Test
    void afterListsEveryUsableRunFinishedSinceOldestFirstAskingOnlyForTheRunsItTakes() {
        // when: since 9000202 (-2 h); 9000207 lists no manifest, 9000206 saved no artifacts, 9000208 errored
        List<RunRef> runs =
                find(settings(standIn, ANALYTICS, DAILY_JOB, scratch), new RunSelector.After(hours(-2), 20));

        // then
        assertThat(ids(runs)).containsExactly(9000204L, 9000205L);
        assertThat(standIn.requestsTo("/runs/9000202/")).isEmpty();
        assertThat(standIn.requestsTo("/runs/9000206/")).isEmpty();
    }

    @Test
    void afterTakesTheOldestRunsUpToItsCapAndLeavesTheOthersForTheNextPoll() {
        // when
        List<RunRef> runs = find(settings(standIn, ANALYTICS, DAILY_JOB, scratch), new RunSelector.After(hours(-3), 2));

        // then: 9000202, 9000204 taken; 9000205 (and the unusable 9000207) never asked for
        assertThat(ids(runs)).containsExactly(9000202L, 9000204L);
        assertThat(standIn.requestsTo("/runs/9000205/")).isEmpty();
        assertThat(standIn.requestsTo("/runs/9000207/")).isEmpty();
    }

    @Test
    void afterWithNoRunFinishedSinceListsTheNewestUsableRunForTheLedgerToRecognize() {
        // when
        List<RunRef> runs = find(settings(standIn, ANALYTICS, DAILY_JOB, scratch), new RunSelector.After(hours(1), 20));

        // then
        assertThat(ids(runs)).containsExactly(9000205L);
    }

    @Test
    void severalJobsAreListedOneByOneAndInterleavedByFinishTime() {
        // when
        List<RunRef> runs = find(
                CloudTestSettings.withJobs(
                        settings(standIn, ANALYTICS, null, scratch), DAILY_JOB, StandardAccount.DOCS_JOB),
                new RunSelector.LastN(3));

        // then
        assertThat(ids(runs)).containsExactly(9000203L, 9000204L, 9000205L);
        assertThat(standIn.requestsTo("/runs/").stream()
                        .filter(r -> r.getUrl().encodedPath().endsWith("/runs/"))
                        .map(r -> r.getUrl().queryParameter("job_definition_id"))
                        .distinct())
                .containsExactlyInAnyOrder("70031", "70034");
        assertThat(find(
                        CloudTestSettings.withJobs(
                                settings(standIn, ANALYTICS, null, scratch), DAILY_JOB, StandardAccount.DOCS_JOB),
                        new RunSelector.Single("9000211")))
                .isEmpty();
    }

    @Test
    void singleRunIsTakenByIdAndDocsOnlyRunsGetTheirManifestFromTheDocsStep() {
        // when
        List<RunRef> runs = find(settings(standIn, ANALYTICS, null, scratch), new RunSelector.Single("9000203"));

        // then
        assertThat(ids(runs)).containsExactly(9000203L);
        assertThat(runs.get(0).location()).isEqualTo("run 9000203, job 70034, steps docs=3");
        assertThat(standIn.requestsTo("/runs/").stream().map(r -> r.getUrl().encodedPath()))
                .noneMatch(path -> path.endsWith("/runs/"));
    }

    @Test
    void singleRunThatIsStillRunningOrOfAnotherProjectIsNotTaken() {
        // when / then
        assertThat(find(settings(standIn, null, null, scratch), new RunSelector.Single("9000210")))
                .isEmpty();
        assertThat(find(settings(standIn, JAFFLE, null, scratch), new RunSelector.Single("9000205")))
                .isEmpty();
    }

    @Test
    void runKeyThatIsNotARunIdIsRefusedNamingTheSource() {
        assertThatThrownBy(() -> find(settings(standIn, null, null, scratch), new RunSelector.Single("latest")))
                .isInstanceOf(DbtCloudException.class)
                .hasMessageContaining("cloud-null-null-null")
                .hasMessageContaining("'latest'");
    }

    @Test
    void noMatchingRunGivesAnEmptyList() {
        // when
        List<RunRef> runs = find(settings(standIn, 99999L, null, scratch), new RunSelector.Latest());

        // then
        assertThat(runs).isEmpty();
        assertThat(standIn.requests()).hasSize(1);
    }
}
