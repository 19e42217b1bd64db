package io.dbtcatalog.ingest.source.artifact;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * A {@code catalog.json} table's tree as {@link CatalogEntries.Table}, built from the tree directly when every value
 * has its usual JSON type (decision 0026): objects where the wire shape has records, strings or null where it has
 * text, an {@code int} for a column's index. Jackson's data binding of the wire shape, with its coercions and
 * refusals, then gives the same table; it is left to the caller for any other shape ({@link #usual} is empty), so
 * an unusual table is still read, or refused, exactly as Jackson binds it. Saves binding thousands of small objects,
 * and compiling the binding, on every read of a catalog.
 */
final class CatalogTables {

    private CatalogTables() {}

    /** The table, or null when some value has another JSON type than the usual one (bind the tree instead). */
    static CatalogEntries.Table usual(JsonNode table) {
        if (!table.isObject()) {
            return null;
        }
        JsonNode metadata = table.get("metadata");
        if (!absent(metadata) && !usualMetadata(metadata)) {
            return null;
        }
        try {
            return new CatalogEntries.Table(
                    absent(metadata)
                            ? null
                            : new CatalogEntries.Metadata(text(metadata, "type"), text(metadata, "owner")),
                    entries(table.get("stats"), CatalogTables::stat),
                    entries(table.get("columns"), CatalogTables::column));
        } catch (Unusual e) {
            return null;
        }
    }

    /** A value of another JSON type than the usual one: the table is left to Jackson's binding. */
    private static final class Unusual extends RuntimeException {
        private static final Unusual INSTANCE = new Unusual();

        private Unusual() {
            super(null, null, false, false);
        }
    }

    /** Each entry of an object mapped by {@code value} (null for an unusual one); null for an absent or null map. */
    private static <T> Map<String, T> entries(JsonNode map, Function<JsonNode, T> value) {
        if (absent(map)) {
            return null;
        }
        if (!map.isObject()) {
            throw Unusual.INSTANCE;
        }
        Map<String, T> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            JsonNode node = entry.getValue();
            if (node.isNull()) {
                entries.put(entry.getKey(), null);
                continue;
            }
            T mapped = node.isObject() ? value.apply(node) : null;
            if (mapped == null) {
                throw Unusual.INSTANCE;
            }
            entries.put(entry.getKey(), mapped);
        }
        return entries;
    }

    private static CatalogEntries.Stat stat(JsonNode stat) {
        if (!usualText(stat, "id") || !usualText(stat, "label") || !usualText(stat, "description")) {
            return null;
        }
        return new CatalogEntries.Stat(
                text(stat, "id"),
                text(stat, "label"),
                stat.get("value"),
                stat.get("include"),
                text(stat, "description"));
    }

    private static CatalogEntries.Column column(JsonNode column) {
        JsonNode index = column.get("index");
        boolean usualIndex = absent(index) || index.isInt();
        if (!usualIndex || !usualText(column, "name") || !usualText(column, "type") || !usualText(column, "comment")) {
            return null;
        }
        return new CatalogEntries.Column(
                text(column, "name"),
                text(column, "type"),
                absent(index) ? null : index.intValue(),
                text(column, "comment"));
    }

    private static boolean usualMetadata(JsonNode metadata) {
        return metadata.isObject() && usualText(metadata, "type") && usualText(metadata, "owner");
    }

    private static boolean usualText(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return absent(value) || value.isString();
    }

    private static String text(JsonNode object, String field) {
        JsonNode value = object.get(field);
        return absent(value) ? null : value.stringValue();
    }

    private static boolean absent(JsonNode value) {
        return value == null || value.isNull();
    }
}
