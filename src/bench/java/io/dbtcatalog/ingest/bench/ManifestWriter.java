package io.dbtcatalog.ingest.bench;

import static io.dbtcatalog.ingest.bench.BenchNames.PROJECT;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;

/**
 * Streams a dbt 1.10 {@code manifest.json} (schema v12) for a synthetic project: nodes, sources, macros, docs,
 * exposures, the empty newer sections, and the parent and child maps. Memory stays at one resource at a time.
 */
final class ManifestWriter {

    static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/manifest/v12.json";
    private static final String[] MACROS = {
        "cents_to_dollars", "safe_divide", "generate_schema_name", "surrogate_key", "date_spine_days"
    };
    static final int MACRO_COUNT = MACROS.length;

    private final SpecFactory specs;
    private final DagLayout layout;
    private final InvocationMetadata metadata;

    ManifestWriter(SpecFactory specs, InvocationMetadata metadata) {
        this.specs = specs;
        this.layout = specs.layout();
        this.metadata = metadata;
    }

    void write(Path file) {
        try (JsonGenerator g = Json.open(file)) {
            g.writeStartObject();
            metadata.write(g, SCHEMA_VERSION, true);
            nodes(g);
            sources(g);
            macros(g);
            docs(g);
            exposures(g);
            for (String empty : List.of("metrics", "groups", "selectors", "disabled")) {
                Json.emptyObject(g, empty);
            }
            parentMap(g);
            childMap(g);
            for (String empty : List.of("group_map", "saved_queries", "semantic_models", "unit_tests")) {
                Json.emptyObject(g, empty);
            }
            g.writeEndObject();
        }
    }

    private void nodes(JsonGenerator g) {
        g.writeObjectPropertyStart("nodes");
        for (int k = 0; k < layout.seeds; k++) {
            ManifestNodes.seed(g, specs.seed(k));
        }
        for (int i = 0; i < layout.models; i++) {
            ManifestNodes.model(g, specs.model(i));
            for (int t = 0; t < layout.testsOf(i); t++) {
                ManifestNodes.test(g, specs.test(i, t));
            }
        }
        g.writeEndObject();
    }

    private void sources(JsonGenerator g) {
        g.writeObjectPropertyStart("sources");
        for (int s = 0; s < layout.sources; s++) {
            source(g, specs.source(s));
        }
        g.writeEndObject();
    }

    private static void source(JsonGenerator g, Specs.Source source) {
        g.writeObjectPropertyStart(source.id());
        g.writeStringProperty("database", BenchNames.DATABASE);
        g.writeStringProperty("schema", source.schema());
        g.writeStringProperty("name", source.table());
        g.writeStringProperty("resource_type", "source");
        g.writeStringProperty("package_name", PROJECT);
        String path = "models/staging/_" + source.sourceName() + "__sources.yml";
        g.writeStringProperty("path", path);
        g.writeStringProperty("original_file_path", path);
        g.writeStringProperty("unique_id", source.id());
        Json.strings(g, "fqn", List.of(PROJECT, "staging", source.sourceName(), source.table()));
        g.writeStringProperty("source_name", source.sourceName());
        g.writeStringProperty("source_description", source.sourceDescription());
        g.writeStringProperty("loader", "fivetran");
        g.writeStringProperty("identifier", source.table());
        g.writeStringProperty("loaded_at_field", "_fivetran_synced");
        freshness(g);
        g.writeNullProperty("external");
        sourceDocumentation(g, source);
        g.writeEndObject();
    }

    private static void sourceDocumentation(JsonGenerator g, Specs.Source source) {
        g.writeStringProperty("description", source.description());
        ManifestNodes.columns(g, source.columns());
        g.writeObjectPropertyStart("meta");
        g.writeStringProperty("owner", source.owner());
        g.writeEndObject();
        Json.emptyObject(g, "source_meta");
        Json.strings(g, "tags", source.tags());
        g.writeObjectPropertyStart("config");
        g.writeBooleanProperty("enabled", true);
        g.writeEndObject();
        g.writeNullProperty("patch_path");
        g.writeStringProperty("relation_name", Specs.relation(source.schema(), source.table()));
        g.writeNumberProperty("created_at", 1_786_086_691.5726666);
        Json.emptyArray(g, "doc_blocks");
    }

    private static void freshness(JsonGenerator g) {
        g.writeObjectPropertyStart("freshness");
        g.writeObjectPropertyStart("warn_after");
        g.writeNumberProperty("count", 12);
        g.writeStringProperty("period", "hour");
        g.writeEndObject();
        g.writeObjectPropertyStart("error_after");
        g.writeNumberProperty("count", 24);
        g.writeStringProperty("period", "hour");
        g.writeEndObject();
        g.writeNullProperty("filter");
        g.writeEndObject();
    }

