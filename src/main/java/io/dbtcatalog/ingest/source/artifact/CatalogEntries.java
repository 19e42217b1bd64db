package io.dbtcatalog.ingest.source.artifact;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** Wire shapes of {@code catalog.json} (v1): one table per node or source, with the columns the warehouse reported. */
final class CatalogEntries {

    private CatalogEntries() {}

    /** One {@code nodes} / {@code sources} entry of the catalog: its relation's metadata, stats and columns. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Table(Metadata metadata, Map<String, Stat> stats, Map<String, Column> columns) {
        Table {
            stats = stats == null ? Map.of() : stats;
            columns = columns == null ? Map.of() : columns;
        }
    }

    /** The relation as the warehouse describes it: its type ({@code BASE TABLE}, {@code view}…) and owner. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Metadata(String type, String owner) {}

    /**
     * One statistic of a relation. {@code value} and {@code include} stay JSON: adapters write numbers, strings or
     * booleans for the one, booleans or numbers ({@code 1.0}) for the other.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Stat(String id, String label, JsonNode value, JsonNode include, String description) {}

    /** What the catalog says about one relation beyond its columns. */
    record Relation(String type, String owner, List<Stat> stats) {}

    /** One warehouse column: its spelling, type, 1-based position and comment. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Column(String name, String type, Integer index, String comment) {}
}
