package io.dbtcatalog.ingest.source.artifact;

import io.dbtcatalog.ingest.model.RunRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads the optional artifacts of one run (catalog, then each results file in order) on a second thread while the
 * caller reads the manifest: every catalog table (the caller keeps those of manifest nodes), then the results, whose
 * routing by resource type waits until the caller hands over the manifest. A part is {@code null} when its file is
 * absent. A failure surfaces when the caller asks for that part, so the caller still meets them in file order; after
 * a failure the thread reads no further file.
 */
final class SideArtifacts {

    private final CompletableFuture<ManifestContent> manifest = new CompletableFuture<>();
    private final CompletableFuture<CatalogContent> catalog = new CompletableFuture<>();
    private final List<CompletableFuture<ResultsContent>> results = new ArrayList<>();
    private final ArtifactFiles files;
    private final RunRef run;
    private final Readers readers;
    private final Thread thread;

    /** The readers of the optional files. */
    record Readers(CatalogReader catalogs, RunResultsReader runResults, SourcesReader sources) {}

    /** What one results file gave: its run results or its freshness checks (the other one null). */
    record ResultsContent(ResultsFile file, RunResultsContent runResults, SourcesReader.Content freshness) {

        ArtifactMetadata metadata() {
            return runResults != null ? runResults.metadata() : freshness.metadata();
        }
    }

    private SideArtifacts(ArtifactFiles files, RunRef run, Readers readers) {
        this.files = files;
        this.run = run;
        this.readers = readers;
        files.results().forEach(file -> results.add(new CompletableFuture<>()));
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

    /** The content of the {@code index}-th results file of {@link ArtifactFiles#results()}. */
    ResultsContent results(int index) {
        return get(results.get(index));
    }

    private void readAll() {
        if (!read(catalog, files.catalog(), () -> readers.catalogs().read(files.catalog(), id -> true))) {
            stopAfter(results);
            return;
        }
        String early = earlyInvocation();
        for (int i = 0; i < results.size(); i++) {
            ResultsFile file = files.results().get(i);
            if (!read(results.get(i), file.path(), () -> content(file, early))) {
                stopAfter(results.subList(i + 1, results.size()));
                return;
            }
        }
    }

    /**
     * Parses a results file before the manifest is fully read, with the invocation id the manifest's header names as
     * the fallback; the routing by resource type waits for the manifest. Read again in the rare case that the file
     * names no invocation and the manifest's turns out to differ from its header's.
     */
    private ResultsContent content(ResultsFile file, String early) {
        String guess = early == null ? null : fallback(early, file);
        ResultsContent content = guess == null ? null : read(file, guess);
        String fallback = fallback(invocation(manifest.join()), file);
        if (content == null || (content.metadata().invocationId() == null && !fallback.equals(guess))) {
            content = read(file, fallback);
        }
        return content;
    }

    private ResultsContent read(ResultsFile file, String fallbackInvocation) {
        if (file.kind() == ResultsFile.Kind.SOURCES) {
            return new ResultsContent(file, null, readers.sources().read(file, fallbackInvocation, run.dbtRunId()));
        }
        Predicate<String> isTest = id -> manifest.join().isTest(id);
        return new ResultsContent(
                file, readers.runResults().read(file, isTest, fallbackInvocation, run.dbtRunId()), null);
    }

    /**
     * The invocation id of a file that names none: the manifest's (else the run key), with the step appended for a
     * step's file, since each step of a dbt Cloud run is an invocation of its own.
     */
    private static String fallback(String invocation, ResultsFile file) {
        return file.step() == null ? invocation : invocation + ":step-" + file.step();
    }

    /** The invocation id of the manifest, else the run key. */
    private String invocation(ManifestContent known) {
        return known.metadata().invocationId() != null ? known.metadata().invocationId() : run.runKey();
    }

    /** What {@link #invocation} will most likely be, from the manifest's header alone; null when unreadable. */
    private String earlyInvocation() {
        try {
            String id = ArtifactSnapshotReader.readHeader(files.manifest()).invocationId();
            return id != null ? id : run.runKey();
        } catch (ArtifactException unreadable) {
            return null;
        }
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

    private static void stopAfter(List<? extends CompletableFuture<?>> parts) {
        for (CompletableFuture<?> part : parts) {
            part.cancel(false);
        }
    }

    private void awaitEnd() {
        if (ReadThreads.joinUninterruptibly(thread)) {
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
