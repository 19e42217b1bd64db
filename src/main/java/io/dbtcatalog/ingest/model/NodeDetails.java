package io.dbtcatalog.ingest.model;

import java.time.Instant;

/**
 * What a node carries beyond its definition: the relation type and owner the warehouse reports (from
 * {@code catalog.json} or the Discovery API's catalog), the model's governance ({@code latestVersion},
 * {@code deprecationDate}) and its whole {@code config} as compact JSON (materialization, incremental strategy, unique
 * key…; null when the source gives none), a {@link TextValue} a reader may keep off the heap ({@link #configJson()}
 * gives it as a string).
 */
public record NodeDetails(
        TextValue config, String relationType, String warehouseOwner, String latestVersion, Instant deprecationDate) {

    /** Nothing known. */
    public static final NodeDetails NONE = new NodeDetails((TextValue) null, null, null, null, null);

    /** Details whose config is held in memory. */
    public NodeDetails(
            String relationType,
            String warehouseOwner,
            String latestVersion,
            Instant deprecationDate,
            String configJson) {
        this(TextValue.of(configJson), relationType, warehouseOwner, latestVersion, deprecationDate);
    }

    public String configJson() {
        return TextValue.valueOf(config);
    }

    /** The same details with the warehouse's relation type and owner. */
    public NodeDetails withWarehouse(String type, String owner) {
        return new NodeDetails(config, type, owner, latestVersion, deprecationDate);
    }

    /** The same details with their config where a reader keeps it. */
    public NodeDetails withConfig(TextValue replaced) {
        return new NodeDetails(replaced, relationType, warehouseOwner, latestVersion, deprecationDate);
    }
}
