package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.support.SampleRuns;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * A dbt Cloud stand-in serving a long history of one job, for tests outside this package (backfill, schedule):
 * run {@code i} (0-based) is dbt Cloud run {@code 9500000 + i}, finished {@code i} hours after {@link #FIRST}, with
 * one {@code dbt build} step whose manifest and run_results are the sample project's re-labelled as invocation
 * {@link SampleRuns#invocationId(int) invocationId(i)}. More runs can be added while it serves.
 */
public final class CloudHistory implements AutoCloseable {

    public static final long PROJECT = 71011;
    public static final long JOB = 71031;
    public static final long ENVIRONMENT = 71021;
    public static final Instant FIRST = Instant.parse("2026-07-01T06:00:00Z");
    public static final long ACCOUNT = StandardAccount.ACCOUNT;
    /** The stand-in's API token, for tests asserting it is never logged or stored. */
    public static final String TOKEN = StandardAccount.TOKEN;

    private final DbtCloudStandIn standIn;
    private final Path scratch;
    private int runs;

    private CloudHistory(Path scratch) {
        this.scratch = scratch;
        this.standIn = DbtCloudStandIn.start(StandardAccount.ACCOUNT, StandardAccount.TOKEN);
    }

    /** Starts a stand-in serving {@code runs} runs; derived artifacts go to {@code scratch}. */
    public static CloudHistory start(Path scratch, int runs) {
        CloudHistory history = new CloudHistory(scratch);
        IntStream.range(0, runs).forEach(i -> history.addRun());
        return history;
    }

    /** Adds the next run (finished one hour after the previous one); returns its dbt Cloud run id. */
    public synchronized long addRun() {
        int index = runs++;
        Path folder = SampleRuns.write(
                scratch.resolve("cloud-run-" + index),
                SampleRuns.invocationId(index),
                finishedAt(index).minusSeconds(300),
                "manifest.json",
                "run_results.json");
        long id = runId(index);
        standIn.add(StandInRun.run(id, PROJECT, JOB, ENVIRONMENT, 10, finishedAt(index))
                .dbtStep(
                        "build",
                        Map.of(
                                "manifest.json",
                                folder.resolve("manifest.json"),
                                "run_results.json",
                                folder.resolve("run_results.json"))));
        return id;
    }

    /**
     * Adds the next run as an errored run whose artifacts are not saved yet (no step wrote a manifest), as dbt Cloud
     * shows a run when its {@code job.run.errored} webhook arrives early; returns its run id.
     * {@link #saveArtifacts} makes it whole.
     */
    public synchronized long addRunWithoutArtifactsYet() {
        long id = runId(runs);
        standIn.add(StandInRun.run(id, PROJECT, JOB, ENVIRONMENT, 20, finishedAt(runs)));
        runs++;
        return id;
    }

    /** Gives run {@code id} (added by {@link #addRunWithoutArtifactsYet}) its build step and artifacts. */
    public synchronized void saveArtifacts(long id) {
        int index = (int) (id - runId(0));
        Path folder = SampleRuns.write(
                scratch.resolve("cloud-run-" + index),
                SampleRuns.invocationId(index),
                finishedAt(index).minusSeconds(300),
                "manifest.json",
                "run_results.json");
        standIn.add(StandInRun.run(id, PROJECT, JOB, ENVIRONMENT, 20, finishedAt(index))
                .dbtStep(
                        "build",
                        20,
                        Map.of(
                                "manifest.json",
                                folder.resolve("manifest.json"),
                                "run_results.json",
                                folder.resolve("run_results.json"))));
    }

    public static long runId(int index) {
        return 9_500_000L + index;
    }

    public static Instant finishedAt(int index) {
        return FIRST.plus(Duration.ofHours(index));
    }

    public synchronized int runs() {
        return runs;
    }

    /** The invocation ids of every run served, oldest first. */
    public synchronized List<String> invocationIds() {
        return IntStream.range(0, runs).mapToObj(SampleRuns::invocationId).toList();
    }

    /** Every manifest download from now on waits {@code delay} before answering. */
    public CloudHistory slowDownloads(Duration delay) {
        standIn.fault("/artifacts/manifest.json", Integer.MAX_VALUE, response -> response.newBuilder()
                .headersDelay(delay.toMillis(), TimeUnit.MILLISECONDS)
                .build());
        return this;
    }

    /** The next {@code times} run-list requests answer HTTP {@code code} (retried by the client). */
    public CloudHistory failRunListing(int times, int code) {
        standIn.fault("/runs/", times, StandInFaults.serverError(code));
        return this;
    }

    /** How many requests reached a path containing {@code pathPart}. */
    public int requestsTo(String pathPart) {
        return standIn.requestsTo(pathPart).size();
    }

    /** The {@code ingestion.sources[]} entry (YAML, list item indented by 4) of a source reading this job. */
    public String sourceYaml(String name) {
        return """
                    - name: %s
                      kind: dbt-cloud
                      base-url: %s
                      account-id: %d
                      token: %s
                      project-id: %d
                      job-id: %d
                """.formatted(name, standIn.baseUrl(), StandardAccount.ACCOUNT, StandardAccount.TOKEN, PROJECT, JOB);
    }

    @Override
    public void close() {
        standIn.close();
    }
}
