package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.ColumnMarkers;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.NodeDetails;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TestKind;
import io.dbtcatalog.ingest.support.TestRuns;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Field-by-field mapping of the hand-written {@code artifacts/tiny} set: a v12 manifest with its sections out of
 * order, unknown fields and sections, older spellings; an upper-casing catalog; a build's run results with an
 * unknown status; a v3 sources.json.
 */
class ArtifactMappingTests {

    private static final String INVOCATION = "11111111-1111-1111-1111-111111111111";
    private static CatalogSnapshot snapshot;

    @BeforeAll
    static void readTinySet() {
        RunRef run = TestRuns.run("tiny", INVOCATION, 4242L, 17L, null, "tiny");
        snapshot = new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(TestArtifacts.resource("tiny")), run);
    }

    @Test
    void unknownFieldsAndSectionsAreIgnored() {
        // given the tiny set, whose entries and sections carry fields no dbt version defines
        // when it was read
        // then
        assertThat(snapshot.nodes())
                .extracting(node -> node.id().value())
                .containsExactly(
                        "unit_test.shop.orders.test_order_total",
                        "model.shop.orders",
                        "model.shop.stg_orders",
                        "test.shop.unique_orders_order_id.1a2b",
                        "test.shop.dbt_utils_combination.9f8e",
                        "test.shop.assert_positive_amounts",
                        "source.shop.raw.orders",
                        "exposure.shop.revenue_dashboard");
    }

    @Test
    void modelFieldsComeFromTheManifestWithEntryMetaWinningOverConfigMeta() {
        // when
        CatalogNode orders = node("model.shop.orders");

        // then
        assertThat(orders)
                .isEqualTo(new CatalogNode(
                        NodeId.of("model.shop.orders"),
                        ResourceType.MODEL,
                        "shop",
                        "orders",
                        "analytics",
                        "mart",
                        "orders",
                        "\"analytics\".\"mart\".\"orders\"",
                        "table",
                        "sql",
                        "One row per order.",
                        "data-team@example.com",
                        List.of("finance", "daily"),
                        "{\"owner\":\"data-team@example.com\",\"tier\":\"gold\",\"sla\":\"24h\"}",
                        "public",
                        "finance",
                        "2",
                        true,
                        "models/orders.sql",
                        "select * from {{ ref('stg_orders') }}",
                        "select * from \"analytics\".\"staging\".\"stg_orders\"",
                        "abc123",
                        new NodeDetails(
                                "BASE TABLE",
                                "LOADER",
                                "2",
                                null,
                                "{\"materialized\":\"table\",\"meta\":{\"owner\":\"data-team@example.com\","
                                        + "\"tier\":\"silver\",\"sla\":\"24h\"},\"contract\":{\"enforced\":true},"
                                        + "\"brand_new_config_key\":true}")));
    }

    @Test
    void olderSpellingsOfTagsAndCodeAreRead() {
        // when
        CatalogNode staging = node("model.shop.stg_orders");

        // then
        assertThat(staging.tags()).containsExactly("legacy");
        assertThat(staging.rawCode()).isEqualTo("select * from {{ source('raw', 'orders') }}");
        assertThat(staging.compiledCode()).isEqualTo("select * from raw.orders");
        assertThat(staging.contractEnforced()).isNull();
        assertThat(staging.metaJson()).isEqualTo("{}");
    }

    @Test
    void ownersComeFromExposureOwnerAndFromSourceMeta() {
        // when
        CatalogNode exposure = node("exposure.shop.revenue_dashboard");
        CatalogNode source = node("source.shop.raw.orders");

        // then
        assertThat(exposure.resourceType()).isEqualTo(ResourceType.EXPOSURE);
        assertThat(exposure.owner()).isEqualTo("Finance Analytics");
        assertThat(source.owner()).isEqualTo("ingest-team");
        assertThat(source.identifier()).isEqualTo("ORDERS_TABLE");
        assertThat(node("unit_test.shop.orders.test_order_total").checksum()).isEqualTo("2f1c");
    }

    @Test
    void columnsMergeCaseInsensitivelyAndKeepTheWarehouseSpelling() {
        // when
        Map<String, CatalogColumn> columns = snapshot.columns().stream()
                .filter(column -> column.nodeId().value().equals("model.shop.orders"))
                .collect(Collectors.toMap(CatalogColumn::name, Function.identity()));

        // then
        NodeId orders = NodeId.of("model.shop.orders");
        assertThat(columns).containsOnlyKeys("ORDER_ID", "AMOUNT", "CREATED_AT", "legacy_flag");
        assertThat(columns.get("ORDER_ID"))
                .isEqualTo(new CatalogColumn(
                        orders,
                        "ORDER_ID",
                        "NUMBER",
                        1,
                        "Primary key.",
                        List.of("key"),
                        "{\"pii\":false}",
                        true,
                        true,
                        new ColumnMarkers("[]", true, false, false)));
        assertThat(columns.get("AMOUNT"))
                .isEqualTo(new CatalogColumn(
                        orders, "AMOUNT", "NUMBER(38,2)", 2, "Order amount in EUR.", List.of(), "{}", true, true));
        assertThat(columns.get("CREATED_AT"))
                .isEqualTo(new CatalogColumn(
                        orders, "CREATED_AT", "TIMESTAMP_NTZ", 3, null, List.of(), "{}", false, true));
        assertThat(columns.get("legacy_flag"))
                .isEqualTo(new CatalogColumn(
                        orders, "legacy_flag", null, null, "Only documented.", List.of(), "{}", true, false));
    }

    @Test
    void catalogEntriesOfUnknownNodesAreIgnoredWithAWarning() {
        // then
        assertThat(snapshot.columns())
                .noneMatch(column -> column.nodeId().value().contains("dropped_since"));
        assertThat(snapshot.columns()).filteredOn(CatalogColumn::inWarehouse).hasSize(4);
        assertThat(snapshot.warnings()).anyMatch(warning -> warning.contains("catalog.json: 1 entr"));
    }

    @Test
    void lineageKeepsEdgesOfEverySectionBetweenSnapshotNodesOnly() {
        // then
        assertThat(snapshot.edges())
                .containsExactlyInAnyOrder(
                        edge("model.shop.orders", "unit_test.shop.orders.test_order_total"),
                        edge("model.shop.stg_orders", "model.shop.orders"),
                        edge("source.shop.raw.orders", "model.shop.stg_orders"),
                        edge("model.shop.orders", "test.shop.unique_orders_order_id.1a2b"),
                        edge("model.shop.stg_orders", "test.shop.dbt_utils_combination.9f8e"),
                        edge("model.shop.orders", "test.shop.dbt_utils_combination.9f8e"),
                        edge("model.shop.orders", "test.shop.assert_positive_amounts"),
                        edge("model.shop.orders", "exposure.shop.revenue_dashboard"));
        assertThat(snapshot.warnings()).anyMatch(warning -> warning.contains("2 lineage edge(s)"));
    }

    @Test
    void testDefinitionsCoverGenericSingularAndUnitTests() {
        // given
        NodeId orders = NodeId.of("model.shop.orders");

        // then
        assertThat(snapshot.tests())
                .containsExactly(
                        new TestDefinition(
                                NodeId.of("test.shop.unique_orders_order_id.1a2b"),
                                "unique",
                                TestKind.GENERIC,
                                orders,
                                "order_id",
                                "ERROR",
                                "{\"column_name\":\"order_id\",\"model\":\"{{ get_where_subquery(ref('orders')) }}\"}"),
                        new TestDefinition(
                                NodeId.of("test.shop.dbt_utils_combination.9f8e"),
                                "dbt_utils.unique_combination_of_columns",
                                TestKind.GENERIC,
                                orders,
                                null,
                                "warn",
                                "{\"combination_of_columns\":[\"order_id\",\"amount\"],"
                                        + "\"model\":\"{{ get_where_subquery(ref('orders')) }}\"}"),
                        new TestDefinition(
                                NodeId.of("test.shop.assert_positive_amounts"),
                                "assert_positive_amounts",
                                TestKind.SINGULAR,
                                orders,
                                null,
                                "error",
                                "{}"),
                        new TestDefinition(
                                NodeId.of("unit_test.shop.orders.test_order_total"),
                                "test_order_total",
                                TestKind.UNIT,
                                orders,
                                null,
                                null,
                                "{}"));
    }

    @Test
    void runResultsKeepUnknownStatusesVerbatimAndSplitTestsFromNodes() {
        // then
        assertThat(snapshot.runResults())
                .extracting(result -> result.nodeId().value(), result -> result.status())
                .containsExactly(tuple("model.shop.orders", "success"), tuple("model.shop.stg_orders", "reused"));
        var orders = snapshot.runResults().get(0);
        assertThat(orders.rowsAffected()).isEqualTo(42L);
        assertThat(orders.executionTimeSeconds()).isEqualTo(3.25);
        assertThat(orders.startedAt()).isEqualTo(Instant.parse("2024-05-01T09:59:59Z"));
        assertThat(orders.completedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:01.25Z"));
        assertThat(orders.invocationId()).isEqualTo(INVOCATION);
        assertThat(orders.dbtRunId()).isEqualTo(4242L);
        var failed = snapshot.testResults().get(0);
        assertThat(failed.status()).isEqualTo("fail");
        assertThat(failed.failures()).isEqualTo(3L);
        assertThat(failed.startedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:02Z"));
        assertThat(failed.completedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:03.5Z"));
        assertThat(snapshot.testResults())
                .extracting(result -> result.testId().value())
                .containsExactly("test.shop.unique_orders_order_id.1a2b", "unit_test.shop.orders.test_order_total");
    }

    @Test
    void sourcesJsonBecomesFreshnessRowsIncludingRuntimeErrors() {
        // then
        assertThat(snapshot.freshness()).hasSize(2);
        var warn = snapshot.freshness().get(0);
        assertThat(warn.sourceId()).isEqualTo(NodeId.of("source.shop.raw.orders"));
        assertThat(warn.status()).isEqualTo("warn");
        assertThat(warn.invocationId()).isEqualTo("22222222-2222-2222-2222-222222222222");
        assertThat(warn.maxLoadedAt()).isEqualTo(Instant.parse("2024-05-01T09:30:00Z"));
        assertThat(warn.snapshottedAt()).isEqualTo(Instant.parse("2024-05-01T11:00:00Z"));
        assertThat(warn.maxLoadedAtAgeSeconds()).isEqualTo(5400.0);
        assertThat(warn.criteriaJson()).contains("\"warn_after\":{\"count\":1,\"period\":\"hour\"}");
        assertThat(warn.executionTimeSeconds()).isEqualTo(0.81);
        assertThat(warn.dbtRunId()).isEqualTo(4242L);
        var error = snapshot.freshness().get(1);
        assertThat(error.status()).isEqualTo("runtime error");
        assertThat(error.error()).contains("does not exist");
        assertThat(snapshot.warnings()).anyMatch(warning -> warning.contains("sources.json comes from dbt invocation"));
    }

    @Test
    void snapshotInfoDescribesTheInvocationAndDerivesTheProjectName() {
        // then
        assertThat(snapshot.info().dbtProjectName()).isEqualTo("shop");
        assertThat(snapshot.info().dbtProjectId()).isEqualTo("fb54f3c5992b96d001bb16e8e92d968d");
        assertThat(snapshot.info().dbtVersion()).isEqualTo("1.9.4");
        assertThat(snapshot.info().adapterType()).isEqualTo("snowflake");
        assertThat(snapshot.info().manifestSchemaVersion())
                .isEqualTo("https://schemas.getdbt.com/dbt/manifest/v12.json");
        assertThat(snapshot.info().invocationId()).isEqualTo(INVOCATION);
        assertThat(snapshot.info().generatedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00.123456Z"));
        assertThat(snapshot.info().resultsCommand()).isEqualTo("build");
        assertThat(snapshot.complete()).isTrue();
    }

    private static CatalogNode node(String id) {
        return snapshot.nodes().stream()
                .filter(node -> node.id().value().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static LineageEdge edge(String parent, String child) {
        return new LineageEdge(NodeId.of(parent), NodeId.of(child));
    }
}
