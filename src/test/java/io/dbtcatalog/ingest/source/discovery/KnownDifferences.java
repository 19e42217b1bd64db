package io.dbtcatalog.ingest.source.discovery;

import static io.dbtcatalog.ingest.model.ResourceType.EXPOSURE;
import static io.dbtcatalog.ingest.model.ResourceType.MODEL;
import static io.dbtcatalog.ingest.model.ResourceType.SEED;
import static io.dbtcatalog.ingest.model.ResourceType.SNAPSHOT;
import static io.dbtcatalog.ingest.model.ResourceType.SOURCE;
import static io.dbtcatalog.ingest.model.ResourceType.TEST;
import static io.dbtcatalog.ingest.model.ResourceType.UNIT_TEST;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.ResourceType;
import io.dbtcatalog.ingest.model.ResultOrigin;
import io.dbtcatalog.ingest.model.RunResult;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Test code: every way a Discovery snapshot may differ from the artifact snapshot of the same state, each with the
 * exact value the Discovery side must then have. The parity tests fail on any difference not listed here and on any
 * entry no reference set exhibits; {@code docs-drafts/discovery-vs-artifacts.md} documents the same table.
 */
final class KnownDifferences {

    static final long RUN_ID = 9000205L;
    private static final Set<ResourceType> ALL = Set.of(MODEL, SOURCE, SEED, SNAPSHOT, TEST, UNIT_TEST, EXPOSURE);

    /** One known difference: where it may occur and what the Discovery value must be instead. */
    record Entry(
            String table,
            Set<ResourceType> types,
            String field,
            String why,
            Predicate<SnapshotDiff.Difference> expected) {

        boolean explains(SnapshotDiff.Difference difference) {
            return table.equals(difference.table())
                    && types.contains(difference.type())
                    && field.equals(difference.field())
                    && expected.test(difference);
        }

        String name() {
            return table + "." + field;
        }
    }

    static final List<Entry> ENTRIES = List.of(
            new Entry("node", ALL, "checksum", "the API serves no file checksum", discoveryNull()),
            new Entry(
                    "node",
                    Set.of(SOURCE, SEED, EXPOSURE),
                    "details.config",
                    "the 2025-03 schema serves config only for models, snapshots and tests",
                    discoveryNull()),
            new Entry(
                    "column",
                    Set.of(MODEL),
                    "markers.constraintsJson",
                    "the Discovery path does not read model contract constraints yet (markers from tests still apply)",
                    d -> "[]".equals(d.discovery())),
            new Entry(
                    "node",
                    Set.of(MODEL, SOURCE, SEED, SNAPSHOT),
                    "relationName",
                    "the 2025-03 schema has no relationName (newer API versions add it)",
                    discoveryNull()),
            new Entry(
                    "node",
                    Set.of(SEED),
                    "materialization",
                    "seeds have neither materializedType nor config in the API; artifacts say 'seed'",
                    d -> "seed".equals(d.artifact()) && d.discovery() == null),
            new Entry(
                    "node",
                    Set.of(SEED, TEST),
                    "contractEnforced",
                    "seeds have no config and tests no contract in the API; artifacts say false",
                    d -> Boolean.FALSE.equals(d.artifact()) && d.discovery() == null),
            new Entry("node", Set.of(TEST), "database", "a test's audit relation is not served", discoveryNull()),
            new Entry(
                    "node",
                    Set.of(TEST, UNIT_TEST),
                    "schema",
                    "a test's audit relation is not served",
                    discoveryNull()),
            new Entry("node", Set.of(TEST), "identifier", "a test's audit relation is not served", discoveryNull()),
            new Entry(
                    "node",
                    Set.of(TEST, SNAPSHOT),
                    "language",
                    "tests and snapshots have no language in the API",
                    d -> "sql".equals(d.artifact()) && d.discovery() == null),
            new Entry(
                    "node",
                    Set.of(UNIT_TEST),
                    "version",
                    "the tested model version of a unit test is not served",
                    discoveryNull()),
            new Entry(
                    "column",
                    ALL,
                    "<row>",
                    "documented-only columns (declared in YAML, not in the warehouse"
                            + " catalog) are not served: Discovery columns come from the catalog",
                    d -> d.discovery() == null
                            && d.artifact() instanceof CatalogColumn c
                            && c.documented()
                            && !c.inWarehouse()),
            new Entry(
                    "column",
                    ALL,
                    "documented",
                    "the API does not say whether YAML declares a column; Discovery"
                            + " counts it documented when it has a description, tags or meta",
                    d -> Boolean.TRUE.equals(d.artifact())
                            && d.discoveryRow() instanceof CatalogColumn c
                            && c.tags().isEmpty()
                            && "{}".equals(c.metaJson())),
            new Entry(
                    "run_result",
                    Set.of(MODEL, SEED, SNAPSHOT),
                    "invocationId",
                    "the API names the dbt Cloud run, not the dbt invocation",
                    runKey()),
            new Entry(
                    "test_result",
                    Set.of(TEST, UNIT_TEST),
                    "invocationId",
                    "the API names the dbt Cloud run, not the dbt invocation",
                    runKey()),
            new Entry(
                    "run_result",
                    Set.of(MODEL, SEED, SNAPSHOT),
                    "message",
                    "lastRunError carries errors only; adapter messages of successful runs are not served",
                    d -> d.discovery() == null
                            && d.discoveryRow() instanceof RunResult r
                            && "success".equals(r.status())),
            new Entry(
                    "run_result",
                    Set.of(MODEL, SEED, SNAPSHOT),
                    "rowsAffected",
                    "the adapter response is not served",
                    discoveryNull()),
            new Entry(
                    "run_result",
                    Set.of(MODEL, SEED, SNAPSHOT),
                    "origin",
                    "the API serves no results file: no" + " file time (the state's is stored), step or command",
                    originUnknown()),
            new Entry(
                    "test_result",
                    Set.of(TEST, UNIT_TEST),
                    "origin",
                    "the API serves no results file: no file" + " time (the state's is stored), step or command",
                    originUnknown()));

    private KnownDifferences() {}

    private static Predicate<SnapshotDiff.Difference> originUnknown() {
        return d -> ResultOrigin.UNKNOWN.equals(d.discovery());
    }

    /** The entry explaining the difference, or null when none does. */
    static Entry explaining(SnapshotDiff.Difference difference) {
        return ENTRIES.stream()
                .filter(entry -> entry.explains(difference))
                .findFirst()
                .orElse(null);
    }

    private static Predicate<SnapshotDiff.Difference> discoveryNull() {
        return d -> d.artifact() != null && d.discovery() == null;
    }

    private static Predicate<SnapshotDiff.Difference> runKey() {
        return d -> ("dbt-cloud-run-" + RUN_ID).equals(d.discovery());
    }
}
