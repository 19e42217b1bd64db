package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogDepth;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.model.TestDefinition;
import java.util.List;
import java.util.Map;

/**
 * What one manifest contributes to a snapshot: its metadata (project name derived when the file omits it), the
 * nodes, their documented columns, the lineage edges between snapshot nodes, the test definitions, the details of
 * exposures, metrics, semantic models and saved queries (no statistics: those come from the catalog) and the resource
 * type of every node id (to route run results).
 */
record ManifestContent(
        ArtifactMetadata metadata,
        List<CatalogNode> nodes,
        Map<NodeId, List<CatalogColumn>> documentedColumns,
        List<LineageEdge> edges,
        List<TestDefinition> tests,
        CatalogDepth depth,
        Map<String, ResourceType> resourceTypes,
        List<String> warnings) {

    boolean isTest(String uniqueId) {
        ResourceType type = resourceTypes.get(uniqueId);
        return type != null ? type.isTest() : uniqueId.startsWith("test.") || uniqueId.startsWith("unit_test.");
    }
}
