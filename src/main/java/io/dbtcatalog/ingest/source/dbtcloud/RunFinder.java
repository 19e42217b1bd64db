package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.model.RunLocator;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import io.dbtcatalog.ingest.source.normalize.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the runs a {@link RunSelector} asks for: pages through the account's runs newest-finished first with the
 * source's filters and takes only runs that are complete, have an accepted status and have a usable manifest (a dbt
 * step that writes one, and manifest.json among the run's artifacts). A newer run that fails this is skipped with a
 * WARN saying why, and the next one is tried.
 */
final class RunFinder {

    private static final Logger log = LoggerFactory.getLogger(RunFinder.class);
    private static final int LATEST_PAGE_SIZE = 20;

    private final AdminApi api;
    private final DbtCloudSettings settings;
    private final AdminApi.RunFilter filter;
    private final int pageSize;

    RunFinder(AdminApi api, DbtCloudSettings settings, int pageSize) {
        this.api = api;
        this.settings = settings;
        this.filter = new AdminApi.RunFilter(settings.projectId(), settings.jobId(), settings.environmentId(),
                settings.acceptedStatuses());
        this.pageSize = Math.max(1, Math.min(pageSize, AdminApi.MAX_PAGE_SIZE));
    }

    /** The selected runs, oldest first. */
    List<RunRef> find(RunSelector selector) {
        if (selector instanceof RunSelector.Single single) {
            return single(RunIds.parse(single.runKey(), settings.name()));
        }
        if (selector instanceof RunSelector.LastN last) {
            return oldestFirst(collect(last.count(), null, null, pageSize));
        }
        if (selector instanceof RunSelector.Window window) {
            return oldestFirst(collect(Integer.MAX_VALUE, window.since(), window.until(), pageSize));
        }
        return collect(1, null, null, Math.min(pageSize, LATEST_PAGE_SIZE));
    }

    private List<RunRef> collect(int wanted, Instant since, Instant until, int limit) {
        List<RunRef> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (int offset = 0; found.size() < wanted; offset += limit) {
            Wire.RunList page = api.listRuns(filter, offset, limit);
            List<Wire.Run> runs = page.data() == null ? List.of() : page.data();
            for (Wire.Run run : runs) {
                Instant finished = finishedAt(run);
                if (since != null && finished != null && finished.isBefore(since)) {
                    return found;
                }
                boolean inWindow = until == null || finished == null || finished.isBefore(until);
                if (run.id() != null && seen.add(run.id()) && inWindow) {
                    usable(run).ifPresent(found::add);
                }
                if (found.size() >= wanted) {
                    return found;
                }
            }
            if (runs.size() < limit || offset + limit >= totalCount(page)) {
                break;
            }
        }
        return found;
    }

    private Optional<RunRef> usable(Wire.Run listed) {
        if (!RunStates.isFinished(listed)) {
            log.debug("source {}: run {} is not finished ({}); skipped", settings.name(), listed.id(),
                    RunStates.describe(listed));
            return Optional.empty();
        }
        if (!settings.acceptedStatuses().contains(listed.status())) {
            log.debug("source {}: run {} ended {}, not an accepted status; skipped", settings.name(), listed.id(),
                    RunStates.describe(listed));
            return Optional.empty();
        }
        if (Boolean.FALSE.equals(listed.artifactsSaved())) {
            log.warn("source {}: run {} saved no artifacts, so it has no manifest; trying the next run",
                    settings.name(), listed.id());
            return Optional.empty();
        }
        Wire.Run run = api.getRun(listed.id());
        return withManifest(run);
    }

    private Optional<RunRef> withManifest(Wire.Run run) {
        RunLocator.CloudRun located = locator(run);
        StepPlan plan = StepPlanner.plan(located.steps());
        if (!plan.hasManifestSource()) {
            log.warn("source {}: no step of run {} ran a dbt command that writes a manifest; trying the next run",
                    settings.name(), run.id());
            return Optional.empty();
        }
        if (!api.listsManifest(run.id())) {
            log.warn("source {}: run {} lists no manifest.json among its artifacts; trying the next run",
                    settings.name(), run.id());
            return Optional.empty();
        }
        return Optional.of(toRef(run, located, plan));
    }

    private List<RunRef> single(long runId) {
        Wire.Run run = api.getRun(runId);
        String mismatch = RunStates.filterMismatch(run, settings);
        if (mismatch != null) {
            log.warn("source {}: run {} {}; not ingested", settings.name(), runId, mismatch);
            return List.of();
        }
        if (!RunStates.isFinished(run)) {
            log.warn("source {}: run {} is not finished ({}); not ingested", settings.name(), runId,
                    RunStates.describe(run));
            return List.of();
        }
        if (!settings.acceptedStatuses().contains(run.status())) {
            log.warn("source {}: run {} ended {}, which accepted-statuses {} do not include; taking it anyway"
                    + " because it was asked for by id", settings.name(), runId, RunStates.describe(run),
                    settings.acceptedStatuses());
        }
        return withManifest(run).map(List::of).orElse(List.of());
    }

    private RunRef toRef(Wire.Run run, RunLocator.CloudRun located, StepPlan plan) {
        String location = "run " + run.id() + ", job " + run.jobDefinitionId() + ", steps " + plan.describe();
        return new RunRef(settings.name(), Long.toString(run.id()), finishedAt(run), location, located);
    }

    /** What fetching the run needs to know of it, so that it asks the API nothing again. */
    private static RunLocator.CloudRun locator(Wire.Run run) {
        List<RunLocator.CloudStep> steps = run.runSteps() == null ? List.of() : run.runSteps().stream()
                .map(step -> new RunLocator.CloudStep(step.index(), step.status(), step.name())).toList();
        return new RunLocator.CloudRun(run.id(), run.jobDefinitionId(), steps, run.hasDocsGenerated(),
                run.hasSourcesGenerated());
    }

    private static Instant finishedAt(Wire.Run run) {
        return timestamp(run.finishedAt(), "finished_at of run " + run.id());
    }

    /**
     * A dbt Cloud timestamp ({@code 2026-08-01 06:07:41.987654+00:00} on runs, the ISO {@code T} elsewhere) read by
     * the shared rule; null for a null or blank value, a {@link DbtCloudException} naming {@code field} for text
     * that is no timestamp.
     */
    static Instant timestamp(String value, String field) {
        Instant instant = Timestamps.parse(value);
        if (instant == null && JsonValues.nonBlank(value) != null) {
            throw new DbtCloudException("dbt Cloud sent an unreadable timestamp in " + field + ": '" + value + "'");
        }
        return instant;
    }

    private static int totalCount(Wire.RunList page) {
        if (page.extra() == null || page.extra().pagination() == null
                || page.extra().pagination().totalCount() == null) {
            return Integer.MAX_VALUE;
        }
        return page.extra().pagination().totalCount();
    }

    private static List<RunRef> oldestFirst(List<RunRef> newestFirst) {
        List<RunRef> runs = new ArrayList<>(newestFirst);
        Collections.reverse(runs);
        return List.copyOf(runs);
    }
}
