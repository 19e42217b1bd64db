package io.dbtcatalog.ingest.bench;

/**
 * What a synthetic project contains, computed from its layout: resources per type, and the rows a normalized
 * ingestion should write per catalog table (nodes, columns, lineage edges, tests, test results, run results).
 * {@code undocumentedColumns}: one per model the warehouse has (non-ephemeral), known only from the catalog.
 */
record ExpectedCounts(
        int models,
        int tests,
        int seeds,
        int sources,
        int exposures,
        int macros,
        long nodes,
        long columns,
        long catalogColumns,
        long undocumentedColumns,
        long edges,
        long testResults,
        long runResults) {

    static ExpectedCounts of(DagLayout layout) {
        int tests = 0;
        long edges = 0;
        int warehouseModels = 0;
        for (int i = 0; i < layout.models; i++) {
            tests += layout.testsOf(i);
            edges += layout.modelParents(i).length
                    + (layout.sourceParent(i) >= 0 ? 1 : 0)
                    + (layout.seedParent(i) >= 0 ? 1 : 0);
            edges += layout.testsOf(i) + (layout.hasRelationship(i) ? 1 : 0);
            warehouseModels += layout.ephemeral(i) ? 0 : 1;
        }
        for (int e = 0; e < layout.exposures; e++) {
            edges += layout.exposureParents(e).length;
        }
        long sourceAndSeedColumns = (long) layout.sources * BenchNames.COLUMNS_PER_SOURCE
                + (long) layout.seeds * BenchNames.COLUMNS_PER_SEED;
        long columns = (long) layout.models * BenchNames.COLUMNS_PER_MODEL + warehouseModels + sourceAndSeedColumns;
        long catalogColumns = (long) warehouseModels * (BenchNames.COLUMNS_PER_MODEL + 1) + sourceAndSeedColumns;
        long nodes = (long) layout.models + tests + layout.seeds + layout.sources + layout.exposures;
        return new ExpectedCounts(
                layout.models,
                tests,
                layout.seeds,
                layout.sources,
                layout.exposures,
                ManifestWriter.MACRO_COUNT,
                nodes,
                columns,
                catalogColumns,
                warehouseModels,
                edges,
                tests,
                warehouseModels + layout.seeds);
    }

    /** Every catalog row a first ingestion writes (state plus history), without the project and ledger rows. */
    long rows() {
        return nodes + columns + edges + tests + testResults + runResults;
    }
}
