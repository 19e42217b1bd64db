package io.dbtcatalog.ingest.lineage;

import static io.dbtcatalog.ingest.lineage.SelectLineageTests.lineage;
import static io.dbtcatalog.ingest.lineage.TestProject.edges;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code *} and {@code t.*} expanded from the schemas in scope, with EXCLUDE/EXCEPT, REPLACE and USING. */
class StarLineageTests {

    @Test
    void starIsExpandedFromTheUpstreamSchema() {
        // when
        ModelLineage lineage = lineage("select * from db.raw.customers");

        // then
        assertThat(edges(lineage))
                .containsExactly(
                        "id <- customers.id DIRECT",
                        "name <- customers.name DIRECT",
                        "country <- customers.country DIRECT");
        assertThat(lineage.outputColumns()).containsExactly("id", "name", "country");
    }

    @Test
    void starThroughCtesKeepsTheOrderOfTheColumns() {
        // when
        ModelLineage lineage = lineage("with c as (select * from db.raw.customers), "
                + "renamed as (select id as customer_id, * from c) select * from renamed");

        // then
        assertThat(lineage.outputColumns()).containsExactly("customer_id", "id", "name", "country");
    }

    @Test
    void qualifiedStarExpandsOnlyThatRelation() {
        // when
        ModelLineage lineage = lineage(
                "select c.*, o.amount from db.raw.customers c " + "join db.raw.orders o on o.customer_id = c.id");

        // then
        assertThat(lineage.outputColumns()).containsExactly("id", "name", "country", "amount");
        assertThat(edges(lineage)).contains("amount <- orders.amount DIRECT", "id <- customers.id DIRECT");
    }

    @Test
    void snowflakeExcludeDropsColumns() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.SNOWFLAKE)
                .source("customers", "ID", "NAME", "COUNTRY")
                .model("m", "select * exclude (name, country) from db.raw.customers")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("ID <- customers.ID DIRECT");
    }

    @Test
    void bigqueryExceptDropsColumnsAndReplaceTakesTheReplacementsLineage() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.BIGQUERY)
                .source("customers", "id", "name", "country")
                .model("m", "select * except (country) replace (upper(name) as name) from `db.raw.customers`")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("id <- customers.id DIRECT", "name <- customers.name EXPRESSION");
    }

    @Test
    void duckdbExcludeOnAQualifiedStar() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.DUCKDB)
                .source("customers", "id", "name", "country")
                .model("m", "select c.* exclude (id) from db.raw.customers c")
                .lineage("m");

        // then
        assertThat(lineage.outputColumns()).containsExactly("name", "country");
    }

    @Test
    void usingJoinShowsTheSharedColumnOnceUnderStar() {
        // when
        ModelLineage lineage = lineage("with a as (select id, name from db.raw.customers), "
                + "b as (select customer_id as id, amount from db.raw.orders) select * from a join b using (id)");

        // then
        assertThat(lineage.outputColumns()).containsExactly("id", "name", "amount");
        assertThat(edges(lineage))
                .contains("id <- customers.id DIRECT")
                .doesNotContain("id <- orders.customer_id DIRECT");
    }

    @Test
    void starOverARelationOfUnknownSchemaYieldsNoColumns() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.POSTGRES)
                .source("events")
                .model("m", "select * from db.raw.events")
                .lineage("m");

        // then
        assertThat(lineage.coverage().level()).isEqualTo(Coverage.Level.NONE);
        assertThat(lineage.coverage().reasons())
                .containsExactly(new Coverage.Reason(Coverage.ReasonKind.UNKNOWN_SCHEMA, "* over db.raw.events"));
    }

    @Test
    void starOverUnknownSchemaBesideKnownColumnsIsPartial() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.POSTGRES)
                .source("events")
                .source("users", "id")
                .model("m", "select u.id as user_id, e.* from db.raw.users u join db.raw.events e on e.uid = u.id")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("user_id <- users.id DIRECT");
        assertThat(lineage.coverage().level()).isEqualTo(Coverage.Level.PARTIAL);
    }

    @Test
    void namedColumnsOfARelationOfUnknownSchemaAreStillTraced() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.POSTGRES)
                .source("events")
                .model("m", "with e as (select * from db.raw.events) select id, kind as type from e")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("id <- events.id DIRECT", "type <- events.kind DIRECT");
        assertThat(lineage.coverage().level()).isEqualTo(Coverage.Level.FULL);
    }

    @Test
    void starOverUnknownSchemaIsCompletedFromTheModelsWarehouseColumns() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.POSTGRES)
                .source("events")
                .model("m", "select *, 1 as one from db.raw.events")
                .observed("m", "id", "kind", "one")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("id <- events.id DIRECT", "kind <- events.kind DIRECT");
        assertThat(lineage.outputColumns()).containsExactly("id", "kind", "one");
        assertThat(lineage.coverage().level()).isEqualTo(Coverage.Level.FULL);
    }
}
