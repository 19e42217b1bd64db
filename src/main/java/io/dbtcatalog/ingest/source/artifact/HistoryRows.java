package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.RunResult;
import io.dbtcatalog.ingest.model.SourceFreshness;
import io.dbtcatalog.ingest.model.TestResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Gathers the history rows of a run's results files, one file after the other, with the warnings each file gives:
 * a file that is missing, written by a command that executes nothing, of another invocation than a folder's
 * manifest, or with results left out; and, once for the whole run, how many results name a node the manifest does
 * not have (they are kept).
 */
final class HistoryRows {

    private final ManifestContent manifest;
    private final ArtifactFiles files;
    private final Consumer<String> warn;
    private final List<TestResult> tests = new ArrayList<>();
    private final List<RunResult> runs = new ArrayList<>();
    private final List<SourceFreshness> freshness = new ArrayList<>();
    private final Set<String> commands = new LinkedHashSet<>();
    private int unknownNodes;
    private String unknownExample;

    HistoryRows(ManifestContent manifest, ArtifactFiles files, Consumer<String> warn) {
        this.manifest = manifest;
        this.files = files;
        this.warn = warn;
    }

    /** Reads every results file's content from {@code side}, in order; returns this. */
    HistoryRows addAll(SideArtifacts side) {
        return addAll(side::results);
    }

    /** Adds the content of every results file, {@code contents} giving that of the i-th (null when absent). */
    HistoryRows addAll(IntFunction<SideArtifacts.ResultsContent> contents) {
        if (files.fromOneFolder() && files.runResults() == null) {
            missing(ArtifactFiles.RUN_RESULTS, null, "no test or run results recorded");
        }
        for (int i = 0; i < files.results().size(); i++) {
            add(files.results().get(i), contents.apply(i));
        }
        if (files.fromOneFolder() && files.sources() == null) {
            missing(ArtifactFiles.SOURCES, null, "no source freshness recorded");
        }
        if (unknownNodes > 0) {
            warn.accept(unknownNodes + " result(s) name a node the manifest " + files.manifest() + " does not have"
                    + " (e.g. " + unknownExample + "); kept in the history");
        }
        return this;
    }

    List<TestResult> tests() {
        return tests;
    }

    List<RunResult> runs() {
        return runs;
    }

    List<SourceFreshness> freshness() {
        return freshness;
    }

    /** The commands that wrote the run_results files, in order ({@code seed,run,test}); null when none named one. */
    String commands() {
        return commands.isEmpty() ? null : String.join(",", commands);
    }

    private void add(ResultsFile file, SideArtifacts.ResultsContent content) {
        if (content == null) {
            String consequence = file.kind() == ResultsFile.Kind.SOURCES
                    ? "no source freshness recorded"
                    : "no test or run results recorded";
            missing(file.kind().fileName(), file.path(), consequence);
            return;
        }
        checkInvocation(file, content.metadata());
        if (content.runResults() != null) {
            addRunResults(file, content.runResults());
        } else {
            addFreshness(file, content.freshness());
        }
    }

    private void addRunResults(ResultsFile file, RunResultsContent content) {
        ResultsCommand command = content.command();
        String where = file.describe();
        if (command.name() != null) {
            commands.add(command.name());
        }
        if (!command.executing()) {
            String dbt = "generate".equals(command.name()) ? "dbt docs generate" : "dbt " + command.name();
            warn.accept(where + " was written by `" + dbt + "`, which records no outcome; skipped");
        } else if (command.name() == null && file.stepCommand() == null) {
            warn.accept(where + " does not name the dbt command that wrote it; its results are kept as outcomes");
        }
        incomplete(where, content.incomplete(), content.skipped(), "those outcomes are not recorded");
        content.testResults().forEach(result -> known(result.testId().value()));
        content.runResults().forEach(result -> known(result.nodeId().value()));
        tests.addAll(content.testResults());
        runs.addAll(content.runResults());
    }

    private void addFreshness(ResultsFile file, SourcesReader.Content content) {
        incomplete(file.describe(), content.incomplete(), content.skipped(), "that freshness is not recorded");
        content.freshness().forEach(result -> known(result.sourceId().value()));
        freshness.addAll(content.freshness());
    }

    private void incomplete(String where, int incomplete, List<SkippedEntry> skipped, String consequence) {
        if (incomplete > 0) {
            warn.accept(where + ": " + incomplete + " result(s) without unique_id or status; skipped");
        }
        if (!skipped.isEmpty()) {
            warn.accept(where + ": " + SkippedEntry.warning("result(s)", skipped, consequence));
        }
    }

    private void known(String id) {
        if (!manifest.resourceTypes().containsKey(id)) {
            unknownNodes++;
            unknownExample = unknownExample == null ? id : unknownExample;
        }
    }

    /** Warns that a results file is missing; {@code file} null means beside the manifest, where a folder has it. */
    private void missing(String name, Path file, String consequence) {
        Path where = file != null ? file : files.manifest().toAbsolutePath().resolveSibling(name);
        warn.accept("optional " + name + " not found (" + where + "); " + consequence);
    }

    /** A folder's files are expected to come from the manifest's invocation; a step's are invocations of their own. */
    private void checkInvocation(ResultsFile file, ArtifactMetadata metadata) {
        String expected = manifest.metadata().invocationId();
        if (files.fromOneFolder()
                && metadata.invocationId() != null
                && expected != null
                && !Objects.equals(metadata.invocationId(), expected)) {
            warn.accept(file.path() + " comes from dbt invocation " + metadata.invocationId() + ", the manifest from "
                    + expected);
        }
    }
}
