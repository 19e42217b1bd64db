package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.TestResult;
import java.util.List;

/**
 * What one {@code run_results.json} contributes: the command that wrote it and, when that command executed nodes,
 * the test and run outcomes (both empty otherwise). {@code incomplete} counts results without id or status,
 * {@code skipped} lists the results left out for their shape.
 */
record RunResultsContent(
        ArtifactMetadata metadata,
        ResultsCommand command,
        List<TestResult> testResults,
        List<RunResult> runResults,
        int incomplete,
        List<SkippedEntry> skipped) {}
