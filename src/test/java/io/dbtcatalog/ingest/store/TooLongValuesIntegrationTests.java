package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.store.ShopFixture.PROJECT;
import static io.dbtcatalog.ingest.store.ShopFixture.T1;
import static io.dbtcatalog.ingest.store.ShopFixture.T2;
import static io.dbtcatalog.ingest.store.ShopFixture.shop;
import static io.dbtcatalog.ingest.support.TestCatalog.modelId;
import static io.dbtcatalog.ingest.support.TestCatalog.testId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestCatalog;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A value too long for its column is caught before its row is written: the publish fails naming the
 * table, column and row, and the catalog stays exactly as it was, on the update path and in history tables as on
 * the insert path; the preview, which writes nothing, reports the same value. Both engines.
 */
class TooLongValuesIntegrationTests {

    private static final Instant STARTED = Instant.parse("2024-03-05T10:00:00Z");
    private static final PublishRules RULES = new PublishRules(0.5, false, false, Duration.ofSeconds(30));
    private static final String TOO_LONG_SEVERITY = "w".repeat(101); // catalog_test.severity is VARCHAR(100)

    @ParameterizedTest
    @EnumSource(Engine.class)
    void changedTestWithATooLongSeverityFailsNamingItAndKeepsTheStoredState(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given a stored project, then the same project with one test's severity changed past its column
            CatalogStore store = storedProject(db);
            CatalogDump before = CatalogDump.of(db.dataSource());
            CatalogSnapshot changed = project("run-2", T2, TOO_LONG_SEVERITY).build();

            // when / then
            assertThatThrownBy(() -> store.publish(PROJECT, changed, STARTED))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("table catalog_test")
                    .hasMessageContaining("column severity")
                    .hasMessageContaining(testId("accepted_values_orders_id").value())
                    .hasMessageContaining("101 characters");
            CatalogDump after = CatalogDump.of(db.dataSource());
            assertThat(after.rows("catalog_test")).isEqualTo(before.rows("catalog_test"));
            assertThat(after.rows("catalog_node")).isEqualTo(before.rows("catalog_node"));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void testResultWithATooLongStatusFailsNamingItAndWritesNothing(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given a first ingestion whose one test result has a status longer than its column's 50
            CatalogSnapshot snapshot = project("run-1", T1, "warn")
                    .testResult("accepted_values_orders_id", "s".repeat(51))
                    .build();
            CatalogStore store = new CatalogStore(db.dataSource());

            // when / then
            assertThatThrownBy(() -> store.publish(PROJECT, snapshot, STARTED))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("table catalog_test_result")
                    .hasMessageContaining("column status")
                    .hasMessageContaining(testId("accepted_values_orders_id").value())
                    .hasMessageContaining("51 characters");
            CatalogDump after = CatalogDump.of(db.dataSource());
            assertThat(after.rows("catalog_project")).isEmpty();
            assertThat(after.rows("catalog_node")).isEmpty();
            assertThat(after.rows("catalog_test_result")).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void previewReportsATooLongValueWithoutWriting(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            CatalogStore store = storedProject(db);
            CatalogDump before = CatalogDump.of(db.dataSource());
            CatalogSnapshot changed = project("run-2", T2, TOO_LONG_SEVERITY).build();
            CatalogSnapshot badResult = project("run-3", T2, "warn")
                    .testResult("accepted_values_orders_id", "s".repeat(51))
                    .build();

            // when / then
            assertThatThrownBy(() -> store.preview(PROJECT, changed, RULES))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("table catalog_test")
                    .hasMessageContaining("column severity");
            assertThatThrownBy(() -> store.preview(PROJECT, badResult, RULES))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining("table catalog_test_result")
                    .hasMessageContaining("column status");
            CatalogDump after = CatalogDump.of(db.dataSource());
            assertThat(after.rows("catalog_test")).isEqualTo(before.rows("catalog_test"));
            assertThat(after.rows("ingestion_run")).isEqualTo(before.rows("ingestion_run"));
        }
    }

    /** A store on {@code db} holding the project as published from run-1. */
    private static CatalogStore storedProject(TestDatabase db) {
        CatalogStore store = new CatalogStore(db.dataSource());
        store.publish(PROJECT, project("run-1", T1, "warn").build(), STARTED);
        return store;
    }

    /** The shop project plus one test of its own, {@code accepted_values_orders_id}, of {@code severity}. */
    private static TestCatalog project(String runKey, Instant generatedAt, String severity) {
        return shop(runKey, generatedAt).test("accepted_values_orders_id", t -> t.named("accepted_values")
                .on(modelId("orders"))
                .column("status")
                .severity(severity));
    }
}
