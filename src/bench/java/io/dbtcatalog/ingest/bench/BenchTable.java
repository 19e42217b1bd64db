package io.dbtcatalog.ingest.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's result table: one line for the floor and one per ingestion (engine, first or unchanged second
 * run) of each project size, with rows, read and write seconds, throughput, ratio to the floor and heap.
 */
final class BenchTable {

    /** One measured phase. {@code readSeconds} is parsing, {@code writeSeconds} the database part. */
    record Row(
            String engine,
            int models,
            String run,
            long rows,
            double readSeconds,
            double writeSeconds,
            double floorSeconds,
            long peakHeapBytes,
            long afterGcBytes,
            double gcSeconds) {

        /** A row whose collection time was not measured. */
        Row(
                String engine,
                int models,
                String run,
                long rows,
                double readSeconds,
                double writeSeconds,
                double floorSeconds,
                long peakHeapBytes,
                long afterGcBytes) {
            this(engine, models, run, rows, readSeconds, writeSeconds, floorSeconds, peakHeapBytes, afterGcBytes, 0);
        }

        /** The row of one ingestion's {@code outcome}, against {@code floorSeconds}, with its heap figures. */
        static Row of(
                String engine,
                int models,
                String run,
                BenchIngestion.Outcome outcome,
                double floorSeconds,
                long peakHeapBytes,
                long afterGcBytes,
                double gcSeconds) {
            return new Row(
                    engine,
                    models,
                    run,
                    outcome.rowsWritten(),
                    outcome.readSeconds(),
                    outcome.publishSeconds(),
                    floorSeconds,
                    peakHeapBytes,
                    afterGcBytes,
                    gcSeconds);
        }

        /** The share of the phase spent in garbage-collection pauses. */
        double gcShare() {
            return seconds() > 0 ? gcSeconds / seconds() : 0;
        }

        double seconds() {
            return readSeconds + writeSeconds;
        }

        /** The same measurement under another run's name. */
        Row withRun(String other) {
            return new Row(
                    engine,
                    models,
                    other,
                    rows,
                    readSeconds,
                    writeSeconds,
                    floorSeconds,
                    peakHeapBytes,
                    afterGcBytes,
                    gcSeconds);
        }
    }

    /** The fastest of {@code rows}, attempts of the same phase. */
    static Row fastest(List<Row> rows) {
        return rows.stream().min(Comparator.comparingDouble(Row::seconds)).orElseThrow();
    }

    /** {@code rows}, attempts of the same phase, in one line: the fastest and the median, each against its floor. */
    static String attempts(List<Row> rows) {
        List<Double> totals = rows.stream().map(Row::seconds).sorted().toList();
        Row fastest = fastest(rows);
        double median = PairedRatios.median(totals);
        return String.format(
                Locale.ROOT,
                "fastest of %d %.2f s (x%.2f the floor), median %.2f s (x%.2f), all %s",
                rows.size(),
                fastest.seconds(),
                fastest.seconds() / fastest.floorSeconds(),
                median,
                median / fastest.floorSeconds(),
                totals.stream().map(t -> String.format(Locale.ROOT, "%.2f", t)).toList());
    }

    private static final String HEADER = "%-13s %7s %-7s %12s %8s %8s %8s %10s %7s %9s %9s %5s%n";
    private static final String LINE = "%-13s %7d %-7s %12d %8.2f %8.2f %8.2f %10.0f %7.2f %9.0f %9.0f %4.0f%%%n";
    private static final double MB = 1024.0 * 1024.0;

    private final List<Row> rows = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    void print(PrintStream out) {
        out.printf(
                Locale.ROOT,
                HEADER,
                "engine",
                "N",
                "run",
                "rows",
                "read s",
                "write s",
                "total s",
                "rows/s",
                "x floor",
                "peak MB",
                "live MB",
                "gc");
        for (Row row : rows) {
            out.print(format(row));
        }
    }

