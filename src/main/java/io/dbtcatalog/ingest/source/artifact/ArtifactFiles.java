package io.dbtcatalog.ingest.source.artifact;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The artifact files of one run: the manifest (required: the state), the optional catalog (warehouse columns) and
 * the results files whose rows reach the history, in the order they were written. A dbt {@code target/} folder
 * holds one of each ({@code fromOneFolder}: a missing optional file is reported by the reader, and a file of another
 * invocation than the manifest's is warned about); a dbt Cloud run holds one results file per executing step, which
 * the source assembled and whose missing parts it reports itself.
 */
public record ArtifactFiles(Path manifest, Path catalog, List<ResultsFile> results, boolean fromOneFolder) {

    public static final String MANIFEST = "manifest.json";
    public static final String RUN_RESULTS = "run_results.json";
    public static final String CATALOG = "catalog.json";
    public static final String SOURCES = "sources.json";

    public ArtifactFiles {
        if (manifest == null) {
            throw new IllegalArgumentException("the artifact files need a manifest path");
        }
        results = List.copyOf(results);
    }

    /** One invocation's files as a folder holds them; {@code null} means absent, which the reader reports. */
    public ArtifactFiles(Path manifest, Path runResults, Path catalog, Path sources) {
        this(manifest, catalog, folderResults(runResults, sources), true);
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

    /** The first {@code run_results.json}, or null. */
    public Path runResults() {
        return first(ResultsFile.Kind.RUN_RESULTS);
    }

    /** The first {@code sources.json}, or null. */
    public Path sources() {
        return first(ResultsFile.Kind.SOURCES);
    }

    /** Every file named, in reading order: manifest, catalog (when set), then the results files. */
    List<Path> paths() {
        List<Path> paths = new ArrayList<>();
        paths.add(manifest);
        if (catalog != null) {
            paths.add(catalog);
        }
        results.forEach(file -> paths.add(file.path()));
        return paths;
    }

    private Path first(ResultsFile.Kind kind) {
        return results.stream()
                .filter(file -> file.kind() == kind)
                .map(ResultsFile::path)
                .findFirst()
                .orElse(null);
    }

    private static List<ResultsFile> folderResults(Path runResults, Path sources) {
        List<ResultsFile> files = new ArrayList<>();
        if (runResults != null) {
            files.add(ResultsFile.runResults(runResults));
        }
        if (sources != null) {
            files.add(ResultsFile.sources(sources));
        }
        return files;
    }

    private static Path existing(Path file) {
        return Files.isRegularFile(file) ? file : null;
    }
}
