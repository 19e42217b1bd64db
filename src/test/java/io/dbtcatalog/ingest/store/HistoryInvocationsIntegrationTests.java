package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.T2;
import static io.dbtcatalog.ingest.store.ShopFixture.count;
import static io.dbtcatalog.ingest.store.ShopFixture.rows;
import static io.dbtcatalog.ingest.store.ShopFixture.shop;
import static io.dbtcatalog.ingest.support.TestCatalog.modelId;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.TestCatalog;
import io.dbtcatalog.ingest.support.TestDatabases;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Since V14 ({@code ingestion_history_invocation}, decision 0019) a publish searches a history table only for the
 * invocations that table already holds rows of: new invocations are appended and registered, and history rows of an
 * invocation stored before are still never duplicated, on H2 and PostgreSQL.
 */
class HistoryInvocationsIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");
    private static final String REGISTERED = """
            SELECT history_table, invocation_id, ingestion_run_id
            FROM ingestion_history_invocation ORDER BY history_table, invocation_id
            """;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPublishRegistersTheInvocationOnceForEachHistoryTableItAppendedRowsTo(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            DataSource ds = db.dataSource();
            CatalogStore store = new CatalogStore(ds);
            // when
            PublishResult first = store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            PublishResult next = store.publish(PROJECT, shop("run-2", T2).build(), STARTED);
            // then
            long firstId = first.ingestionRunId();
            long nextId = next.ingestionRunId();
            assertThat(rows(ds, REGISTERED))
                    .containsExactly(
                            registered("catalog_run_result", "inv-run-1", firstId),
                            registered("catalog_run_result", "inv-run-2", nextId),
                            registered("catalog_source_freshness", "inv-run-1", firstId),
                            registered("catalog_source_freshness", "inv-run-2", nextId),
                            registered("catalog_test_result", "inv-run-1", firstId),
                            registered("catalog_test_result", "inv-run-2", nextId));
            assertThat(next.runResultsAdded()).isEqualTo(3);
            assertThat(count(ds, "catalog_run_result")).isEqualTo(6);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRunWhoseInvocationIsStoredAlreadyAppendsOnlyTheRowsNotStoredYet(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: run-1 stored the results of stg_orders and orders for invocation inv-run-1
            DataSource ds = db.dataSource();
            CatalogStore store = new CatalogStore(ds);
            PublishResult first =
                    store.publish(PROJECT, shop("run-1", T1, false).build(), STARTED);
            // when: another run brings the same invocation's results, one of them new
            PublishResult again = store.publish(
                    PROJECT,
                    TestCatalog.snapshot("run-1-again")
                            .invocationId("inv-run-1")
                            .generatedAt(T1)
                            .model("stg_orders")
                            .model("orders")
                            .model("customers")
                            .edge(modelId("stg_orders"), modelId("orders"))
                            .runResult("stg_orders", "success")
                            .runResult("orders", "success")
                            .runResult("customers", "error")
                            .incomplete()
                            .build(),
                    STARTED);
            // then
            assertThat(again.runResultsAdded()).isEqualTo(1);
            assertThat(rows(ds, "SELECT node_unique_id, ingestion_run_id FROM catalog_run_result ORDER BY 1"))
                    .containsExactly(
                            Map.of(
                                    "node_unique_id",
                                    "model.shop.customers",
                                    "ingestion_run_id",
                                    again.ingestionRunId()),
                            Map.of("node_unique_id", "model.shop.orders", "ingestion_run_id", first.ingestionRunId()),
                            Map.of(
                                    "node_unique_id",
                                    "model.shop.stg_orders",
                                    "ingestion_run_id",
                                    first.ingestionRunId()));
            assertThat(rows(ds, REGISTERED).stream()
                            .filter(row -> row.get("history_table").equals("catalog_run_result"))
                            .toList())
                    .containsExactly(registered("catalog_run_result", "inv-run-1", first.ingestionRunId()));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migratingRegistersTheStoredInvocationsSoTheirRowsAreNeverAppendedTwice(Engine engine) {
        try (TestDatabase db = TestDatabases.create(engine, false)) {
            // given: a catalog at V13 holding the run results of two invocations, one written by two ingestion runs
            DataSource ds = db.dataSource();
            Flyway flyway = CatalogMigrations.flyway(ds);
            Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .target("13")
                    .load()
                    .migrate();
            execute(ds, """
                    INSERT INTO catalog_run_result (project_key, node_unique_id, invocation_id, status,
                                                    ingestion_run_id)
                    VALUES ('shop', 'model.shop.orders', 'inv-run-1', 'success', 7),
                           ('shop', 'model.shop.stg_orders', 'inv-run-1', 'success', 5),
                           ('shop', 'model.shop.orders', 'inv-old', 'error', 3)
                    """);
            // when
            CatalogMigrations.migrate(ds);
            // then
            assertThat(rows(ds, REGISTERED))
                    .containsExactly(
                            registered("catalog_run_result", "inv-old", 3L),
                            registered("catalog_run_result", "inv-run-1", 5L));
            assertThat(invocationIndexes(engine, ds)).isEmpty();
            PublishResult republished =
                    new CatalogStore(ds).publish(PROJECT, shop("run-1", T1).build(), STARTED);
            assertThat(republished.runResultsAdded()).isEqualTo(1);
            assertThat(
                            rows(
                                    ds,
                                    "SELECT node_unique_id FROM catalog_run_result WHERE invocation_id = 'inv-run-1' ORDER BY 1"))
                    .extracting(row -> row.get("node_unique_id"))
                    .containsExactly("model.shop.customers", "model.shop.orders", "model.shop.stg_orders");
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theResultsTablesKeysLeadWithTheInvocationOnH2AndWithTheResourceOnPostgresql(Engine engine)
            throws SQLException {
        try (TestDatabase db = engine.create();
                Connection connection = db.dataSource().getConnection()) {
            // when
            List<String> runResultKey = primaryKey(connection, "catalog_run_result");
            List<String> statsKey = primaryKey(connection, "catalog_relation_stats");
            // then
            assertThat(runResultKey)
                    .containsExactly(
                            engine == Engine.H2
                                    ? new String[] {"project_key", "invocation_id", "node_unique_id"}
                                    : new String[] {"project_key", "node_unique_id", "invocation_id"});
            assertThat(statsKey).containsExactly("project_key", "node_unique_id", "stat_id", "invocation_id");
        }
    }

    private static List<String> primaryKey(Connection connection, String table) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String name = metadata.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        Map<Integer, String> columns = new TreeMap<>();
        try (ResultSet rs = metadata.getPrimaryKeys(null, null, name)) {
            while (rs.next()) {
                columns.put(rs.getInt("KEY_SEQ"), rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(columns.values());
    }

    private static Map<String, Object> registered(String table, String invocationId, long ingestionRunId) {
        return Map.of("history_table", table, "invocation_id", invocationId, "ingestion_run_id", ingestionRunId);
    }

    private static List<Map<String, Object>> invocationIndexes(Engine engine, DataSource ds) {
        String sql = engine == Engine.H2
                ? "SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES WHERE LOWER(INDEX_NAME) LIKE '%invocation_idx'"
                : "SELECT indexname FROM pg_indexes WHERE indexname LIKE '%invocation_idx'";
        return rows(ds, sql);
    }

    private static void execute(DataSource dataSource, String sql) {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
