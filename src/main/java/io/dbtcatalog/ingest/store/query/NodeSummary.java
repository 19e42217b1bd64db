package io.dbtcatalog.ingest.store.query;

/**
 * What a list of nodes shows of each: its key, resource type and name, where it lives in the warehouse, its owner
 * the first line of its description (null when undocumented) and, for an exposure, where it lives ({@code url}).
 */
public record NodeSummary(
        NodeKey key,
        String resourceType,
        String name,
        String relationName,
        String materialization,
        String owner,
        String description,
        String url) {

    /** A node the catalog no longer holds (or never did), known only by its key. */
    static NodeSummary unknown(NodeKey key) {
        return new NodeSummary(key, key.resourceTypeOfId(), null, null, null, null, null, null);
    }

    /** The node's name, or its unique id when it has none. */
    public String displayName() {
        return name != null ? name : key.uniqueId();
    }
}
