package io.dbtcatalog.ingest.source.artifact;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.text;
import static io.dbtcatalog.ingest.source.normalize.JsonValues.whole;

import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.TestResult;
import io.dbtcatalog.ingest.source.normalize.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Streams a {@code run_results.json} (v4–v6) one result at a time. Results are kept only when {@link ResultsCommand}
 * says the writing command executed nodes ({@code args} comes after {@code results} in the file, so the decision is
 * taken at the end); each becomes a {@link TestResult} for tests and unit tests, else a {@link RunResult}.
 */
final class RunResultsReader {

    private final ArtifactStream stream;

    RunResultsReader(ArtifactStream stream) {
        this.stream = stream;
    }

    /**
     * Reads the file; outcomes are empty when its command executed nothing.
     *
     * @param isTest             whether a unique id is a test or unit test
     * @param fallbackInvocation invocation id to use when the file carries none
     */
    RunResultsContent read(Path file, Predicate<String> isTest, String fallbackInvocation, Long dbtRunId) {
        List<ResultEntries.Execution> executions = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        JsonNode[] args = {MissingNode.getInstance()};
        ArtifactMetadata metadata = stream.walk(file, ArtifactKind.RUN_RESULTS, (section, parser) -> {
            if ("results".equals(section)) {
                stream.forEachElement(parser, section, ResultEntries.Execution.class, executions::add, skipped::add);
            } else if ("args".equals(section)) {
                args[0] = stream.tree(parser);
            } else {
                parser.skipChildren();
            }
        });
        ResultsCommand command = ResultsCommand.of(args[0]);
        if (!command.executing()) {
            return new RunResultsContent(metadata, command, List.of(), List.of(), 0, List.of());
        }
        String invocation = metadata.invocationId() != null ? metadata.invocationId() : fallbackInvocation;
        return outcomes(metadata, command, executions, isTest, invocation, dbtRunId, skipped);
    }

    private static RunResultsContent outcomes(ArtifactMetadata metadata, ResultsCommand command,
            List<ResultEntries.Execution> executions, Predicate<String> isTest, String invocation, Long dbtRunId,
            List<SkippedEntry> skipped) {
        List<TestResult> tests = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        int incomplete = 0;
        for (ResultEntries.Execution execution : executions) {
            if (blank(execution.uniqueId()) || execution.status() == null) {
                incomplete++;
            } else if (isTest.test(execution.uniqueId())) {
                tests.add(testResult(execution, invocation, dbtRunId));
            } else {
                runs.add(runResult(execution, invocation, dbtRunId));
            }
        }
        return new RunResultsContent(metadata, command, tests, runs, incomplete, skipped);
    }

    private static TestResult testResult(ResultEntries.Execution execution, String invocation, Long dbtRunId) {
        ResultEntries.Timing execute = execution.execute();
        return new TestResult(NodeId.of(execution.uniqueId()), invocation, execution.status(),
                whole(execution.failures()), text(execution.message()), execution.executionTime(),
                started(execute), completed(execute), dbtRunId);
    }

    private static RunResult runResult(ResultEntries.Execution execution, String invocation, Long dbtRunId) {
        ResultEntries.Timing execute = execution.execute();
        JsonNode adapterResponse = execution.adapterResponse();
        Long rows = adapterResponse == null ? null : whole(adapterResponse.path("rows_affected"));
        return new RunResult(NodeId.of(execution.uniqueId()), invocation, execution.status(),
                text(execution.message()), execution.executionTime(), started(execute), completed(execute), rows,
                dbtRunId);
    }

    private static Instant started(ResultEntries.Timing execute) {
        return execute == null ? null : Timestamps.parse(execute.startedAt());
    }

    private static Instant completed(ResultEntries.Timing execute) {
        return execute == null ? null : Timestamps.parse(execute.completedAt());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
