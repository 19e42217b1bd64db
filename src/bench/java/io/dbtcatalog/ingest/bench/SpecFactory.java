package io.dbtcatalog.ingest.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Builds the content of each synthetic resource from the layout and a seed. Each resource draws from its own random
 * stream (seed, kind, index), so any writer can rebuild exactly the same resource in any order.
 */
final class SpecFactory {

    private static final String[] WAREHOUSE_TYPES = {"VARCHAR", "TIMESTAMP_NTZ", "NUMBER(38,2)", "BOOLEAN", "DATE"};
    private static final String[] TIERS = {"gold", "silver", "bronze"};

    private final DagLayout layout;
    private final long seed;

    SpecFactory(DagLayout layout, long seed) {
        this.layout = layout;
        this.seed = seed;
    }

    DagLayout layout() {
        return layout;
    }

    private SplittableRandom random(int kind, int index) {
        return new SplittableRandom(BenchNames.mix(seed * 31 + kind) ^ index);
    }

    Specs.Model model(int i) {
        SplittableRandom random = random(1, i);
        DagLayout.Layer layer = layout.layer(i);
        String name = BenchNames.modelName(layout, i);
        String domain = BenchNames.domain(i / 7);
        String materialization = layout.materialization(i);
        List<String> tags = List.of(layer.schema, domain);
        String owner = "team-" + domain;
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("owner", owner);
        meta.put("tier", TIERS[random.nextInt(TIERS.length)]);
        meta.put("domain", domain);
        List<Specs.Column> columns = modelColumns(i, random);
        List<ModelSql.Upstream> upstreams = new ArrayList<>();
        List<String> parentIds = upstreams(i, upstreams);
        ModelSql.Code code = ModelSql.build(
                random,
                materialization,
                tags,
                upstreams,
                columns.stream().map(Specs.Column::name).toList());
        return new Specs.Model(
                i,
                BenchNames.modelId(layout, i),
                name,
                layer,
                layer.schema,
                materialization,
                Prose.text(random, 200, 600),
                tags,
                meta,
                owner,
                layer == DagLayout.Layer.MARTS && i % 20 == 0,
                "models/" + layer.schema + "/" + domain + "/" + name + ".sql",
                code.raw(),
                code.compiled(),
                Prose.hex(random, 64),
                parentIds,
                columns);
    }

    private List<Specs.Column> modelColumns(int model, SplittableRandom random) {
        List<Specs.Column> columns = new ArrayList<>(BenchNames.COLUMNS_PER_MODEL);
        boolean contract = layout.layer(model) == DagLayout.Layer.MARTS && model % 20 == 0;
        for (int k = 0; k < BenchNames.COLUMNS_PER_MODEL; k++) {
            String type = k < 2 ? "NUMBER(38,0)" : WAREHOUSE_TYPES[(model + k) % WAREHOUSE_TYPES.length];
            String description = random.nextInt(10) == 0 ? "" : Prose.text(random, 40, 200);
            columns.add(new Specs.Column(
                    BenchNames.columnName(layout, model, k), description, contract ? type.toLowerCase() : null, type));
        }
        return columns;
    }

    private List<String> upstreams(int model, List<ModelSql.Upstream> upstreams) {
        List<String> parentIds = new ArrayList<>();
        int source = layout.sourceParent(model);
        if (source >= 0) {
            parentIds.add(BenchNames.sourceId(source));
            upstreams.add(new ModelSql.Upstream(
                    "{{ source('" + BenchNames.sourceName(source) + "', '" + BenchNames.sourceTable(source) + "') }}",
                    Specs.relation(BenchNames.sourceName(source), BenchNames.sourceTable(source))));
        }
        int seedIndex = layout.seedParent(model);
        if (seedIndex >= 0) {
            parentIds.add(BenchNames.seedId(seedIndex));
            upstreams.add(ref(BenchNames.seedName(seedIndex), "seeds"));
        }
        for (int parent : layout.modelParents(model)) {
            parentIds.add(BenchNames.modelId(layout, parent));
            upstreams.add(ref(BenchNames.modelName(layout, parent), layout.layer(parent).schema));
        }
        return parentIds;
    }

    private static ModelSql.Upstream ref(String name, String schema) {
        return new ModelSql.Upstream("{{ ref('" + name + "') }}", Specs.relation(schema, name));
    }

