package io.dbtcatalog.ingest.source;

/**
 * What the catalog knows about artifact files before a source parses them: whether files with a given digest are
 * the ones its current state was published from. Lets a source skip parsing a run that cannot change the catalog.
 */
@FunctionalInterface
public interface KnownArtifacts {

    /** Knows nothing: every run is parsed. */
    KnownArtifacts NONE = digest -> false;

    /** True when the project's current catalog state was published from files with exactly this digest. */
    boolean isCurrentState(String artifactDigest);
}
