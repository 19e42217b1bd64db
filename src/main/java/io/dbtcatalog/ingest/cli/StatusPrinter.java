package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.schedule.SourceStatus;
import io.dbtcatalog.ingest.store.ChangeCounts;
import io.dbtcatalog.ingest.store.LedgerEntry;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints the {@code status} command's human output: one block per source. */
final class StatusPrinter {

    private StatusPrinter() {}

    static void print(PrintStream out, List<SourceStatus> statuses) {
        for (SourceStatus status : statuses) {
            out.printf(
                    Locale.ROOT,
                    "%s (%s): %s%n",
                    status.source(),
                    status.kind(),
                    switch (status.state()) {
                        case OK -> "OK";
                        case FAILING -> "FAILING";
                        case NEVER_INGESTED -> "nothing ingested yet";
                    });
            out.println("  last success  " + (status.lastSuccess() == null ? "none" : success(status.lastSuccess())));
            out.println("  last failure  " + (status.lastFailure() == null ? "none" : failure(status.lastFailure())));
            out.println("  schedule      "
                    + (status.schedule() == null
                            ? "not scheduled"
                            : status.schedule() + ", next "
                                    + (status.nextFireTime() == null ? "never" : status.nextFireTime())));
        }
    }

    private static String success(LedgerEntry entry) {
        return String.format(
                Locale.ROOT,
                "run %s%s at %s (artifacts of %s)%n                nodes %s  columns %s"
                        + "  edges %s  tests %s%n                results +%d test, +%d run, +%d freshness",
                entry.runKey(),
                entry.dbtRunId() == null ? "" : " (dbt Cloud run " + entry.dbtRunId() + ")",
                entry.finishedAt(),
                entry.generatedAt() == null ? "unknown time" : entry.generatedAt(),
                counts(entry.nodes()),
                counts(entry.columns()),
                counts(entry.edges()),
                counts(entry.tests()),
                entry.testResultsAdded(),
                entry.runResultsAdded(),
                entry.freshnessAdded());
    }

    private static String failure(LedgerEntry entry) {
        return "run " + entry.runKey() + " at " + entry.finishedAt() + ": " + entry.message();
    }

    private static String counts(ChangeCounts c) {
        return String.format(Locale.ROOT, "+%d ~%d -%d", c.added(), c.updated(), c.deleted());
    }
}
