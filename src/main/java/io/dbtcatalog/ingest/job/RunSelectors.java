package io.dbtcatalog.ingest.job;

import io.dbtcatalog.ingest.source.RunSelector;

/** What the pipeline asks of a {@link RunSelector}: whether it is a backfill, and the selector in words. */
final class RunSelectors {

    private RunSelectors() {}

    /** Whether {@code selector} asks for past runs (a window or the last N) rather than the newest. */
    static boolean isBackfill(RunSelector selector) {
        return selector instanceof RunSelector.Window || selector instanceof RunSelector.LastN;
    }

    /** The selector in words, for log lines. */
    static String describe(RunSelector selector) {
        if (selector instanceof RunSelector.Single single) {
            return "single:" + single.runKey();
        }
        if (selector instanceof RunSelector.LastN last) {
            return "last:" + last.count();
        }
        if (selector instanceof RunSelector.Window window) {
            return "window:" + window.since() + "/"
                    + (window.until() == null ? "" : window.until().toString());
        }
        if (selector instanceof RunSelector.After after) {
            return "finished after " + after.finishedAfter();
        }
        return "latest";
    }
}
