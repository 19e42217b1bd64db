package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.model.RunRef;
import io.dbtcatalog.ingest.support.SharedReference;
import io.dbtcatalog.ingest.support.TestRuns;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The byte scan of the state-digest pass (decision 0020) gives what Jackson's walk gives, its reference: the same
 * fingerprint, state digest and history index on every reference set, on one thread and on three.
 */
class StateScanTests {

    private static final Path SAMPLE = Path.of("samples/jaffle-shop").toAbsolutePath();

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
        for (String name : List.of("manifest.json", "catalog.json")) {
            Files.copy(SAMPLE.resolve(name), copy.resolve(name));
        }
    }

    @ParameterizedTest
    @MethodSource("sets")
    void theScanGivesTheDigestsAndIndexOfJacksonsWalkOnEveryReferenceSet(String set) {
        // given
        ArtifactFiles files = ArtifactFiles.inFolder(SharedReference.set(set));
        // when
        StateDigest.Result walked = StateDigest.sequential(files, true);
        StateDigest.Result scanned = StateDigest.sequential(files, false);
        StateDigest.Result threaded = StateDigest.of(files, true, false);
        StateDigest.Result withoutIndex = StateDigest.of(files, false, false);
        // then
        assertThat(walked).isNotNull();
        assertThat(scanned).isEqualTo(walked);
        assertThat(threaded).isEqualTo(walked);
        assertThat(List.copyOf(scanned.history().resourceTypes().keySet()))
                .containsExactlyElementsOf(walked.history().resourceTypes().keySet());
        assertThat(List.copyOf(threaded.history().resourceTypes().keySet()))
                .containsExactlyElementsOf(walked.history().resourceTypes().keySet());
        assertThat(withoutIndex.fingerprint()).isEqualTo(walked.fingerprint());
        assertThat(withoutIndex.state()).isEqualTo(walked.state());
        assertThat(withoutIndex.history()).isNull();
    }

    @Test
    void anInputReadWithJacksonsWalkGivesTheFingerprintStateDigestAndHistoryOfTheByteScan() {
        // given: the switch -Ddbt-catalog.source.byte-scan=false, on two cores and on one
        ArtifactFiles files = ArtifactFiles.inFolder(SAMPLE);
        RunRef run = TestRuns.run("shop", "run-1", null, null, null, SAMPLE.toString());
        for (boolean parallel : new boolean[] {true, false}) {
            try (ArtifactInput scanned =
                            new ArtifactInput(new ArtifactSnapshotReader(true, parallel, true), files, run);
                    ArtifactInput walked =
                            new ArtifactInput(new ArtifactSnapshotReader(true, parallel, false), files, run)) {
                // when / then
                assertThat(scanned.fingerprint()).isEqualTo(walked.fingerprint());
                assertThat(scanned.stateDigest()).isPresent().isEqualTo(walked.stateDigest());
                assertThat(scanned.readHistory()).isEqualTo(walked.readHistory());
            }
        }
    }

    @Test
    void aCatalogTableWhoseStatsDoNotBindLeavesTheStateWithoutADigestOnBothPaths() throws IOException {
        // given: one table's stats not an object of statistics
        Path catalog = copy.resolve("catalog.json");
        String text = Files.readString(catalog);
        int stats = text.indexOf("\"stats\": {");
        Files.writeString(
                catalog, text.substring(0, stats) + "\"stats\": [1, 2], \"was\": " + text.substring(stats + 9));
        ArtifactFiles files = ArtifactFiles.inFolder(copy);
        // when
        StateDigest.Result scanned = StateDigest.sequential(files, false);
        // then
        assertThat(scanned).isNotNull().isEqualTo(StateDigest.sequential(files, true));
        assertThat(scanned.state()).isNull();
        assertThat(scanned.fingerprint()).isNotNull();
    }
}
