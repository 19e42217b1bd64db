package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dbtcatalog.ingest.model.CatalogSnapshot;
import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read on two cores (decision 0018) computes exactly what the single-threaded read computes: the same
 * fingerprint, state digest and history index on every reference set, the same snapshots whether the results files
 * were parsed ahead or the state-digest pass ran beside the full read; a file that fails on a helper thread fails the
 * read as it would on the reading thread, naming the file, line and column; and no read leaves a thread behind.
 */
class ReadOnTwoCoresTests {

    private static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();
    private static final RunRef RUN = TestRuns.run("shop", "run-1", null, null, null, SAMPLE.toString());

    static Stream<String> sets() {
        return SharedReference.setNames().stream();
    }

    @TempDir
    Path dir;

    private Path copy;

    @BeforeEach
    void copySample() throws IOException {
        copy = dir.resolve("copy");
        Files.createDirectories(copy);
        for (String name : List.of("manifest.json", "catalog.json", "run_results.json", "sources.json")) {
            Files.copy(SAMPLE.resolve(name), copy.resolve(name));
        }
    }

    @ParameterizedTest
    @MethodSource("sets")
    void thePassOnThreeThreadsGivesTheDigestsAndIndexOfTheSingleThreadedPass(String set) {
        // given
        ArtifactFiles files = ArtifactFiles.inFolder(SharedReference.set(set));
        // when
        StateDigest.Result single = StateDigest.sequential(files);
        StateDigest.Result threaded = StateDigest.of(files);
        StateDigest.Result withoutIndex = StateDigest.of(files, false, false);
        // then
        assertThat(single).isNotNull();
        assertThat(threaded).isEqualTo(single);
        assertThat(List.copyOf(threaded.history().resourceTypes().keySet()))
                .containsExactlyElementsOf(single.history().resourceTypes().keySet());
        assertThat(withoutIndex.fingerprint()).isEqualTo(single.fingerprint());
        assertThat(withoutIndex.state()).isEqualTo(single.state());
        assertThat(withoutIndex.history()).isNull();
    }

