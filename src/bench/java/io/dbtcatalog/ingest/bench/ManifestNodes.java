package io.dbtcatalog.ingest.bench;

import static io.dbtcatalog.ingest.bench.BenchNames.DATABASE;
import static io.dbtcatalog.ingest.bench.BenchNames.PROJECT;

import java.util.List;
import tools.jackson.core.JsonGenerator;

/** Writes one model, data test or seed entry of the manifest's {@code nodes} section in the dbt 1.10 (v12) shape. */
final class ManifestNodes {

    private static final double CREATED_AT = 1_786_086_691.0636272;

    private ManifestNodes() {}

    static void model(JsonGenerator g, Specs.Model m) {
        g.writeObjectPropertyStart(m.id());
        header(g, m.schema(), m.name(), "model", m.filePath().substring("models/".length()), m.filePath(), m.id());
        fqn(g, m.layer().schema, m.tags().get(1), m.name());
        g.writeStringProperty("alias", m.name());
        Json.checksum(g, "sha256", m.checksum());
        modelConfig(g, m);
        Json.strings(g, "tags", m.tags());
        g.writeStringProperty("description", m.description());
        columns(g, m.columns());
        Json.stringMap(g, "meta", m.meta());
        g.writeNullProperty("group");
        Json.docs(g);
        g.writeStringProperty(
                "patch_path",
                PROJECT + "://models/" + m.schema() + "/" + m.tags().get(1) + "/_"
                        + m.tags().get(1) + "__models.yml");
        g.writeNullProperty("build_path");
        g.writeObjectPropertyStart("unrendered_config");
        g.writeStringProperty("materialized", m.materialization());
        Json.strings(g, "tags", m.tags());
        g.writeEndObject();
        g.writeNumberProperty("created_at", CREATED_AT + m.index() / 1000.0);
        modelCode(g, m);
        g.writeEndObject();
    }

    private static void modelCode(JsonGenerator g, Specs.Model m) {
        Json.nullable(g, "relation_name", m.relationName());
        g.writeStringProperty("raw_code", m.rawCode());
        Json.emptyArray(g, "doc_blocks");
        g.writeStringProperty("language", "sql");
        refsAndSources(g, m.parentIds());
        Json.emptyArray(g, "metrics");
        Json.dependsOn(g, List.of("macro." + PROJECT + ".cents_to_dollars"), m.parentIds());
        compiled(g, "models/" + m.filePath().substring("models/".length()), m.compiledCode());
        contract(g, m.contractEnforced());
        g.writeStringProperty("access", "protected");
        Json.emptyArray(g, "constraints");
        g.writeNullProperty("version");
        g.writeNullProperty("latest_version");
        g.writeNullProperty("deprecation_date");
        Json.strings(g, "primary_key", List.of(m.columns().get(0).name()));
        g.writeNullProperty("time_spine");
    }

    private static void header(
            JsonGenerator g, String schema, String name, String type, String path, String originalPath, String id) {
        g.writeStringProperty("database", DATABASE);
        g.writeStringProperty("schema", schema);
        g.writeStringProperty("name", name);
        g.writeStringProperty("resource_type", type);
        g.writeStringProperty("package_name", PROJECT);
        g.writeStringProperty("path", path);
        g.writeStringProperty("original_file_path", originalPath);
        g.writeStringProperty("unique_id", id);
    }

    private static void fqn(JsonGenerator g, String... parts) {
        g.writeArrayPropertyStart("fqn");
        g.writeString(PROJECT);
        for (String part : parts) {
            g.writeString(part);
        }
        g.writeEndArray();
    }

