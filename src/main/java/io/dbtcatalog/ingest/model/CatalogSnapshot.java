package io.dbtcatalog.ingest.model;

import java.util.List;

/**
 * The whole normalized state of one dbt project at one run, as every source delivers it to the store: state
 * (nodes, columns, edges, tests) plus that run's history rows (test results, run results, freshness).
 * {@code complete} says the state lists everything the project has, so what is missing may be soft-deleted;
 * {@code warnings} are the one-line notes of what was skipped while building it (missing optional files…).
 */
public record CatalogSnapshot(
        RunRef run,
        SnapshotInfo info,
        List<CatalogNode> nodes,
        List<CatalogColumn> columns,
        List<LineageEdge> edges,
        List<TestDefinition> tests,
        List<TestResult> testResults,
        List<RunResult> runResults,
        List<SourceFreshness> freshness,
        boolean complete,
        List<String> warnings) {

    public CatalogSnapshot {
        if (run == null || info == null) {
            throw new IllegalArgumentException("a snapshot needs its run and info");
        }
        nodes = List.copyOf(nodes);
        columns = List.copyOf(columns);
        edges = List.copyOf(edges);
        tests = List.copyOf(tests);
        testResults = List.copyOf(testResults);
        runResults = List.copyOf(runResults);
        freshness = List.copyOf(freshness);
        warnings = List.copyOf(warnings);
    }
}
