package io.dbtcatalog.ingest.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The floor measured the way the cold ingestions are ({@code -Dbench.cold=true}, decision 0023): each attempt in a JVM
 * of its own, started as {@link ColdPhase} starts a cold ingestion, times a bare parse pass over the files and then a
 * bare bulk load of the rows into new UNLOGGED tables, so the floor's JVM too loads its classes and compiles its loop
 * while it works. H2's own floor ({@link H2Floor}) is measured in JVMs of its own too, each parsing the files first as
 * an ingestion does before it writes. As for {@link Floor}, the fastest attempt of each part counts; the parse is the
 * same pass in every one of these JVMs, so the fastest of them all is the parse of both floors.
 */
final class ColdFloor {

    private static final String RESULT = "cold-floor" + ColdPhase.RESULT_MARK;

    private ColdFloor() {}

    /**
     * What every cold floor JVM of {@code project} needs: the class-data-sharing {@code archive} they start on, the
     * {@code workFolder} where its {@code warm} floor, just measured, rendered the COPY files, and where their other
     * output goes.
     */
    record Target(Path archive, SyntheticDbtProject project, Path workFolder, Floor.Result warm, PrintStream out) {}

    /**
     * The cold floor of the target's project, into the PostgreSQL database at {@code url}, and into the H2 database
     * at {@code h2Url} unless it is null.
     */
    static Floor.Result measure(Target target, String url, String user, String h2Url, int repeats) {
        Floor.Result warm = target.warm();
        double[] postgres = fastest(target, url, user, repeats);
        Floor.Result cold = new Floor.Result(
                postgres[0], warm.tokens(), warm.objects(), warm.bytes(), postgres[1], warm.rowsByTable());
        if (h2Url == null) {
            return cold;
        }
        double[] h2 = fastest(target, h2Url, "sa", repeats);
        return new Floor.Result(
                Math.min(postgres[0], h2[0]),
                warm.tokens(),
                warm.objects(),
                warm.bytes(),
                postgres[1],
                warm.rowsByTable(),
                h2[1]);
    }

    /**
     * One more cold attempt of the target's floor into the database at {@code url} (PostgreSQL's or H2's, as {@link
     * #measure} left it): its parse plus its load, in seconds. The benchmark runs one right before each cold
     * ingestion it pairs with a floor, so that both see the machine as it is at that moment.
     */
    static double once(Target target, String url, String user) {
        double[] attempt = fastest(target, url, user, 1);
        return attempt[0] + attempt[1];
    }

    /** The fastest parse and the fastest load of {@code repeats} cold JVMs loading into the database at {@code url}. */
    private static double[] fastest(Target target, String url, String user, int repeats) {
        Path archive = target.archive();
        SyntheticDbtProject project = target.project();
        Path workFolder = target.workFolder();
        Floor.Result warm = target.warm();
        PrintStream out = target.out();
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
        double loadSeconds = Double.MAX_VALUE;
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
            double parse = Double.parseDouble(fields[0]);
            double load = Double.parseDouble(fields[1]);
            out.printf(
                    Locale.ROOT,
                    "    cold floor JVM (%s): parse %.2f s + load %.2f s = %.2f s%n",
                    url.startsWith("jdbc:h2:") ? "h2" : "postgres",
                    parse,
                    load,
                    parse + load);
            parseSeconds = Math.min(parseSeconds, parse);
            loadSeconds = Math.min(loadSeconds, load);
        }
        return new double[] {parseSeconds, loadSeconds};
    }

    /**
     * The child: url (PostgreSQL's or H2's), user, the COPY files' folder, the tables (comma-separated), then the
     * artifact files.
     */
    public static void main(String[] args) {
        boolean h2 = args[0].startsWith("jdbc:h2:");
        DataSource database = h2 ? h2(args[0], args[1]) : postgres(args[0], args[1]);
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
        double copySeconds = h2
                ? H2Floor.bulkLoad(database, Path.of(args[2]), tables)
                : Floor.bulkLoad(database, Path.of(args[2]), tables);
        System.out.printf(
                Locale.ROOT, "%s%.6f\t%.6f\t%d\t%d%n", RESULT, parseSeconds, copySeconds, counts[0], counts[1]);
    }

    private static DataSource postgres(String url, String user) {
        PGSimpleDataSource database = new PGSimpleDataSource();
        database.setURL(url);
        database.setUser(user);
        return database;
    }

    private static DataSource h2(String url, String user) {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL(url);
        database.setUser(user);
        return database;
    }
}