    /** Test {@code t} (0 unique key, 1 not_null key, 2 not_null foreign key, 3 relationships) of a model. */
    Specs.Test test(int model, int t) {
        String modelName = BenchNames.modelName(layout, model);
        String modelId = BenchNames.modelId(layout, model);
        String column = BenchNames.testColumn(layout, model, t);
        String relation = Specs.relation(layout.layer(model).schema, modelName);
        Map<String, String> kwargs = new LinkedHashMap<>();
        kwargs.put("column_name", column);
        List<String> parents = List.of(modelId);
        String compiled;
        if (t == 3) {
            int target = layout.relationshipTarget(model);
            String targetName = BenchNames.modelName(layout, target);
            String field = BenchNames.columnName(layout, target, 0);
            kwargs.put("to", "ref('" + targetName + "')");
            kwargs.put("field", field);
            parents = List.of(BenchNames.modelId(layout, target), modelId);
            compiled =
                    relationshipsSql(relation, column, Specs.relation(layout.layer(target).schema, targetName), field);
        } else {
            compiled = t == 0 ? uniqueSql(relation, column) : notNullSql(relation, column);
        }
        kwargs.put("model", "{{ get_where_subquery(ref('" + modelName + "')) }}");
        String testName = BenchNames.TEST_NAMES[t];
        String domain = BenchNames.domain(model / 7);
        String schemaFile = "models/" + layout.layer(model).schema + "/" + domain + "/_" + domain + "__models.yml";
        return new Specs.Test(
                BenchNames.testId(layout, model, t),
                BenchNames.testName(layout, model, t),
                testName,
                modelId,
                column,
                t == 2 && model % 10 == 0 ? "warn" : "ERROR",
                kwargs,
                parents,
                "{{ test_" + testName + "(**_dbt_generic_test_kwargs) }}",
                compiled,
                BenchNames.testName(layout, model, t) + ".sql",
                schemaFile);
    }

    private static String uniqueSql(String relation, String column) {
        return "\n    \n    \n\nselect\n    " + column + " as unique_field,\n    count(*) as n_records\n\nfrom "
                + relation + "\nwhere " + column + " is not null\ngroup by " + column + "\nhaving count(*) > 1\n\n\n";
    }

    private static String notNullSql(String relation, String column) {
        return "\n    \n    \n\n\n\nselect " + column + "\nfrom " + relation + "\nwhere " + column + " is null\n\n\n";
    }

    private static String relationshipsSql(String relation, String column, String target, String field) {
        return "\n    \n    \n\nwith child as (\n    select " + column + " as from_field\n    from " + relation
                + "\n    where " + column + " is not null\n),\n\nparent as (\n    select " + field
                + " as to_field\n    from " + target + "\n)\n\nselect\n    from_field\n\nfrom child\nleft join parent\n"
                + "    on child.from_field = parent.to_field\n\nwhere parent.to_field is null\n\n\n";
    }

    Specs.Source source(int s) {
        SplittableRandom random = random(2, s);
        List<Specs.Column> columns = new ArrayList<>(BenchNames.COLUMNS_PER_SOURCE);
        for (int k = 0; k < BenchNames.COLUMNS_PER_SOURCE; k++) {
            String name = k == 0 ? "id" : BenchNames.ATTRIBUTES[(s + k) % BenchNames.ATTRIBUTES.length];
            columns.add(new Specs.Column(
                    name, Prose.text(random, 30, 120), null, WAREHOUSE_TYPES[(s + k) % WAREHOUSE_TYPES.length]));
        }
        return new Specs.Source(
                BenchNames.sourceId(s),
                BenchNames.sourceName(s),
                BenchNames.sourceTable(s),
                BenchNames.sourceName(s),
                Prose.text(random, 100, 300),
                Prose.text(random, 60, 200),
                "team-" + BenchNames.domain(s),
                List.of("raw", BenchNames.SYSTEMS[(s / 10) % BenchNames.SYSTEMS.length]),
                columns);
    }

    Specs.Seed seed(int k) {
        SplittableRandom random = random(3, k);
        List<Specs.Column> columns = List.of(
                new Specs.Column("code", "", "varchar", "VARCHAR"),
                new Specs.Column("label", "", "varchar", "VARCHAR"),
                new Specs.Column("sort_order", "", "integer", "NUMBER(38,0)"),
                new Specs.Column("valid_from", "", "date", "DATE"));
        return new Specs.Seed(
                BenchNames.seedId(k),
                BenchNames.seedName(k),
                Prose.text(random, 40, 160),
                Prose.hex(random, 64),
                columns);
    }

    Specs.Exposure exposure(int e) {
        SplittableRandom random = random(4, e);
        List<String> parents = new ArrayList<>();
        for (int parent : layout.exposureParents(e)) {
            parents.add(BenchNames.modelId(layout, parent));
        }
        return new Specs.Exposure(
                BenchNames.exposureId(e),
                BenchNames.exposureName(e),
                Prose.text(random, 80, 300),
                "Analyst " + e,
                parents);
    }
}
