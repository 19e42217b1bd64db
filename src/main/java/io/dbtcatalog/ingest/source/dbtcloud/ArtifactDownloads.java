package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.model.RunLocator;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ResultsFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the artifacts of one run, each from the step the {@link StepPlan} chose, into a folder: the manifest of
 * the last executing step, the run_results of every executing step (sources.json of a freshness step) and the
 * catalog of the docs step. The manifest is required: a 404 or a broken file fails the fetch with a message naming
 * run and step. The other files are optional: when answered 404 or not valid JSON they are left out with one warning
 * each, and run_results written by {@code dbt docs generate} are always left out. Transport failures that outlast
 * the retries (timeouts, 5xx, 401/403) fail the fetch for every file, so a passing glitch never publishes a degraded
 * catalog.
 */
final class ArtifactDownloads {

    private static final Logger log = LoggerFactory.getLogger(ArtifactDownloads.class);
    private static final String NO_RESULTS = "no run or test results are recorded";
    private static final String NO_FRESHNESS = "no source freshness is recorded";

    private final AdminApi api;
    private final String sourceName;

    ArtifactDownloads(AdminApi api, String sourceName) {
        this.api = api;
        this.sourceName = sourceName;
    }

    /** The downloaded files (the reader reports nothing missing: each left-out file has its warning here). */
    record Downloaded(ArtifactFiles files, List<String> warnings) {}

    Downloaded downloadAll(RunLocator.CloudRun run, StepPlan plan, Path folder) {
        long runId = run.runId();
        List<String> warnings = new ArrayList<>();
        Path manifest = WorkFolders.fileIn(folder, ArtifactFiles.MANIFEST);
        api.download(runId, plan.manifestStep(), ArtifactFiles.MANIFEST, manifest);
        List<ResultsFile> results =
                plan.stepsKnown() ? stepResults(runId, plan, folder, warnings) : defaultResults(run, folder, warnings);
        Step catalogStep = catalogStep(run, plan);
        Path catalog = fileOf(optional(
                runId,
                catalogStep,
                ArtifactFiles.CATALOG,
                folder,
                warnings,
                "the catalog has no warehouse columns or types"));
        if (catalogStep == null) {
            warn(
                    warnings,
                    "dbt Cloud run " + runId + " generated no docs (no `dbt docs generate` step): catalog.json"
                            + " is missing, so the catalog has no warehouse columns or types");
        }
        return new Downloaded(new ArtifactFiles(manifest, catalog, results, false), warnings);
    }

    /** The run_results (sources.json for freshness) of every executing step, each labelled with its step. */
    private List<ResultsFile> stepResults(long runId, StepPlan plan, Path folder, List<String> warnings) {
        if (plan.results().isEmpty()) {
            warn(
                    warnings,
                    "dbt Cloud run " + runId + " has no step that executes nodes (`dbt build`, `run`, `test`,"
                            + " `seed`, `snapshot`, `retry`, `source freshness`; steps " + plan.describe() + "): "
                            + NO_RESULTS);
            return List.of();
        }
        List<ResultsFile> files = new ArrayList<>();
        for (StepPlan.DbtStep step : plan.results()) {
            ResultsFile.Kind kind = step.freshness() ? ResultsFile.Kind.SOURCES : ResultsFile.Kind.RUN_RESULTS;
            Fetched fetched = optional(
                    runId,
                    Step.of(step.index()),
                    kind.fileName(),
                    folder,
                    warnings,
                    step.freshness() ? NO_FRESHNESS : NO_RESULTS + " for that step");
            if (fetched != null && usable(runId, Step.of(step.index()), fetched, warnings)) {
                files.add(new ResultsFile(kind, fetched.file(), step.index(), step.command()));
            }
        }
        return files;
    }

    /** A run without known steps: the run's default (last-step) run_results, and sources when it says it has some. */
    private List<ResultsFile> defaultResults(RunLocator.CloudRun run, Path folder, List<String> warnings) {
        List<ResultsFile> files = new ArrayList<>();
        Fetched results = optional(run.runId(), Step.of(null), ArtifactFiles.RUN_RESULTS, folder, warnings, NO_RESULTS);
        if (results != null && usable(run.runId(), Step.of(null), results, warnings)) {
            files.add(ResultsFile.runResults(results.file()));
        }
        if (Boolean.TRUE.equals(run.hasSourcesGenerated())) {
            Fetched sources =
                    optional(run.runId(), Step.of(null), ArtifactFiles.SOURCES, folder, warnings, NO_FRESHNESS);
            if (sources != null) {
                files.add(ResultsFile.sources(sources.file()));
            }
        }
        return files;
    }

    /** False, with a warning, for run_results that {@code dbt docs generate} wrote. */
    private boolean usable(long runId, Step step, Fetched fetched, List<String> warnings) {
        if (!"generate".equals(fetched.argsWhich())) {
            return true;
        }
        warn(
                warnings,
                "run_results.json of dbt Cloud run " + runId + " at " + step + " was written by `dbt docs"
                        + " generate`, which reports every node as success: not used, so " + NO_RESULTS);
        return false;
    }

    /** One optional artifact that was downloaded and checked, with the dbt command that wrote it. */
    private record Fetched(Path file, String argsWhich) {}

    private static Path fileOf(Fetched fetched) {
        return fetched == null ? null : fetched.file();
    }

    private Fetched optional(long runId, Step step, String name, Path folder, List<String> warnings, String effect) {
        if (step == null) {
            return null;
        }
        Path target = WorkFolders.fileIn(folder, step.index() == null ? name : "step-" + step.index() + "-" + name);
        try {
            return new Fetched(
                    target, api.download(runId, step.index(), name, target).argsWhich());
        } catch (ArtifactNotFoundException e) {
            warn(warnings, e.getMessage() + ": " + effect);
        } catch (DbtCloudException e) {
            warn(warnings, e.getMessage() + "; left out: " + effect);
        }
        return null;
    }

    private static Step catalogStep(RunLocator.CloudRun run, StepPlan plan) {
        if (plan.docs() != null) {
            return Step.of(plan.docs().index());
        }
        boolean mayHaveDocs = plan.stepsKnown()
                ? Boolean.TRUE.equals(run.hasDocsGenerated())
                : !Boolean.FALSE.equals(run.hasDocsGenerated());
        return mayHaveDocs ? Step.of(null) : null;
    }

    private void warn(List<String> warnings, String warning) {
        log.warn("source {}: {}", sourceName, warning);
        warnings.add(warning);
    }

    /** A step to download from; a null index means the run's default (last) step. */
    private record Step(Integer index) {
        static Step of(Integer index) {
            return new Step(index);
        }

        @Override
        public String toString() {
            return index == null ? "its last step" : "step " + index;
        }
    }
}
