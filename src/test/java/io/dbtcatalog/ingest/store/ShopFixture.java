package io.dbtcatalog.ingest.store;

import static io.dbtcatalog.ingest.support.TestCatalog.modelId;
import static io.dbtcatalog.ingest.support.TestCatalog.sourceId;

import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.TestCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The small project most store tests publish: source raw.orders, models stg_orders, orders and customers, two tests
 * on orders.id, with run results, test results and a freshness check. 6 nodes, 10 columns, 5 edges, 2 tests.
 */
final class ShopFixture {

    static final ProjectRef PROJECT = new ProjectRef("shop", "local", null, null, null, null);
    static final Instant T1 = Instant.parse("2024-03-01T06:00:00Z");
    static final Instant T2 = Instant.parse("2024-03-02T06:00:00Z");
    static final Instant T3 = Instant.parse("2024-03-03T06:00:00Z");

    private ShopFixture() {}

    static TestCatalog shop(String runKey, Instant generatedAt) {
        return shop(runKey, generatedAt, true);
    }

    static TestCatalog shop(String runKey, Instant generatedAt, boolean withCustomers) {
        TestCatalog catalog = TestCatalog.snapshot(runKey)
                .generatedAt(generatedAt)
                .source("raw", "orders", s -> s.columns("id", "amount", "loaded_at"))
                .model("stg_orders", m -> m.columns("id", "amount").dependsOn(sourceId("raw", "orders")))
                .model("orders", m -> m.columns("id", "amount", "status")
                        .dependsOn(modelId("stg_orders"))
                        .tags("finance", "daily")
                        .meta("{\"owner\":\"ana\"}"))
                .test("not_null_orders_id", t -> t.on(modelId("orders")).column("id"))
                .test(
                        "unique_orders_id",
                        t -> t.named("unique").on(modelId("orders")).column("id"))
                .runResult("stg_orders", "success")
                .runResult("orders", "success")
                .testResult("not_null_orders_id", "pass")
                .testResult("unique_orders_id", "fail")
                .freshness("raw", "orders", "pass", generatedAt.minusSeconds(3600));
        if (withCustomers) {
            catalog.model("customers", m -> m.columns("id", "name").dependsOn(modelId("stg_orders")))
                    .runResult("customers", "error");
        }
        return catalog;
    }

    static List<Map<String, Object>> rows(DataSource dataSource, String sql, Object... parameters) {
        return CatalogDump.query(dataSource, sql, parameters);
    }

    static Map<String, Object> row(DataSource dataSource, String sql, Object... parameters) {
        List<Map<String, Object>> rows = rows(dataSource, sql, parameters);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows);
        }
        return rows.get(0);
    }

    static long count(DataSource dataSource, String table) {
        return ((Number) row(dataSource, "SELECT COUNT(*) AS n FROM " + table).get("n")).longValue();
    }
}
