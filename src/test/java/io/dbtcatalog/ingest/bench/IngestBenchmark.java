package io.dbtcatalog.ingest.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The ingestion benchmark (run with {@code mvn -Pbench ...}, see the README): for each project size it generates a
 * synthetic dbt project, measures the floor (bare parse pass + bare COPY), then ingests the same files into a fresh
 * embedded PostgreSQL and a fresh file-based H2, twice each (the second run unchanged), and prints one table.
 * Arguments: the sizes (default {@code 1000,10000,50000}); system properties {@code bench.engines}
 * ({@code postgres,h2}), {@code bench.seed}, {@code bench.dir}, {@code bench.keep}, {@code bench.profile}.
 */
public final class IngestBenchmark {

    private static final PrintStream OUT = System.out;

    private final List<String> engines;
    private final long seed;
    private final boolean keep;
    private final boolean profile;
    private final BenchTable table = new BenchTable();
    private final HeapMeter heap = new HeapMeter();
    private final StackSampler sampler = new StackSampler(Thread.currentThread(), 10);
    private boolean warmedUp;

    private IngestBenchmark(List<String> engines, long seed, boolean keep, boolean profile) {
        this.engines = engines;
        this.seed = seed;
        this.keep = keep;
        this.profile = profile;
    }

    public static void main(String[] args) throws IOException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "bench-logback.xml");
        }
        String sizes = args.length > 0 ? args[0] : System.getProperty("bench.sizes", "1000,10000,50000");
        List<String> engines = Arrays.stream(System.getProperty("bench.engines", "postgres,h2").split(","))
                .map(String::trim).filter(engine -> !engine.isEmpty()).toList();
        IngestBenchmark benchmark = new IngestBenchmark(engines, Long.getLong("bench.seed", 20_260_302L),
                Boolean.getBoolean("bench.keep"), Boolean.getBoolean("bench.profile"));
        Path root = System.getProperty("bench.dir") == null ? Files.createTempDirectory("dbt-catalog-bench-")
                : Files.createDirectories(Path.of(System.getProperty("bench.dir")));
        OUT.printf(Locale.ROOT, "dbt-catalog-ingest benchmark: sizes %s, engines %s, max heap %d MB, %d cpus, in %s%n",
                sizes, engines, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(),
                root);
        try (BenchDatabases databases = BenchDatabases.start()) {
            OUT.println("embedded PostgreSQL: " + databases.postgresSettings());
            for (String size : sizes.split(",")) {
                benchmark.runSize(Integer.parseInt(size.trim()), root, databases);
            }
        } finally {
            benchmark.heap.close();
        }
        OUT.println();
        benchmark.table.print(OUT);
        OUT.print(BenchTable.legend());
    }

    private void runSize(int models, Path root, BenchDatabases databases) {
        Path folder = root.resolve("n" + models);
        heap.reset();
        long start = System.nanoTime();
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder.resolve("target"), models, seed);
        OUT.printf(Locale.ROOT, "%nN=%d: generated %.1f MB of artifacts in %.1f s (%s)%n", models,
                project.totalBytes() / 1048576.0, Floor.seconds(start), project.expected());
        Floor.Result floor = measureFloor(project, folder, databases);
        for (String engine : engines) {
            try (HikariDataSource database = "h2".equals(engine) ? databases.freshH2(folder.resolve("h2"))
                    : databases.freshPostgres("ingest_" + models)) {
                BenchIngestion ingestion = new BenchIngestion(project, database);
                ingestion.prepare();
                ingest(engine, models, "first", ingestion, floor);
                ingest(engine, models, "second", ingestion, floor);
            }
        }
        if (!keep) {
            delete(folder);
        }
    }

    private Floor.Result measureFloor(SyntheticDbtProject project, Path folder, BenchDatabases databases) {
        try (HikariDataSource database = databases.freshPostgres("floor_" + project.models())) {
            new BenchIngestion(project, database).prepare();
            if (!warmedUp) {
                Floor.parse(List.of(project.manifest(), project.catalog(), project.runResults()));
                warmedUp = true;
            }
            heap.reset();
            Floor.Result floor = Floor.measure(project, database, folder);
            BenchTable.Row row = new BenchTable.Row("floor", project.models(), "-", floor.rows(),
                    floor.parseSeconds(), floor.copySeconds(), floor.seconds(), heap.peakBytes(), heap.afterGcBytes());
            table.add(row);
            OUT.printf(Locale.ROOT, "  floor: %d tokens, %d objects parsed; rows %s%n", floor.tokens(),
                    floor.objects(), floor.rowsByTable());
            OUT.print("  " + BenchTable.format(row));
            return floor;
        }
    }

    private void ingest(String engine, int models, String run, BenchIngestion ingestion, Floor.Result floor) {
        heap.reset();
        if (profile) {
            sampler.start();
        }
        BenchIngestion.Outcome outcome = ingestion.run();
        BenchTable.Row row = new BenchTable.Row(engine, models, run, outcome.rowsWritten(), outcome.readSeconds(),
                outcome.publishSeconds(), floor.seconds(), heap.peakBytes(), heap.afterGcBytes());
        table.add(row);
        OUT.printf(Locale.ROOT, "  %s %s: %s%n", engine, run, outcome.summary());
        OUT.print("  " + BenchTable.format(row));
        if (profile) {
            sampler.stopAndPrint(engine + " " + run, 15, OUT);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the benchmark folder " + folder, e);
        }
    }
}