    @ParameterizedTest
    @MethodSource("sets")
    void aFullReadBesideThePassGivesTheSnapshotAndDigestsOfAReadAfterIt(String set) {
        // given
        ArtifactFiles files = ArtifactFiles.inFolder(SharedReference.set(set));
        RunRef run =
                TestRuns.run(set, "run-1", null, null, null, files.manifest().toString());
        try (ArtifactInput after = new ArtifactInput(new ArtifactSnapshotReader(true, false), files, run);
                ArtifactInput beside = new ArtifactInput(new ArtifactSnapshotReader(true, true), files, run)) {
            // when
            String fingerprint = after.fingerprint().orElseThrow();
            CatalogSnapshot expected = after.read();
            CatalogSnapshot actual = beside.read();
            // then
            assertThat(actual).isEqualTo(expected);
            assertThat(actual.artifactDigest()).isEqualTo(fingerprint);
            assertThat(beside.fingerprint()).contains(fingerprint);
            assertThat(beside.stateDigest()).isEqualTo(after.stateDigest());
        }
        assertThat(helperThreads()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("sets")
    void aHistoryReadOfResultsParsedAheadOrAfterThePassEqualsTheSingleThreadedOne(String set) {
        // given
        ArtifactFiles files = ArtifactFiles.inFolder(SharedReference.set(set));
        RunRef run =
                TestRuns.run(set, "run-1", null, null, null, files.manifest().toString());
        try (ArtifactInput single = new ArtifactInput(new ArtifactSnapshotReader(true, false), files, run);
                ArtifactInput ahead = new ArtifactInput(new ArtifactSnapshotReader(true, true), files, run);
                ArtifactInput after =
                        new ArtifactInput(new ArtifactSnapshotReader(true, true, true, false), files, run)) {
            if (single.stateDigest().isEmpty()) {
                assertThat(ahead.stateDigest()).isEmpty();
                assertThat(after.stateDigest()).isEmpty();
                return;
            }
            // when
            CatalogSnapshot expected = single.readHistory();
            CatalogSnapshot actual = ahead.readHistory();
            CatalogSnapshot afterThePass = after.readHistory();
            // then
            assertThat(actual).isEqualTo(expected);
            assertThat(afterThePass).isEqualTo(expected);
        }
        assertThat(helperThreads()).isEmpty();
    }

    @Test
    void aMalformedRunResultsFileParsedAheadOrAfterThePassFailsTheHistoryReadAsTheSingleThreadedReadDoes()
            throws IOException {
        // given: a comma missing inside the results (the pass over manifest and catalog is not affected)
        Path results = copy.resolve("run_results.json");
        String text = Files.readString(results);
        int cut = text.indexOf("\"status\"", text.indexOf("\"results\""));
        Files.writeString(results, text.substring(0, cut) + "\"status\" \"success\", " + text.substring(cut));
        ArtifactFiles files = ArtifactFiles.inFolder(copy);
        try (ArtifactInput single = new ArtifactInput(new ArtifactSnapshotReader(true, false), files, RUN);
                ArtifactInput ahead = new ArtifactInput(new ArtifactSnapshotReader(true, true), files, RUN);
                ArtifactInput after =
                        new ArtifactInput(new ArtifactSnapshotReader(true, true, true, false), files, RUN)) {
            assertThat(ahead.stateDigest()).isPresent().isEqualTo(single.stateDigest());
            assertThat(after.stateDigest()).isPresent().isEqualTo(single.stateDigest());
            Throwable expected = catchFailure(single::readHistory);
            // when / then
            for (ArtifactInput input : List.of(ahead, after)) {
                assertThatThrownBy(input::readHistory)
                        .isInstanceOf(ArtifactException.class)
                        .hasMessage(expected.getMessage())
                        .hasMessageContaining(results.toString())
                        .hasMessageMatching("(?s).*line \\d+, column \\d+.*");
            }
        }
        assertThat(helperThreads()).isEmpty();
    }

    @Test
    void aMalformedManifestReadBesideThePassFailsNamingFileLineAndColumnAndLeavesNoThread() throws IOException {
        // given
        Path manifest = copy.resolve("manifest.json");
        String text = Files.readString(manifest);
        Files.writeString(manifest, text.substring(0, text.length() / 2));
        ArtifactFiles files = ArtifactFiles.inFolder(copy);
        Throwable expected;
        try (ArtifactInput single = new ArtifactInput(new ArtifactSnapshotReader(true, false), files, RUN)) {
            expected = catchFailure(single::read);
        }
        try (ArtifactInput beside = new ArtifactInput(new ArtifactSnapshotReader(true, true), files, RUN)) {
            // when / then
            assertThatThrownBy(beside::read)
                    .isInstanceOf(ArtifactException.class)
                    .hasMessage(expected.getMessage())
                    .hasMessageContaining(manifest.toString())
                    .hasMessageMatching("(?s).*line \\d+, column \\d+.*");
        }
        assertThat(helperThreads()).isEmpty();
    }

    @Test
    void aPassWhoseCatalogOrManifestFailsOnAnyThreadGivesNothingAndLeavesNoThread() throws IOException {
        // given: first the catalog (walked by a helper) is cut short, then the manifest (walked by the caller)
        Path catalog = copy.resolve("catalog.json");
        Path manifest = copy.resolve("manifest.json");
        ArtifactFiles files = ArtifactFiles.inFolder(copy);
        Files.writeString(catalog, Files.readString(catalog).substring(0, 300));
        // when / then
        assertThat(StateDigest.of(files)).isNull();
        assertThat(StateDigest.sequential(files)).isNull();
        Files.copy(SAMPLE.resolve("catalog.json"), catalog, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(manifest, "{\"metadata\": {}, \"nodes\": {\"a\": {\"created_at\": 1, }}}");
        assertThat(StateDigest.of(files)).isNull();
        assertThat(StateDigest.sequential(files)).isNull();
        assertThat(helperThreads()).isEmpty();
    }

    @Test
    void aHelperFailureReachesTheCallerAsItWasThrownAndCloseEndsEveryHelper() {
        // given
        ArtifactException failure = new ArtifactException(copy.resolve("x.json"), "broken at line 3, column 4");
        try (ReadThreads threads = new ReadThreads()) {
            var failing = threads.start("failing", () -> {
                throw failure;
            });
            var waiting = threads.start("waiting", () -> {
                Thread.sleep(60_000);
                return "never";
            });
            // when / then
            assertThatThrownBy(() -> ReadThreads.join(failing)).isSameAs(failure);
            assertThat(waiting.isDone()).isFalse();
        }
        assertThat(helperThreads()).isEmpty();
    }

    private static Throwable catchFailure(Runnable read) {
        try {
            read.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the single-threaded read did not fail");
    }

    private static Set<String> helperThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith(ReadThreads.PREFIX))
                .collect(Collectors.toSet());
    }
}
