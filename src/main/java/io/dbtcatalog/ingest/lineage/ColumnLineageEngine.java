package io.dbtcatalog.ingest.lineage;

import io.dbtcatalog.ingest.lineage.Coverage.ReasonKind;
import io.dbtcatalog.ingest.lineage.SqlLineageAnalyzer.Prepared;
import io.dbtcatalog.ingest.lineage.StatementLineage.Origin;
import io.dbtcatalog.ingest.lineage.StatementLineage.OutputColumn;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the column lineage of every model, in DAG order so that a model's derived output serves as the schema
 * of its children. A model whose input fingerprint matches its previous result is reused, not analysed again.
 * Never throws for a model's SQL: whatever fails becomes that model's {@link Coverage}. The statements of the models
 * sure to be analysed are parsed ahead on worker threads ({@link ParseAhead}); the analysis itself stays in DAG order
 * on the calling thread, so the result does not depend on the number of threads.
 */
public final class ColumnLineageEngine {

    private final SqlLineageAnalyzer analyzer;
    private final int threads;

    /** An engine on the default parser (JSqlParser), parsing on as many threads as the machine has cores. */
    public ColumnLineageEngine() {
        this(new JsqlLineageAnalyzer());
    }

    public ColumnLineageEngine(SqlLineageAnalyzer analyzer) {
        this(analyzer, Runtime.getRuntime().availableProcessors());
    }

    /**
     * An engine on {@code analyzer} that parses ahead on {@code threads} worker threads ({@link ParseAhead}); with
     * one, everything runs on the calling thread.
     */
    public ColumnLineageEngine(SqlLineageAnalyzer analyzer, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("the engine needs at least one thread, not " + threads);
        }
        this.analyzer = analyzer;
        this.threads = threads;
    }

    /** Analyses every model of the input. */
    public LineageResult analyse(LineageInput input) {
        return analyse(input, Map.of());
    }

    /** Analyses the models of the input, reusing each previous result (by unique id) whose fingerprint matches. */
    public LineageResult analyse(LineageInput input, Map<String, ModelLineage> previous) {
        ModelContext context = new ModelContext(input);
        List<LineageModel> ordered = DagOrder.of(input.models());
        // a model without an earlier result is analysed whatever its fingerprint: its statement can be parsed ahead
        List<LineageModel> certain = ordered.stream()
                .filter(model -> !previous.containsKey(model.uniqueId()) && parsable(model))
                .toList();
        List<ModelLineage> results = new ArrayList<>();
        int reused = 0;
        try (ParseAhead statements = new ParseAhead(analyzer, input.dialect(), certain, threads)) {
            for (LineageModel model : ordered) {
                String fingerprint = Fingerprint.of(analyzer.version(), model, context);
                ModelLineage earlier = previous.get(model.uniqueId());
                ModelLineage result;
                if (earlier != null && earlier.fingerprint().equals(fingerprint)) {
                    result = earlier;
                    reused++;
                } else {
                    result = analyse(model, fingerprint, context, statements);
                }
                if (feedsChildren(result)) {
                    context.derived(model.uniqueId(), result.outputColumns());
                }
                results.add(result);
            }
        }
        return new LineageResult(results, results.size() - reused, reused);
    }

    /** A model whose SQL the analyzer is given: not Python, with compiled SQL. */
    private static boolean parsable(LineageModel model) {
        return !model.python()
                && model.compiledSql() != null
                && !model.compiledSql().isBlank();
    }

    private ModelLineage analyse(LineageModel model, String fingerprint, ModelContext context, ParseAhead statements) {
        if (model.python()) {
            return failed(model, fingerprint, ReasonKind.PYTHON_MODEL, "Python models are not analysed");
        }
        if (!parsable(model)) {
            return failed(model, fingerprint, ReasonKind.NO_COMPILED_SQL, "the manifest has no compiled SQL");
        }
        // outside the model's try: a worker that cannot hand a statement over (an interrupt) fails the whole step,
        // it does not become this model's coverage
        Prepared prepared = statements.take(model);
        try {
            StatementLineage statement = analyzer.analyse(prepared, context.of(model));
            List<OutputColumn> columns = OutputNames.matchWarehouse(
                    statement.columns(), context.ownColumns(model.uniqueId()).orElse(List.of()));
            Coverage coverage = columns.isEmpty() && !statement.reasons().isEmpty()
                    ? new Coverage(Coverage.Level.NONE, statement.reasons())
                    : Coverage.of(statement.reasons());
            return new ModelLineage(
                    model.uniqueId(),
                    fingerprint,
                    coverage,
                    columns.stream().map(OutputColumn::name).toList(),
                    edges(model.uniqueId(), columns));
        } catch (LineageParseException e) {
            String at = e.line() > 0 ? "line " + e.line() + ", column " + e.column() + ": " : "";
            return failed(model, fingerprint, ReasonKind.PARSE_ERROR, at + e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            return failed(
                    model,
                    fingerprint,
                    ReasonKind.ANALYSIS_ERROR,
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static List<ColumnEdge> edges(String childId, List<OutputColumn> columns) {
        Map<List<String>, ColumnEdge> edges = new LinkedHashMap<>();
        for (OutputColumn column : columns) {
            for (Origin origin : column.origins()) {
                ColumnEdge edge =
                        new ColumnEdge(childId, column.name(), origin.nodeId(), origin.column(), origin.kind());
                edges.merge(
                        List.of(column.name(), origin.nodeId(), origin.column()),
                        edge,
                        (kept, next) -> new ColumnEdge(
                                childId,
                                kept.childColumn(),
                                kept.parentId(),
                                kept.parentColumn(),
                                kept.kind().merge(next.kind())));
            }
        }
        return List.copyOf(edges.values());
    }

    /** Whether a result's output columns are complete enough to stand for the model's schema downstream. */
    private static boolean feedsChildren(ModelLineage result) {
        return !result.outputColumns().isEmpty()
                && result.coverage().reasons().stream().noneMatch(reason -> reason.kind() == ReasonKind.UNKNOWN_SCHEMA);
    }

    private static ModelLineage failed(LineageModel model, String fingerprint, ReasonKind kind, String detail) {
        return new ModelLineage(model.uniqueId(), fingerprint, Coverage.none(kind, detail), List.of(), List.of());
    }
}
