package io.dbtcatalog.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.support.CatalogDump;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new H2 file catalog copied from the packaged template ({@link H2Template}) is the catalog Flyway would have made:
 * the same schema and history, the configured user as H2's creator, dated now, and a later build's migrations apply
 * to it as to a Flyway-born one. On H2 only: the template is an H2 file, PostgreSQL catalogs are never copied.
 */
class H2TemplateIntegrationTests {

    private static final String USER = "catalog_owner";
    private static final String PASSWORD = "Pa55-w0rd with spaces";

    /** The INFORMATION_SCHEMA views that describe a schema, and the columns of theirs that are counters. */
    private static final List<String> SCHEMA_VIEWS = List.of(
            "TABLES",
            "COLUMNS",
            "INDEXES",
            "INDEX_COLUMNS",
            "TABLE_CONSTRAINTS",
            "KEY_COLUMN_USAGE",
            "REFERENTIAL_CONSTRAINTS",
            "CHECK_CONSTRAINTS",
            "VIEWS",
            "SEQUENCES",
            "USERS",
            "ROLES",
            "RIGHTS");

    @TempDir
    Path dir;

    @Test
    void aTemplateBornCatalogHasTheSchemaAndHistoryOfAFlywayBornOne() {
        // given
        Path flywayBorn = dir.resolve("flyway/catalog");
        CatalogMigrations.migrate(dataSource(flywayBorn, USER, PASSWORD));

        // when
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        assertThat(create(dir.resolve("template/catalog"), USER, PASSWORD)).isTrue();

        // then
        DataSource flyway = dataSource(flywayBorn, USER, PASSWORD);
        DataSource template = dataSource(dir.resolve("template/catalog"), USER, PASSWORD);
        for (String view : SCHEMA_VIEWS) {
            assertThat(schema(template, view)).as(view).isEqualTo(schema(flyway, view));
        }
        assertThat(CatalogDump.of(template, name -> !name.equals("flyway_schema_history")))
                .isEqualTo(CatalogDump.of(flyway, name -> !name.equals("flyway_schema_history")));
        assertThat(history(template)).isEqualTo(history(flyway)).hasSizeGreaterThan(14);
        assertThat(CatalogDump.query(template, "SELECT \"installed_by\" FROM \"flyway_schema_history\""))
                .extracting(row -> row.get("installed_by"))
                .containsOnly("CATALOG_OWNER");
        assertThat(CatalogDump.query(template, "SELECT MIN(\"installed_on\") AS first FROM \"flyway_schema_history\""))
                .extracting(row -> (Instant) row.get("first"))
                .allSatisfy(first -> assertThat(first).isAfterOrEqualTo(before));
        assertThat(SchemaStatus.read(template).current()).isTrue();
    }

    @Test
    void flywayValidatesATemplateBornCatalogAndAppliesALaterMigrationToIt() {
        // given
        Path database = dir.resolve("catalog");
        assertThat(create(database, "sa", "")).isTrue();
        DataSource dataSource = dataSource(database, "sa", "");

        // when: a later build ships one more migration; Flyway validates the applied ones' checksums first
        Flyway later = Flyway.configure()
                .dataSource(dataSource)
                .locations(CatalogMigrations.COMMON, CatalogMigrations.H2, "classpath:db/template-next")
                .load();
        MigrateResult result = later.migrate();
        later.validate();

        // then
        assertThat(result.success).isTrue();
        assertThat(result.migrations).extracting(m -> m.version).containsExactly("99");
        assertThat(CatalogDump.query(dataSource, "SELECT COUNT(*) AS n FROM catalog_template_next"))
                .containsExactly(Map.of("n", 0L));
        assertThat(CatalogMigrations.flyway(dataSource).info().pending()).isEmpty();
    }

    @Test
    void theTemplateHoldsExactlyThePackagedMigrationsAndNoPassword() throws IOException {
        // given
        Path database = dir.resolve("catalog");
        assertThat(create(database, USER, PASSWORD)).isTrue();
        DataSource dataSource = dataSource(database, USER, PASSWORD);

        // then
        List<String> applied = CatalogDump.query(
                        dataSource,
                        "SELECT \"version\", \"description\" FROM \"flyway_schema_history\""
                                + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\"")
                .stream()
                .map(row -> "V" + row.get("version") + " " + row.get("description"))
                .toList();
        assertThat(applied)
                .isEqualTo(SchemaStatus.shipped(false).stream()
                        .map(SchemaStatus.Shipped::label)
                        .toList());
        assertThat(new String(
                        Files.readAllBytes(database.resolveSibling("catalog.mv.db")), StandardCharsets.ISO_8859_1))
                .doesNotContain(PASSWORD);
    }

    @Test
    void theConfiguredUserIsTheOnlyUserAndTheTemplatesCreatorCannotConnect() {
        // given
        Path database = dir.resolve("catalog");

        // when
        assertThat(create(database, USER, PASSWORD)).isTrue();

        // then
        assertThat(CatalogDump.query(
                        dataSource(database, USER, PASSWORD),
                        "SELECT user_name, is_admin FROM information_schema.users"))
                .containsExactly(Map.of("user_name", "CATALOG_OWNER", "is_admin", true));
        assertThatThrownBy(() -> dataSource(database, "sa", "").getConnection().close())
                .hasMessageContaining("Wrong user name or password");
        assertThatThrownBy(() ->
                        dataSource(database, USER, "wrong").getConnection().close())
                .hasMessageContaining("Wrong user name or password");
    }

    @Test
    void missingFoldersAreCreatedAsH2WouldAndNoScratchFileIsLeft() throws IOException {
        // given
        Path database = dir.resolve("a/b/catalog");

        // when
        assertThat(create(database, "sa", "")).isTrue();

        // then
        try (Stream<Path> files = Files.list(dir.resolve("a/b"))) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("catalog.mv.db");
        }
        assertThat(SchemaStatus.read(dataSource(database, "sa", "")).current()).isTrue();
    }

    private boolean create(Path database, String user, String password) {
        String url = url(database) + ";AUTO_SERVER=TRUE";
        return H2Template.createIfNew(url, url, user, password);
    }

    static String url(Path database) {
        return "jdbc:h2:file:" + database.toAbsolutePath();
    }

    static DataSource dataSource(Path database, String user, String password) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url(database));
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    /** One INFORMATION_SCHEMA view's rows, every column but H2's modification counters, in a stable order. */
    private static List<Map<String, Object>> schema(DataSource dataSource, String view) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : CatalogDump.query(dataSource, "SELECT * FROM information_schema." + view)) {
            Map<String, Object> kept = new LinkedHashMap<>(row);
            kept.remove("last_modification");
            if (!"INFORMATION_SCHEMA".equals(kept.get("table_schema"))
                    && !"INFORMATION_SCHEMA".equals(kept.get("constraint_schema"))) {
                rows.add(kept);
            }
        }
        rows.sort((a, b) -> a.toString().compareTo(b.toString()));
        return rows;
    }

    /** Flyway's history rows without their times (when and how long). */
    private static List<Map<String, Object>> history(DataSource dataSource) {
        return CatalogDump.query(dataSource, """
                SELECT "installed_rank", "version", "description", "type", "script", "checksum", "installed_by",
                       "success"
                FROM "flyway_schema_history" ORDER BY "installed_rank"
                """);
    }
}
