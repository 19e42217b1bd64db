package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.RunRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Reads the optional artifacts of one invocation (catalog, run results, source freshness) on a second thread while
 * the caller reads the manifest: the catalog at once (every table; the caller keeps those of manifest nodes), the
 * results once the manifest is known, as they are routed by its resource types. Each part is {@code null} when its
 * file is absent. A failure surfaces when the caller asks for that part, so the caller still meets them in file
 * order; after a failure the thread reads no further file.
 */
final class SideArtifacts {

    private final CompletableFuture<ManifestContent> manifest = new CompletableFuture<>();
    private final CompletableFuture<CatalogContent> catalog = new CompletableFuture<>();
    private final CompletableFuture<RunResultsContent> results = new CompletableFuture<>();
    private final CompletableFuture<SourcesReader.Content> freshness = new CompletableFuture<>();
    private final ArtifactFiles files;
    private final RunRef run;
    private final Readers readers;
    private final Thread thread;

    /** The readers of the optional files. */
    record Readers(CatalogReader catalogs, RunResultsReader runResults, SourcesReader sources) {
    }

    private SideArtifacts(ArtifactFiles files, RunRef run, Readers readers) {
        this.files = files;
        this.run = run;
        this.readers = readers;
        this.thread = new Thread(this::readAll, "artifact-side-reader");
        thread.setDaemon(true);
    }

    /** Starts reading the optional files of {@code files} of {@code run}. */
    static SideArtifacts start(ArtifactFiles files, RunRef run, Readers readers) {
        SideArtifacts side = new SideArtifacts(files, run, readers);
        side.thread.start();
        return side;
    }

    /** Lets the thread go on with the files that depend on the manifest. */
    void manifestRead(ManifestContent content) {
        manifest.complete(content);
    }

    /** Stops the thread (the manifest failed, so nothing else is needed) and waits until it has stopped. */
    void abandon(Throwable manifestFailure) {
        manifest.completeExceptionally(manifestFailure);
        awaitEnd();
    }

    CatalogContent catalog() {
        return get(catalog);
    }

    RunResultsContent results() {
        return get(results);
    }

    SourcesReader.Content freshness() {
        return get(freshness);
    }

    private void readAll() {
        boolean read = read(catalog, files.catalog(), () -> readers.catalogs().read(files.catalog(), id -> true));
        ManifestContent known = read ? manifest.exceptionally(failure -> null).join() : null;
        if (known == null) {
            stopAfter(results, freshness);
            return;
        }
        String invocation = known.metadata().invocationId() != null
                ? known.metadata().invocationId() : run.runKey();
        if (!read(results, files.runResults(), () -> readers.runResults().read(files.runResults(), known::isTest,
                invocation, run.dbtRunId()))) {
            stopAfter(freshness);
            return;
        }
        read(freshness, files.sources(), () -> readers.sources().read(files.sources(), invocation, run.dbtRunId()));
    }

    /** Completes {@code part} with the file's content, or null when absent; false when reading it failed. */
    private static <T> boolean read(CompletableFuture<T> part, Path file, Supplier<T> reading) {
        try {
            part.complete(file != null && Files.isRegularFile(file) ? reading.get() : null);
            return true;
        } catch (RuntimeException | Error e) {
            part.completeExceptionally(e);
            return false;
        }
    }

    @SafeVarargs
    private static void stopAfter(CompletableFuture<?>... parts) {
        for (CompletableFuture<?> part : parts) {
            part.cancel(false);
        }
    }

    private void awaitEnd() {
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> T get(CompletableFuture<T> part) {
        try {
            return part.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        } catch (CancellationException e) {
            throw new IllegalStateException("an artifact was not read because an earlier one failed", e);
        }
    }
}
