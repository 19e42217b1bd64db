package io.dbtcatalog.ingest.model;

import java.util.List;

/**
 * One column of a node: the union of what the manifest declares ({@code documented}) and what the warehouse
 * catalog observed ({@code inWarehouse}). Type and ordinal come from the warehouse when it reported the column.
 */
public record CatalogColumn(
        NodeId nodeId,
        String name,
        String dataType,
        Integer ordinal,
        String description,
        List<String> tags,
        String metaJson,
        boolean documented,
        boolean inWarehouse) {

    public CatalogColumn {
        if (nodeId == null || name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a column needs its node id and a name");
        }
        tags = tags == null ? List.of() : List.copyOf(tags);
        metaJson = metaJson == null || metaJson.isBlank() ? "{}" : metaJson;
    }
}
