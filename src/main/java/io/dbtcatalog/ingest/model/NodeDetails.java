package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * What a node carries beyond its definition: the relation type and owner the warehouse reports (from
 * {@code catalog.json} or the Discovery API's catalog), the model's governance ({@code latestVersion},
 * {@code deprecationDate}) and its whole {@code config} as compact JSON (materialization, incremental strategy, unique
 * key…; null when the source gives none).
 */
public record NodeDetails(
        String relationType, String warehouseOwner, String latestVersion, Instant deprecationDate, String configJson) {

    /** Nothing known. */
    public static final NodeDetails NONE = new NodeDetails(null, null, null, null, null);

    /** The same details with the warehouse's relation type and owner. */
    public NodeDetails withWarehouse(String type, String owner) {
        return new NodeDetails(type, owner, latestVersion, deprecationDate, configJson);
    }
}
