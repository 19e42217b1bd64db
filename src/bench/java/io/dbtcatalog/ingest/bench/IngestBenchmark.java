package io.dbtcatalog.ingest.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The ingestion benchmark (run with {@code mvn -Pbench ...}, see docs/benchmarks.md): for each project size it
 * generates a synthetic dbt project, measures the floor (bare parse pass + bare COPY), then ingests the same files
 * into a fresh embedded PostgreSQL and a fresh file-based H2, three times each (then unchanged: as the job
 * re-ingests it, and parsed again with the digest check off), then the next dbt invocation of the unchanged project,
 * and prints one table.
 * Options: {@link BenchSettings}.
 */
public final class IngestBenchmark {

    private static final PrintStream OUT = System.out;

    private final BenchSettings settings;
    private final BenchTable table = new BenchTable();
    private final PairedRatios paired = new PairedRatios();
    private final HeapMeter heap = new HeapMeter();
    private final StackSampler sampler = new StackSampler(Thread.currentThread(), 10);
    private final Path coldArchive;
    private final FloorPhase floors;

    private IngestBenchmark(BenchSettings settings, Path coldArchive) {
        this.settings = settings;
        this.coldArchive = coldArchive;
        this.floors = new FloorPhase(settings, heap, coldArchive, OUT, this::report);
    }

