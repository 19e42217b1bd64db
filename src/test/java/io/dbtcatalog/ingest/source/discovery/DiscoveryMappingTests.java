package io.dbtcatalog.ingest.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.SourceFreshness;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TestKind;
import io.dbtcatalog.ingest.model.TestResult;
import io.dbtcatalog.ingest.support.TestRuns;
import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The recorded Discovery API examples of {@code ../shared/reference/dbt-cloud-api/examples} read through the
 * pagination and mapping code (no HTTP): what each field becomes in the normalized model.
 */
class DiscoveryMappingTests {

    private static final DiscoverySettings SETTINGS = new DiscoverySettings(
            "recorded", URI.create("https://metadata.cloud.getdbt.com/graphql"), 70021L, "dbtc_EXAMPLE", 2, null);
    private static final RunRef RUN = TestRuns.run("recorded", "env-70021@2026-08-01T06:07:41Z", null, null, null, "x");
    private static final EnvironmentState STATE =
            new EnvironmentState("analytics", "snowflake", Instant.parse("2026-08-01T06:07:41Z"), null);

    private static List<Wire.AppliedNode> read(DiscoveryQuery query, RecordedTransport transport) {
        return new ConnectionReader(transport, DiscoverySource.mapper(), SETTINGS).readAll(query);
    }

    private static CatalogSnapshot snapshot(DiscoveryQuery query, List<Wire.AppliedNode> nodes) {
        Map<DiscoveryQuery, List<Wire.AppliedNode>> connections = new EnumMap<>(DiscoveryQuery.class);
        connections.put(query, nodes);
        return SnapshotAssembler.assemble(RUN, STATE, connections);
    }

    private static JsonNode example(String name) {
        return DiscoveryStandIn.example(name);
    }

    @Test
    void theRecordedModelPagesAreFollowedByCursorAndMappedFieldByField() {
        // given
        RecordedTransport transport = new RecordedTransport()
                .answer(example("discovery-env-applied-models-page-1.json"))
                .answer(example("discovery-env-applied-models-page-2.json"));

        // when
        CatalogSnapshot snapshot = snapshot(DiscoveryQuery.MODELS, read(DiscoveryQuery.MODELS, transport));

        // then
        assertThat(transport.sent())
                .extracting(variables -> variables.get("after"))
                .containsExactly(null, "bW9kZWwuYW5hbHl0aWNzLmZjdF9vcmRlcnM=");
        assertThat(snapshot.nodes())
                .extracting(node -> node.id().value())
                .containsExactly(
                        "model.analytics.stg_orders", "model.analytics.fct_orders", "model.analytics.dim_customers");
        CatalogNode stgOrders = snapshot.nodes().get(0);
        assertThat(stgOrders.details().relationType()).isEqualTo("BASE TABLE");
        assertThat(stgOrders.details().warehouseOwner()).isEqualTo("TRANSFORMER");
        assertThat(stgOrders)
                .usingRecursiveComparison()
                .ignoringFields("details")
                .isEqualTo(new CatalogNode(
                        NodeId.of("model.analytics.stg_orders"),
                        ResourceType.MODEL,
                        "analytics",
                        "stg_orders",
                        "PROD",
                        "STAGING",
                        "stg_orders",
                        null,
                        "table",
                        "sql",
                        "stg_orders model",
                        "data-eng",
                        List.of("daily"),
                        "{\"owner\":\"data-eng\"}",
                        "protected",
                        null,
                        null,
                        false,
                        "models/stg_orders.sql",
                        null,
                        null,
                        null));
        assertThat(snapshot.columns())
                .filteredOn(c -> c.nodeId().equals(stgOrders.id()))
                .containsExactly(
                        new CatalogColumn(stgOrders.id(), "ID", "NUMBER", 1, null, List.of(), "{}", false, true),
                        new CatalogColumn(
                                stgOrders.id(), "ORDERED_AT", "TIMESTAMP_NTZ", 2, null, List.of(), "{}", false, true));
        assertThat(snapshot.runResults())
                .first()
                .isEqualTo(new RunResult(
                        stgOrders.id(),
                        "dbt-cloud-run-9000205",
                        "success",
                        null,
                        7.95,
                        null,
                        Instant.parse("2026-08-01T06:05:11.214Z"),
                        null,
                        9000205L));
        assertThat(snapshot.complete()).isTrue();
    }

