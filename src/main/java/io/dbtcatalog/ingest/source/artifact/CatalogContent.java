package io.dbtcatalog.ingest.source.artifact;

import java.util.List;
import java.util.Map;

/**
 * What one {@code catalog.json} contributes: the warehouse columns of every manifest node it describes (keyed by
 * unique id), the relation type, owner and included statistics of each, how many of its entries named no manifest node, how many errors the catalog run recorded, and the
 * tables left out for their shape.
 */
record CatalogContent(
        ArtifactMetadata metadata,
        Map<String, List<CatalogEntries.Column>> columnsByNode,
        Map<String, CatalogEntries.Relation> relationsByNode,
        int unknownEntries,
        int errors,
        List<SkippedEntry> skipped) {}