    private static void modelConfig(JsonGenerator g, Specs.Model m) {
        g.writeObjectPropertyStart("config");
        g.writeBooleanProperty("enabled", true);
        g.writeNullProperty("alias");
        g.writeStringProperty("schema", m.schema());
        g.writeNullProperty("database");
        Json.strings(g, "tags", m.tags());
        Json.stringMap(g, "meta", m.meta());
        g.writeNullProperty("group");
        g.writeStringProperty("materialized", m.materialization());
        Json.nullable(g, "incremental_strategy", "incremental".equals(m.materialization()) ? "merge" : null);
        configDefaults(g);
        Json.nullable(
                g,
                "unique_key",
                "incremental".equals(m.materialization()) ? m.columns().get(0).name() : null);
        g.writeStringProperty("on_schema_change", "ignore");
        g.writeStringProperty("on_configuration_change", "apply");
        Json.emptyObject(g, "grants");
        Json.emptyArray(g, "packages");
        Json.docs(g);
        g.writeObjectPropertyStart("contract");
        g.writeBooleanProperty("enforced", m.contractEnforced());
        g.writeBooleanProperty("alias_types", true);
        g.writeEndObject();
        g.writeNullProperty("event_time");
        g.writeNullProperty("concurrent_batches");
        g.writeStringProperty("access", "protected");
        g.writeNullProperty("freshness");
        g.writeEndObject();
    }

    private static void configDefaults(JsonGenerator g) {
        g.writeNullProperty("batch_size");
        g.writeNumberProperty("lookback", 1);
        g.writeNullProperty("begin");
        Json.emptyObject(g, "persist_docs");
        Json.emptyArray(g, "post-hook");
        Json.emptyArray(g, "pre-hook");
        Json.emptyObject(g, "quoting");
        Json.emptyObject(g, "column_types");
        g.writeNullProperty("full_refresh");
    }

