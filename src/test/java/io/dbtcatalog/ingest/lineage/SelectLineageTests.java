package io.dbtcatalog.ingest.lineage;

import static io.dbtcatalog.ingest.lineage.TestProject.edges;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How values flow through the select list: copies, expressions, aggregates, windows, CASE, and what does not. */
class SelectLineageTests {

    /** Postgres project with {@code db.raw.orders} and {@code db.raw.customers}; the model is {@code m}. */
    static ModelLineage lineage(String sql) {
        return TestProject.on(Dialect.POSTGRES)
                .source("orders", "id", "customer_id", "amount", "status", "created_at")
                .source("customers", "id", "name", "country")
                .model("m", sql)
                .lineage("m");
    }

    @Test
    void columnCopiedRenamedOrCastIsDirect() {
        // when
        ModelLineage lineage = lineage("select id, amount as total, cast(status as text) as state, "
                + "created_at::date as day from db.raw.orders");

        // then
        assertThat(edges(lineage))
                .containsExactly(
                        "id <- orders.id DIRECT",
                        "total <- orders.amount DIRECT",
                        "state <- orders.status DIRECT",
                        "day <- orders.created_at DIRECT");
        assertThat(lineage.outputColumns()).containsExactly("id", "total", "state", "day");
        assertThat(lineage.coverage().level()).isEqualTo(Coverage.Level.FULL);
    }

    @Test
    void computedColumnIsAnExpression() {
        // when
        ModelLineage lineage =
                lineage("select amount * 100 as cents, coalesce(status, 'new') || id as label " + "from db.raw.orders");

        // then
        assertThat(edges(lineage))
                .containsExactly(
                        "cents <- orders.amount EXPRESSION",
                        "label <- orders.status EXPRESSION",
                        "label <- orders.id EXPRESSION");
    }

    @Test
    void aggregateArgumentsAreAggregates() {
        // when
        ModelLineage lineage = lineage("select customer_id, sum(amount) as revenue, count(*) as orders, "
                + "count(distinct status) as statuses from db.raw.orders group by customer_id");

        // then
        assertThat(edges(lineage))
                .containsExactly(
                        "customer_id <- orders.customer_id DIRECT",
                        "revenue <- orders.amount AGGREGATE",
                        "statuses <- orders.status AGGREGATE");
    }

    @Test
    void windowFunctionArgumentsAreWindowAndItsKeysAreMarked() {
        // when
        ModelLineage lineage = lineage("select id, sum(amount) over (partition by customer_id order by created_at)"
                + " as running, row_number() over (order by created_at) as n from db.raw.orders");

        // then
        assertThat(edges(lineage))
                .containsExactly(
                        "id <- orders.id DIRECT",
                        "running <- orders.amount WINDOW",
                        "running <- orders.customer_id WINDOW_KEY",
                        "running <- orders.created_at WINDOW_KEY",
                        "n <- orders.created_at WINDOW_KEY");
    }

    @Test
    void caseValuesAreCaseAndItsConditionsAreMarked() {
        // when
        ModelLineage lineage = lineage("select case when status = 'paid' then amount else 0 end as paid, "
                + "case status when 'x' then id end as x_id from db.raw.orders");

        // then
        assertThat(edges(lineage))
                .containsExactly(
                        "paid <- orders.status CASE_CONDITION",
                        "paid <- orders.amount CASE",
                        "x_id <- orders.status CASE_CONDITION",
                        "x_id <- orders.id CASE");
    }

    @Test
    void columnUsedOnlyInWhereIsNotAnUpstream() {
        // when
        ModelLineage lineage = lineage("select id from db.raw.orders where status = 'paid' and amount > 0");

        // then
        assertThat(edges(lineage)).containsExactly("id <- orders.id DIRECT");
    }

    @Test
    void columnsUsedOnlyInJoinGroupByHavingOrQualifyAreNotUpstreams() {
        // when
        ModelLineage lineage = lineage("select c.name, max(o.amount) as top from db.raw.orders o "
                + "join db.raw.customers c on c.id = o.customer_id group by c.name, c.country "
                + "having count(o.status) > 1");

        // then
        assertThat(edges(lineage)).containsExactly("name <- customers.name DIRECT", "top <- orders.amount AGGREGATE");
    }