    /**
     * For each size after the first: how many times the previous size's time each engine's first ingestion took,
     * and the floor's own growth next to it (the machine's, for the same bytes and rows).
     */
    void printGrowth(PrintStream out) {
        List<Row> floors = rows.stream()
                .filter(row -> row.engine().equals("floor") && row.run().equals("-"))
                .toList();
        for (int i = 1; i < floors.size(); i++) {
            Row smaller = floors.get(i - 1);
            Row larger = floors.get(i);
            StringBuilder line = new StringBuilder(String.format(
                    Locale.ROOT,
                    "growth %d -> %d models (x%.1f):",
                    smaller.models(),
                    larger.models(),
                    (double) larger.models() / smaller.models()));
            for (Row first : rows) {
                if (first.run().equals("first") && first.models() == larger.models()) {
                    rows.stream()
                            .filter(row -> row.run().equals("first")
                                    && row.models() == smaller.models()
                                    && row.engine().equals(first.engine()))
                            .findFirst()
                            .ifPresent(row -> line.append(String.format(
                                    Locale.ROOT,
                                    " %s first x%.2f (read x%.2f," + " write x%.2f);",
                                    first.engine(),
                                    first.seconds() / row.seconds(),
                                    first.readSeconds() / row.readSeconds(),
                                    first.writeSeconds() / row.writeSeconds())));
                }
            }
            out.println(line.append(String.format(Locale.ROOT, " floor x%.2f", larger.seconds() / smaller.seconds())));
        }
    }

    /**
     * Per engine and size: the highest live heap of its ingestions (first, re-read, next run) at {@code maxHeap}, the
     * one heap setting of the run, where it was reached, the first ingestion's share of collection pauses, and the
     * growth of the live heap from the previous size.
     */
    void printHeap(PrintStream out, long maxHeapBytes) {
        out.printf(Locale.ROOT, "live heap at max heap %.0f MB (every size):%n", maxHeapBytes / MB);
        List<String> engines = rows.stream()
                .map(Row::engine)
                .filter(engine -> !engine.startsWith("floor"))
                .distinct()
                .toList();
        for (String engine : engines) {
            Row previous = null;
            for (int models : rows.stream().map(Row::models).distinct().toList()) {
                Row highest = rows.stream()
                        .filter(row -> row.engine().equals(engine) && row.models() == models)
                        .max(Comparator.comparingLong(Row::afterGcBytes))
                        .orElse(null);
                if (highest == null) {
                    continue;
                }
                double firstGc = rows.stream()
                        .filter(row -> row.engine().equals(engine)
                                && row.models() == models
                                && row.run().equals("first"))
                        .mapToDouble(Row::gcShare)
                        .findFirst()
                        .orElse(0);
                out.printf(
                        Locale.ROOT,
                        "  %s N=%d: peak live heap %.0f MB (%s), first ingestion %.0f%% in GC pauses%s%n",
                        engine,
                        models,
                        highest.afterGcBytes() / MB,
                        highest.run(),
                        100 * firstGc,
                        previous == null
                                ? ""
                                : String.format(
                                        Locale.ROOT,
                                        "; x%.2f the live heap at N=%d",
                                        (double) highest.afterGcBytes() / previous.afterGcBytes(),
                                        previous.models()));
                previous = highest;
            }
        }
    }

    static String format(Row row) {
        double rowsPerSecond = row.seconds() > 0 ? row.rows() / row.seconds() : 0;
        return String.format(
                Locale.ROOT,
                LINE,
                row.engine(),
                row.models(),
                row.run(),
                row.rows(),
                row.readSeconds(),
                row.writeSeconds(),
                row.seconds(),
                rowsPerSecond,
                row.seconds() / row.floorSeconds(),
                row.peakHeapBytes() / MB,
                row.afterGcBytes() / MB,
                100 * row.gcShare());
    }

    static String legend() {
        return """
                read s   : floor = bare JsonParser pass over the 3 files; ingestion = ArtifactSnapshotReader.read
                write s  : floor = COPY into UNLOGGED tables (no keys); ingestion = CatalogStore.publish
                x floor  : total s / floor total s of the same N; next run: / the next run's own floor
                           (floor/next run: parse pass over its files + COPY of its history rows only);
                           with -Dbench.cold=true every ingestion runs in a cold JVM of its own and is divided
                           by the floor-cold row: the same floor, each attempt in a cold JVM of its own
                floor-h2 : H2's own floor (with engines h2): the same parse pass + the same rows inserted as JDBC
                           batches into keyless H2 tables in one transaction (floor-h2-cold: in cold JVMs); the
                           h2 lines give each H2 ingestion's ratio to it too
                peak MB  : highest heap used in the phase (MemoryMXBean sampled every 5 ms + GC 'before' sizes)
                live MB  : highest heap used right after a GC in the phase: an upper bound of the live set
                gc       : share of the phase spent in garbage-collection pauses
                growth   : time of the larger size / time of the smaller one (target: 50,000 <= 5.5 x 10,000)
                live heap: per engine and size, the highest live MB of its ingestions, at the one heap setting
                           of the whole run (-Dbench.xmx), and its growth from the smaller size
                """;
    }
}
