package io.dbtcatalog.ingest.lineage;

import static io.dbtcatalog.ingest.lineage.TestProject.edges;
import static io.dbtcatalog.ingest.lineage.TestProject.modelId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The engine across models: DAG order, ephemeral CTEs, shared relations, schemas, merging, reuse. */
class ColumnLineageEngineTests {

    @Test
    void upstreamModelsDerivedOutputServesAsTheSchemaOfItsChildren() {
        // given: the child comes first in the input, and no warehouse columns are known for the parent
        LineageInput input = TestProject.on(Dialect.POSTGRES)
                .source("orders", "id", "amount")
                .model("stg", "select id as order_id, amount from db.raw.orders")
                .model("mart", "select * from db.analytics.stg")
                .input();
        LineageInput reversed = new LineageInput(
                input.dialect(),
                List.of(input.models().get(1), input.models().get(0)),
                input.relations(),
                input.schemas());

        // when
        LineageResult result = new ColumnLineageEngine().analyse(reversed);

        // then
        assertThat(result.models()).extracting(ModelLineage::uniqueId).containsExactly(modelId("stg"), modelId("mart"));
        assertThat(edges(result.models().get(1)))
                .containsExactly("order_id <- stg.order_id DIRECT", "amount <- stg.amount DIRECT");
    }

    @Test
    void ephemeralCteMapsBackToTheEphemeralNode() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.POSTGRES)
                .source("orders", "id", "amount")
                .ephemeral("paid", "select id, amount from db.raw.orders")
                .model(
                        "m",
                        "with __dbt__cte__paid as (select id, amount from db.raw.orders), "
                                + "totals as (select id, amount * 2 as doubled from __dbt__cte__paid) select * from totals")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("id <- paid.id DIRECT", "doubled <- paid.amount EXPRESSION");
    }

    @Test
    void relationSharedBySeedAndSourceResolvesToTheNodeTheModelDependsOn() {
        // given: a seed loaded into the table the source points at, added after the model
        TestProject project = TestProject.on(Dialect.POSTGRES)
                .source("orders", "id")
                .model("m", "select id from db.raw.orders")
                .sameRelation("seed.shop.orders", TestProject.sourceId("orders"));

        // when
        ModelLineage lineage = project.lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("id <- orders.id DIRECT");
        assertThat(lineage.edges().get(0).parentId()).isEqualTo(TestProject.sourceId("orders"));
    }

    @Test
    void derivedOutputBeatsPartialDeclaredColumnsAndDeclaredServeWhenNothingElseIsKnown() {
        // when
        LineageResult result = TestProject.on(Dialect.POSTGRES)
                .source("events")
                .declared("events", "id", "kind")
                .model("stg", "select id, kind, 1 as one from db.raw.events")
                .declared("stg", "id")
                .model("mart", "select * from db.analytics.stg")
                .analyse();

        // then
        assertThat(result.models().get(0).coverage().level()).isEqualTo(Coverage.Level.FULL);
        assertThat(result.models().get(1).outputColumns()).containsExactly("id", "kind", "one");
    }

    @Test
    void outputNamesTakeTheWarehouseSpelling() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.DUCKDB)
                .source("orders", "id")
                .model("m", "select ID as Order_Id from db.raw.orders")
                .observed("m", "order_id")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("order_id <- orders.id DIRECT");
    }

    @Test
    void edgesLinkingTheSamePairMergeToTheStrongestKind() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.POSTGRES)
                .source("orders", "amount", "status")
                .model(
                        "m",
                        "select case when amount > 0 then amount end as positive, "
                                + "case when status = 'x' then 1 end + status::int as mixed from db.raw.orders")
                .lineage("m");

        // then
        assertThat(edges(lineage))
                .containsExactly("positive <- orders.amount CASE", "mixed <- orders.status EXPRESSION");
    }

    @Test
    void unchangedModelsAreReusedByFingerprint() {
        // given
        TestProject project = TestProject.on(Dialect.POSTGRES)
                .source("orders", "id")
                .model("a", "select id from db.raw.orders")
                .model("b", "select id from db.analytics.a");
        LineageResult first = project.analyse();

        // when
        LineageResult second = new ColumnLineageEngine().analyse(project.input(), byId(first));

        // then
        assertThat(second.analysed()).isZero();
        assertThat(second.reused()).isEqualTo(2);
        assertThat(second.models()).isEqualTo(first.models());
    }

    @Test
    void aChangedUpstreamSchemaInvalidatesTheFingerprintOfItsChildrenOnly() {
        // given
        LineageResult first = TestProject.on(Dialect.POSTGRES)
                .source("orders", "id")
                .source("customers", "id")
                .model("a", "select * from db.raw.orders")
                .model("b", "select id from db.raw.customers")
                .analyse();

        // when
        LineageResult second = new ColumnLineageEngine()
                .analyse(
                        TestProject.on(Dialect.POSTGRES)
                                .source("orders", "id", "amount")
                                .source("customers", "id")
                                .model("a", "select * from db.raw.orders")
                                .model("b", "select id from db.raw.customers")
                                .input(),
                        byId(first));

        // then
        assertThat(second.analysed()).isEqualTo(1);
        assertThat(second.models().get(0).outputColumns()).containsExactly("id", "amount");
        assertThat(second.models().get(1)).isEqualTo(first.models().get(1));
    }

    @Test
    void fingerprintIsStableAcrossEnginesAndChangesWithTheSql() {
        // given
        TestProject before =
                TestProject.on(Dialect.POSTGRES).source("orders", "id").model("a", "select id from db.raw.orders");
        TestProject after = TestProject.on(Dialect.POSTGRES)
                .source("orders", "id")
                .model("a", "select id as order_id from db.raw.orders");

        // when
        String first = before.lineage("a").fingerprint();

        // then
        assertThat(before.lineage("a").fingerprint()).isEqualTo(first).hasSize(64);
        assertThat(after.lineage("a").fingerprint()).isNotEqualTo(first);
    }

    private static Map<String, ModelLineage> byId(LineageResult result) {
        Map<String, ModelLineage> byId = new HashMap<>();
        result.models().forEach(model -> byId.put(model.uniqueId(), model));
        return byId;
    }
}
