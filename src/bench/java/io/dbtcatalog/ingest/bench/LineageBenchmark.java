package io.dbtcatalog.ingest.bench;

import com.zaxxer.hikari.HikariDataSource;
import io.dbtcatalog.ingest.lineage.ColumnLineageEngine;
import io.dbtcatalog.ingest.lineage.SnapshotLineage;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ColumnLineage;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogMigrations;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.PublishResult;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The column-lineage step next to the ingestion's own time: for each size (the first argument, as
 * {@code -Dbench.sizes} passes it; 10,000 models without one) and engine (system property {@code bench.engines}) a synthetic project is read, its
 * column lineage derived from the compiled SQL of every model, and published with it; then the next dbt invocation
 * of the unchanged project is read and its lineage derived against the catalog's stored lineage, which must analyse
 * no model. A 1,000-model pass first warms the JIT up. Run with {@code mvn -q -Pbench test-compile exec:exec
 * -Dbench.main=io.dbtcatalog.ingest.bench.LineageBenchmark -Dbench.sizes=10000}; not a test (it asserts only that the unchanged run
 * analyses nothing).
 */
public final class LineageBenchmark {

    private static final PrintStream OUT = System.out;
    private static final SnapshotLineage LINEAGE = new SnapshotLineage(new ColumnLineageEngine());

    private LineageBenchmark() {}

    public static void main(String[] args) throws IOException {
        List<Integer> sizes = Arrays.stream(
                        System.getProperty("bench.sizes", "10000").split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
        List<String> engines = Arrays.stream(
                        System.getProperty("bench.engines", "h2,postgres").split(","))
                .map(String::trim)
                .toList();
        Path root = Files.createTempDirectory("lineage-bench");
        try (BenchDatabases databases = BenchDatabases.start("")) {
            measure(root, databases, BenchSettings.WARMUP_MODELS, List.of("h2"), false);
            OUT.println("| N | engine | run | read s | column lineage s | models analysed / reused | edges | publish s"
                    + " | lineage / (read + publish) |");
            OUT.println("|---|---|---|---|---|---|---|---|---|");
            for (int size : sizes) {
                measure(root, databases, size, engines, true);
            }
        } finally {
            BenchFiles.deleteTree(root);
        }
    }

    private static void measure(Path root, BenchDatabases databases, int models, List<String> engines, boolean print)
            throws IOException {
        Path folder = root.resolve("n" + models + (print ? "" : "-warmup"));
        SyntheticDbtProject project = SyntheticDbtProject.generate(folder.resolve("target"), models, 7L);
        SyntheticDbtProject next = project.nextInvocation(folder.resolve("next/target"));
        for (String engine : engines) {
            try (HikariDataSource database = "h2".equals(engine)
                    ? databases.freshH2(folder.resolve("h2"))
                    : databases.freshPostgres("lineage_" + models)) {
                CatalogMigrations.migrate(database);
                CatalogStore store = new CatalogStore(database);
                Row first = ingest(store, project);
                Row unchanged = ingest(store, next);
                if (unchanged.lineage().analysed() != 0) {
                    throw new IllegalStateException("the unchanged next run analysed "
                            + unchanged.lineage().analysed() + " models again");
                }
                if (print) {
                    print(models, engine, "first", first);
                    print(models, engine, "next run, unchanged", unchanged);
                }
            }
        }
    }

    /** One ingestion as the job runs it: read, derive the lineage against the stored one, publish with it. */
    private static Row ingest(CatalogStore store, SyntheticDbtProject invocation) {
        RunRef run = TestRuns.run(
                BenchIngestion.PROJECT.projectKey(),
                invocation.metadata().invocationId(),
                null,
                null,
                invocation.metadata().generatedAt(),
                invocation.directory().toString());
        long start = System.nanoTime();
        CatalogSnapshot snapshot = new ArtifactSnapshotReader()
                .read(
                        new ArtifactFiles(invocation.manifest(), invocation.runResults(), invocation.catalog(), null),
                        run);
        double read = Floor.seconds(start);
        long lineageStart = System.nanoTime();
        ColumnLineage lineage =
                LINEAGE.derive(snapshot, store.storedColumnLineage(BenchIngestion.PROJECT.projectKey()));
        double lineageSeconds = Floor.seconds(lineageStart);
        long publishStart = System.nanoTime();
        PublishResult result =
                store.publish(BenchIngestion.PROJECT, snapshot.withColumnLineage(lineage), Instant.now());
        return new Row(read, lineageSeconds, Floor.seconds(publishStart), lineage, result);
    }

    private record Row(
            double read, double lineageSeconds, double publish, ColumnLineage lineage, PublishResult result) {}

    private static void print(int models, String engine, String label, Row row) {
        OUT.printf(
                Locale.ROOT,
                "| %,d | %s | %s | %.2f | %.2f | %,d / %,d | %,d | %.2f | %.2f |%n",
                models,
                engine,
                label,
                row.read(),
                row.lineageSeconds(),
                row.lineage().analysed(),
                row.lineage().reused(),
                row.lineage().edges().size(),
                row.publish(),
                row.lineageSeconds() / (row.read() + row.publish()));
    }
}
