package io.dbtcatalog.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.CanonicalCatalog;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.CommandLine;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestConfigs;
import io.dbtcatalog.ingest.support.TestDatabases;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "behaviour unchanged" check of refactorings: ingests every reference set of {@code ../shared/reference/artifacts}
 * (each folder with a {@code manifest.json}, source name = folder name) and the sample {@code samples/jaffle-shop}
 * (source {@code jaffle-shop-sample}) through the command line ({@code run --config FILE}, one {@code kind: local}
 * source each) into a fresh, unmigrated H2 database and a fresh embedded PostgreSQL database, dumps every
 * {@code catalog_*} table and {@code ingestion_run} as canonical text ({@link CanonicalCatalog}) and asserts that
 * both engines match the row counts and SHA-256 digests in {@value #GOLDEN_FILE}.
 *
 * <p>Columns left out because they hold the wall-clock time of the ingestion, which differs on every run:
 * <ul>
 * <li>{@code catalog_project.created_at}: when the project was first ingested;</li>
 * <li>{@code ingestion_run.started_at}, {@code ingestion_run.finished_at}: start and end of each ingestion.</li>
 * </ul>
 * Since V11 the state tables store {@code seen_at} and {@code catalog_project.complete_as_of}, from which the
 * {@code *_seen} views derive {@code last_seen_at} (sql/README.md, "Last seen"): the state tables are dumped through
 * those views, and {@code complete_as_of} is left out, so the digests keep comparing the same facts as before V11.
 * Everything else is kept. Generated ids ({@code ingestion_run.id} and the {@code last_ingestion_run_id} and
 * {@code ingestion_run_id} that refer to it) are deterministic: the sources are ingested one after the other in
 * configuration order, one ingestion each, on a new database, so each engine's identity column numbers them 1 to n.
 * The state timestamps are artifact times (sql/README.md), not wall-clock times. Absolute paths (in
 * {@code ingestion_run.location} and messages) are replaced by {@code ${artifacts}}, {@code ${sample}} and
 * {@code ${config-dir}}, so the digests do not depend on where the project is checked out. CLOBs, timestamps and
 * integer widths are read alike on both engines ({@link CatalogDump}); the H2 and PostgreSQL texts are then
 * identical, which the test asserts too. The digests also depend on the reference data: when a set in
 * {@code ../shared} is added or changed, regenerate them on the code before the refactoring.
 *
 * <p>Regenerate the golden file from the current code with
 * {@code mvn -B -o -q test -Dtest=CatalogParityIntegrationTests -Dparity.write=true} (it refuses to when H2 and
 * PostgreSQL disagree). On a mismatch, or with {@code -Dparity.dump=true}, the canonical text of every table is
 * written to {@code target/parity/<engine>/<table>.txt}: run the test with {@code -Dparity.dump=true} on the commit
 * the golden file came from, keep its {@code target/parity}, and {@code diff -r} the two folders to see the rows.
 */
class CatalogParityIntegrationTests {

    static final String GOLDEN_FILE = "src/test/resources/parity/catalog-digests.txt";

    private static final Path GOLDEN = Path.of(GOLDEN_FILE);
    private static final Path DUMPS = Path.of("target", "parity");
    private static final Path SAMPLE = Path.of("samples", "jaffle-shop").toAbsolutePath();
    private static final String SAMPLE_SOURCE = "jaffle-shop-sample";
    private static final Map<String, Set<String>> EXCLUDED_COLUMNS = Map.of(
            "catalog_project", Set.of("created_at", "complete_as_of"),
            "ingestion_run", Set.of("started_at", "finished_at"));

    @TempDir
    Path dir;

    @Test
    void everyReferenceSetIngestsIntoTheCatalogTheGoldenDigestsRecordOnBothEngines() {
        // given
        Map<String, Path> sources = sources();

        // when
        Map<Engine, CanonicalCatalog> catalogs = new EnumMap<>(Engine.class);
        for (Engine engine : Engine.values()) {
            catalogs.put(engine, ingest(engine, sources));
        }

        // then
        Map<Engine, Map<String, String>> digests = new EnumMap<>(Engine.class);
        catalogs.forEach((engine, catalog) -> digests.put(engine, catalog.digests()));
        Map<String, String> h2 = digests.get(Engine.H2);
        Map<String, String> postgres = digests.get(Engine.POSTGRESQL);
        Map<String, String> golden = write() ? h2 : readGolden();
        if (!h2.equals(golden) || !postgres.equals(golden) || write() || Boolean.getBoolean("parity.dump")) {
            catalogs.forEach((engine, catalog) -> catalog.writeTo(DUMPS.resolve(folder(engine))));
        }
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(differingTables(h2, postgres))
                .as("tables whose canonical text differs between H2 and"
                        + " PostgreSQL; diff target/parity/h2/<table>.txt target/parity/postgresql/<table>.txt")
                .isEmpty();
        if (!write()) {
            digests.forEach((engine, actual) -> softly.assertThat(differingTables(golden, actual))
                    .as(mismatch(engine, golden, actual))
                    .isEmpty());
        }
        softly.assertAll();
        if (write()) {
            writeGolden(h2);
        }
    }

    /** Source name to folder: every reference set with a manifest, then the sample. */
    private static Map<String, Path> sources() {
        Map<String, Path> sources = new LinkedHashMap<>();
        try (Stream<Path> folders = Files.list(SharedReference.artifacts())) {
            folders.filter(folder -> Files.isRegularFile(folder.resolve("manifest.json")))
                    .sorted()
                    .forEach(folder -> sources.put(folder.getFileName().toString(), folder));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(sources)
                .as("reference sets under %s", SharedReference.artifacts())
                .isNotEmpty();
        sources.put(SAMPLE_SOURCE, SAMPLE);
        return sources;
    }

    private CanonicalCatalog ingest(Engine engine, Map<String, Path> sources) {
        Path configDir = dir.resolve(folder(engine));
        try (TestDatabase db = TestDatabases.create(engine, false)) {
            String yaml = sources.entrySet().stream()
                    .map(source -> TestConfigs.localSource(source.getKey(), source.getValue(), null))
                    .collect(Collectors.joining());
            Path config = TestConfigs.write(configDir, db.jdbcUrl(), "", yaml);

            CommandLine run = CommandLine.run("run", "--config", config);

            assertThat(run.code())
                    .as("%s: run --config %s%n%s", engine, config, run.all())
                    .isZero();
            CatalogDump dump = CatalogDump.of(
                    db.dataSource(), table -> table.startsWith("catalog_") || table.equals("ingestion_run"));
            return CanonicalCatalog.of(withDerivedLastSeen(dump, db), EXCLUDED_COLUMNS, placeholders(configDir));
        }
    }

    /** The dump with each state table read through its {@code *_seen} view ({@code last_seen_at}, no {@code seen_at}). */
    private static CatalogDump withDerivedLastSeen(CatalogDump dump, TestDatabase db) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>(dump.tables());
        for (String table : List.of("catalog_node", "catalog_column", "catalog_lineage", "catalog_test")) {
            tables.put(table, CatalogDump.query(db.dataSource(), "SELECT * FROM " + table + "_seen"));
        }
        return new CatalogDump(Map.copyOf(tables));
    }

    /** Absolute paths as written and as resolved (in case a folder is reached through a link). */
    private static Map<String, String> placeholders(Path configDir) {
        Map<String, String> placeholders = new LinkedHashMap<>();
        Map.of("${artifacts}", SharedReference.artifacts(), "${sample}", SAMPLE, "${config-dir}", configDir)
                .forEach((name, path) -> {
                    placeholders.put(path.toString(), name);
                    try {
                        placeholders.put(path.toRealPath().toString(), name);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
        return placeholders;
    }

    private static Set<String> differingTables(Map<String, String> expected, Map<String, String> actual) {
        Set<String> tables = new TreeSet<>(expected.keySet());
        tables.addAll(actual.keySet());
        tables.removeIf(table -> Objects.equals(expected.get(table), actual.get(table)));
        return tables;
    }

    private static String mismatch(Engine engine, Map<String, String> golden, Map<String, String> actual) {
        String tables = differingTables(golden, actual).stream()
                .map(table -> "%n  %s: golden %s, now %s".formatted(table, golden.get(table), actual.get(table)))
                .collect(Collectors.joining());
        return ("%s: tables (rows sha-256) that differ from %s:%s%nTheir canonical text is in %s/<table>.txt; run"
                        + " this test with -Dparity.dump=true on the commit the golden file came from and diff -r the two"
                        + " target/parity folders to see the rows")
                .formatted(
                        engine,
                        GOLDEN_FILE,
                        tables,
                        DUMPS.resolve(folder(engine)).toAbsolutePath());
    }

    private static Map<String, String> readGolden() {
        assertThat(GOLDEN)
                .as("golden file; generate it with -Dparity.write=true")
                .isRegularFile();
        try (Stream<String> lines = Files.lines(GOLDEN)) {
            Map<String, String> golden = new LinkedHashMap<>();
            lines.filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split(" ", 2))
                    .forEach(parts -> golden.put(parts[0], parts[1]));
            return golden;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeGolden(Map<String, String> digests) {
        List<String> lines = Stream.concat(
                        Stream.of(
                                "# Catalog parity digests: table, rows, SHA-256 of its canonical text (CatalogParityIntegrationTests).",
                                "# Regenerate: mvn -B -o -q test -Dtest=CatalogParityIntegrationTests -Dparity.write=true"),
                        digests.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()))
                .toList();
        try {
            Files.createDirectories(GOLDEN.getParent());
            Files.write(GOLDEN, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean write() {
        return Boolean.getBoolean("parity.write");
    }

    private static String folder(Engine engine) {
        return engine.name().toLowerCase(Locale.ROOT);
    }
}
