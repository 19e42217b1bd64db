package io.dbtcatalog.ingest.job;

import java.time.Duration;
import java.util.List;

/**
 * The result of one launch for one source: every run it touched, plus a failure that happened before any run
 * could be named (configuration, listing runs). {@link #succeeded()} drives the CLI's exit code.
 */
public record SourceOutcome(
        String sourceName, String sourceKind, List<RunOutcome> runs, String failure, Duration duration) {

    public SourceOutcome {
        runs = List.copyOf(runs);
    }

    public boolean succeeded() {
        return failure == null && runs.stream().noneMatch(r -> r.status() == RunOutcome.Status.FAILED);
    }
}
