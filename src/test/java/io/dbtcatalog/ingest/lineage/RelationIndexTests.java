package io.dbtcatalog.ingest.lineage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Relation names written in SQL resolve to nodes under each dialect's case and quoting rules. */
class RelationIndexTests {

    private static final Map<String, RelationName> RELATIONS = Map.of(
            "model.p.orders", new RelationName("analytics", "dbt_prod", "orders"),
            "model.p.Mixed", new RelationName("analytics", "dbt_prod", "Mixed"),
            "source.p.raw.orders", new RelationName("raw", "shop", "orders"));

    @Test
    void snowflakeFoldsUnquotedNamesToUpperCaseOnBothSides() {
        RelationResolver snowflake = RelationResolver.index(Dialect.SNOWFLAKE, RELATIONS);

        assertThat(snowflake.resolve(name("ANALYTICS.DBT_PROD.ORDERS"))).containsExactly("model.p.orders");
        assertThat(snowflake.resolve(name("analytics.dbt_prod.orders"))).containsExactly("model.p.orders");
        assertThat(snowflake.resolve(name("\"ANALYTICS\".\"DBT_PROD\".\"ORDERS\"")))
                .containsExactly("model.p.orders");
    }

    @Test
    void postgresFoldsUnquotedNamesToLowerCaseAndKeepsQuotedOnes() {
        RelationResolver postgres = RelationResolver.index(Dialect.POSTGRES, RELATIONS);

        assertThat(postgres.resolve(name("\"analytics\".\"dbt_prod\".\"Mixed\"")))
                .containsExactly("model.p.Mixed");
        assertThat(postgres.resolve(name("ANALYTICS.DBT_PROD.ORDERS"))).containsExactly("model.p.orders");
    }

    @Test
    void caseInsensitiveDialectsMatchAnyCase() {
        for (Dialect dialect : List.of(Dialect.DUCKDB, Dialect.DATABRICKS, Dialect.REDSHIFT)) {
            RelationResolver resolver = RelationResolver.index(dialect, RELATIONS);

            assertThat(resolver.resolve(name("Analytics.DBT_PROD.Orders")))
                    .as("%s", dialect)
                    .containsExactly("model.p.orders");
        }
    }

    @Test
    void bigqueryPrefersTheExactCaseAndFallsBackToAnyCase() {
        RelationResolver bigquery = RelationResolver.index(Dialect.BIGQUERY, RELATIONS);

        assertThat(bigquery.resolve(name("`analytics`.`dbt_prod`.`Mixed`"))).containsExactly("model.p.Mixed");
        assertThat(bigquery.resolve(name("`analytics.dbt_prod.ORDERS`"))).containsExactly("model.p.orders");
    }

    @Test
    void shortNamesResolveWhenUnambiguousAndYieldEveryCandidateOtherwise() {
        RelationResolver postgres = RelationResolver.index(Dialect.POSTGRES, RELATIONS);

        assertThat(postgres.resolve(name("shop.orders"))).containsExactly("source.p.raw.orders");
        assertThat(postgres.resolve(name("orders"))).containsExactlyInAnyOrder("model.p.orders", "source.p.raw.orders");
        assertThat(postgres.resolve(name("elsewhere.orders"))).isEmpty();
    }

    @Test
    void adapterTypesMapToDialects() {
        assertThat(Dialect.fromAdapterType("spark")).isEqualTo(Dialect.DATABRICKS);
        assertThat(Dialect.fromAdapterType("Snowflake")).isEqualTo(Dialect.SNOWFLAKE);
        assertThat(Dialect.fromAdapterType("trino")).isEqualTo(Dialect.GENERIC);
        assertThat(Dialect.fromAdapterType(null)).isEqualTo(Dialect.GENERIC);
    }

    /** A dotted name as written in SQL; a back-quoted part may hold dots. */
    private static List<Identifier> name(String written) {
        List<Identifier> parts = new ArrayList<>();
        for (String raw : written.split("\\.(?=(?:[^`]*`[^`]*`)*[^`]*$)")) {
            parts.addAll(Identifier.parse(raw));
        }
        return parts;
    }
}
