package io.dbtcatalog.ingest.lineage;

import static io.dbtcatalog.ingest.lineage.TestProject.edges;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Constructs of one dialect or another: flatten, unnest, structs, trailing commas, reserved names, literals. */
class DialectLineageTests {

    @Test
    void snowflakeLateralFlattenDerivesFromItsInput() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.SNOWFLAKE)
                .source("orders", "ID", "ITEMS")
                .model(
                        "m",
                        "select o.id, f.value:sku::string as sku from db.raw.orders o, "
                                + "lateral flatten(input => o.items) f")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("ID <- orders.ID DIRECT", "SKU <- orders.ITEMS EXPRESSION");
        assertThat(lineage.coverage().level()).isEqualTo(Coverage.Level.FULL);
    }

    @Test
    void bigqueryUnnestAliasDerivesFromTheArray() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.BIGQUERY)
                .source("orders", "id", "tags")
                .model("m", "select o.id, tag from `db`.`raw`.`orders` o cross join unnest(o.tags) as tag")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("id <- orders.id DIRECT", "tag <- orders.tags EXPRESSION");
    }

    @Test
    void structFieldAccessIsAnExpressionOfTheStructColumn() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.BIGQUERY)
                .source("customers", "id", "address")
                .model("m", "select c.address.city as city, address.zip from `db.raw.customers` c")
                .lineage("m");

        // then
        assertThat(edges(lineage))
                .containsExactly("city <- customers.address EXPRESSION", "zip <- customers.address EXPRESSION");
    }

    @Test
    void trailingCommaBeforeFromAndACteNamedFinalParse() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.BIGQUERY)
                .source("orders", "id", "amount")
                .model(
                        "m",
                        "with final as (\n  select id,\n    amount,\n  from `db.raw.orders`\n)\n\n\n"
                                + "select * from final")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("id <- orders.id DIRECT", "amount <- orders.amount DIRECT");
    }

    @Test
    void datePartsAndNiladicFunctionsAreNotColumns() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.SNOWFLAKE)
                .source("orders", "CREATED_AT")
                .model(
                        "m",
                        "select datediff(day, created_at, current_date) as age, "
                                + "date_trunc(month, created_at) as month_start, current_timestamp as loaded_at "
                                + "from db.raw.orders")
                .lineage("m");

        // then
        assertThat(edges(lineage))
                .containsExactly("AGE <- orders.CREATED_AT EXPRESSION", "MONTH_START <- orders.CREATED_AT EXPRESSION");
        assertThat(lineage.coverage().level()).isEqualTo(Coverage.Level.FULL);
    }

    @Test
    void bigqueryDoubleQuotedTextIsAStringLiteral() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.BIGQUERY)
                .source("orders", "id")
                .model("m", "select id, \"paid\" as state from `db.raw.orders`")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("id <- orders.id DIRECT");
        assertThat(lineage.coverage().level()).isEqualTo(Coverage.Level.FULL);
    }

    @Test
    void lambdaParametersAreNotColumns() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.DATABRICKS)
                .source("orders", "id", "items")
                .model("m", "select transform(items, x -> x + 1) as bumped from db.raw.orders")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("bumped <- orders.items EXPRESSION");
        assertThat(lineage.coverage().level()).isEqualTo(Coverage.Level.FULL);
    }

    @Test
    void unnamedExpressionsTakeTheWarehouseNameAtTheirPosition() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.BIGQUERY)
                .source("orders", "id", "amount")
                .model("m", "select id, amount * 2 from `db.raw.orders`")
                .observed("m", "id", "f0_")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("id <- orders.id DIRECT", "f0_ <- orders.amount EXPRESSION");
    }

    @Test
    void snowflakeOutputNamesAreUpperCaseUnlessQuoted() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.SNOWFLAKE)
                .source("orders", "ID")
                .model("m", "select id as order_id, id as \"Mixed\" from DB.RAW.ORDERS")
                .lineage("m");

        // then
        assertThat(lineage.outputColumns()).containsExactly("ORDER_ID", "Mixed");
    }
}
