package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.model.RunLocator;
import io.dbtcatalog.ingest.model.RunRef;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells which runs a source may ingest: complete, with an accepted status, with saved artifacts ({@link #listed},
 * from the run list alone), and with a usable manifest ({@link #usable}: a dbt step that writes one, and
 * manifest.json among the run's artifacts, which costs two calls). A run that fails is skipped with a line saying
 * why.
 */
final class UsableRuns {

    private static final Logger log = LoggerFactory.getLogger(UsableRuns.class);

    private final AdminApi api;
    private final DbtCloudSettings settings;

    UsableRuns(AdminApi api, DbtCloudSettings settings) {
        this.api = api;
        this.settings = settings;
    }

    /** True when the run list alone does not rule the run out. */
    boolean listed(Wire.Run listed) {
        if (listed.id() == null) {
            return false;
        }
        if (!RunStates.isFinished(listed)) {
            log.debug(
                    "source {}: run {} is not finished ({}); skipped",
                    settings.name(),
                    listed.id(),
                    RunStates.describe(listed));
            return false;
        }
        if (!settings.acceptedStatuses().contains(listed.status())) {
            log.debug(
                    "source {}: run {} ended {}, not an accepted status; skipped",
                    settings.name(),
                    listed.id(),
                    RunStates.describe(listed));
            return false;
        }
        if (Boolean.FALSE.equals(listed.artifactsSaved())) {
            log.warn(
                    "source {}: run {} saved no artifacts, so it has no manifest; trying the next run",
                    settings.name(),
                    listed.id());
            return false;
        }
        return true;
    }

    /** The run with its steps when it has a usable manifest ({@link #listed} already passed). */
    Optional<RunRef> usable(Wire.Run listed) {
        return withManifest(api.getRun(listed.id()));
    }

    /** The run when a step writes a manifest and the run lists manifest.json among its artifacts. */
    Optional<RunRef> withManifest(Wire.Run run) {
        RunLocator.CloudRun located = locator(run);
        StepPlan plan = StepPlanner.plan(located.steps());
        if (!plan.hasManifestSource()) {
            log.warn(
                    "source {}: no step of run {} ran a dbt command that writes a manifest; trying the next run",
                    settings.name(),
                    run.id());
            return Optional.empty();
        }
        if (!api.listsManifest(run.id())) {
            log.warn(
                    "source {}: run {} lists no manifest.json among its artifacts; trying the next run",
                    settings.name(),
                    run.id());
            return Optional.empty();
        }
        String location = "run " + run.id() + ", job " + run.jobDefinitionId() + ", steps " + plan.describe();
        return Optional.of(
                new RunRef(settings.name(), Long.toString(run.id()), RunPages.finishedAt(run), location, located));
    }

    /** What fetching the run needs to know of it, so that it asks the API nothing again. */
    private static RunLocator.CloudRun locator(Wire.Run run) {
        List<RunLocator.CloudStep> steps = run.runSteps() == null
                ? List.of()
                : run.runSteps().stream()
                        .map(step -> new RunLocator.CloudStep(step.index(), step.status(), step.name()))
                        .toList();
        return new RunLocator.CloudRun(
                run.id(), run.jobDefinitionId(), steps, run.hasDocsGenerated(), run.hasSourcesGenerated());
    }
}
