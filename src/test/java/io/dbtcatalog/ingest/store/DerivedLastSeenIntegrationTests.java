package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.T2;
import static io.dbtcatalog.ingest.store.ShopFixture.T3;
import static io.dbtcatalog.ingest.store.ShopFixture.row;
import static io.dbtcatalog.ingest.store.ShopFixture.rows;
import static io.dbtcatalog.ingest.store.ShopFixture.shop;
import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestDatabases;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code last_seen_at} is derived (V11): a complete snapshot records its time once on the project, the state rows
 * keep {@code seen_at}, and the {@code *_seen} views give every row the same {@code last_seen_at} the column used to
 * hold, on H2 and PostgreSQL.
 */
class DerivedLastSeenIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");
    private static final Set<String> STATE_TABLES =
            Set.of("catalog_node", "catalog_column", "catalog_lineage", "catalog_test");
    private static final List<String> VIEWS =
            List.of("catalog_node_seen", "catalog_column_seen", "catalog_lineage_seen", "catalog_test_seen");

    @ParameterizedTest
    @EnumSource(Engine.class)
    void nextRunOfAnUnchangedProjectWritesItsHistoryAndTheProjectRowButNoStateRow(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            DataSource ds = db.dataSource();
            CatalogStore store = new CatalogStore(ds);
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            CatalogDump stateBefore = CatalogDump.of(ds, STATE_TABLES::contains);
            // when
            PublishResult next = store.publish(PROJECT, shop("run-2", T2).build(), STARTED);
            // then
            assertThat(stateBefore.differences(CatalogDump.of(ds, STATE_TABLES::contains)))
                    .isEmpty();
            assertThat(next.nodes()).isEqualTo(new ChangeCounts(0, 0, 0, 6));
            assertThat(next.rowsWritten()).isEqualTo(2 + 3 + 1 + 1);
            assertThat(row(ds, "SELECT state_as_of, complete_as_of FROM catalog_project"))
                    .containsEntry("state_as_of", T2)
                    .containsEntry("complete_as_of", T2);
            for (String view : VIEWS) {
                assertThat(rows(ds, "SELECT DISTINCT first_seen_at, last_seen_at FROM " + view))
                        .as(view)
                        .containsExactly(Map.of("first_seen_at", T1, "last_seen_at", T2));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRowDeletedByACompleteSnapshotKeepsTheTimeItWasLastSeen(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given: customers seen by the complete snapshots of T1 and T2, gone at T3
            DataSource ds = db.dataSource();
            CatalogStore store = new CatalogStore(ds);
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            store.publish(PROJECT, shop("run-2", T2).build(), STARTED);
            // when
            PublishResult result =
                    store.publish(PROJECT, shop("run-3", T3, false).build(), STARTED);
            // then
            assertThat(result.nodes()).isEqualTo(new ChangeCounts(0, 0, 1, 5));
            assertThat(row(ds, "SELECT * FROM catalog_node_seen WHERE unique_id = 'model.shop.customers'"))
                    .containsEntry("deleted_at", T3)
                    .containsEntry("last_seen_at", T2);
            assertThat(rows(ds, "SELECT DISTINCT last_seen_at FROM catalog_column_seen WHERE deleted_at IS NOT NULL"))
                    .containsExactly(Map.of("last_seen_at", T2));
            assertThat(row(ds, "SELECT * FROM catalog_node_seen WHERE unique_id = 'model.shop.orders'"))
                    .containsEntry("deleted_at", null)
                    .containsEntry("last_seen_at", T3);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anIncompleteSnapshotMarksOnlyTheRowsItHasAndACompleteOneAllActiveRows(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            DataSource ds = db.dataSource();
            CatalogStore store = new CatalogStore(ds);
            store.publish(PROJECT, shop("run-1", T1).build(), STARTED);
            // when: an incomplete snapshot without customers, then a complete one with it
            store.publish(PROJECT, shop("run-2", T2, false).incomplete().build(), STARTED);
            Map<String, Object> customersAfterIncomplete =
                    row(ds, "SELECT last_seen_at FROM catalog_node_seen WHERE unique_id = 'model.shop.customers'");
            Map<String, Object> ordersAfterIncomplete =
                    row(ds, "SELECT last_seen_at FROM catalog_node_seen WHERE unique_id = 'model.shop.orders'");
            PublishResult complete = store.publish(PROJECT, shop("run-3", T3).build(), STARTED);
            // then
            assertThat(customersAfterIncomplete).containsEntry("last_seen_at", T1);
            assertThat(ordersAfterIncomplete).containsEntry("last_seen_at", T2);
            assertThat(complete.nodes()).isEqualTo(new ChangeCounts(0, 0, 0, 6));
            assertThat(rows(ds, "SELECT DISTINCT last_seen_at FROM catalog_node_seen"))
                    .containsExactly(Map.of("last_seen_at", T3));
            assertThat(row(ds, "SELECT complete_as_of FROM catalog_project")).containsEntry("complete_as_of", T3);
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void migratingAnExistingCatalogKeepsEveryLastSeenTime(Engine engine) {
        try (TestDatabase db = TestDatabases.create(engine, false)) {
            // given: a catalog at V7 whose rows hold last_seen_at as a column
            DataSource ds = db.dataSource();
            Flyway flyway = CatalogMigrations.flyway(ds);
            Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .target("7")
                    .load()
                    .migrate();
            execute(ds, """
                    INSERT INTO catalog_project (project_key, source_kind, created_at, state_as_of)
                    VALUES ('shop', 'local', TIMESTAMP WITH TIME ZONE '2024-03-05 10:00:00+00',
                            TIMESTAMP WITH TIME ZONE '2024-03-02 06:00:00+00')
                    """);
            execute(ds, """
                    INSERT INTO catalog_node (project_key, unique_id, resource_type, tags, meta, content_hash,
                                              first_seen_at, last_seen_at, last_changed_at, deleted_at)
                    VALUES ('shop', 'model.shop.orders', 'model', '[]', '{}', 'h',
                            TIMESTAMP WITH TIME ZONE '2024-03-01 06:00:00+00',
                            TIMESTAMP WITH TIME ZONE '2024-03-02 06:00:00+00',
                            TIMESTAMP WITH TIME ZONE '2024-03-01 06:00:00+00', NULL),
                           ('shop', 'model.shop.gone', 'model', '[]', '{}', 'h',
                            TIMESTAMP WITH TIME ZONE '2024-03-01 06:00:00+00',
                            TIMESTAMP WITH TIME ZONE '2024-03-01 06:00:00+00',
                            TIMESTAMP WITH TIME ZONE '2024-03-02 06:00:00+00',
                            TIMESTAMP WITH TIME ZONE '2024-03-02 06:00:00+00')
                    """);
            // when
            CatalogMigrations.migrate(ds);
            // then
            assertThat(rows(ds, "SELECT unique_id, last_seen_at FROM catalog_node_seen ORDER BY unique_id"))
                    .containsExactly(
                            Map.of("unique_id", "model.shop.gone", "last_seen_at", T1),
                            Map.of("unique_id", "model.shop.orders", "last_seen_at", T2));
            assertThat(row(ds, "SELECT complete_as_of FROM catalog_project")).containsEntry("complete_as_of", null);
        }
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
