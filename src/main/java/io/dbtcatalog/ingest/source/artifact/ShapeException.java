package io.dbtcatalog.ingest.source.artifact;

import tools.jackson.core.TokenStreamLocation;

/**
 * A part of an artifact whose JSON shape rules the file out (a resource section or a resource entry that is not an
 * object, content after the top-level object). Thrown where the file is unknown; {@link ArtifactStream} turns it
 * into an {@link ArtifactException} naming the file, line and column.
 */
final class ShapeException extends RuntimeException {

    private final transient TokenStreamLocation location;

    ShapeException(String problem, TokenStreamLocation location) {
        super(problem);
        this.location = location;
    }

    TokenStreamLocation location() {
        return location;
    }
}
