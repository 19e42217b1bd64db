package io.dbtcatalog.ingest.store.publish;

import io.dbtcatalog.ingest.model.CatalogColumn;
import io.dbtcatalog.ingest.model.CatalogNode;
import io.dbtcatalog.ingest.model.Exposure;
import io.dbtcatalog.ingest.model.LineageEdge;
import io.dbtcatalog.ingest.model.Metric;
import io.dbtcatalog.ingest.model.RelationStat;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.SavedQuery;
import io.dbtcatalog.ingest.model.SemanticElement;
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
    static final StateTable<Exposure> EXPOSURES = new ExposureTable();
    static final StateTable<Metric> METRICS = new MetricTable();
    static final StateTable<SemanticElement> SEMANTIC_ELEMENTS = new SemanticElementTable();
    static final StateTable<SavedQuery> SAVED_QUERIES = new SavedQueryTable();
    static final HistoryTable<TestResult> TEST_RESULTS = new TestResultTable();
    static final HistoryTable<RunResult> RUN_RESULTS = new RunResultTable();
    static final HistoryTable<SourceFreshness> FRESHNESS = new FreshnessTable();
    static final HistoryTable<RelationStat> RELATION_STATS = new RelationStatsTable();

    private CatalogTables() {}

    /** The state tables: nodes, columns, lineage edges, tests, then the details of exposures, metrics, semantic models
     * and saved queries. */
    public static List<StateTable<?>> state() {
        return List.of(NODES, COLUMNS, EDGES, TESTS, EXPOSURES, METRICS, SEMANTIC_ELEMENTS, SAVED_QUERIES);
    }

    /** The history tables: test results, run results, source freshness, relation statistics. */
    public static List<HistoryTable<?>> history() {
        return List.of(TEST_RESULTS, RUN_RESULTS, FRESHNESS, RELATION_STATS);
    }
}
