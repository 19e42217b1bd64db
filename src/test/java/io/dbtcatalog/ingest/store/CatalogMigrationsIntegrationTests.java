package io.dbtcatalog.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each engine gets the migrations meant for it: PostgreSQL also its storage parameters, H2 only the common ones. */
class CatalogMigrationsIntegrationTests {

    @Test
    void postgresStateTablesAreBackToTheDefaultFillfactorOnceNoRunRefreshesEveryRow() {
        try (TestDatabase db = Engine.POSTGRESQL.create()) {
            // when
            List<Map<String, Object>> options = CatalogDump.query(db.dataSource(), """
                    SELECT relname, array_to_string(reloptions, ',') AS options FROM pg_class
                    WHERE relname IN ('catalog_node', 'catalog_column', 'catalog_lineage', 'catalog_test',
                                      'catalog_test_result') ORDER BY relname
                    """);
            // then: V5.1 set fillfactor 50 for last_seen_at refreshes, V11.1 reset it when they went away (V11)
            assertThat(options)
                    .extracting(row -> row.get("relname") + "=" + row.get("options"))
                    .containsExactly(
                            "catalog_column=null",
                            "catalog_lineage=null",
                            "catalog_node=null",
                            "catalog_test=null",
                            "catalog_test_result=null");
            assertThat(SchemaStatus.pendingMigrations(db.dataSource())).isEmpty();
            assertThat(versions(db)).contains("5", "5.1", "11", "11.1");
        }
    }

    @Test
    void h2RunsTheCommonMigrationsOnly() {
        try (TestDatabase db = Engine.H2.create()) {
            // then
            assertThat(SchemaStatus.pendingMigrations(db.dataSource())).isEmpty();
            assertThat(versions(db)).contains("1", "5", "11").doesNotContain("5.1", "11.1");
        }
    }

    private static List<String> versions(TestDatabase db) {
        return CatalogDump.query(db.dataSource(), "SELECT \"version\" FROM \"flyway_schema_history\"").stream()
                .map(row -> String.valueOf(row.get("version")))
                .toList();
    }
}
