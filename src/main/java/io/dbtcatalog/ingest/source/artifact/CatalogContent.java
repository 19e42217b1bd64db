package io.dbtcatalog.ingest.source.artifact;

import java.util.List;
import java.util.Map;

/**
 * What one {@code catalog.json} contributes: the warehouse columns of every manifest node it describes (keyed by
 * unique id), how many of its entries named no manifest node, how many errors the catalog run recorded, and the
 * tables left out for their shape.
 */
record CatalogContent(
        ArtifactMetadata metadata,
        Map<String, List<CatalogEntries.Column>> columnsByNode,
        int unknownEntries,
        int errors,
        List<SkippedEntry> skipped) {}
