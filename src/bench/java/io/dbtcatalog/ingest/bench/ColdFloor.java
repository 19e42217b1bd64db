package io.dbtcatalog.ingest.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The floor measured the way the cold ingestions are ({@code -Dbench.cold=true}, decision 0023): each attempt in a JVM
 * of its own, started as {@link ColdPhase} starts a cold ingestion, times a bare parse pass over the files and then a
 * bare bulk load of the rows into new UNLOGGED tables, so the floor's JVM too loads its classes and compiles its loop
 * while it works. As for {@link Floor}, the fastest attempt of each part counts.
 */
final class ColdFloor {

    private static final String RESULT = "cold-floor" + ColdPhase.RESULT_MARK;

    private ColdFloor() {}

    /**
     * The cold floor of {@code project} whose {@code warm} floor was just measured in {@code workFolder} (its COPY
     * files are rendered there), into the PostgreSQL database at {@code url}.
     */
    static Floor.Result measure(
            Path archive,
            String url,
            String user,
            SyntheticDbtProject project,
            Path workFolder,
            Floor.Result warm,
            int repeats,
            PrintStream out) {
        List<String> arguments = new ArrayList<>(List.of(
                url,
                user,
                workFolder.resolve("floor").toString(),
                String.join(
                        ",",
                        warm.rowsByTable().keySet().stream().map(Enum::name).toList())));
        for (Path file : List.of(project.manifest(), project.catalog(), project.runResults())) {
            arguments.add(file.toString());
        }
        double parseSeconds = Double.MAX_VALUE;
        double copySeconds = Double.MAX_VALUE;
        for (int attempt = 0; attempt < repeats; attempt++) {
            String line = ColdPhase.child(archive, ColdFloor.class, arguments, out);
            if (!line.startsWith(RESULT)) {
                throw new IllegalStateException("the cold floor of " + project.directory() + " printed no result");
            }
            String[] fields = line.substring(RESULT.length()).split("\t");
            if (Long.parseLong(fields[2]) != warm.tokens()) {
                throw new IllegalStateException("the cold floor parsed " + fields[2] + " tokens, the floor "
                        + warm.tokens() + ": not the same files");
            }
            parseSeconds = Math.min(parseSeconds, Double.parseDouble(fields[0]));
            copySeconds = Math.min(copySeconds, Double.parseDouble(fields[1]));
        }
        return new Floor.Result(
                parseSeconds, warm.tokens(), warm.objects(), warm.bytes(), copySeconds, warm.rowsByTable());
    }

    /** The child: url, user, the COPY files' folder, the tables (comma-separated), then the artifact files. */
    public static void main(String[] args) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(args[0]);
        database.setUser(args[1]);
        Set<FloorRows.Table> tables = EnumSet.noneOf(FloorRows.Table.class);
        for (String table : args[3].split(",")) {
            tables.add(FloorRows.Table.valueOf(table));
        }
        List<Path> files = new ArrayList<>();
        for (int i = 4; i < args.length; i++) {
            files.add(Path.of(args[i]));
        }
        long start = System.nanoTime();
        long[] counts = Floor.parse(files);
        double parseSeconds = Floor.seconds(start);
        double copySeconds = Floor.bulkLoad(database, Path.of(args[2]), tables);
        System.out.printf(
                Locale.ROOT, "%s%.6f\t%.6f\t%d\t%d%n", RESULT, parseSeconds, copySeconds, counts[0], counts[1]);
    }
}
