package io.dbtcatalog.ingest.source.dbtcloud;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run the stand-in serves: its ids, status and timestamps, and its steps with the artifact files each step
 * wrote. {@code stepsHidden} makes the stand-in answer {@code run_steps: []} even when they are asked for.
 */
record StandInRun(
        long id,
        long projectId,
        long jobId,
        long environmentId,
        int status,
        Instant createdAt,
        Instant finishedAt,
        boolean artifactsSaved,
        boolean stepsHidden,
        List<Step> steps) {

    /** One step: index (the artifact {@code step}), name as dbt Cloud writes it, status, files it wrote. */
    record Step(int index, String name, int status, Map<String, Path> files) {}

    static StandInRun run(long id, long projectId, long jobId, long environmentId, int status, Instant finishedAt) {
        Instant created = (finishedAt == null ? Instant.parse("2026-08-01T20:00:00Z") : finishedAt).minusSeconds(600);
        return new StandInRun(
                id,
                projectId,
                jobId,
                environmentId,
                status,
                created,
                finishedAt,
                true,
                false,
                List.of(
                        new Step(1, "Clone git repository", 10, Map.of()),
                        new Step(2, "Create profile from connection Postgres", 10, Map.of())));
    }

    /** Adds a step running {@code dbt <command>} with the given status and files. */
    StandInRun dbtStep(String command, int stepStatus, Map<String, Path> files) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(
                steps.size() + 1, "Invoke dbt with `dbt " + command + "`", stepStatus, new LinkedHashMap<>(files)));
        return new StandInRun(
                id,
                projectId,
                jobId,
                environmentId,
                status,
                createdAt,
                finishedAt,
                artifactsSaved,
                stepsHidden,
                List.copyOf(more));
    }

    StandInRun dbtStep(String command, Map<String, Path> files) {
        return dbtStep(command, 10, files);
    }

    StandInRun withoutSavedArtifacts() {
        return new StandInRun(
                id, projectId, jobId, environmentId, status, createdAt, finishedAt, false, stepsHidden, steps);
    }

    StandInRun withHiddenSteps() {
        return new StandInRun(
                id, projectId, jobId, environmentId, status, createdAt, finishedAt, artifactsSaved, true, steps);
    }

    boolean isComplete() {
        return status >= 10;
    }

    /** The files of target/ after step {@code index}: every earlier step's files, later steps overwriting. */
    Map<String, Path> filesAfterStep(int index) {
        Map<String, Path> files = new LinkedHashMap<>();
        steps.stream().filter(step -> step.index() <= index).forEach(step -> files.putAll(step.files()));
        return files;
    }

    int lastStep() {
        return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).index();
    }

    boolean producedFile(String name) {
        return filesAfterStep(lastStep()).containsKey(name);
    }
}
