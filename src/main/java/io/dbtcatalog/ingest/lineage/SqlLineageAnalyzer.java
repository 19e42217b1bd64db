package io.dbtcatalog.ingest.lineage;

/**
 * The one seam to the SQL parser: derives the output columns of one compiled model statement and the upstream
 * columns of each. Implementations throw {@link LineageParseException} when the SQL does not parse and report
 * everything else they could not follow as reasons in the result.
 *
 * <p>The work splits in two: {@link #prepare} depends on the SQL and its dialect only (parsing), so the engine may run
 * it ahead on other threads ({@link ParseAhead}); {@link #analyse(Prepared, AnalysisContext)} resolves it against
 * the models analysed before, in DAG order, on the engine's thread.
 */
public interface SqlLineageAnalyzer {

    /** Analyses {@code sql}, resolving relations and ephemeral CTEs through {@code context}. */
    StatementLineage analyse(String sql, AnalysisContext context);

    /** A name for the parser and its version, part of every fingerprint so that an upgrade re-analyses. */
    String version();

    /**
     * The part of {@link #analyse(String, AnalysisContext)} that depends on {@code sql} and {@code dialect} only. Never
     * throws for the SQL: a failure is kept and thrown by {@link #analyse(Prepared, AnalysisContext)}, so it reaches
     * the model's coverage exactly as an undivided analysis would. Safe to call from any thread. The default does
     * nothing ahead.
     */
    default Prepared prepare(String sql, Dialect dialect) {
        return () -> sql;
    }

    /** Finishes what {@link #prepare} started, like {@link #analyse(String, AnalysisContext)} on its SQL. */
    default StatementLineage analyse(Prepared prepared, AnalysisContext context) {
        return analyse(prepared.sql(), context);
    }

    /** A statement as {@link #prepare} left it. */
    interface Prepared {

        /** The compiled SQL it was prepared from. */
        String sql();
    }
}
