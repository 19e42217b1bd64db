package io.dbtcatalog.ingest.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;

/**
 * What the hardware sets for one ingestion: (a) one bare streaming pass over the artifacts ({@code nextToken} to
 * the end, no string decoding, no objects) plus (b) one bare bulk load of the same rows a first ingestion writes,
 * with {@code COPY ... FROM STDIN} into UNLOGGED tables shaped like the catalog tables (no keys, no indexes). When an
 * H2 database is given, (c) the same rows' bare load into H2 ({@link H2Floor}) too: the embedded engine's own floor.
 */
final class Floor {

    /** The two measured parts of the floor. */
    record Result(
            double parseSeconds,
            long tokens,
            long objects,
            long bytes,
            double copySeconds,
            Map<FloorRows.Table, Long> rowsByTable,
            double h2LoadSeconds) {

        /** A floor without H2's load. */
        Result(
                double parseSeconds,
                long tokens,
                long objects,
                long bytes,
                double copySeconds,
                Map<FloorRows.Table, Long> rowsByTable) {
            this(parseSeconds, tokens, objects, bytes, copySeconds, rowsByTable, Double.NaN);
        }

        double seconds() {
            return parseSeconds + copySeconds;
        }

        /** The parse pass plus H2's bare load: H2's own floor; NaN when H2's load was not measured. */
        double h2Seconds() {
            return parseSeconds + h2LoadSeconds;
        }

        /** {@code ", x1.23 H2's own floor"} for an H2 ingestion of {@code seconds}; empty when H2's load was not measured. */
        String ownFloorRatio(double seconds) {
            return Double.isNaN(h2LoadSeconds)
                    ? ""
                    : String.format(Locale.ROOT, ", x%.2f H2's own floor", seconds / h2Seconds());
        }

        Result withH2Load(double seconds) {
            return new Result(parseSeconds, tokens, objects, bytes, copySeconds, rowsByTable, seconds);
        }

        long rows() {
            return rowsByTable.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private Floor() {}

    /**
     * Renders the COPY files (untimed), then times the parse pass and the bulk load into {@code database}, which
     * must be a fresh PostgreSQL database on which the catalog migrations ran (the floor tables copy their shape
     * with {@code LIKE}), and into the H2 database {@code h2} (migrated too; null for none). Each part is measured
     * {@code repeats} times, into new tables, and the fastest counts: the floor is a lower bound, so noise from other
     * processes on the machine must not inflate it.
     */
    static Result measure(
            SyntheticDbtProject project, DataSource database, DataSource h2, Path workFolder, int repeats) {
        return measure(project, database, h2, workFolder, repeats, Set.of(FloorRows.Table.values()));
    }

    /**
     * The floor of the next run of an unchanged project: the same parse pass over its files, and a bulk load of its
     * history rows only (all it must write; the state is unchanged).
     */
    static Result measureNextRun(
            SyntheticDbtProject next, DataSource database, DataSource h2, Path workFolder, int repeats) {
        Set<FloorRows.Table> history = EnumSet.noneOf(FloorRows.Table.class);
        for (FloorRows.Table table : FloorRows.Table.values()) {
            if (table.history()) {
                history.add(table);
            }
        }
        return measure(next, database, h2, workFolder, repeats, history);
    }

    private static Result measure(
            SyntheticDbtProject project,
            DataSource database,
            DataSource h2,
            Path workFolder,
            int repeats,
            Set<FloorRows.Table> tables) {
        Path copyFolder = workFolder.resolve("floor");
        Map<FloorRows.Table, Long> rows = new EnumMap<>(FloorRows.render(project, copyFolder));
        rows.keySet().retainAll(tables);
        double parseSeconds = Double.MAX_VALUE;
        double copySeconds = Double.MAX_VALUE;
        double h2Seconds = h2 == null ? Double.NaN : Double.MAX_VALUE;
        long[] counts = null;
        for (int attempt = 0; attempt < repeats; attempt++) {
            long start = System.nanoTime();
            counts = parse(List.of(project.manifest(), project.catalog(), project.runResults()));
            parseSeconds = Math.min(parseSeconds, seconds(start));
            copySeconds = Math.min(copySeconds, bulkLoad(database, copyFolder, tables));
            if (h2 != null) {
                h2Seconds = Math.min(h2Seconds, H2Floor.bulkLoad(h2, copyFolder, tables));
            }
        }
        return new Result(parseSeconds, counts[0], counts[1], project.totalBytes(), copySeconds, rows, h2Seconds);
    }

    /** Tokens and objects of a bare streaming pass over the files. */
    static long[] parse(List<Path> files) {
        long tokens = 0;
        long objects = 0;
        for (Path file : files) {
            try (JsonParser parser = Json.FACTORY.createParser(ObjectReadContext.empty(), file)) {
                JsonToken token;
                while ((token = parser.nextToken()) != null) {
                    tokens++;
                    if (token == JsonToken.START_OBJECT) {
                        objects++;
                    }
                }
            }
        }
        return new long[] {tokens, objects};
    }

    /**
     * Times one bare bulk load of {@code tables}' rows rendered in {@code copyFolder} into new UNLOGGED tables of
     * {@code database}; returns its seconds.
     */
    static double bulkLoad(DataSource database, Path copyFolder, Set<FloorRows.Table> tables) {
        try (Connection connection = database.getConnection();
                Statement statement = connection.createStatement()) {
            for (FloorRows.Table table : FloorRows.Table.values()) {
                statement.execute("DROP TABLE IF EXISTS " + table.floorTable());
                statement.execute("CREATE UNLOGGED TABLE " + table.floorTable() + " (LIKE " + table.catalogTable
                        + " INCLUDING DEFAULTS)");
            }
            CopyManager copy = new CopyManager(connection.unwrap(BaseConnection.class));
            long start = System.nanoTime();
            for (FloorRows.Table table : tables) {
                try (InputStream in = Files.newInputStream(FloorRows.file(copyFolder, table))) {
                    copy.copyIn("COPY " + table.floorTable() + " (" + table.columns + ") FROM STDIN", in, 1 << 16);
                }
            }
            return seconds(start);
        } catch (SQLException e) {
            throw new IllegalStateException("floor bulk load into PostgreSQL failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the floor COPY files in " + copyFolder, e);
        }
    }

    static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