    @Test
    void qualifyFilterIsNotAnUpstream() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.SNOWFLAKE)
                .source("orders", "ID", "STATUS", "CREATED_AT")
                .model(
                        "m",
                        "select id from db.raw.orders qualify row_number() over "
                                + "(partition by status order by created_at) = 1")
                .lineage("m");

        // then
        assertThat(edges(lineage)).containsExactly("ID <- orders.ID DIRECT");
    }

    @Test
    void cteChainsAreFollowedToTheUpstreamNode() {
        // when
        ModelLineage lineage = lineage("with paid as (select id as order_id, amount from db.raw.orders), "
                + "totals as (select order_id, amount * 2 as doubled from paid) select order_id, doubled from totals");

        // then
        assertThat(edges(lineage))
                .containsExactly("order_id <- orders.id DIRECT", "doubled <- orders.amount EXPRESSION");
    }

    @Test
    void kindsComposeAcrossStepsAndTheStrongestWins() {
        // when
        ModelLineage lineage = lineage("with agg as (select customer_id, sum(amount) as revenue "
                + "from db.raw.orders group by 1) select customer_id as customer, revenue / 100 as revenue_k from agg");

        // then
        assertThat(edges(lineage))
                .containsExactly("customer <- orders.customer_id DIRECT", "revenue_k <- orders.amount AGGREGATE");
    }

    @Test
    void subqueryInFromIsFollowed() {
        // when
        ModelLineage lineage = lineage("select s.total from (select amount + 1 as total from db.raw.orders) s");

        // then
        assertThat(edges(lineage)).containsExactly("total <- orders.amount EXPRESSION");
    }

    @Test
    void unionBranchesMergeByPosition() {
        // when
        ModelLineage lineage = lineage(
                "select id, amount as value from db.raw.orders union all " + "select id, name from db.raw.customers");

        // then
        assertThat(edges(lineage))
                .containsExactly(
                        "id <- orders.id DIRECT",
                        "id <- customers.id DIRECT",
                        "value <- orders.amount DIRECT",
                        "value <- customers.name DIRECT");
    }

    @Test
    void scalarSubqueryFeedsAsAnExpression() {
        // when
        ModelLineage lineage = lineage("select c.id, (select max(o.amount) from db.raw.orders o "
                + "where o.customer_id = c.id) as top from db.raw.customers c");

        // then
        assertThat(edges(lineage)).containsExactly("id <- customers.id DIRECT", "top <- orders.amount AGGREGATE");
    }

    @Test
    void laterSelectItemMayNameAnEarlierAlias() {
        // when
        ModelLineage lineage = TestProject.on(Dialect.SNOWFLAKE)
                .source("orders", "AMOUNT")
                .model("m", "select amount * 2 as doubled, doubled + 1 as plus_one from db.raw.orders")
                .lineage("m");

        // then
        assertThat(edges(lineage))
                .containsExactly("DOUBLED <- orders.AMOUNT EXPRESSION", "PLUS_ONE <- orders.AMOUNT EXPRESSION");
    }

    @Test
    void createTableAsWrapperIsAnalysed() {
        // when
        ModelLineage lineage = lineage("create table db.analytics.m as (select id, status from db.raw.orders)");

        // then
        assertThat(edges(lineage)).containsExactly("id <- orders.id DIRECT", "status <- orders.status DIRECT");
    }

    @Test
    void quotedIdentifiersAndThreePartNamesResolve() {
        // when
        ModelLineage lineage = lineage("select \"orders\".\"amount\" as \"Amount\", \"db\".\"raw\".\"orders\".id, "
                + "raw.orders.status from \"db\".\"raw\".\"orders\"");

        // then
        assertThat(edges(lineage))
                .containsExactly(
                        "Amount <- orders.amount DIRECT", "id <- orders.id DIRECT", "status <- orders.status DIRECT");
    }
}
