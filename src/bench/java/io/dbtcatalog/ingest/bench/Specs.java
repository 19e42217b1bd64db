package io.dbtcatalog.ingest.bench;

import java.util.List;
import java.util.Map;

/**
 * The content of one synthetic resource, built on demand by {@link SpecFactory} and written by the artifact writers
 * and the floor: everything a writer needs, nothing kept longer than one resource.
 */
final class Specs {

    private Specs() {}

    /** One model with its documented columns and code. */
    record Model(
            int index,
            String id,
            String name,
            DagLayout.Layer layer,
            String schema,
            String materialization,
            String description,
            List<String> tags,
            Map<String, String> meta,
            String owner,
            boolean contractEnforced,
            String filePath,
            String rawCode,
            String compiledCode,
            String checksum,
            List<String> parentIds,
            List<Column> columns) {

        String relationName() {
            return "ephemeral".equals(materialization) ? null : relation(schema, name);
        }
    }

    /** One column as the manifest documents it and as the warehouse reports it. */
    record Column(String name, String description, String declaredType, String warehouseType) {}

    /** One generic data test attached to a model column. */
    record Test(
            String id,
            String name,
            String testName,
            String attachedId,
            String columnName,
            String severity,
            Map<String, String> kwargs,
            List<String> parentIds,
            String rawCode,
            String compiledCode,
            String filePath,
            String schemaFilePath) {}

    /** One source table with its columns. */
    record Source(
            String id,
            String sourceName,
            String table,
            String schema,
            String description,
            String sourceDescription,
            String owner,
            List<String> tags,
            List<Column> columns) {}

    /** One seed with its columns. */
    record Seed(String id, String name, String description, String checksum, List<Column> columns) {}

    /** One exposure (dashboard) depending on a few marts. */
    record Exposure(String id, String name, String description, String ownerName, List<String> parentIds) {}

    static String relation(String schema, String name) {
        return "\"" + BenchNames.DATABASE + "\".\"" + schema + "\".\"" + name + "\"";
    }

    /** Compact JSON of a flat string map, as the catalog stores meta and kwargs. */
    static String json(Map<String, String> values) {
        StringBuilder out = new StringBuilder("{");
        values.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"')
                    .append(escape(key))
                    .append("\":\"")
                    .append(escape(value))
                    .append('"');
        });
        return out.append('}').toString();
    }

    static String jsonArray(List<String> values) {
        StringBuilder out = new StringBuilder("[");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(escape(value)).append('"');
        }
        return out.append(']').toString();
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
