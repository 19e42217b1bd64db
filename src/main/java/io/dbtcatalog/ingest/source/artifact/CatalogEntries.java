package io.dbtcatalog.ingest.source.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.Map;

/** Wire shapes of {@code catalog.json} (v1): one table per node or source, with the columns the warehouse reported. */
final class CatalogEntries {

    private CatalogEntries() {}

    /** One {@code nodes} / {@code sources} entry of the catalog; only its columns matter here. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Table(Map<String, Column> columns) {
        Table {
            columns = columns == null ? Map.of() : columns;
        }
    }

    /** One warehouse column: its spelling, type, 1-based position and comment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Column(String name, String type, Integer index, String comment) {}
}