    public static void main(String[] args) throws IOException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "bench-logback.xml");
        }
        BenchSettings settings = BenchSettings.from(args);
        Path root = settings.dir() == null
                ? Files.createTempDirectory("dbt-catalog-bench-")
                : Files.createDirectories(Path.of(settings.dir()));
        OUT.printf(
                Locale.ROOT,
                "dbt-catalog-ingest benchmark: %s%nmax heap %d MB (%s%s), %d cpus, files in %s%n",
                settings,
                Runtime.getRuntime().maxMemory() >> 20,
                HeapMeter.heapMode(),
                HeapMeter.LIVE_EVERY_MILLIS > 0
                        ? ", a full GC every " + HeapMeter.LIVE_EVERY_MILLIS
                                + " ms: live MB is the live set, the times are not comparable"
                        : "",
                Runtime.getRuntime().availableProcessors(),
                root);
        IngestBenchmark benchmark = new IngestBenchmark(
                settings, settings.cold() ? ColdPhase.train(root.resolve("cold-archive"), OUT) : null);
        try (BenchDatabases databases = BenchDatabases.start(settings.postgresSettings())) {
            OUT.println("embedded PostgreSQL: " + databases.postgresSettings());
            if (settings.warmup() && !settings.cold()) {
                OUT.printf(Locale.ROOT, "%nwarm-up (not recorded):");
                benchmark.runSize(BenchSettings.WARMUP_MODELS, "warmup", root, databases, false);
            }
            for (int models : settings.sizes()) {
                benchmark.runSize(models, "n" + models, root, databases, true);
            }
        } finally {
            benchmark.heap.close();
        }
        OUT.println();
        benchmark.table.print(OUT);
        benchmark.table.printGrowth(OUT);
        benchmark.table.printHeap(OUT, Runtime.getRuntime().maxMemory());
        benchmark.paired.print(OUT);
        OUT.print(BenchTable.legend());
    }

    private void runSize(int models, String label, Path root, BenchDatabases databases, boolean record) {
        Path folder = root.resolve(label);
        heap.reset();
        long start = System.nanoTime();
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder.resolve("target"), models, settings.seed());
        OUT.printf(
                Locale.ROOT,
                "%nN=%d: generated %.1f MB of artifacts in %.1f s (%s)%n",
                models,
                project.totalBytes() / 1048576.0,
                Floor.seconds(start),
                project.expected());
        FloorPhase.Floors floor = floors.measure(project, label, folder, databases, record, false);
        SyntheticDbtProject nextRun = project.nextInvocation(folder.resolve("next/target"));
        FloorPhase.Floors nextFloor =
                floors.measure(nextRun, label + "_next", folder.resolve("next"), databases, record, true);
        List<SyntheticDbtProject> nextInvocations = new ArrayList<>(List.of(nextRun));
        while (nextInvocations.size() < settings.nextRuns()) {
            nextInvocations.add(nextInvocations
                    .get(nextInvocations.size() - 1)
                    .nextInvocation(folder.resolve("next" + (nextInvocations.size() + 1) + "/target")));
        }
        for (String engine : settings.engines()) {
            List<BenchTable.Row> firsts = new ArrayList<>();
            int attempts = settings.firstRuns();
            IntFunction<String> first = i -> attempts == 1 ? "first" : "first " + i + "/" + attempts;
            for (int i = 1; i < attempts; i++) {
                // each first ingestion but the last into a catalog of its own, settled after it, then dropped
                // (decision 0036)
                String suffix = "_first" + i;
                try (HikariDataSource extra = databases.migrated(engine, folder, label, suffix)) {
                    firsts.add(
                            phase(engine, models, extra, record).ingest(first.apply(i), project, false, floor, false));
                    BenchDatabases.settle(engine, extra.getJdbcUrl(), extra.getUsername());
                }
                databases.drop(engine, label, suffix);
            }
            try (HikariDataSource database = databases.migrated(engine, folder, label, "")) {
                Phase phase = phase(engine, models, database, record);
                firsts.add(phase.ingest(first.apply(attempts), project, false, floor, attempts == 1));
                double firstSeconds = fastest(engine, "first", firsts, record);
                double second =
                        phase.ingest("second", project, false, floor, true).seconds();
                double reread =
                        phase.ingest("re-read", project, true, floor, true).seconds();
                Runnable settle = () -> BenchDatabases.settle(engine, database.getJdbcUrl(), database.getUsername());
                double next = nextRuns(engine, phase, settle, nextInvocations, nextFloor, record);
                OUT.printf(
                        Locale.ROOT,
                        "  %s N=%d unchanged re-ingestion / first: second %.3f, re-read %.3f;"
                                + " next run / first %.3f%n",
                        engine,
                        models,
                        second / firstSeconds,
                        reread / firstSeconds,
                        next / firstSeconds);
            }
        }
        if (!settings.keep()) {
            BenchFiles.deleteTree(folder);
        }
    }

    /**
     * One ingestion of {@code invocation}'s artifacts (the project's own, or its next dbt invocation), with the digest
     * check off when {@code parseAlways}; reported, returns its row.
     */
    private BenchTable.Row ingest(
            String engine,
            int models,
            String run,
            BenchIngestion ingestion,
            SyntheticDbtProject invocation,
            boolean parseAlways,
            FloorPhase.Floors floors,
            boolean record) {
        Floor.Result floor = floors.warm();
        heap.reset();
        boolean profiling = settings.profile() && record;
        if (profiling) {
            sampler.start();
        }
        BenchIngestion.Outcome outcome = ingestion.run(invocation, parseAlways);
        BenchTable.Row row = BenchTable.Row.of(
                engine, models, run, outcome, floor.seconds(), heap.peakBytes(), heap.afterGcBytes(), heap.gcSeconds());
        OUT.printf(
                Locale.ROOT,
                "  %s %s%s: %s%n",
                engine,
                run,
                "h2".equals(engine) ? floor.ownFloorRatio(outcome.readSeconds() + outcome.publishSeconds()) : "",
                outcome.summary());
        report(row, record);
        if (profiling) {
            sampler.stopAndPrint(engine + " " + run, 15, OUT);
        }
        return row;
    }

    /**
     * One timed ingestion of a size and engine, in this JVM or in a cold one, reported and, when {@code kept}, kept
     * for the table; returns its row.
     */
    @FunctionalInterface
    private interface Phase {
        BenchTable.Row ingest(
                String run,
                SyntheticDbtProject invocation,
                boolean parseAlways,
                FloorPhase.Floors floors,
                boolean kept);
    }

    /**
     * The next runs of the unchanged project, each a new dbt invocation ingested after the one before (as a catalog
     * sees them, the catalog settled before each, {@link BenchDatabases#settle}): each reported, the fastest kept for the table as the floor keeps its fastest attempt
     * ({@code bench.nextRuns}, by default as many as the floor's attempts in a cold run, one otherwise). Returns its
     * total seconds.
     */
    private double nextRuns(
            String engine,
            Phase phase,
            Runnable settle,
            List<SyntheticDbtProject> invocations,
            FloorPhase.Floors floors,
            boolean record) {
        List<BenchTable.Row> rows = new ArrayList<>();
        for (int i = 0; i < invocations.size(); i++) {
            settle.run();
            String run = invocations.size() == 1 ? "next run" : "next run " + (i + 1) + "/" + invocations.size();
            rows.add(phase.ingest(run, invocations.get(i), false, floors, invocations.size() == 1));
        }
        return fastest(engine, "next run", rows, record);
    }

    /**
     * Of {@code rows}, the timed attempts of one kind ({@code first} or {@code next run}): prints the fastest and the
     * median, keeps the fastest for the table as the floor keeps its fastest attempt, and returns its seconds. A
     * single attempt was reported as it ran.
     */
    private double fastest(String engine, String kind, List<BenchTable.Row> rows, boolean record) {
        if (rows.size() == 1) {
            return rows.get(0).seconds();
        }
        BenchTable.Row fastest = BenchTable.fastest(rows).withRun(kind);
        OUT.println("  " + engine + " " + kind + ": " + BenchTable.attempts(rows));
        report(fastest, record);
        return fastest.seconds();
    }

    /**
     * How {@code database} is ingested into: in this JVM, or with {@code -Dbench.cold=true} in cold JVMs of their own
     * (the pool is then closed: an H2 file is opened by one process at a time, the child's).
     */
    private Phase phase(String engine, int models, HikariDataSource database, boolean record) {
        if (settings.cold()) {
            String url = database.getJdbcUrl();
            String user = database.getUsername();
            database.close();
            return (run, invocation, parseAlways, base, kept) ->
                    ingestCold(engine, models, run, url, user, invocation, parseAlways, base, kept && record);
        }
        BenchIngestion ingestion = new BenchIngestion(database);
        return (run, invocation, parseAlways, base, kept) ->
                ingest(engine, models, run, ingestion, invocation, parseAlways, base, kept && record);
    }

    /**
     * The same ingestion in a JVM of its own, started for it ({@link ColdPhase}, {@code -Dbench.cold=true}); a first
     * ingestion or a next run is paired with a cold floor measured right before it ({@link PairedRatios}).
     */
    private BenchTable.Row ingestCold(
            String engine,
            int models,
            String run,
            String url,
            String user,
            SyntheticDbtProject invocation,
            boolean parseAlways,
            FloorPhase.Floors floors,
            boolean record) {
        String kind = run.startsWith("next run") ? "next run" : run.startsWith("first") ? "first" : run;
        double pairedFloor = "first".equals(kind) || "next run".equals(kind)
                ? floors.coldAgain().applyAsDouble(engine)
                : Double.NaN;
        ColdPhase.Result cold = ColdPhase.run(coldArchive, url, user, invocation, parseAlways, OUT);
        BenchIngestion.Outcome outcome = cold.outcome();
        double seconds = outcome.readSeconds() + outcome.publishSeconds();
        String pair = "";
        if (!Double.isNaN(pairedFloor)) {
            paired.add(engine, models, kind, seconds / pairedFloor);
            pair = String.format(
                    Locale.ROOT, ", x%.2f the cold floor right before it (%.2f s)", seconds / pairedFloor, pairedFloor);
        }
        OUT.printf(
                Locale.ROOT,
                "  %s %s (cold JVM, x%.2f the floor in cold JVMs, x%.2f the floor in the benchmark's JVM%s%s; JIT"
                        + " compiling %.2f s, process CPU %.2f s in %.2f s): %s%n",
                engine,
                run,
                seconds / floors.cold().seconds(),
                seconds / floors.warm().seconds(),
                "h2".equals(engine) ? floors.cold().ownFloorRatio(seconds) : "",
                pair,
                cold.jitSeconds(),
                cold.cpuSeconds(),
                seconds,
                outcome.summary());
        BenchTable.Row row = BenchTable.Row.of(
                engine,
                models,
                run,
                outcome,
                floors.cold().seconds(),
                cold.peakBytes(),
                cold.afterGcBytes(),
                cold.gcSeconds());
        report(row, record);
        return row;
    }

    private void report(BenchTable.Row row, boolean record) {
        OUT.print("  " + BenchTable.format(row));
        if (record) {
            table.add(row);
        }
    }
}
