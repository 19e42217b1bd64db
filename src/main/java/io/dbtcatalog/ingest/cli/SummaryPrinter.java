package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.job.RunOutcome;
import io.dbtcatalog.ingest.job.SourceOutcome;
import io.dbtcatalog.ingest.store.ChangeCounts;
import io.dbtcatalog.ingest.store.PublishResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** Prints the short human summary that ends every {@code run}: one block per source, one line per run. */
final class SummaryPrinter {

    private SummaryPrinter() {}

    static void print(PrintStream out, List<SourceOutcome> outcomes) {
        out.println();
        for (SourceOutcome source : outcomes) {
            out.printf(
                    Locale.ROOT,
                    "%s (%s): %s in %s%n",
                    source.sourceName(),
                    source.sourceKind(),
                    source.succeeded() ? "OK" : "FAILED",
                    seconds(source.duration()));
            if (source.failure() != null) {
                out.println("  error: " + source.failure());
            }
            if (source.runs().isEmpty() && source.failure() == null) {
                out.println("  no run to ingest");
            }
            source.runs().forEach(run -> printRun(out, run));
        }
    }

    private static void printRun(PrintStream out, RunOutcome run) {
        String label = "run " + run.run().runKey();
        switch (run.status()) {
            case SKIPPED -> out.println("  " + label + ": nothing changed (" + run.message() + ")");
            case FAILED ->
                out.println("  " + label + ": FAILED after " + seconds(run.duration()) + ", catalog unchanged: "
                        + run.message());
            case INGESTED -> {
                PublishResult r = run.published();
                out.printf(
                        Locale.ROOT,
                        "  %s: %s in %s%s%n",
                        label,
                        r.changedNothing() ? "ingested, nothing changed" : "ingested",
                        seconds(run.duration()),
                        run.message() == null ? "" : " (" + run.message() + ")");
                out.println("    nodes   " + counts(r.nodes()) + "   columns " + counts(r.columns()));
                out.println("    edges   " + counts(r.edges()) + "   tests   " + counts(r.tests()));
                out.printf(
                        Locale.ROOT,
                        "    results +%d test, +%d run, +%d freshness   (ingestion_run %d)%n",
                        r.testResultsAdded(),
                        r.runResultsAdded(),
                        r.freshnessAdded(),
                        r.ingestionRunId());
                run.warnings().forEach(w -> out.println("    warning: " + w));
            }
        }
    }

    private static String counts(ChangeCounts c) {
        return String.format(Locale.ROOT, "+%d ~%d -%d =%d", c.added(), c.updated(), c.deleted(), c.unchanged());
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
