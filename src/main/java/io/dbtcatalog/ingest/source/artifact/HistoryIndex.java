package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * What the state-digest pass keeps for a history-only read ({@link HistoryReader}): the manifest's and the catalog's
 * metadata, the resource type of every manifest entry id in manifest order (the first of an id kept, as the
 * manifest reader does; it routes run results and names unknown nodes) and the included statistics of every catalog
 * table, by the table's key. {@code catalogMetadata} is null without a catalog.
 */
record HistoryIndex(
        ArtifactMetadata manifestMetadata,
        ArtifactMetadata catalogMetadata,
        Map<String, ResourceType> resourceTypes,
        Map<String, List<CatalogEntries.Stat>> statsByTable) {}