    @Test
    void parentsOutsideTheSnapshotAreDroppedWithAWarning() {
        // given
        RecordedTransport transport = new RecordedTransport()
                .answer(example("discovery-env-applied-models-page-1.json"))
                .answer(example("discovery-env-applied-models-page-2.json"));

        // when
        CatalogSnapshot snapshot = snapshot(DiscoveryQuery.MODELS, read(DiscoveryQuery.MODELS, transport));

        // then
        assertThat(snapshot.edges())
                .containsExactly(new LineageEdge(
                        NodeId.of("model.analytics.stg_orders"), NodeId.of("model.analytics.fct_orders")));
        assertThat(snapshot.warnings()).anySatisfy(w -> assertThat(w).contains("lineage edge(s) point to resources"));
    }

    @Test
    void theRecordedSourceFreshnessIsKeptInTheArtifactsSpelling() {
        // given: the recorded query selected no freshnessRunId; ours does
        JsonNode answer = example("discovery-env-applied-sources.json").deepCopy();
        ((ObjectNode) answer.at("/data/environment/applied/sources/edges/0/node/freshness"))
                .put("freshnessRunId", 9000199L);

        // when
        CatalogSnapshot snapshot =
                snapshot(DiscoveryQuery.SOURCES, read(DiscoveryQuery.SOURCES, new RecordedTransport().answer(answer)));

        // then
        NodeId orders = NodeId.of("source.analytics.shop.orders");
        assertThat(snapshot.freshness())
                .containsExactly(new SourceFreshness(
                        orders,
                        "dbt-cloud-run-9000199",
                        "pass",
                        Instant.parse("2026-08-01T05:58:00Z"),
                        Instant.parse("2026-08-01T06:00:31Z"),
                        7331.2,
                        "{\"warn_after\":{\"count\":12,\"period\":\"hour\"},\"error_after\":{\"count\":24,\"period\":\"hour\"}}",
                        null,
                        null,
                        9000199L));
        assertThat(snapshot.nodes()).singleElement().satisfies(node -> {
            assertThat(node.packageName()).as("from the unique id").isEqualTo("analytics");
            assertThat(node.identifier()).isEqualTo("ORDERS");
            assertThat(node.description()).isEqualTo("Raw orders");
        });
    }

    @Test
    void aFreshnessCheckWithoutRunIdCannotBeKeyedAndIsSkippedWithAWarning() {
        // given
        RecordedTransport transport = new RecordedTransport().answer(example("discovery-env-applied-sources.json"));

        // when
        CatalogSnapshot snapshot = snapshot(DiscoveryQuery.SOURCES, read(DiscoveryQuery.SOURCES, transport));

        // then
        assertThat(snapshot.freshness()).isEmpty();
        assertThat(snapshot.warnings()).anySatisfy(w -> assertThat(w).contains("cannot be keyed; skipped"));
    }

    @Test
    void theRecordedFailingTestBecomesADefinitionAndAResultOfItsRun() {
        // given
        RecordedTransport transport =
                new RecordedTransport().answer(example("discovery-env-applied-tests-failing.json"));

        // when
        CatalogSnapshot snapshot = snapshot(DiscoveryQuery.TESTS, read(DiscoveryQuery.TESTS, transport));

        // then
        NodeId test = NodeId.of("test.analytics.unique_fct_orders_order_id.1a2b3c4d5e");
        assertThat(snapshot.tests())
                .containsExactly(new TestDefinition(
                        test,
                        "unique_fct_orders_order_id",
                        TestKind.GENERIC,
                        NodeId.of("model.analytics.fct_orders"),
                        "order_id",
                        null,
                        "{}"));
        assertThat(snapshot.testResults())
                .containsExactly(new TestResult(
                        test,
                        "dbt-cloud-run-9000103",
                        "fail",
                        3L,
                        "Got 3 results, configured to fail if != 0",
                        null,
                        null,
                        Instant.parse("2026-07-30T06:03:58Z"),
                        9000103L));
    }