    static void columns(JsonGenerator g, List<Specs.Column> columns) {
        g.writeObjectPropertyStart("columns");
        for (Specs.Column column : columns) {
            g.writeObjectPropertyStart(column.name());
            g.writeStringProperty("name", column.name());
            g.writeStringProperty("description", column.description());
            Json.emptyObject(g, "meta");
            Json.nullable(g, "data_type", column.declaredType());
            Json.emptyArray(g, "constraints");
            g.writeNullProperty("quote");
            g.writeObjectPropertyStart("config");
            Json.emptyObject(g, "meta");
            Json.emptyArray(g, "tags");
            g.writeEndObject();
            Json.emptyArray(g, "tags");
            g.writeNullProperty("granularity");
            Json.emptyArray(g, "doc_blocks");
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void refsAndSources(JsonGenerator g, List<String> parentIds) {
        g.writeArrayPropertyStart("refs");
        for (String parent : parentIds) {
            if (!parent.startsWith("source.")) {
                g.writeStartObject();
                g.writeStringProperty("name", parent.substring(parent.indexOf('.', parent.indexOf('.') + 1) + 1));
                g.writeNullProperty("package");
                g.writeNullProperty("version");
                g.writeEndObject();
            }
        }
        g.writeEndArray();
        g.writeArrayPropertyStart("sources");
        for (String parent : parentIds) {
            if (parent.startsWith("source.")) {
                String[] parts = parent.split("\\.");
                g.writeStartArray();
                g.writeString(parts[2]);
                g.writeString(parts[3]);
                g.writeEndArray();
            }
        }
        g.writeEndArray();
    }

    private static void compiled(JsonGenerator g, String path, String compiledCode) {
        g.writeStringProperty("compiled_path", "target/compiled/" + PROJECT + "/" + path);
        g.writeBooleanProperty("compiled", true);
        g.writeStringProperty("compiled_code", compiledCode);
        g.writeBooleanProperty("extra_ctes_injected", true);
        Json.emptyArray(g, "extra_ctes");
    }

    private static void contract(JsonGenerator g, boolean enforced) {
        g.writeObjectPropertyStart("contract");
        g.writeBooleanProperty("enforced", enforced);
        g.writeBooleanProperty("alias_types", true);
        g.writeNullProperty("checksum");
        g.writeEndObject();
    }

    static void test(JsonGenerator g, Specs.Test t) {
        g.writeObjectPropertyStart(t.id());
        header(g, "dbt_test__audit", t.name(), "test", t.filePath(), t.schemaFilePath(), t.id());
        fqn(g, t.schemaFilePath().split("/")[1], t.name());
        g.writeStringProperty("alias", t.name());
        Json.checksum(g, "none", "");
        testConfig(g, t.severity());
        Json.emptyArray(g, "tags");
        g.writeStringProperty("description", "");
        Json.emptyObject(g, "columns");
        Json.emptyObject(g, "meta");
        g.writeNullProperty("group");
        Json.docs(g);
        g.writeNullProperty("patch_path");
        g.writeNullProperty("build_path");
        Json.emptyObject(g, "unrendered_config");
        g.writeNumberProperty("created_at", CREATED_AT);
        g.writeNullProperty("relation_name");
        g.writeStringProperty("raw_code", t.rawCode());
        Json.emptyArray(g, "doc_blocks");
        g.writeStringProperty("language", "sql");
        refsAndSources(g, t.parentIds());
        Json.emptyArray(g, "metrics");
        Json.dependsOn(g, List.of("macro.dbt.test_" + t.testName(), "macro.dbt.get_where_subquery"), t.parentIds());
        compiled(g, t.schemaFilePath() + "/" + t.filePath(), t.compiledCode());
        contract(g, false);
        testMetadata(g, t);
        g.writeEndObject();
    }

    private static void testMetadata(JsonGenerator g, Specs.Test t) {
        g.writeStringProperty("column_name", t.columnName());
        g.writeStringProperty(
                "file_key_name",
                "models." + t.attachedId().substring(t.attachedId().lastIndexOf('.') + 1));
        g.writeStringProperty("attached_node", t.attachedId());
        g.writeObjectPropertyStart("test_metadata");
        g.writeStringProperty("name", t.testName());
        Json.stringMap(g, "kwargs", t.kwargs());
        g.writeNullProperty("namespace");
        g.writeEndObject();
    }

    private static void testConfig(JsonGenerator g, String severity) {
        g.writeObjectPropertyStart("config");
        g.writeBooleanProperty("enabled", true);
        g.writeNullProperty("alias");
        g.writeStringProperty("schema", "dbt_test__audit");
        g.writeNullProperty("database");
        Json.emptyArray(g, "tags");
        Json.emptyObject(g, "meta");
        g.writeNullProperty("group");
        g.writeStringProperty("materialized", "test");
        g.writeStringProperty("severity", severity);
        g.writeNullProperty("store_failures");
        g.writeNullProperty("store_failures_as");
        g.writeNullProperty("where");
        g.writeNullProperty("limit");
        g.writeStringProperty("fail_calc", "count(*)");
        g.writeStringProperty("warn_if", "!= 0");
        g.writeStringProperty("error_if", "!= 0");
        g.writeEndObject();
    }

    static void seed(JsonGenerator g, Specs.Seed s) {
        g.writeObjectPropertyStart(s.id());
        header(g, "seeds", s.name(), "seed", s.name() + ".csv", "seeds/" + s.name() + ".csv", s.id());
        fqn(g, s.name());
        g.writeStringProperty("alias", s.name());
        Json.checksum(g, "sha256", s.checksum());
        g.writeObjectPropertyStart("config");
        g.writeBooleanProperty("enabled", true);
        g.writeStringProperty("schema", "seeds");
        g.writeStringProperty("materialized", "seed");
        g.writeStringProperty("delimiter", ",");
        g.writeEndObject();
        Json.emptyArray(g, "tags");
        g.writeStringProperty("description", s.description());
        columns(g, s.columns());
        Json.emptyObject(g, "meta");
        g.writeNullProperty("group");
        Json.docs(g);
        g.writeStringProperty("patch_path", PROJECT + "://seeds/_seeds.yml");
        g.writeNumberProperty("created_at", CREATED_AT);
        g.writeStringProperty("relation_name", Specs.relation("seeds", s.name()));
        g.writeStringProperty("raw_code", "");
        g.writeStringProperty("root_path", "/home/runner/project");
        g.writeObjectPropertyStart("depends_on");
        Json.emptyArray(g, "macros");
        g.writeEndObject();
        g.writeEndObject();
    }
}
