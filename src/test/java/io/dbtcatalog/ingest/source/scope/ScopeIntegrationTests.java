package io.dbtcatalog.ingest.source.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.source.artifact.ArtifactFiles;
import io.dbtcatalog.ingest.source.artifact.ArtifactSnapshotReader;
import io.dbtcatalog.ingest.store.CatalogStore;
import io.dbtcatalog.ingest.store.MassDeleteException;
import io.dbtcatalog.ingest.store.ProjectRef;
import io.dbtcatalog.ingest.store.PublishRules;
import io.dbtcatalog.ingest.support.CatalogDump;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestDatabases.Engine;
import io.dbtcatalog.ingest.support.TestDatabases.TestDatabase;
import io.dbtcatalog.ingest.support.TestRuns;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A source's scope on a real project (the jaffle shop of dbt 1.12), on H2 and PostgreSQL: what it leaves out is
 * written to no table, and narrowing it so that many catalog rows would go is refused like any mass deletion.
 */
class ScopeIntegrationTests {

    private static final String SET = "parser-jaffle-dbt1.12";
    private static final ProjectRef PROJECT = new ProjectRef("scoped", "local", null, null, null, null);
    private static final PublishRules GUARDED = new PublishRules(0.5, false, true, null);
    private static final PublishRules ALLOWED = new PublishRules(0.5, true, true, null);

    @ParameterizedTest
    @EnumSource(Engine.class)
    void excludedResourcesAndEverythingNamingThemAreWrittenToNoTable(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given
            Scope scope = new Scope(
                    null, new ScopeRules(List.of("metric"), null, null, List.of("seeds/**"), null, null, null));
            // when
            new CatalogStore(db.dataSource()).publish(PROJECT, scope.apply(read()), Instant.now());
            // then
            DataSource ds = db.dataSource();
            assertThat(count(ds, "SELECT COUNT(*) FROM catalog_node WHERE resource_type IN ('metric', 'seed')"))
                    .isZero();
            assertThat(count(ds, "SELECT COUNT(*) FROM catalog_node WHERE resource_type = 'model'"))
                    .isEqualTo(13);
            assertThat(count(ds, "SELECT COUNT(*) FROM catalog_metric")).isZero();
            assertThat(count(ds, "SELECT COUNT(*) FROM catalog_column WHERE node_unique_id LIKE 'seed.%'"))
                    .isZero();
            assertThat(count(ds, """
                    SELECT COUNT(*) FROM catalog_lineage
                    WHERE parent_unique_id LIKE 'seed.%' OR child_unique_id LIKE 'metric.%'""")).isZero();
            assertThat(count(ds, """
                    SELECT COUNT(*) FROM catalog_test WHERE attached_node_unique_id LIKE 'seed.%'""")).isZero();
            assertThat(count(ds, "SELECT COUNT(*) FROM catalog_run_result WHERE node_unique_id LIKE 'seed.%'"))
                    .isZero();
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void narrowingTheScopeSoThatMostNodesWouldGoIsRefusedUnlessAllowedAndWidenedItRevivesThem(Engine engine) {
        try (TestDatabase db = engine.create()) {
            // given the whole project in the catalog
            CatalogStore store = new CatalogStore(db.dataSource());
            store.publish(PROJECT, read(), Instant.now(), GUARDED);
            long active = count(db.dataSource(), "SELECT COUNT(*) FROM catalog_node WHERE deleted_at IS NULL");
            Scope modelsOnly = new Scope(new ScopeRules(List.of("model"), null, null, null, null, null, null), null);
            CatalogSnapshot narrowed = modelsOnly.apply(read());

            // when / then: refused, nothing written
            assertThatThrownBy(() -> store.publish(PROJECT, narrowed, Instant.now(), GUARDED))
                    .isInstanceOf(MassDeleteException.class);
            assertThat(count(db.dataSource(), "SELECT COUNT(*) FROM catalog_node WHERE deleted_at IS NULL"))
                    .isEqualTo(active);

            // when allowed: soft-deleted, not removed
            store.publish(PROJECT, narrowed, Instant.now(), ALLOWED);
            assertThat(count(db.dataSource(), "SELECT COUNT(*) FROM catalog_node WHERE deleted_at IS NULL"))
                    .isEqualTo(13);
            assertThat(count(db.dataSource(), "SELECT COUNT(*) FROM catalog_node"))
                    .isEqualTo(active);

            // when the scope is widened again: revived
            store.publish(PROJECT, read(), Instant.now(), GUARDED);
            assertThat(count(db.dataSource(), "SELECT COUNT(*) FROM catalog_node WHERE deleted_at IS NULL"))
                    .isEqualTo(active);
        }
    }

    private static CatalogSnapshot read() {
        RunRef run = TestRuns.run(
                SET, "scoped-run", null, null, null, SharedReference.set(SET).toString());
        return new ArtifactSnapshotReader().read(ArtifactFiles.inFolder(SharedReference.set(SET)), run);
    }

    private static long count(DataSource dataSource, String sql) {
        return ((Number) CatalogDump.query(dataSource, sql)
                        .get(0)
                        .values()
                        .iterator()
                        .next())
                .longValue();
    }
}
