package io.dbtcatalog.ingest.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A realistic synthetic dbt project of N models written as dbt 1.10 artifacts ({@code manifest.json} v12,
 * {@code catalog.json} v1, {@code run_results.json} v6 of a {@code dbt build}) into a folder. Deterministic for a
 * given size and seed; written with Jackson's streaming generator so 50,000 models need little memory.
 */
record SyntheticDbtProject(
        Path directory,
        int models,
        long seed,
        SpecFactory specs,
        InvocationMetadata metadata,
        ExpectedCounts expected) {

    static SyntheticDbtProject generate(Path directory, int models, long seed) {
        DagLayout layout = new DagLayout(models, seed);
        SpecFactory specs = new SpecFactory(layout, seed);
        InvocationMetadata metadata = InvocationMetadata.of(seed);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + directory, e);
        }
        return new SyntheticDbtProject(directory, models, seed, specs, metadata, ExpectedCounts.of(layout)).write();
    }

    /**
     * The artifacts of the next dbt invocation of this unchanged project (new invocation id, a day later, the same
     * nodes, columns and outcomes) written into {@code other}.
     */
    SyntheticDbtProject nextInvocation(Path other) {
        try {
            Files.createDirectories(other);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + other, e);
        }
        return new SyntheticDbtProject(other, models, seed, specs, metadata.next(), expected).write();
    }

    private SyntheticDbtProject write() {
        new ManifestWriter(specs, metadata).write(manifest());
        new CatalogWriter(specs, metadata).write(catalog());
        new RunResultsWriter(specs, metadata, seed).write(runResults());
        return this;
    }

    Path manifest() {
        return directory.resolve("manifest.json");
    }

    Path catalog() {
        return directory.resolve("catalog.json");
    }

    Path runResults() {
        return directory.resolve("run_results.json");
    }

    long totalBytes() {
        try {
            return Files.size(manifest()) + Files.size(catalog()) + Files.size(runResults());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot size the artifacts in " + directory, e);
        }
    }
}
