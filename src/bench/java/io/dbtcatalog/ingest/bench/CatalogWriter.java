package io.dbtcatalog.ingest.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JsonGenerator;

/**
 * Streams a {@code catalog.json} (schema v1) for a synthetic project: every non-ephemeral model and every seed with
 * its warehouse columns (half the models upper-cased, each with one column the manifest does not document), and
 * every source table.
 */
final class CatalogWriter {

    static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/catalog/v1.json";

    private final SpecFactory specs;
    private final DagLayout layout;
    private final InvocationMetadata metadata;

    CatalogWriter(SpecFactory specs, InvocationMetadata metadata) {
        this.specs = specs;
        this.layout = specs.layout();
        this.metadata = metadata;
    }

    void write(Path file) {
        try (JsonGenerator g = Json.open(file)) {
            g.writeStartObject();
            metadata.write(g, SCHEMA_VERSION, false);
            g.writeObjectPropertyStart("nodes");
            for (int k = 0; k < layout.seeds; k++) {
                Specs.Seed seed = specs.seed(k);
                table(g, seed.id(), "seeds", seed.name(), "BASE TABLE", seed.columns(), false, false);
            }
            for (int i = 0; i < layout.models; i++) {
                if (!layout.ephemeral(i)) {
                    Specs.Model model = specs.model(i);
                    String type = "view".equals(model.materialization()) ? "VIEW" : "BASE TABLE";
                    table(
                            g,
                            model.id(),
                            model.schema(),
                            model.name(),
                            type,
                            model.columns(),
                            layout.upperCaseInWarehouse(i),
                            true);
                }
            }
            g.writeEndObject();
            g.writeObjectPropertyStart("sources");
            for (int s = 0; s < layout.sources; s++) {
                Specs.Source source = specs.source(s);
                table(g, source.id(), source.schema(), source.table(), "BASE TABLE", source.columns(), false, false);
            }
            g.writeEndObject();
            g.writeNullProperty("errors");
            g.writeEndObject();
        }
    }

    private static void table(
            JsonGenerator g,
            String id,
            String schema,
            String name,
            String type,
            List<Specs.Column> columns,
            boolean upperCase,
            boolean withUndocumented) {
        g.writeObjectPropertyStart(id);
        g.writeObjectPropertyStart("metadata");
        g.writeStringProperty("type", type);
        g.writeStringProperty("schema", upperCase ? schema.toUpperCase(Locale.ROOT) : schema);
        g.writeStringProperty("name", upperCase ? name.toUpperCase(Locale.ROOT) : name);
        g.writeStringProperty("database", BenchNames.DATABASE);
        g.writeNullProperty("comment");
        g.writeStringProperty("owner", "TRANSFORMER");
        g.writeEndObject();
        g.writeObjectPropertyStart("columns");
        int index = 1;
        for (Specs.Column column : columns) {
            column(
                    g,
                    upperCase ? column.name().toUpperCase(Locale.ROOT) : column.name(),
                    column.warehouseType(),
                    index++);
        }
        if (withUndocumented) {
            String undocumented = BenchNames.UNDOCUMENTED_COLUMN;
            column(g, upperCase ? undocumented.toUpperCase(Locale.ROOT) : undocumented, "TIMESTAMP_NTZ", index);
        }
        g.writeEndObject();
        stats(g);
        g.writeStringProperty("unique_id", id);
        g.writeEndObject();
    }

    private static void column(JsonGenerator g, String name, String type, int index) {
        g.writeObjectPropertyStart(name);
        g.writeStringProperty("type", type);
        g.writeNumberProperty("index", index);
        g.writeStringProperty("name", name);
        g.writeNullProperty("comment");
        g.writeEndObject();
    }

    private static void stats(JsonGenerator g) {
        g.writeObjectPropertyStart("stats");
        g.writeObjectPropertyStart("has_stats");
        g.writeStringProperty("id", "has_stats");
        g.writeStringProperty("label", "Has Stats?");
        g.writeBooleanProperty("value", false);
        g.writeBooleanProperty("include", false);
        g.writeStringProperty("description", "Indicates whether there are statistics for this table");
        g.writeEndObject();
        g.writeEndObject();
    }
}
