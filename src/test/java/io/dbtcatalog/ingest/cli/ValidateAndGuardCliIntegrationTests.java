package io.dbtcatalog.ingest.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.IngestionApp;
import io.dbtcatalog.ingest.support.TargetFolder;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code validate} (checks everything, prints the dry-run diff, writes nothing) and the deletion guard of
 * {@code run} ({@code ingestion.max-delete-share}, lifted by {@code --allow-mass-delete}), end to end on the
 * sample project and an H2 file catalog.
 */
class ValidateAndGuardCliIntegrationTests {

    private static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();
    private static final String ORDERS = "model.jaffle_shop.orders";
    private static final String CUSTOMERS = "model.jaffle_shop.customers";

    @TempDir
    Path dir;

    private TargetFolder folder;
    private Path config;
    private DataSource catalog;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() {
        folder = TargetFolder.copyOf(SAMPLE, dir.resolve("target"));
        String url = "jdbc:h2:file:" + dir.resolve("db/catalog");
        config = IngestionApp.config(dir, url, Map.of("shop", folder.path()), "");
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url + ";AUTO_SERVER=TRUE");
        h2.setUser("sa");
        catalog = h2;
    }

    @Test
    void validatePrintsWhatARunWouldChangeAndWritesNothing() {
        // given: the sample ingested, then a next run that changes orders and drops customers
        assertThat(execute("run")).isZero();
        folder.newInvocation();
        folder.edit("manifest.json", m -> {
            ((ObjectNode) m.get("nodes").get(ORDERS)).put("description", "changed");
            ((ObjectNode) m.get("nodes")).remove(CUSTOMERS);
        });
        CatalogDump before = CatalogDump.of(catalog);
        List<Map<String, Object>> ledger = ledger();
        out.reset();

        // when
        int code = execute("validate");

        // then
        assertThat(code).as(stdout() + stderr()).isZero();
        assertThat(stdout())
                .contains("configuration: OK")
                .contains("schema current")
                .contains("shop (local): OK")
                .contains("latest run " + folder.invocationId())
                .contains("a run would change:")
                .contains("nodes   +0 ~1 -1 =")
                .contains("~ " + ORDERS)
                .contains("- " + CUSTOMERS)
                .contains("results +");
        assertThat(before.differences(CatalogDump.of(catalog))).isEmpty();
        assertThat(ledger()).isEqualTo(ledger);
    }

    @Test
    void validateOnPostgresRunsOnReadOnlyConnectionsAndWritesNothing() {
        try (TestDatabase db = Engine.POSTGRESQL.create()) {
            // given: the sample ingested into PostgreSQL, then a next run with one changed description
            config = IngestionApp.config(dir.resolve("pg"), db.jdbcUrl(), Map.of("shop", folder.path()), "");
            assertThat(execute("run")).isZero();
            folder.newInvocation();
            folder.edit("manifest.json", m -> ((ObjectNode) m.get("nodes").get(ORDERS)).put("description", "v2"));
            CatalogDump before = CatalogDump.of(db.dataSource());
            List<Map<String, Object>> ledger = CatalogDump.query(db.dataSource(), "SELECT * FROM ingestion_run");
            out.reset();

            // when
            int code = execute("validate");

            // then
            assertThat(code).as(stdout() + stderr()).isZero();
            assertThat(stdout())
                    .contains("schema current")
                    .contains("nodes   +0 ~1 -0 =")
                    .contains("~ " + ORDERS);
            assertThat(before.differences(CatalogDump.of(db.dataSource()))).isEmpty();
            assertThat(CatalogDump.query(db.dataSource(), "SELECT * FROM ingestion_run"))
                    .isEqualTo(ledger);
        }
    }

    @Test
    void validateOnAnEmptyDatabaseDoesNotCreateTheSchema() {
        // when
        int code = execute("validate");

        // then
        assertThat(code).as(stdout() + stderr()).isZero();
        assertThat(stdout())
                .contains("a run would first create or migrate the schema (V1")
                .contains("shop (local): OK")
                .contains("artifacts: 42 nodes");
        assertThat(CatalogDump.query(
                        catalog,
                        "SELECT table_name FROM information_schema.tables"
                                + " WHERE LOWER(table_name) IN ('catalog_node', 'flyway_schema_history')"))
                .isEmpty();
    }

    @Test
    void validateFailsWithExitOneWhenASourceCannotBeRead() {
        // given
        folder.write("manifest.json", "{\"metadata\": {");

        // when
        int code = execute("validate");

        // then
        assertThat(code).isEqualTo(IngestCli.FAILED);
        assertThat(stdout())
                .contains("shop (local): FAILED")
                .contains("error: listing runs: ")
                .contains(folder.file("manifest.json").toString());
    }

    @Test
    void massDeletionIsRefusedUntilAllowedAndValidateForeseesIt() {
        // given: the sample ingested, then a next run whose manifest lost every model, test and snapshot
        assertThat(execute("run")).isZero();
        folder.newInvocation();
        folder.edit("manifest.json", m -> {
            ObjectNode nodes = (ObjectNode) m.get("nodes");
            List.copyOf(nodes.propertyNames()).stream()
                    .filter(id -> !id.startsWith("seed."))
                    .forEach(nodes::remove);
        });
        CatalogDump before = CatalogDump.of(catalog);
        out.reset();

        // when
        int validate = execute("validate");
        String validated = stdout();
        out.reset();
        int refused = execute("run");
        String refusal = stdout();
        CatalogDump afterRefusal = CatalogDump.of(catalog);
        List<Map<String, Object>> ledgerAfterRefusal = ledger();
        out.reset();
        int allowed = execute("run", "--allow-mass-delete");

        // then
        assertThat(validate).isEqualTo(IngestCli.FAILED);
        assertThat(validated)
                .contains("a run would STOP: the snapshot would soft-delete")
                .contains("--allow-mass-delete");
        assertThat(refused).isEqualTo(IngestCli.FAILED);
        assertThat(refusal)
                .contains("FAILED")
                .contains("catalog unchanged")
                .contains("ingestion.max-delete-share allows (50%); nothing was written")
                .contains("run again with --allow-mass-delete");
        assertThat(before.differences(afterRefusal)).isEmpty();
        assertThat(ledgerAfterRefusal.get(ledgerAfterRefusal.size() - 1)).containsEntry("status", "FAILED");
        assertThat(allowed).as(stdout()).isZero();
        assertThat(stdout()).contains("ingested").containsPattern("nodes   \\+0 ~0 -\\d+ =");
    }

    @Test
    void maxDeleteShareOutsideZeroToOneFailsStartUpNamingTheKey() {
        // given
        config = IngestionApp.config(
                dir,
                "jdbc:h2:file:" + dir.resolve("db/catalog"),
                Map.of("shop", folder.path()),
                "  max-delete-share: 1.5\n");

        // when
        int code = execute("run");

        // then
        assertThat(code).isEqualTo(IngestCli.USAGE);
        assertThat(stderr()).contains("ingestion.max-delete-share");
    }

    @Test
    void validateOfAnUnknownSourceIsAUsageError() {
        assertThat(execute("validate", "--source", "nope")).isEqualTo(IngestCli.USAGE);
        assertThat(stderr()).contains("no source named 'nope'");
    }

    private int execute(String command, String... options) {
        String[] args = new String[options.length + 3];
        args[0] = command;
        args[1] = "--config";
        args[2] = config.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return new IngestCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8))
                .execute(args);
    }

    private List<Map<String, Object>> ledger() {
        return CatalogDump.query(catalog, "SELECT id, run_key, status FROM ingestion_run ORDER BY id");
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