    @Test
    void anExposureIsOwnedByItsOwnerName() {
        // given
        JsonNode exposure = example("discovery-env-applied-resources-seeds-snapshots-exposures.json")
                .at("/data/environment/applied/resources/edges/2/node");

        // when
        CatalogNode node = NodeMapper.node(DiscoverySource.mapper().treeToValue(exposure, Wire.AppliedNode.class));

        // then
        assertThat(node.resourceType()).isEqualTo(ResourceType.EXPOSURE);
        assertThat(node.owner()).isEqualTo("BI team");
        assertThat(node.filePath()).isEqualTo("models/exposures.yml");
    }

    @Test
    void theRecordedErrorsAreClassifiedByKind() {
        // when
        GraphQlErrors pageSize = GraphQlErrors.of(example("discovery-error-page-size.json"));
        GraphQlErrors unauthorized = GraphQlErrors.of(example("discovery-error-unauthorized-environment.json"));
        GraphQlErrors validation = GraphQlErrors.of(example("discovery-error-validation.json"));

        // then
        assertThat(pageSize.pageTooLarge()).isTrue();
        assertThat(pageSize.unauthorized()).isFalse();
        assertThat(unauthorized.unauthorized()).isTrue();
        assertThat(unauthorized.pageTooLarge()).isFalse();
        assertThat(validation.validation()).isTrue();
        assertThat(validation.pageTooLarge()).isFalse();
        assertThat(GraphQlErrors.of(example("discovery-env-applied-sources.json"))
                        .isEmpty())
                .isTrue();
    }

    @Test
    void pagesRepeatingANodeFailInsteadOfCountingItTwice() {
        // given: the same first page twice, the second time with a new cursor
        JsonNode first = example("discovery-env-applied-models-page-1.json");
        ObjectNode again = (ObjectNode) first.deepCopy();
        ((ObjectNode) again.at("/data/environment/applied/models/pageInfo")).put("endCursor", "another");
        RecordedTransport transport = new RecordedTransport().answer(first).answer(again);

        // when / then
        assertThatThrownBy(() -> read(DiscoveryQuery.MODELS, transport))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("answered model.analytics.stg_orders twice");
    }

    @Test
    void aNextPageWithoutNewCursorFailsInsteadOfLoopingForever() {
        // given
        ObjectNode page =
                (ObjectNode) example("discovery-env-applied-models-page-1.json").deepCopy();
        ((ObjectNode) page.at("/data/environment/applied/models/pageInfo")).putNull("endCursor");

        // when / then
        assertThatThrownBy(() -> read(DiscoveryQuery.MODELS, new RecordedTransport().answer(page)))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("gives no new endCursor");
    }

    @Test
    void aTotalCountThatChangesBetweenPagesFailsTheConnection() {
        // given
        ObjectNode second =
                (ObjectNode) example("discovery-env-applied-models-page-2.json").deepCopy();
        ((ObjectNode) second.at("/data/environment/applied/models")).put("totalCount", 4);
        RecordedTransport transport = new RecordedTransport()
                .answer(example("discovery-env-applied-models-page-1.json"))
                .answer(second);

        // when / then
        assertThatThrownBy(() -> read(DiscoveryQuery.MODELS, transport))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("totalCount changed from 3 to 4 between pages");
    }

    @Test
    void aTotalCountBeyondAnIntFailsTheConnectionNamingIt() {
        // given
        ObjectNode page =
                (ObjectNode) example("discovery-env-applied-models-page-1.json").deepCopy();
        ((ObjectNode) page.at("/data/environment/applied/models")).put("totalCount", 3_000_000_000L);

        // when / then
        assertThatThrownBy(() -> read(DiscoveryQuery.MODELS, new RecordedTransport().answer(page)))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageContaining("with a totalCount");
    }
}
