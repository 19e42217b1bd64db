package io.dbtcatalog.ingest.model;

/**
 * The details of an exposure (the exposure itself is also a {@link CatalogNode}): its type ({@code dashboard},
 * {@code notebook}, {@code analysis}, {@code ml}, {@code application}), maturity, URL, label and owner.
 */
public record Exposure(
        NodeId id,
        String exposureType,
        String maturity,
        String url,
        String label,
        String ownerName,
        String ownerEmail) {

    public Exposure {
        if (id == null) {
            throw new IllegalArgumentException("an exposure needs its id");
        }
    }
}
