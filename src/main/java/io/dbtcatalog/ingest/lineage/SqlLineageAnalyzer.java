package io.dbtcatalog.ingest.lineage;

/**
 * The one seam to the SQL parser: derives the output columns of one compiled model statement and the upstream
 * columns of each. Implementations throw {@link LineageParseException} when the SQL does not parse and report
 * everything else they could not follow as reasons in the result.
 */
public interface SqlLineageAnalyzer {

    /** Analyses {@code sql}, resolving relations and ephemeral CTEs through {@code context}. */
    StatementLineage analyse(String sql, AnalysisContext context);

    /** A name for the parser and its version, part of every fingerprint so that an upgrade re-analyses. */
    String version();
}
