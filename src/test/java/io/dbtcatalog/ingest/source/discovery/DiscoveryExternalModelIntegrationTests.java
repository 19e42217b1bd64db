package io.dbtcatalog.ingest.source.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.query.CatalogQueries;
import io.dbtcatalog.ingest.store.query.Impact;
import io.dbtcatalog.ingest.store.query.NodeKey;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.MeshSample;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import io.dbtcatalog.ingest.support.TestRuns;
import java.net.URI;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Discovery API's {@code ExternalModelNode} parents (another dbt project's public model, dbt Mesh) become nodes
 * of the snapshot as the artifact path keeps a downstream manifest's external nodes, so the catalog links them to
 * the upstream project the same way.
 */
class DiscoveryExternalModelIntegrationTests {

    private static final DiscoverySettings SETTINGS = new DiscoverySettings(
            "marketing-cloud",
            URI.create("https://metadata.cloud.getdbt.com/graphql"),
            70022L,
            "dbtc_EXAMPLE",
            2,
            null);
    private static final RunRef RUN =
            TestRuns.run("marketing-cloud", "env-70022@2026-11-30T06:00:00Z", null, null, null, "x");
    private static final EnvironmentState STATE =
            new EnvironmentState("marketing", "postgres", Instant.parse("2026-11-30T06:00:00Z"), null);

    /** One applied model of the marketing project whose parent is the platform project's public model. */
    private static final String MODELS_PAGE = """
            {"data": {"environment": {"applied": {"models": {
              "totalCount": 1, "pageInfo": {"endCursor": "c1", "hasNextPage": false},
              "edges": [{"node": {
                "uniqueId": "model.marketing.customer_segments", "name": "customer_segments",
                "description": "Customers by marketing segment.", "resourceType": "model",
                "filePath": "models/customer_segments.sql", "tags": [], "meta": {}, "packageName": "marketing",
                "database": "analytics", "schema": "marketing", "alias": "customer_segments",
                "materializedType": "table", "language": "sql", "access": "protected",
                "parents": [{
                  "uniqueId": "model.platform.customers", "resourceType": "model", "name": "customers",
                  "description": "One row per customer, shared with every domain.",
                  "packageName": "platform", "dbtProjectName": "platform", "database": "analytics",
                  "schema": "core", "identifier": "customers",
                  "relationName": "\\"analytics\\".\\"core\\".\\"customers\\""
                }, {"uniqueId": "macro.dbt.is_incremental", "resourceType": "macro"}]
              }}]
            }}}}}
            """;

    private static CatalogSnapshot snapshot() {
        JsonNode page = JsonMapper.shared().readTree(MODELS_PAGE);
        List<Wire.AppliedNode> models = new ConnectionReader(
                        new RecordedTransport().answer(page), DiscoverySource.mapper(), SETTINGS)
                .readAll(DiscoveryQuery.MODELS);
        Map<DiscoveryQuery, List<Wire.AppliedNode>> connections = new EnumMap<>(DiscoveryQuery.class);
        connections.put(DiscoveryQuery.MODELS, models);
        return SnapshotAssembler.assemble(RUN, STATE, connections);
    }

    @Test
    void anExternalModelParentBecomesANodeWithoutFileAndKeepsItsEdge() {
        // when
        CatalogSnapshot snapshot = snapshot();

        // then
        assertThat(snapshot.nodes())
                .filteredOn(n -> n.id().value().equals("model.platform.customers"))
                .singleElement()
                .satisfies(external -> {
                    assertThat(external.resourceType().value()).isEqualTo("model");
                    assertThat(external.packageName()).isEqualTo("platform");
                    assertThat(external.filePath()).isNull();
                    assertThat(external.relationName()).isEqualTo("\"analytics\".\"core\".\"customers\"");
                    assertThat(external.description()).isEqualTo("One row per customer, shared with every domain.");
                });
        assertThat(snapshot.nodes()).extracting(CatalogNode::id).hasSize(2);
        assertThat(snapshot.edges())
                .containsExactly(new LineageEdge(
                        NodeId.of("model.platform.customers"), NodeId.of("model.marketing.customer_segments")));
        assertThat(snapshot.warnings()).noneSatisfy(w -> assertThat(w).contains("lineage edge"));
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void theDiscoveryProjectLinksToTheUpstreamProjectReadFromArtifacts(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            MeshSample.publish(db.dataSource(), "platform", MeshSample.PLATFORM);

            // when
            new CatalogStore(db.dataSource())
                    .publish(
                            new ProjectRef("marketing-cloud", "discovery", 70001L, 70012L, 70022L, null),
                            snapshot(),
                            Instant.now());

            // then
            assertThat(CatalogDump.query(db.dataSource(), "SELECT * FROM catalog_external_node"))
                    .containsExactly(Map.of(
                            "project_key", "marketing-cloud",
                            "unique_id", "model.platform.customers",
                            "home_project_key", "platform"));
            Impact impact = new CatalogQueries(db.dataSource())
                    .impact(new NodeKey("platform", "model.platform.customers"), false);
            assertThat(impact.nodes())
                    .extracting(n -> n.node().key())
                    .containsExactly(new NodeKey("marketing-cloud", "model.marketing.customer_segments"));
        }
    }
}
