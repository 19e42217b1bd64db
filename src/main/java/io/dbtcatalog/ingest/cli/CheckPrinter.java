package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.job.SourceCheck;
import io.dbtcatalog.ingest.store.ChangeCounts;
import io.dbtcatalog.ingest.store.PublishPreview;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** Prints one source's {@code validate} result: the run found, the snapshot read and the dry-run diff. */
final class CheckPrinter {

    /** How many node ids each of the added / changed / deleted lists shows. */
    static final int LISTED = 20;

    private CheckPrinter() {}

    static void print(PrintStream out, SourceCheck check) {
        out.printf(
                Locale.ROOT,
                "%s (%s): %s in %.1f s%n",
                check.sourceName(),
                check.sourceKind(),
                check.succeeded() ? "OK" : "FAILED",
                check.duration().toMillis() / 1000.0);
        if (check.run() == null && check.failure() == null) {
            out.println("  no run to ingest");
            return;
        }
        if (check.run() != null) {
            out.println(
                    "  latest run " + check.run().runKey() + " (" + check.run().location() + ")");
        }
        if (check.size() != null) {
            SourceCheck.Size s = check.size();
            out.printf(
                    Locale.ROOT,
                    "  artifacts: %d nodes, %d columns, %d edges, %d tests; %d test results,"
                            + " %d run results, %d freshness%n",
                    s.nodes(),
                    s.columns(),
                    s.edges(),
                    s.tests(),
                    s.testResults(),
                    s.runResults(),
                    s.freshness());
            check.warnings().forEach(w -> out.println("    warning: " + w));
        }
        if (check.failure() != null) {
            out.println("  error: " + check.failure());
        }
        if (check.preview() != null) {
            printPreview(out, check.preview());
        }
    }

    private static void printPreview(PrintStream out, PublishPreview p) {
        if (p.refusal() != null) {
            out.println("  a run would STOP: " + p.refusal());
        }
        if (p.alreadyIngested()) {
            out.println("  the catalog already holds this run: a run skips it (with --force it would republish it)");
        }
        if (!p.stateApplied()) {
            out.println("  the run is older than the catalog's state: a run would keep only its history");
        }
        out.println(p.alreadyIngested() ? "  republishing would change:" : "  a run would change:");
        out.println("    nodes   " + counts(p.nodes()) + "   columns " + counts(p.columns()));
        out.println("    edges   " + counts(p.edges()) + "   tests   " + counts(p.tests()));
        out.printf(
                Locale.ROOT,
                "    results +%d test, +%d run, +%d freshness%n",
                p.testResultsAdded(),
                p.runResultsAdded(),
                p.freshnessAdded());
        list(out, "+", p.addedNodes());
        list(out, "~", p.changedNodes());
        list(out, "-", p.deletedNodes());
    }

    private static void list(PrintStream out, String mark, List<String> ids) {
        ids.stream().limit(LISTED).forEach(id -> out.println("      " + mark + " " + id));
        if (ids.size() > LISTED) {
            out.println("      " + mark + " … and " + (ids.size() - LISTED) + " more");
        }
    }

    private static String counts(ChangeCounts c) {
        return String.format(Locale.ROOT, "+%d ~%d -%d =%d", c.added(), c.updated(), c.deleted(), c.unchanged());
    }
}
