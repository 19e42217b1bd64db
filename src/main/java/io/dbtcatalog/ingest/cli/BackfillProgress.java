package io.dbtcatalog.ingest.cli;

import io.dbtcatalog.ingest.job.IngestionProgress;
import io.dbtcatalog.ingest.job.RunOutcome;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The backfill's progress line: runs done of the runs to ingest, failures, rate and ETA. On a terminal the line is
 * rewritten in place; otherwise (logs, pipes) a line is printed at most once a second and for the last run.
 */
final class BackfillProgress implements IngestionProgress {

    private static final long PRINT_EVERY_NANOS = 1_000_000_000L;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private String source = "";
    private int total;
    private int done;
    private int failed;
    private long startedNanos;
    private long printedNanos;

    BackfillProgress(PrintStream out, boolean terminal, LongSupplier nanoTime) {
        this.out = out;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void planned(String sourceName, int toIngest, int alreadyIngested) {
        source = sourceName;
        total = toIngest;
        startedNanos = nanoTime.getAsLong();
        printedNanos = startedNanos - PRINT_EVERY_NANOS;
        out.printf(
                Locale.ROOT,
                "%s: %d run(s) to ingest, %d already in the catalog%n",
                sourceName,
                toIngest,
                alreadyIngested);
    }

    @Override
    public synchronized void finished(RunOutcome outcome) {
        if (outcome.status() == RunOutcome.Status.SKIPPED) {
            return;
        }
        done++;
        if (outcome.status() == RunOutcome.Status.FAILED) {
            failed++;
        }
        long now = nanoTime.getAsLong();
        boolean last = done >= total;
        if (terminal || last || now - printedNanos >= PRINT_EVERY_NANOS) {
            printedNanos = now;
            out.print((terminal ? "\r" : "") + line(now) + (terminal && !last ? "" : System.lineSeparator()));
            out.flush();
        }
    }

    String line(long now) {
        double seconds = Math.max(1e-9, (now - startedNanos) / 1e9);
        double rate = done / seconds;
        String eta = done >= total ? "done" : "ETA " + duration(Duration.ofSeconds((long) ((total - done) / rate)));
        return String.format(
                Locale.ROOT,
                "%s: %d/%d runs (%d%%)%s, %.2f runs/s, %s",
                source,
                done,
                total,
                total == 0 ? 100 : done * 100 / total,
                failed == 0 ? "" : ", " + failed + " failed",
                rate,
                eta);
    }

    private static String duration(Duration duration) {
        long s = duration.toSeconds();
        return s >= 3600
                ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s % 3600 / 60)
                : s >= 60 ? String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
