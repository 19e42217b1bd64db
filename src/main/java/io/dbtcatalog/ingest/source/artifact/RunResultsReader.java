package io.dbtcatalog.ingest.source.artifact;

import static io.dbtcatalog.ingest.source.normalize.JsonValues.text;

import io.dbtcatalog.ingest.model.NodeId;
import io.dbtcatalog.ingest.model.ResultOrigin;
import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.TestResult;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * Streams a {@code run_results.json} (v4–v6) one result at a time: with the byte scan ({@link RunResultsScan},
 * decision 0028), or with Jackson ({@link ArtifactStream}, {@link ResultEntryScan}) when the scan leaves the file to
 * it or is switched off; both give the same results. Results are kept only when {@link ResultsCommand}
 * says the writing command executed nodes ({@code args} comes after {@code results} in the file, so the decision is
 * taken at the end); each becomes a {@link TestResult} for tests and unit tests, else a {@link RunResult}, whose
 * {@link ResultOrigin} is the file's {@code generated_at}, its step and the command that wrote it.
 */
final class RunResultsReader {

    private final ArtifactStream stream;
    private final ResultEntryScan entries;
    private final RunResultsScan scan;

    /** A reader that scans each file's bytes first ({@link RunResultsScan}, decision 0028). */
    RunResultsReader(ArtifactStream stream) {
        this(stream, true);
    }

    /**
     * A reader that, with {@code byteScan}, reads each file with the byte scan ({@link RunResultsScan}, decision
     * 0028) and with Jackson only what the scan leaves to it; without, with Jackson alone.
     */
    RunResultsReader(ArtifactStream stream, boolean byteScan) {
        this.stream = stream;
        this.entries = new ResultEntryScan(stream.mapper());
        this.scan = byteScan ? new RunResultsScan(stream.mapper()) : null;
    }

    /**
     * Reads the file; outcomes are empty when its command executed nothing.
     *
     * @param isTest             whether a unique id is a test or unit test
     * @param fallbackInvocation invocation id to use when the file carries none
     */
    RunResultsContent read(ResultsFile results, Predicate<String> isTest, String fallbackInvocation, Long dbtRunId) {
        return route(parse(results), results, isTest, fallbackInvocation, dbtRunId);
    }

    /**
     * The first half of {@link #read}: the file parsed, its results held compactly, not yet told apart into test and
     * run outcomes (that needs the manifest's resource types). A history-only read parses while the state-digest pass
     * runs (decision 0018).
     */
    Parsed parse(ResultsFile results) {
        Path file = results.path();
        Parsed scanned = scan == null ? null : scan.parse(file);
        return scanned != null ? scanned : walk(file);
    }

    /** The file read with Jackson ({@link ArtifactStream}): the reference of the byte scan, which names problems. */
    Parsed walk(Path file) {
        List<Kept> executions = new ArrayList<>();
        List<SkippedEntry> skipped = new ArrayList<>();
        JsonNode[] args = {MissingNode.getInstance()};
        ArtifactMetadata metadata = stream.walk(file, ArtifactKind.RUN_RESULTS, (section, parser) -> {
            if ("results".equals(section)) {
                stream.forEachObject(
                        parser,
                        section,
                        (element, line) -> entries.entry(element, line, skipped::add),
                        executions::add,
                        skipped::add);
            } else if ("args".equals(section)) {
                args[0] = stream.tree(parser);
            } else {
                parser.skipChildren();
            }
        });
        ResultsCommand command = ResultsCommand.of(args[0]);
        return new Parsed(metadata, command, command.executing() ? executions : List.of(), skipped);
    }

    /** The second half of {@link #read}: the parsed results of {@code results} as outcomes. */
    static RunResultsContent route(
            Parsed parsed, ResultsFile results, Predicate<String> isTest, String fallbackInvocation, Long dbtRunId) {
        ArtifactMetadata metadata = parsed.metadata();
        ResultsCommand command = parsed.command();
        if (!command.executing()) {
            return new RunResultsContent(metadata, command, List.of(), List.of(), 0, List.of());
        }
        String invocation = metadata.invocationId() != null ? metadata.invocationId() : fallbackInvocation;
        ResultOrigin origin = new ResultOrigin(
                metadata.generatedAt(),
                results.step(),
                command.name() != null ? command.name() : results.stepCommand());
        return outcomes(
                metadata,
                command,
                parsed.executions(),
                isTest,
                new Stamp(invocation, dbtRunId, origin),
                parsed.skipped());
    }

    /** A parsed file: its metadata, its command and, when that command executed nodes, its results. */
    record Parsed(
            ArtifactMetadata metadata, ResultsCommand command, List<Kept> executions, List<SkippedEntry> skipped) {}

    /** What every row of one file carries. */
    private record Stamp(String invocation, Long dbtRunId, ResultOrigin origin) {}

    private static RunResultsContent outcomes(
            ArtifactMetadata metadata,
            ResultsCommand command,
            List<Kept> executions,
            Predicate<String> isTest,
            Stamp stamp,
            List<SkippedEntry> skipped) {
        List<TestResult> tests = new ArrayList<>();
        List<RunResult> runs = new ArrayList<>();
        int incomplete = 0;
        for (Kept execution : executions) {
            if (blank(execution.uniqueId()) || execution.status() == null) {
                incomplete++;
            } else if (isTest.test(execution.uniqueId())) {
                tests.add(testResult(execution, stamp));
            } else {
                runs.add(runResult(execution, stamp));
            }
        }
        return new RunResultsContent(metadata, command, tests, runs, incomplete, skipped);
    }

    private static TestResult testResult(Kept execution, Stamp stamp) {
        return new TestResult(
                NodeId.of(execution.uniqueId()),
                stamp.invocation(),
                execution.status(),
                execution.failures(),
                execution.message(),
                execution.executionTime(),
                execution.started(),
                execution.completed(),
                stamp.dbtRunId(),
                stamp.origin());
    }

    private static RunResult runResult(Kept execution, Stamp stamp) {
        return new RunResult(
                NodeId.of(execution.uniqueId()),
                stamp.invocation(),
                execution.status(),
                execution.message(),
                execution.executionTime(),
                execution.started(),
                execution.completed(),
                execution.rowsAffected(),
                stamp.dbtRunId(),
                stamp.origin());
    }

    /**
     * What one result keeps until the file's command is known ({@code args} follows {@code results}): the values of
     * its row, not its JSON (timing steps, adapter response), so a large file's results are held compactly.
     */
    record Kept(
            String uniqueId,
            String status,
            Long failures,
            String message,
            Double executionTime,
            Instant started,
            Instant completed,
            Long rowsAffected) {}

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
