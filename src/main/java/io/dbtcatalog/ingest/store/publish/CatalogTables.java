package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.ColumnLineageCoverage;
import io.dbtcatalog.ingest.model.ColumnLineageEdge;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.SourceFreshness;
import io.dbtcatalog.ingest.model.TestDefinition;
import io.dbtcatalog.ingest.model.TestResult;
import java.util.List;

/** The catalog tables a publish writes, each with its statements, in the order a publish writes them. */
public final class CatalogTables {

    static final StateTable<CatalogNode> NODES = new NodeTable();
    static final StateTable<CatalogColumn> COLUMNS = new ColumnTable();
    static final StateTable<LineageEdge> EDGES = new LineageTable();
    static final StateTable<TestDefinition> TESTS = new TestDefinitionTable();
    static final StateTable<ColumnLineageEdge> COLUMN_EDGES = new ColumnLineageTable();
    static final StateTable<ColumnLineageCoverage> LINEAGE_COVERAGE = new LineageCoverageTable();
    static final HistoryTable<TestResult> TEST_RESULTS = new TestResultTable();
    static final HistoryTable<RunResult> RUN_RESULTS = new RunResultTable();
    static final HistoryTable<SourceFreshness> FRESHNESS = new FreshnessTable();

    private CatalogTables() {}

    /** The state tables: nodes, columns, lineage edges, tests, column lineage edges and their coverage. */
    public static List<StateTable<?>> state() {
        return List.of(NODES, COLUMNS, EDGES, TESTS, COLUMN_EDGES, LINEAGE_COVERAGE);
    }

    /** The history tables: test results, run results, source freshness. */
    public static List<HistoryTable<?>> history() {
        return List.of(TEST_RESULTS, RUN_RESULTS, FRESHNESS);
    }
}