    private static void macros(JsonGenerator g) {
        g.writeObjectPropertyStart("macros");
        for (String macro : MACROS) {
            String id = "macro." + PROJECT + "." + macro;
            g.writeObjectPropertyStart(id);
            g.writeStringProperty("name", macro);
            g.writeStringProperty("resource_type", "macro");
            g.writeStringProperty("package_name", PROJECT);
            g.writeStringProperty("path", "macros/" + macro + ".sql");
            g.writeStringProperty("original_file_path", "macros/" + macro + ".sql");
            g.writeStringProperty("unique_id", id);
            g.writeStringProperty(
                    "macro_sql", "{% macro " + macro + "(column_name) %} ({{ column_name }} / 100)" + "{% endmacro %}");
            g.writeObjectPropertyStart("depends_on");
            Json.emptyArray(g, "macros");
            g.writeEndObject();
            g.writeStringProperty("description", "");
            Json.emptyObject(g, "meta");
            Json.docs(g);
            g.writeNullProperty("patch_path");
            Json.emptyArray(g, "arguments");
            g.writeNumberProperty("created_at", 1_786_086_690.9576397);
            g.writeNullProperty("supported_languages");
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void docs(JsonGenerator g) {
        g.writeObjectPropertyStart("docs");
        String id = "doc." + PROJECT + ".__overview__";
        g.writeObjectPropertyStart(id);
        g.writeStringProperty("name", "__overview__");
        g.writeStringProperty("resource_type", "doc");
        g.writeStringProperty("package_name", PROJECT);
        g.writeStringProperty("path", "overview.md");
        g.writeStringProperty("original_file_path", "models/overview.md");
        g.writeStringProperty("unique_id", id);
        g.writeStringProperty("block_contents", "# Bench shop\n\nA synthetic project for the ingestion benchmark.");
        g.writeEndObject();
        g.writeEndObject();
    }

    private void exposures(JsonGenerator g) {
        g.writeObjectPropertyStart("exposures");
        for (int e = 0; e < layout.exposures; e++) {
            Specs.Exposure exposure = specs.exposure(e);
            g.writeObjectPropertyStart(exposure.id());
            g.writeStringProperty("name", exposure.name());
            g.writeStringProperty("resource_type", "exposure");
            g.writeStringProperty("package_name", PROJECT);
            g.writeStringProperty("path", "marts/_exposures.yml");
            g.writeStringProperty("original_file_path", "models/marts/_exposures.yml");
            g.writeStringProperty("unique_id", exposure.id());
            Json.strings(g, "fqn", List.of(PROJECT, "marts", exposure.name()));
            g.writeStringProperty("type", "dashboard");
            g.writeObjectPropertyStart("owner");
            g.writeStringProperty("email", "analyst@example.com");
            g.writeStringProperty("name", exposure.ownerName());
            g.writeEndObject();
            g.writeStringProperty("description", exposure.description());
            g.writeStringProperty("maturity", "high");
            Json.emptyObject(g, "meta");
            Json.emptyArray(g, "tags");
            g.writeStringProperty("url", "https://bi.example.com/dashboards/" + e);
            Json.dependsOn(g, List.of(), exposure.parentIds());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private void parentMap(JsonGenerator g) {
        g.writeObjectPropertyStart("parent_map");
        for (int k = 0; k < layout.seeds; k++) {
            Json.strings(g, BenchNames.seedId(k), List.of());
        }
        for (int i = 0; i < layout.models; i++) {
            Json.strings(g, BenchNames.modelId(layout, i), modelParents(i));
            for (int t = 0; t < layout.testsOf(i); t++) {
                List<String> parents = t == 3
                        ? List.of(
                                BenchNames.modelId(layout, layout.relationshipTarget(i)), BenchNames.modelId(layout, i))
                        : List.of(BenchNames.modelId(layout, i));
                Json.strings(g, BenchNames.testId(layout, i, t), parents);
            }
        }
        for (int s = 0; s < layout.sources; s++) {
            Json.strings(g, BenchNames.sourceId(s), List.of());
        }
        for (int e = 0; e < layout.exposures; e++) {
            List<String> parents = new ArrayList<>();
            for (int parent : layout.exposureParents(e)) {
                parents.add(BenchNames.modelId(layout, parent));
            }
            Json.strings(g, BenchNames.exposureId(e), parents);
        }
        g.writeEndObject();
    }

    private List<String> modelParents(int i) {
        List<String> parents = new ArrayList<>();
        if (layout.sourceParent(i) >= 0) {
            parents.add(BenchNames.sourceId(layout.sourceParent(i)));
        }
        if (layout.seedParent(i) >= 0) {
            parents.add(BenchNames.seedId(layout.seedParent(i)));
        }
        for (int parent : layout.modelParents(i)) {
            parents.add(BenchNames.modelId(layout, parent));
        }
        return parents;
    }

    private void childMap(JsonGenerator g) {
        g.writeObjectPropertyStart("child_map");
        for (int k = 0; k < layout.seeds; k++) {
            Json.strings(g, BenchNames.seedId(k), modelIds(layout.seedChildren(k)));
        }
        for (int i = 0; i < layout.models; i++) {
            List<String> children = modelIds(layout.modelChildren(i));
            for (int t = 0; t < layout.testsOf(i); t++) {
                children.add(BenchNames.testId(layout, i, t));
            }
            for (int child : layout.relationshipChildren(i)) {
                children.add(BenchNames.testId(layout, child, 3));
            }
            for (int exposure : layout.exposuresOf(i)) {
                children.add(BenchNames.exposureId(exposure));
            }
            Json.strings(g, BenchNames.modelId(layout, i), children);
            for (int t = 0; t < layout.testsOf(i); t++) {
                Json.strings(g, BenchNames.testId(layout, i, t), List.of());
            }
        }
        for (int s = 0; s < layout.sources; s++) {
            Json.strings(g, BenchNames.sourceId(s), modelIds(layout.sourceChildren(s)));
        }
        for (int e = 0; e < layout.exposures; e++) {
            Json.strings(g, BenchNames.exposureId(e), List.of());
        }
        g.writeEndObject();
    }

    private List<String> modelIds(int[] models) {
        List<String> ids = new ArrayList<>(models.length + 4);
        for (int model : models) {
            ids.add(BenchNames.modelId(layout, model));
        }
        return ids;
    }
}
