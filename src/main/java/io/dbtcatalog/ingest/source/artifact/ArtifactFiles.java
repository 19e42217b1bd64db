package io.dbtcatalog.ingest.source.artifact;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The artifact files of one dbt invocation: the manifest (required) and the optional run results, catalog and
 * source freshness files ({@code null} when absent).
 */
public record ArtifactFiles(Path manifest, Path runResults, Path catalog, Path sources) {

    public static final String MANIFEST = "manifest.json";
    public static final String RUN_RESULTS = "run_results.json";
    public static final String CATALOG = "catalog.json";
    public static final String SOURCES = "sources.json";

    public ArtifactFiles {
        if (manifest == null) {
            throw new IllegalArgumentException("the artifact files need a manifest path");
        }
    }

    /**
     * The artifacts of a dbt {@code target/} folder: {@code manifest.json} is always set (it may not exist; reading
     * then fails naming it), the other three only when the file exists.
     */
    public static ArtifactFiles inFolder(Path folder) {
        return new ArtifactFiles(
                folder.resolve(MANIFEST),
                existing(folder.resolve(RUN_RESULTS)),
                existing(folder.resolve(CATALOG)),
                existing(folder.resolve(SOURCES)));
    }

    private static Path existing(Path file) {
        return Files.isRegularFile(file) ? file : null;
    }
}
