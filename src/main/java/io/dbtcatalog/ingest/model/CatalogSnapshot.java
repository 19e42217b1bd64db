package io.dbtcatalog.ingest.model;

import java.util.List;

/**
 * The whole normalized state of one dbt project at one run, as every source delivers it to the store: state
 * (nodes, columns, edges, tests) plus that run's history rows (test results, run results, freshness).
 * {@code complete} says the state lists everything the project has, so what is missing may be soft-deleted;
 * {@code warnings} are the one-line notes of what was skipped while building it (missing optional files…).
 * {@code artifactDigest} fingerprints the artifact files it was read from (null for the Discovery API);
 * {@code depth} holds the exposure, metric, semantic model and saved query details and the relation statistics.
 * {@code columnLineage} is the column lineage derived from the models' compiled SQL before publishing; null when it
 * was not derived, and then the store leaves the column-lineage tables as they are.
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
        List<String> warnings,
        String artifactDigest,
        CatalogDepth depth,
        ColumnLineage columnLineage) {

    public CatalogSnapshot {
        depth = depth == null ? CatalogDepth.EMPTY : depth;
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

    /** A snapshot without depth ({@link CatalogDepth#EMPTY}) and without column lineage (not derived yet). */
    public CatalogSnapshot(
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
            List<String> warnings,
            String artifactDigest) {
        this(
                run,
                info,
                nodes,
                columns,
                edges,
                tests,
                testResults,
                runResults,
                freshness,
                complete,
                warnings,
                artifactDigest,
                CatalogDepth.EMPTY,
                null);
    }

    /** A snapshot with its depth, without column lineage (not derived yet). */
    public CatalogSnapshot(
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
            List<String> warnings,
            String artifactDigest,
            CatalogDepth depth) {
        this(
                run,
                info,
                nodes,
                columns,
                edges,
                tests,
                testResults,
                runResults,
                freshness,
                complete,
                warnings,
                artifactDigest,
                depth,
                null);
    }

    /** A snapshot read in full from a source without artifact files (no digest). */
    public CatalogSnapshot(
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
        this(run, info, nodes, columns, edges, tests, testResults, runResults, freshness, complete, warnings, null);
    }

    /**
     * A snapshot of a run's history only (no state rows; complete, since the state it goes with is the catalog's):
     * what a next run of an unchanged project publishes (decision 0014).
     */
    public static CatalogSnapshot historyOnly(
            RunRef run,
            SnapshotInfo info,
            List<TestResult> testResults,
            List<RunResult> runResults,
            List<SourceFreshness> freshness,
            List<String> warnings,
            CatalogDepth depth) {
        return new CatalogSnapshot(
                run,
                info,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                testResults,
                runResults,
                freshness,
                true,
                warnings,
                null,
                depth,
                null);
    }

    /** The same snapshot, marked as read from artifact files whose digest is {@code digest}. */
    public CatalogSnapshot withArtifactDigest(String digest) {
        return new CatalogSnapshot(
                run,
                info,
                nodes,
                columns,
                edges,
                tests,
                testResults,
                runResults,
                freshness,
                complete,
                warnings,
                digest,
                depth,
                columnLineage);
    }

    /** The same snapshot with other nodes (its depth and column lineage kept). */
    public CatalogSnapshot withNodes(List<CatalogNode> replaced) {
        return new CatalogSnapshot(
                run,
                info,
                replaced,
                columns,
                edges,
                tests,
                testResults,
                runResults,
                freshness,
                complete,
                warnings,
                artifactDigest,
                depth,
                columnLineage);
    }

    /** The same snapshot with other warnings. */
    public CatalogSnapshot withWarnings(List<String> replaced) {
        return new CatalogSnapshot(
                run,
                info,
                nodes,
                columns,
                edges,
                tests,
                testResults,
                runResults,
                freshness,
                complete,
                replaced,
                artifactDigest,
                depth,
                columnLineage);
    }

    /** The same snapshot with other depth. */
    public CatalogSnapshot withDepth(CatalogDepth replaced) {
        return new CatalogSnapshot(
                run,
                info,
                nodes,
                columns,
                edges,
                tests,
                testResults,
                runResults,
                freshness,
                complete,
                warnings,
                artifactDigest,
                replaced,
                columnLineage);
    }

    /** The same snapshot with its column lineage. */
    public CatalogSnapshot withColumnLineage(ColumnLineage lineage) {
        return new CatalogSnapshot(
                run,
                info,
                nodes,
                columns,
                edges,
                tests,
                testResults,
                runResults,
                freshness,
                complete,
                warnings,
                artifactDigest,
                depth,
                lineage);
    }
}
