package io.dbtcatalog.ingest.source;

import java.time.Instant;
import java.util.Objects;

/**
 * Which runs of a source to list: the latest accepted one, every accepted run since the newest one the catalog holds
 * (a poll after the first), every accepted run in a time window or the last N (backfill), or one run by key.
 */
public sealed interface RunSelector {

    /** The newest accepted run. */
    record Latest() implements RunSelector {}

    /**
     * Every accepted run finished after {@code finishedAfter} (when the newest run the catalog holds finished),
     * oldest first, at most {@code cap} of them (the oldest; the others are left for the next poll with a WARN);
     * when none finished since, the newest accepted run, as {@link Latest} (the ledger then recognizes it). Sources
     * whose input has no run history (a local target folder, a Discovery API environment) list their latest run.
     */
    record After(Instant finishedAfter, int cap) implements RunSelector {
        public After {
            Objects.requireNonNull(finishedAfter, "finishedAfter");
            if (cap < 1) {
                throw new IllegalArgumentException("max-runs-per-poll must be a positive number, was " + cap);
            }
        }
    }

    /** Every accepted run finished in {@code [since, until)} ({@code until} null means now), oldest first. */
    record Window(Instant since, Instant until) implements RunSelector {}

    /** The last {@code count} accepted runs, oldest first. */
    record LastN(int count) implements RunSelector {
        public LastN {
            if (count < 1) {
                throw new IllegalArgumentException("--last needs a positive number of runs");
            }
        }
    }

    /** Exactly one run, by its run key. */
    record Single(String runKey) implements RunSelector {}
}
