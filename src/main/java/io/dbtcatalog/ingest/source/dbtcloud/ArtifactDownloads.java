package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.model.RunLocator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the artifacts of one run, each from the step the {@link StepPlan} chose, into a folder. The manifest is
 * required: a 404 or a broken file fails the fetch with a message naming run and step. run_results, catalog and
 * sources are optional: when answered 404 or not valid JSON they are left out with a warning, and run_results
 * written by {@code dbt docs generate} are always left out. Transport failures that outlast the retries (timeouts,
 * 5xx, 401/403) fail the fetch for every file, so a passing glitch never publishes a degraded catalog.
 */
final class ArtifactDownloads {

    private static final Logger log = LoggerFactory.getLogger(ArtifactDownloads.class);

    private final AdminApi api;
    private final String sourceName;

    ArtifactDownloads(AdminApi api, String sourceName) {
        this.api = api;
        this.sourceName = sourceName;
    }

    /** The downloaded files (optional ones null when left out) and one warning per file left out. */
    record Downloaded(Path manifest, Path runResults, Path catalog, Path sources, List<String> warnings) {
    }

    Downloaded downloadAll(RunLocator.CloudRun run, StepPlan plan, Path folder) {
        long runId = run.runId();
        List<String> warnings = new ArrayList<>();
        Path manifest = WorkFolders.fileIn(folder, "manifest.json");
        api.download(runId, plan.manifestStep(), "manifest.json", manifest);
        Path runResults = runResults(runId, plan, folder, warnings);
        Path catalog = fileOf(optional(runId, catalogStep(run, plan), "catalog.json", folder, warnings,
                "the catalog has no warehouse columns or types"));
        Path sources = fileOf(optional(runId, sourcesStep(run, plan), "sources.json", folder, warnings,
                "no source freshness is recorded"));
        if (catalog == null && catalogStep(run, plan) == null) {
            warn(warnings, "dbt Cloud run " + runId + " generated no docs (no `dbt docs generate` step): catalog.json"
                    + " is missing, so the catalog has no warehouse columns or types");
        }
        return new Downloaded(manifest, runResults, catalog, sources, warnings);
    }

    private Path runResults(long runId, StepPlan plan, Path folder, List<String> warnings) {
        if (plan.stepsKnown() && plan.results() == null) {
            warn(warnings, "dbt Cloud run " + runId + " has no `dbt build`, `dbt run` or `dbt test` step (steps "
                    + plan.describe() + "): run_results.json not used, so no run or test results are recorded");
            return null;
        }
        Integer step = plan.results() == null ? null : plan.results().index();
        Fetched fetched = optional(runId, Step.of(step), "run_results.json", folder, warnings,
                "no run or test results are recorded");
        if (fetched != null && "generate".equals(fetched.argsWhich())) {
            warn(warnings, "run_results.json of dbt Cloud run " + runId + " at " + Step.of(step) + " was written by"
                    + " `dbt docs generate`, which reports every node as success: not used, so no run or test"
                    + " results are recorded");
            return null;
        }
        return fileOf(fetched);
    }

    /** One optional artifact that was downloaded and checked, with the dbt command that wrote it. */
    private record Fetched(Path file, String argsWhich) {
    }

    private static Path fileOf(Fetched fetched) {
        return fetched == null ? null : fetched.file();
    }

    private Fetched optional(long runId, Step step, String name, Path folder, List<String> warnings, String effect) {
        if (step == null) {
            return null;
        }
        Path target = WorkFolders.fileIn(folder, name);
        try {
            return new Fetched(target, api.download(runId, step.index(), name, target).argsWhich());
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
        boolean mayHaveDocs = plan.stepsKnown() ? Boolean.TRUE.equals(run.hasDocsGenerated())
                : !Boolean.FALSE.equals(run.hasDocsGenerated());
        return mayHaveDocs ? Step.of(null) : null;
    }

    private static Step sourcesStep(RunLocator.CloudRun run, StepPlan plan) {
        if (plan.freshness() != null) {
            return Step.of(plan.freshness().index());
        }
        return Boolean.TRUE.equals(run.hasSourcesGenerated()) ? Step.of(null) : null;
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
