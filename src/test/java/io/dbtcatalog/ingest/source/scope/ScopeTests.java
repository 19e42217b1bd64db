package io.dbtcatalog.ingest.source.scope;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which nodes a scope holds: include lists all apply, exclude lists any; patterns and globs. */
class ScopeTests {

    private static final CatalogNode ORDERS = node(
            "model.shop.orders",
            ResourceType.MODEL,
            "shop",
            "orders",
            "analytics",
            "marts",
            "models/marts/orders.sql",
            List.of("finance"));
    private static final CatalogNode UTILS_TEST =
            node("test.dbt_utils.x", ResourceType.TEST, "dbt_utils", "x", null, null, "tests/x.sql", List.of());
    private static final CatalogNode SCRATCH = node(
            "model.shop.tmp_orders",
            ResourceType.MODEL,
            "shop",
            "tmp_orders",
            "analytics",
            "scratch_anna",
            "models/staging/tmp_orders.sql",
            List.of());

    @Test
    void emptyScopeHoldsEverything() {
        assertThat(Scope.ALL.holds(ORDERS)).isTrue();
        assertThat(Scope.ALL.holds(UTILS_TEST)).isTrue();
        assertThat(Scope.ALL.isAll()).isTrue();
    }

    @Test
    void excludeByPackageLeavesOutInstalledPackagesTests() {
        Scope scope = new Scope(null, rules(null, List.of("dbt_*"), null, null, null, null, null));
        assertThat(scope.holds(UTILS_TEST)).isFalse();
        assertThat(scope.holds(ORDERS)).isTrue();
    }

    @Test
    void includeListsMustAllMatchButADatabaseListDoesNotApplyToNodesWithoutOne() {
        Scope scope = new Scope(rules(null, null, null, null, List.of("ANALYTICS"), List.of("marts"), null), null);
        assertThat(scope.holds(ORDERS)).isTrue();
        assertThat(scope.holds(SCRATCH)).isFalse();
        assertThat(scope.holds(UTILS_TEST)).isTrue();
    }

    @Test
    void excludeBySchemaAndNamePatterns() {
        assertThat(new Scope(null, rules(null, null, null, null, null, List.of("scratch_*"), null)).holds(SCRATCH))
                .isFalse();
        assertThat(new Scope(null, rules(null, null, null, null, null, null, List.of("tmp_?????"))).holds(SCRATCH))
                .isTrue();
        assertThat(new Scope(null, rules(null, null, null, null, null, null, List.of("tmp_*"))).holds(SCRATCH))
                .isFalse();
    }

    @Test
    void pathGlobsCrossFoldersOnlyWithTwoStars() {
        assertThat(new Scope(rules(null, null, null, List.of("models/**"), null, null, null), null).holds(ORDERS))
                .isTrue();
        assertThat(new Scope(rules(null, null, null, List.of("models/*.sql"), null, null, null), null).holds(ORDERS))
                .isFalse();
    }

    @Test
    void includeByTagAndResourceType() {
        Scope scope = new Scope(rules(List.of("MODEL"), null, List.of("finance"), null, null, null, null), null);
        assertThat(scope.holds(ORDERS)).isTrue();
        assertThat(scope.holds(SCRATCH)).isFalse();
    }

    @Test
    void aScopeChangesTheFingerprintOfTheSameFilesButTheEmptyScopeKeepsIt() {
        Scope scope = new Scope(null, rules(List.of("test"), null, null, null, null, null, null));
        assertThat(Scope.ALL.qualify("sha256:abc")).isEqualTo("sha256:abc");
        assertThat(scope.qualify("sha256:abc")).startsWith("sha256:").isNotEqualTo("sha256:abc");
        assertThat(new Scope(null, rules(List.of("TEST"), null, null, null, null, null, null)).qualify("sha256:abc"))
                .isEqualTo(scope.qualify("sha256:abc"));
    }

    private static ScopeRules rules(
            List<String> types,
            List<String> packages,
            List<String> tags,
            List<String> paths,
            List<String> databases,
            List<String> schemas,
            List<String> names) {
        return new ScopeRules(types, packages, tags, paths, databases, schemas, names);
    }

    private static CatalogNode node(
            String id,
            ResourceType type,
            String pkg,
            String name,
            String database,
            String schema,
            String path,
            List<String> tags) {
        return new CatalogNode(
                NodeId.of(id),
                type,
                pkg,
                name,
                database,
                schema,
                name,
                null,
                null,
                null,
                null,
                null,
                tags,
                "{}",
                null,
                null,
                null,
                null,
                path,
                null,
                null,
                null);
    }
}
