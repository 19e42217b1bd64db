package io.dbtcatalog.ingest.source.artifact;

import java.nio.file.Path;

/**
 * A dbt artifact file could not be read: missing, unreadable, not JSON, truncated, or not the dbt artifact it was
 * expected to be. The message always names the file and, for JSON syntax errors, the line and column.
 */
public class ArtifactException extends RuntimeException {

    private final transient Path file;

    public ArtifactException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ArtifactException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The artifact file at fault. */
    public Path file() {
        return file;
    }
}
