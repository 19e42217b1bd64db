package io.dbtcatalog.ingest.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.ToDoubleFunction;

/**
 * Measures the floors the benchmark's ingestions are divided by ({@link Floor}): in the benchmark's JVM and, with
 * {@code -Dbench.cold=true}, in cold JVMs ({@link ColdFloor}); when H2 is among the engines, H2's own floor too
 * ({@link H2Floor}). Each floor is printed and reported as a row of the table.
 */
final class FloorPhase {

    private final BenchSettings settings;
    private final HeapMeter heap;
    private final Path coldArchive;
    private final PrintStream out;
    private final BiConsumer<BenchTable.Row, Boolean> report;

    FloorPhase(
            BenchSettings settings,
            HeapMeter heap,
            Path coldArchive,
            PrintStream out,
            BiConsumer<BenchTable.Row, Boolean> report) {
        this.settings = settings;
        this.heap = heap;
        this.coldArchive = coldArchive;
        this.out = out;
        this.report = report;
    }

    /**
     * The floors an ingestion is compared with: measured in this JVM, and with {@code -Dbench.cold=true} also in cold
     * JVMs of their own ({@link ColdFloor}); {@code cold} is {@code warm} otherwise. With {@code -Dbench.cold=true},
     * {@code coldAgain} measures the floor once more in a cold JVM, for an engine ({@code postgres}: the parse plus
     * the bare {@code COPY}; {@code h2}: the parse plus H2's own bare load), and returns its seconds; null otherwise.
     */
    record Floors(Floor.Result warm, Floor.Result cold, ToDoubleFunction<String> coldAgain) {}

    /**
     * The floor of {@code project}; with {@code nextRun} the next run's own: parsing its files and a bare COPY of its
     * history rows, as its ratio's base.
     */
    Floors measure(
            SyntheticDbtProject project,
            String label,
            Path folder,
            BenchDatabases databases,
            boolean record,
            boolean nextRun) {
        boolean h2 = settings.engines().contains("h2");
        try (HikariDataSource database = databases.freshPostgres("floor_" + label);
                HikariDataSource h2Database = h2 ? databases.freshH2(folder.resolve("h2-floor")) : null) {
            new BenchIngestion(database).prepare();
            if (h2) {
                new BenchIngestion(h2Database).prepare();
            }
            heap.reset();
            Floor.Result floor = nextRun
                    ? Floor.measureNextRun(project, database, h2Database, folder, settings.floorRepeats())
                    : Floor.measure(project, database, h2Database, folder, settings.floorRepeats());
            BenchTable.Row row = new BenchTable.Row(
                    "floor",
                    project.models(),
                    nextRun ? "next run" : "-",
                    floor.rows(),
                    floor.parseSeconds(),
                    floor.copySeconds(),
                    floor.seconds(),
                    heap.peakBytes(),
                    heap.afterGcBytes());
            out.printf(
                    Locale.ROOT,
                    "  floor%s (fastest of %d): %d tokens, %d objects parsed; rows %s%n",
                    nextRun ? " of the next run" : "",
                    settings.floorRepeats(),
                    floor.tokens(),
                    floor.objects(),
                    floor.rowsByTable());
            report.accept(row, record);
            reportH2("floor-h2", project.models(), nextRun, floor, record);
            if (!settings.cold()) {
                return new Floors(floor, floor, null);
            }
            if (h2) {
                h2Database.close(); // an H2 file is opened by one process at a time: the cold floor's
            }
            ColdFloor.Target target = new ColdFloor.Target(coldArchive, project, folder, floor, out);
            Floor.Result cold = ColdFloor.measure(
                    target,
                    database.getJdbcUrl(),
                    database.getUsername(),
                    h2 ? h2Database.getJdbcUrl() : null,
                    settings.floorRepeats());
            out.printf(
                    Locale.ROOT,
                    "  floor%s in cold JVMs (fastest of %d)%n",
                    nextRun ? " of the next run" : "",
                    settings.floorRepeats());
            report.accept(
                    new BenchTable.Row(
                            "floor-cold",
                            project.models(),
                            nextRun ? "next run" : "-",
                            cold.rows(),
                            cold.parseSeconds(),
                            cold.copySeconds(),
                            cold.seconds(),
                            0,
                            0),
                    record);
            reportH2("floor-h2-cold", project.models(), nextRun, cold, record);
            String url = database.getJdbcUrl();
            String user = database.getUsername();
            String h2Url = h2 ? h2Database.getJdbcUrl() : null;
            ToDoubleFunction<String> again = engine ->
                    "h2".equals(engine) ? ColdFloor.once(target, h2Url, "sa") : ColdFloor.once(target, url, user);
            return new Floors(floor, cold, again);
        }
    }

    /** The row of H2's own floor ({@link H2Floor}) when it was measured: the parse pass plus H2's bare load. */
    private void reportH2(String name, int models, boolean nextRun, Floor.Result floor, boolean record) {
        if (!Double.isNaN(floor.h2LoadSeconds())) {
            BenchTable.Row row = new BenchTable.Row(
                    name,
                    models,
                    nextRun ? "next run" : "-",
                    floor.rows(),
                    floor.parseSeconds(),
                    floor.h2LoadSeconds(),
                    floor.h2Seconds(),
                    0,
                    0);
            report.accept(row, record);
        }
    }
}
