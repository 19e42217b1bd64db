package io.dbtcatalog.ingest.source.dbtcloud;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.RunSelector;
import io.dbtcatalog.ingest.source.normalize.JsonValues;
import io.dbtcatalog.ingest.source.normalize.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the runs a {@link RunSelector} asks for: pages through the account's runs newest-finished first with the
 * source's filters (one listing per configured job, interleaved by finish time) and takes only the runs
 * {@link UsableRuns} accepts. A newer run that fails is skipped with a WARN saying why, and the next one is tried.
 * A poll after the first ({@link RunSelector.After}) takes every usable run finished since the newest one the catalog
 * holds, oldest first and at most its cap; the runs over the cap are named in a WARN and left for the next poll.
 */
final class RunFinder {

    private static final Logger log = LoggerFactory.getLogger(RunFinder.class);
    private static final int LATEST_PAGE_SIZE = 20;
    private static final int NAMED_LEFT_OVER = 10;

    private final AdminApi api;
    private final DbtCloudSettings settings;
    private final UsableRuns usable;
    private final int pageSize;

    RunFinder(AdminApi api, DbtCloudSettings settings, int pageSize) {
        this.api = api;
        this.settings = settings;
        this.usable = new UsableRuns(api, settings);
        this.pageSize = Math.max(1, Math.min(pageSize, AdminApi.MAX_PAGE_SIZE));
    }

    /** The selected runs, oldest first. */
    List<RunRef> find(RunSelector selector) {
        if (selector instanceof RunSelector.Single single) {
            return single(RunIds.parse(single.runKey(), settings.name()));
        }
        if (selector instanceof RunSelector.LastN last) {
            return oldestFirst(collect(runs(pageSize), last.count(), null, null));
        }
        if (selector instanceof RunSelector.Window window) {
            return oldestFirst(collect(runs(pageSize), Integer.MAX_VALUE, window.since(), window.until()));
        }
        if (selector instanceof RunSelector.After after) {
            return since(after);
        }
        return collect(runs(Math.min(pageSize, LATEST_PAGE_SIZE)), 1, null, null);
    }

    private Iterator<Wire.Run> runs(int limit) {
        return RunPages.merged(RunPages.perJob(api, settings, limit));
    }

    /** Usable runs newest first, at most {@code wanted}, finished in {@code [since, until)} (null bounds: open). */
    private List<RunRef> collect(Iterator<Wire.Run> runs, int wanted, Instant since, Instant until) {
        List<RunRef> found = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (found.size() < wanted && runs.hasNext()) {
            Wire.Run run = runs.next();
            Instant finished = RunPages.finishedAt(run);
            if (since != null && finished != null && finished.isBefore(since)) {
                break;
            }
            boolean inWindow = until == null || finished == null || finished.isBefore(until);
            if (inWindow && seen.add(run.id()) && usable.listed(run)) {
                usable.usable(run).ifPresent(found::add);
            }
        }
        return found;
    }

    /**
     * The usable runs finished after the selector's time, oldest first, at most its cap; the newest usable run when
     * none finished since. Only the runs taken are asked for their steps and artifacts.
     */
    private List<RunRef> since(RunSelector.After after) {
        Iterator<Wire.Run> runs = runs(pageSize);
        List<Wire.Run> newer = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        Wire.Run older = null;
        while (older == null && runs.hasNext()) {
            Wire.Run run = runs.next();
            Instant finished = RunPages.finishedAt(run);
            if (finished != null && !finished.isAfter(after.finishedAfter())) {
                older = run;
            } else if (seen.add(run.id()) && usable.listed(run)) {
                newer.add(run);
            }
        }
        Collections.reverse(newer);
        List<RunRef> found = new ArrayList<>();
        int next = 0;
        while (found.size() < after.cap() && next < newer.size()) {
            usable.usable(newer.get(next++)).ifPresent(found::add);
        }
        leftOver(after, newer.subList(next, newer.size()));
        if (!found.isEmpty()) {
            return List.copyOf(found);
        }
        log.debug(
                "source {}: no usable run finished after {}; listing the newest one",
                settings.name(),
                after.finishedAfter());
        return older == null ? List.of() : collect(prepend(older, runs), 1, null, null);
    }

    private void leftOver(RunSelector.After after, List<Wire.Run> left) {
        if (left.isEmpty()) {
            return;
        }
        String ids = left.stream()
                        .limit(NAMED_LEFT_OVER)
                        .map(run -> Long.toString(run.id()))
                        .collect(Collectors.joining(", "))
                + (left.size() > NAMED_LEFT_OVER ? ", …" : "");
        log.warn(
                "source {}: {} more run(s) finished after {} are left for the next poll (max-runs-per-poll {}):"
                        + " {}",
                settings.name(),
                left.size(),
                after.finishedAfter(),
                after.cap(),
                ids);
    }

    private List<RunRef> single(long runId) {
        Wire.Run run = api.getRun(runId);
        String mismatch = RunStates.filterMismatch(run, settings);
        if (mismatch != null) {
            log.warn("source {}: run {} {}; not ingested", settings.name(), runId, mismatch);
            return List.of();
        }
        if (!RunStates.isFinished(run)) {
            log.warn(
                    "source {}: run {} is not finished ({}); not ingested",
                    settings.name(),
                    runId,
                    RunStates.describe(run));
            return List.of();
        }
        if (!settings.acceptedStatuses().contains(run.status())) {
            log.warn(
                    "source {}: run {} ended {}, which accepted-statuses {} do not include; taking it anyway"
                            + " because it was asked for by id",
                    settings.name(),
                    runId,
                    RunStates.describe(run),
                    settings.acceptedStatuses());
        }
        return usable.withManifest(run).map(List::of).orElse(List.of());
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

    private static Iterator<Wire.Run> prepend(Wire.Run first, Iterator<Wire.Run> rest) {
        return new Iterator<>() {
            private boolean taken;

            @Override
            public boolean hasNext() {
                return !taken || rest.hasNext();
            }

            @Override
            public Wire.Run next() {
                if (taken) {
                    return rest.next();
                }
                taken = true;
                return first;
            }
        };
    }

    private static List<RunRef> oldestFirst(List<RunRef> newestFirst) {
        List<RunRef> runs = new ArrayList<>(newestFirst);
        Collections.reverse(runs);
        return List.copyOf(runs);
    }
}
