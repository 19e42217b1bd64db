package io.dbtcatalog.ingest.source.artifact;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One file of results a run contributes to the history: a {@code run_results.json} (test and run outcomes) or a
 * {@code sources.json} (source freshness), with the 1-based dbt Cloud step that wrote it and that step's dbt command
 * ({@code build}, {@code test}…, used when the file does not name its own). Both are null for a folder's files.
 */
public record ResultsFile(Kind kind, Path path, Integer step, String stepCommand) {

    /** What the file holds. */
    public enum Kind {
        RUN_RESULTS(ArtifactFiles.RUN_RESULTS),
        SOURCES(ArtifactFiles.SOURCES);

        private final String fileName;

        Kind(String fileName) {
            this.fileName = fileName;
        }

        /** The file's name in a dbt {@code target/} folder. */
        public String fileName() {
            return fileName;
        }
    }

    public ResultsFile {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(path, "path");
    }

    /** A {@code run_results.json} of a folder (no step). */
    public static ResultsFile runResults(Path path) {
        return new ResultsFile(Kind.RUN_RESULTS, path, null, null);
    }

    /** A {@code sources.json} of a folder (no step). */
    public static ResultsFile sources(Path path) {
        return new ResultsFile(Kind.SOURCES, path, null, null);
    }

    /** How messages name the file: its path, and its step when it has one. */
    String describe() {
        return step == null ? path.toString() : path + " (step " + step + ")";
    }
}
