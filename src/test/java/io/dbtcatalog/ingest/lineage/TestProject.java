package io.dbtcatalog.ingest.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Object mother for lineage inputs of a small project {@code shop} in database {@code db}: sources live in
 * schema {@code raw}, models in schema {@code analytics}. {@code TestProject.on(Dialect.POSTGRES).source("orders",
 * "id", "amount").model("stg_orders", "select id from db.raw.orders").lineage("stg_orders")}. A model depends on
 * the nodes added before it whose name its SQL mentions; edges print as {@code "child_col <- parent.col KIND"}.
 */
final class TestProject {

    private final Dialect dialect;
    private final Map<String, RelationName> relations = new LinkedHashMap<>();
    private final Map<String, List<String>> observed = new HashMap<>();
    private final Map<String, List<String>> declared = new HashMap<>();
    private final List<LineageModel> models = new ArrayList<>();

    private TestProject(Dialect dialect) {
        this.dialect = dialect;
    }

    static TestProject on(Dialect dialect) {
        return new TestProject(dialect);
    }

    static String sourceId(String name) {
        return "source.shop.raw." + name;
    }

    static String modelId(String name) {
        return "model.shop." + name;
    }

    /** A source table {@code db.raw.<name>} whose warehouse columns are {@code columns} (none: unknown). */
    TestProject source(String name, String... columns) {
        relations.put(sourceId(name), new RelationName("db", "raw", name));
        if (columns.length > 0) {
            observed.put(sourceId(name), List.of(columns));
        }
        return this;
    }

    /** A table model {@code db.analytics.<name>}. */
    TestProject model(String name, String sql) {
        return add(name, "table", "sql", sql);
    }

    TestProject ephemeral(String name, String sql) {
        return add(name, "ephemeral", "sql", sql);
    }

    TestProject python(String name) {
        return add(name, "table", "python", "import pandas");
    }

    /** The warehouse columns of a model already added. */
    TestProject observed(String modelName, String... columns) {
        observed.put(modelId(modelName), List.of(columns));
        return this;
    }

    /** The declared columns of a node already added (model, else source). */
    TestProject declared(String name, String... columns) {
        declared.put(relations.containsKey(modelId(name)) ? modelId(name) : sourceId(name), List.of(columns));
        return this;
    }

    /** Another node at the same relation as an existing one (a seed loaded where a source points). */
    TestProject sameRelation(String uniqueId, String existingId) {
        relations.put(uniqueId, relations.get(existingId));
        return this;
    }

    private TestProject add(String name, String materialization, String language, String sql) {
        String text = sql == null ? "" : sql.toLowerCase(Locale.ROOT);
        List<String> dependsOn = relations.entrySet().stream()
                .filter(entry -> Pattern.compile(
                                "\\b" + entry.getValue().identifier().toLowerCase(Locale.ROOT) + "\\b")
                        .matcher(text)
                        .find())
                .map(Map.Entry::getKey)
                .toList();
        relations.put(modelId(name), new RelationName("db", "analytics", name));
        models.add(new LineageModel(
                modelId(name),
                name,
                new RelationName("db", "analytics", name),
                materialization,
                language,
                sql,
                dependsOn));
        return this;
    }

    LineageInput input() {
        return new LineageInput(
                dialect, models, RelationResolver.index(dialect, relations), SchemaProvider.of(observed, declared));
    }

    LineageResult analyse() {
        return new ColumnLineageEngine().analyse(input());
    }

    ModelLineage lineage(String modelName) {
        return analyse().models().stream()
                .filter(model -> model.uniqueId().equals(modelId(modelName)))
                .findFirst()
                .orElseThrow();
    }

    /** The edges of a model as {@code "child_col <- parent.parent_col KIND"}, parent by its last id segment. */
    static List<String> edges(ModelLineage lineage) {
        return lineage.edges().stream().map(TestProject::text).toList();
    }

    static String text(ColumnEdge edge) {
        String parent = edge.parentId().substring(edge.parentId().lastIndexOf('.') + 1);
        return edge.childColumn() + " <- " + parent + "." + edge.parentColumn() + " " + edge.kind();
    }
}
