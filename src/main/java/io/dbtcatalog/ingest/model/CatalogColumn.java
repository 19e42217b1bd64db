package io.dbtcatalog.ingest.model;

import java.util.List;

/**
 * One column of a node: the union of what the manifest declares ({@code documented}) and what the warehouse
 * catalog observed ({@code inWarehouse}). Type and ordinal come from the warehouse when it reported the column;
 * {@code markers} hold its contract constraints and whether it is unique, not null or the primary key. The
 * description is a {@link TextValue} a reader may keep off the heap; {@link #description()} gives it as a string.
 */
public record CatalogColumn(
        NodeId nodeId,
        String name,
        String dataType,
        Integer ordinal,
        List<String> tags,
        String metaJson,
        boolean documented,
        boolean inWarehouse,
        ColumnMarkers markers,
        TextValue descriptionText) {

    public CatalogColumn {
        markers = markers == null ? ColumnMarkers.NONE : markers;
        if (nodeId == null || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a column needs its node id and a name");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        metaJson = metaJson == null || metaJson.isBlank() ? "{}" : metaJson;
    }

    /** A column whose description is held in memory. */
    public CatalogColumn(
            NodeId nodeId,
            String name,
            String dataType,
            Integer ordinal,
            String description,
            List<String> tags,
            String metaJson,
            boolean documented,
            boolean inWarehouse,
            ColumnMarkers markers) {
        this(
                nodeId,
                name,
                dataType,
                ordinal,
                tags,
                metaJson,
                documented,
                inWarehouse,
                markers,
                TextValue.of(description));
    }

    /** A column without constraints or markers ({@link ColumnMarkers#NONE}). */
    public CatalogColumn(
            NodeId nodeId,
            String name,
            String dataType,
            Integer ordinal,
            String description,
            List<String> tags,
            String metaJson,
            boolean documented,
            boolean inWarehouse) {
        this(nodeId, name, dataType, ordinal, description, tags, metaJson, documented, inWarehouse, ColumnMarkers.NONE);
    }

    public String description() {
        return TextValue.valueOf(descriptionText);
    }

    /** The same column with other markers. */
    public CatalogColumn withMarkers(ColumnMarkers replaced) {
        return new CatalogColumn(
                nodeId, name, dataType, ordinal, tags, metaJson, documented, inWarehouse, replaced, descriptionText);
    }

    /** The same column with another description, e.g. where a reader keeps it. */
    public CatalogColumn withDescription(TextValue replaced) {
        return new CatalogColumn(
                nodeId, name, dataType, ordinal, tags, metaJson, documented, inWarehouse, markers, replaced);
    }
}
