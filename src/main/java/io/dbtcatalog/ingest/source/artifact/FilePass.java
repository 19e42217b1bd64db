package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.ResourceType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The state-digest pass over one file, manifest or catalog ({@link StateDigest}): it has sent the file's cuts to a
 * {@link RangeSink} and keeps what a history-only read needs. Two implementations give the same cuts and the same
 * results: the byte scan ({@link StateScan}, decision 0020) and Jackson's walk ({@link StateWalk}, its reference).
 */
interface FilePass {

    /** The file's metadata object; null when it has none. */
    ArtifactMetadata metadata();

    /** The resource type of every manifest entry id, in manifest order (empty unless history is kept). */
    Map<String, ResourceType> resourceTypes();

    /** The included statistics of every catalog table by its key (empty unless history is kept). */
    Map<String, List<CatalogEntries.Stat>> stats();

    /** True when a left-out part could change the state after all: a table not an object, stats that do not bind. */
    boolean irregular();

    /** Passes over {@code file} with the byte scan, or with Jackson's walk when {@code jackson}; throws when it fails. */
    static FilePass over(Path file, boolean manifest, boolean keepHistory, RangeSink sink, boolean jackson)
            throws IOException {
        return jackson
                ? new StateWalk(file, manifest, keepHistory, sink).walk()
                : new StateScan(file, manifest, keepHistory, sink).scan();
    }
}
