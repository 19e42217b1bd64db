package io.dbtcatalog.ingest.source.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import io.dbtcatalog.ingest.support.SharedReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
    void theSampleScansAsJacksonWalksIt() {
        ArtifactFiles files = ArtifactFiles.inFolder(copy);
        assertThat(StateDigest.sequential(files, false)).isNotNull().isEqualTo(StateDigest.sequential(files, true));
    }

    static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    }
}
