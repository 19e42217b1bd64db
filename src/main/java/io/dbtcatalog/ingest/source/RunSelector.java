package io.dbtcatalog.ingest.source;

import java.time.Instant;

/**
 * Which runs of a source to list: the latest accepted one, every accepted run in a time window or the last N
 * (backfill), or one run by key.
 */
public sealed interface RunSelector {

    /** The newest accepted run. */
    record Latest() implements RunSelector {
    }

    /** Every accepted run finished in {@code [since, until)} ({@code until} null means now), oldest first. */
    record Window(Instant since, Instant until) implements RunSelector {
    }

    /** The last {@code count} accepted runs, oldest first. */
    record LastN(int count) implements RunSelector {
        public LastN {
            if (count < 1) {
                throw new IllegalArgumentException("--last needs a positive number of runs");
            }
        }
    }

    /** Exactly one run, by its run key. */
    record Single(String runKey) implements RunSelector {
    }
}
